import BroadsheetCore
import Hummingbird
import NIOCore

/// Each request's context: the framework's own, plus who is signed in (newsroom requests) and the client's address.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in session, set by `NewsroomSessionMiddleware` for newsroom requests.
    var session: NewsroomSession?
    /// The session cookie's token, for signing out.
    var sessionToken: String?
    /// The client's IP address, for limiting failed sign-ins.
    let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Requests bodies are read explicitly by each route, with its own limit.
    public var maxUploadSize: Int { 16 * 1_048_576 }
}

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
    /// The peer's address; written out only when asked for (sign-ins), not for every request.
    private let remoteAddress: SocketAddress?

    /// The client's IP address, for limiting failed sign-ins.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Requests bodies are read explicitly by each route, with its own limit.
    public var maxUploadSize: Int { 16 * 1_048_576 }
}

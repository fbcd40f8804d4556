import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird

/// The newsroom's door: finds the session from the cookie, sends anyone signed out to the sign-in page, refuses
/// every state-changing request that does not carry the session's CSRF token, and keeps every answer out of caches.
struct NewsroomGateMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let authenticator: Authenticator
    /// The largest body read to find the CSRF token (uploads included).
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let token = request.cookies[NewsroomRoute.sessionCookie]?.value, let session = try await authenticator.session(token: token) {
            context.session = session
            context.sessionToken = token
        }
        let isLogin = request.uri.path == NewsroomRoute.Kind.login.pattern
        if context.session == nil, !isLogin {
            guard request.method == .get || request.method == .head else {
                throw HTTPError(.forbidden, message: "Your session has ended. Sign in again; what you typed was not saved.")
            }
            let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(status: .seeOther, headers: [.location: NewsroomRoute.login(next: back).path, .cacheControl: "no-store"])
        }
        if let session = context.session, request.method != .get, request.method != .head, !isLogin {
            _ = try await request.collectBody(upTo: bodyLimit)
            let form = try await FormData.read(request, limit: bodyLimit)
            let sent = request.headers[.csrfToken] ?? form.value("csrf") ?? ""
            guard Self.constantTimeEqual(sent, session.csrfToken) else {
                throw HTTPError(.forbidden, message: "This form has expired or did not come from the newsroom. Go back, reload the page and try again.")
            }
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
}

import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out, one's own password, and (for admins) accounts.
struct NewsroomAccountController: Sendable {
    struct LoginPage: Sendable {
        let publicationName: String
        let stylesheetURL: String
        let action: String
        let next: String
        let email: String
        let loginToken: String
        let error: String?
        let notice: String?
    }

    struct AccountPage: Sendable {
        let chrome: NewsroomSite.Chrome
        let email: String
        let action: String
        let error: String?
    }

    struct UserRow: Sendable {
        let name: String
        let email: String
        let roleOptions: [Option]
        let roleAction: String
        let resetAction: String
        let isSelf: Bool
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    struct UsersPage: Sendable {
        let chrome: NewsroomSite.Chrome
        let users: [UserRow]
        let createAction: String
        let roles: [Option]
        let authors: [Option]
        let error: String?
        /// A password just created or reset, shown once.
        let newPassword: String?
        let newPasswordFor: String?
        let email: String
        let name: String
    }

    let site: NewsroomSite
    let secureCookies: Bool
    /// Addresses of proxies whose X-Forwarded-For is believed.
    let trustedProxies: Set<String>

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(NewsroomRoute.Kind.login.pattern)) { request, context in
            if context.session != nil { return NewsroomSite.redirect(NewsroomRoute.stories().path) }
            return try loginPage(request: request, next: FormQuery(request).get("next"), email: "", error: nil, status: .ok)
        }
        router.post(RouterPath(NewsroomRoute.Kind.login.pattern)) { request, context in
            let form = try await FormData.read(request, limit: 16_384)
            // Sign-in has no session yet: its form proves it came from our page with a token also set as a cookie.
            let cookieToken = request.cookies[NewsroomRoute.loginCookie]?.value ?? ""
            guard NewsroomGateMiddleware.constantTimeEqual(form.text("login_token"), cookieToken) else {
                return try loginPage(request: request, next: form.value("next"), email: form.text("email"), error: "The sign-in form expired. Please try again.", status: .forbidden)
            }
            do {
                let client = clientAddress(request, context)
                let (token, _) = try await site.authenticator.logIn(email: form.text("email"), password: form.text("password"), clientAddress: client)
                if let old = context.sessionToken { try await site.authenticator.logOut(token: old) }
                var response = NewsroomSite.redirect(NewsroomRoute.safeNext(form.value("next")))
                response.setCookie(sessionCookie(token, maxAge: Int(site.authenticator.rules.lifetime)))
                response.setCookie(Cookie(name: NewsroomRoute.loginCookie, value: "", maxAge: 0, path: NewsroomRoute.cookiePath, secure: secureCookies, httpOnly: true, sameSite: .strict))
                return response
            } catch let error as LoginError {
                return try loginPage(
                    request: request, next: form.value("next"), email: form.text("email"), error: error.description,
                    status: error == .tooManyAttempts ? .tooManyRequests : .unauthorized
                )
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.logout.pattern)) { _, context in
            if let token = context.sessionToken { try await site.authenticator.logOut(token: token) }
            var response = NewsroomSite.redirect(NewsroomRoute.login().path, notice: "signed-out")
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
        router.get(RouterPath(NewsroomRoute.Kind.account.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            return try site.renderer.response("newsroom-account", AccountPage(
                chrome: site.chrome(session, request: request), email: session.user.email,
                action: NewsroomRoute.accountPassword.path, error: nil
            ), cacheControl: "no-store")
        }
        router.post(RouterPath(NewsroomRoute.Kind.accountPassword.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.changeOwnPassword, session)
            let form = try await FormData.read(request, limit: 16_384)
            do {
                guard form.text("new") == form.text("repeat") else { throw AccountError.invalid("The two new passwords differ.") }
                try await site.authenticator.changePassword(user: session.user, current: form.text("current"), new: form.text("new"))
                // The change ended every session of the account, this one included: sign in again with the new password.
                var response = NewsroomSite.redirect(NewsroomRoute.login().path, notice: "password")
                response.setCookie(sessionCookie("", maxAge: 0))
                return response
            } catch let error as AccountError {
                return try site.renderer.response("newsroom-account", AccountPage(
                    chrome: site.chrome(session, request: request), email: session.user.email,
                    action: NewsroomRoute.accountPassword.path, error: error.description
                ), status: .unprocessableContent, cacheControl: "no-store")
            }
        }
        router.get(RouterPath(NewsroomRoute.Kind.users.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.manageUsers, session)
            return try await usersPage(session: session, request: request, error: nil, created: nil, form: nil, status: .ok)
        }
        router.post(RouterPath(NewsroomRoute.Kind.users.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.manageUsers, session)
            let form = try await FormData.read(request, limit: 16_384)
            guard let role = Role(rawValue: form.text("role")) else {
                return try await usersPage(session: session, request: request, error: "Choose a role.", created: nil, form: form, status: .unprocessableContent)
            }
            let password = Authenticator.randomPassword()
            do {
                let user = try await site.authenticator.createUser(
                    NewUser(email: form.text("email"), name: form.text("name"), role: role, authorID: Int64(form.text("author"))),
                    password: password
                )
                return try await usersPage(session: session, request: request, error: nil, created: (user.email, password), form: nil, status: .ok)
            } catch let error as AccountError {
                return try await usersPage(session: session, request: request, error: error.description, created: nil, form: form, status: .unprocessableContent)
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.userPassword.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.resetPasswords, session)
            let id = try NewsroomSite.id(context)
            guard let user = try await site.services.users.user(id: id) else { throw HTTPError(.notFound, message: "There is no such account.") }
            let password = Authenticator.randomPassword()
            try await site.authenticator.setPassword(password, userID: id)
            return try await usersPage(session: session, request: request, error: nil, created: (user.email, password), form: nil, status: .ok)
        }
        router.post(RouterPath(NewsroomRoute.Kind.userRole.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.manageUsers, session)
            let id = try NewsroomSite.id(context)
            let form = try await FormData.read(request, limit: 16_384)
            guard let role = Role(rawValue: form.text("role")) else { throw HTTPError(.badRequest, message: "Choose a role.") }
            guard id != session.user.id else { throw HTTPError(.badRequest, message: "You cannot change your own role.") }
            do {
                try await site.services.users.setRole(role, userID: id)
            } catch AccountError.notFound {
                throw HTTPError(.notFound, message: "There is no such account.")
            }
            return NewsroomSite.redirect(NewsroomRoute.users.path, notice: "role")
        }
    }

    private func sessionCookie(_ token: String, maxAge: Int) -> Cookie {
        Cookie(name: NewsroomRoute.sessionCookie, value: token, maxAge: maxAge, path: NewsroomRoute.cookiePath, secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The client's address: the socket's peer, or, when that peer is a trusted proxy, the last address the proxy
    /// added to X-Forwarded-For.
    private func clientAddress(_ request: Request, _ context: AppRequestContext) -> String {
        guard trustedProxies.contains(context.clientAddress), let forwarded = request.headers[.xForwardedFor],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.count <= 64
        else { return context.clientAddress }
        return last
    }

    private func loginPage(request: Request, next: String?, email: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = Authenticator.randomToken()
        let page = LoginPage(
            publicationName: site.reader.configuration.publicationName,
            stylesheetURL: SiteRoute.asset(file: site.reader.assets.stylesheet.fileName).path, action: NewsroomRoute.login().path,
            next: NewsroomRoute.safeNext(next), email: email, loginToken: token, error: error,
            notice: FormQuery(request).get("notice").flatMap { NewsroomSite.notices[$0] }
        )
        var response = try site.renderer.response("newsroom-login", page, status: status, cacheControl: "no-store")
        response.setCookie(Cookie(name: NewsroomRoute.loginCookie, value: token, maxAge: 3_600, path: NewsroomRoute.cookiePath, secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    private func usersPage(
        session: NewsroomSession, request: Request, error: String?, created: (email: String, password: String)?, form: FormData?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let users = try await site.services.users.users()
        let authors = try await site.taxonomy.authors()
        let chosenRole = form?.text("role") ?? Role.writer.rawValue
        let page = UsersPage(
            chrome: site.chrome(session, request: request),
            users: users.map { user in
                UserRow(
                    name: user.name, email: user.email,
                    roleOptions: Role.allCases.map { Option(value: $0.rawValue, label: $0.label, isSelected: $0 == user.role) },
                    roleAction: NewsroomRoute.userRole(id: user.id).path, resetAction: NewsroomRoute.userPassword(id: user.id).path,
                    isSelf: user.id == session.user.id
                )
            },
            createAction: NewsroomRoute.users.path,
            roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == chosenRole) },
            authors: authors.map { Option(value: String($0.id), label: $0.name, isSelected: String($0.id) == form?.text("author")) },
            error: error, newPassword: created?.password, newPasswordFor: created?.email,
            email: form?.text("email") ?? "", name: form?.text("name") ?? ""
        )
        return try site.renderer.response("newsroom-users", page, status: status, cacheControl: "no-store")
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}

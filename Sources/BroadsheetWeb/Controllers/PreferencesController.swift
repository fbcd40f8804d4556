import Hummingbird

/// Reader preferences that work without JavaScript: a form posts the change, the server sets the cookie and sends
/// the reader back to where they were. The page's script sets the same cookie itself and skips the round trip.
struct PreferencesController<Context: RequestContext>: Sendable {
    /// What the text-size form sends.
    struct TextSizeForm: Decodable {
        var change: String?
        var `return`: String?
    }

    let secureCookies: Bool

    func addRoutes(to router: Router<Context>) {
        router.post(RouterPath(SiteRoute.Kind.textSize.pattern)) { request, _ in
            let body = try await request.body.collect(upTo: 4_096)
            let form = (try? URLEncodedFormDecoder().decode(TextSizeForm.self, from: String(buffer: body))) ?? TextSizeForm()
            guard let change = form.change.flatMap(TextSize.Change.init(rawValue:)) else {
                throw HTTPError(.badRequest, message: "Choose smaller, larger or reset.")
            }
            let current = TextSize(cookieValue: request.cookies[TextSize.cookieName]?.value)
            let chosen = current.applying(change)
            var response = Response(
                status: .seeOther,
                headers: [.location: Self.safeReturnPath(form.return) + "#" + ArticlePage.toolsAnchor, .cacheControl: "no-store"]
            )
            response.setCookie(
                Cookie(
                    name: TextSize.cookieName, value: chosen.cookieValue, maxAge: 365 * 86_400, path: "/", secure: secureCookies,
                    httpOnly: false, sameSite: .lax
                )
            )
            return response
        }
    }

    /// Only a path on this site is a place to return to; anything else (another site, `//host`, `\`) goes home.
    static func safeReturnPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 512,
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" && $0 != "#" })
        else { return SiteRoute.home().path }
        return path
    }
}

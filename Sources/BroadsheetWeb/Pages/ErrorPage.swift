import Hummingbird

/// The page shown for any error, inside the site's usual layout.
struct ErrorPage: Sendable {
    let chrome: SiteChrome
    let head: PageHead
    let status: Int
    let title: String
    let message: String

    static func load(site: ReaderSite, status: HTTPResponse.Status, message: String?) async -> ErrorPage {
        let title: String
        let fallback: String
        switch status.code {
        case 400: (title, fallback) = ("That request could not be understood", "Something in the address is malformed.")
        case 401, 403: (title, fallback) = ("Not allowed", "You do not have permission to do that.")
        case 422: (title, fallback) = ("That could not be saved", "Something in what was sent could not be accepted.")
        case 429: (title, fallback) = ("Too many requests", "Please wait a little and try again.")
        case 404: (title, fallback) = ("Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped.")
        case 405: (title, fallback) = ("Not allowed", "This address does not accept that kind of request.")
        case 413: (title, fallback) = ("Too large", "What was sent is larger than this address accepts.")
        case 500...: (title, fallback) = ("Something went wrong", "The page could not be shown just now. Please try again in a moment.")
        default: (title, fallback) = (status.reasonPhrase, "The request could not be completed.")
        }
        return ErrorPage(
            chrome: await site.chrome(),
            head: site.head(title: title, description: fallback, canonical: .home(), noIndex: true),
            status: status.code, title: title, message: message ?? fallback
        )
    }
}

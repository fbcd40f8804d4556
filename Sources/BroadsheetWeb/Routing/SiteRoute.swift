import BroadsheetCore
import Foundation

/// Every address of the reader site. Controllers register routes from `Kind.pattern`; pages and feeds build
/// links with `path`, so no template spells a path by hand.
enum SiteRoute: Hashable, Sendable {
    case home(page: Int = 1)
    case section(slug: String, page: Int = 1)
    case author(slug: String, page: Int = 1)
    case tag(slug: String, page: Int = 1)
    /// A story's address: its first publication date in the publication's time zone, then its slug.
    case article(year: Int, month: Int, day: Int, slug: String)
    case search(SearchParameters, page: Int = 1)
    case searchFeed(SearchParameters)
    case searchAPI(SearchParameters, page: Int = 1)
    case rss
    case image(ImageReference)
    case asset(file: String)
    case about
    case contact
    case feeds
    case corrections(page: Int = 1)
    case textSize

    /// The kinds of route, each with the pattern the router matches.
    enum Kind: Sendable {
        case home, section, author, tag, article, search, searchFeed, searchAPI, rss, image, asset, about, contact, feeds, corrections, textSize

        var pattern: String {
            switch self {
            case .home: "/"
            case .section: "/section/:slug"
            case .author: "/author/:slug"
            case .tag: "/tag/:slug"
            case .article: "/:year/:month/:day/:slug"
            case .search: "/search"
            case .searchFeed: "/search.rss"
            case .searchAPI: "/api/search"
            case .rss: "/rss.xml"
            case .image: ImageReference.pathPrefix + ":file"
            case .asset: "/assets/:file"
            case .about: "/about"
            case .contact: "/contact"
            case .feeds: "/feeds"
            case .corrections: "/corrections"
            case .textSize: "/preferences/text-size"
            }
        }
    }

    /// The site-relative path, with the query string where the route has one.
    var path: String {
        switch self {
        case .home(let page): "/" + Self.pageQuery(page, first: true)
        case .section(let slug, let page): "/section/\(slug)" + Self.pageQuery(page, first: true)
        case .author(let slug, let page): "/author/\(slug)" + Self.pageQuery(page, first: true)
        case .tag(let slug, let page): "/tag/\(slug)" + Self.pageQuery(page, first: true)
        case .article(let year, let month, let day, let slug):
            "/\(year)/\(month < 10 ? "0" : "")\(month)/\(day < 10 ? "0" : "")\(day)/\(slug)"
        case .search(let parameters, let page): Self.withQuery("/search", parameters.queryString, page: page)
        case .searchFeed(let parameters): Self.withQuery("/search.rss", parameters.queryString, page: 1)
        case .searchAPI(let parameters, let page): Self.withQuery("/api/search", parameters.queryString, page: page)
        case .rss: "/rss.xml"
        case .image(let reference): reference.path
        case .asset(let file): "/assets/\(file)"
        case .about: "/about"
        case .contact: "/contact"
        case .feeds: "/feeds"
        case .corrections(let page): "/corrections" + Self.pageQuery(page, first: true)
        case .textSize: "/preferences/text-size"
        }
    }

    private static func withQuery(_ path: String, _ query: String, page: Int) -> String {
        query.isEmpty ? path + pageQuery(page, first: true) : path + "?" + query + pageQuery(page, first: false)
    }

    private static func pageQuery(_ page: Int, first: Bool) -> String {
        page > 1 ? "\(first ? "?" : "&")page=\(page)" : ""
    }

    private static let queryValueAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encodeQueryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? ""
    }
}

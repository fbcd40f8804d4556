import BroadsheetCore
import Foundation

/// Every address of the reader site. Controllers register routes from `Kind.pattern`; pages and feeds build
/// links with `path`, so no template spells a path by hand.
public enum SiteRoute: Hashable, Sendable {
    case home(page: Int = 1)
    case section(slug: String, page: Int = 1)
    case author(slug: String, page: Int = 1)
    case tag(slug: String, page: Int = 1)
    /// A story's address: its first publication date in the publication's time zone, then its slug.
    case article(year: Int, month: Int, day: Int, slug: String)
    case search(query: String, page: Int = 1)
    case rss
    case image(ImageReference)
    case asset(file: String)
    case about
    case contact
    case feeds
    case textSize

    /// The kinds of route, each with the pattern the router matches.
    public enum Kind: Sendable {
        case home, section, author, tag, article, search, rss, image, asset, about, contact, feeds, textSize

        public var pattern: String {
            switch self {
            case .home: "/"
            case .section: "/section/:slug"
            case .author: "/author/:slug"
            case .tag: "/tag/:slug"
            case .article: "/:year/:month/:day/:slug"
            case .search: "/search"
            case .rss: "/rss.xml"
            case .image: ImageReference.pathPrefix + ":file"
            case .asset: "/assets/:file"
            case .about: "/about"
            case .contact: "/contact"
            case .feeds: "/feeds"
            case .textSize: "/preferences/text-size"
            }
        }
    }

    /// The site-relative path, with the query string where the route has one.
    public var path: String {
        switch self {
        case .home(let page): "/" + Self.pageQuery(page, first: true)
        case .section(let slug, let page): "/section/\(slug)" + Self.pageQuery(page, first: true)
        case .author(let slug, let page): "/author/\(slug)" + Self.pageQuery(page, first: true)
        case .tag(let slug, let page): "/tag/\(slug)" + Self.pageQuery(page, first: true)
        case .article(let year, let month, let day, let slug):
            "/\(year)/\(month < 10 ? "0" : "")\(month)/\(day < 10 ? "0" : "")\(day)/\(slug)"
        case .search(let query, let page):
            query.isEmpty ? "/search" + Self.pageQuery(page, first: true)
                : "/search?q=\(Self.encodeQueryValue(query))" + Self.pageQuery(page, first: false)
        case .rss: "/rss.xml"
        case .image(let reference): reference.path
        case .asset(let file): "/assets/\(file)"
        case .about: "/about"
        case .contact: "/contact"
        case .feeds: "/feeds"
        case .textSize: "/preferences/text-size"
        }
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

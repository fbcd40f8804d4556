import BroadsheetCore
import BroadsheetFeeds
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
    case searchAPI(SearchParameters, page: Int = 1)
    /// A feed of the site, a section, an author, a tag or a search, in one format.
    case feed(FeedScope, FeedFormat)
    case sitemapIndex
    case sitemap(SitemapPart)
    case newsSitemap
    case robots
    case image(ImageReference)
    case asset(file: String)
    case about
    case contact
    case feeds
    case corrections(page: Int = 1)
    case textSize

    /// The kinds of route, each with the pattern the router matches.
    enum Kind: Sendable {
        case home, section, author, tag, article, search, searchAPI, image, asset, about, contact, feeds, corrections, textSize
        case sitemapIndex, sitemap, newsSitemap, robots
        case feed(FeedScope.Kind, FeedFormat)

        var pattern: String {
            switch self {
            case .home: "/"
            case .section: "/section/:slug"
            case .author: "/author/:slug"
            case .tag: "/tag/:slug"
            case .article: "/:year/:month/:day/:slug"
            case .search: "/search"
            case .searchAPI: "/api/search"
            case .feed(let scope, let format): scope.pattern + format.fileSuffix(scope: scope)
            case .sitemapIndex: "/sitemap.xml"
            case .sitemap: "/sitemaps/:file"
            case .newsSitemap: "/news-sitemap.xml"
            case .robots: "/robots.txt"
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
        case .searchAPI(let parameters, let page): Self.withQuery("/api/search", parameters.queryString, page: page)
        case .feed(let scope, let format):
            switch scope {
            case .search(let parameters): Self.withQuery(Kind.feed(.search, format).pattern, parameters.queryString, page: 1)
            // Built by hand: Foundation's replacingOccurrences was a percent of a story page, which links six feeds.
            case .site: "/" + format.fileSuffix(scope: .site)
            case .section(let slug): "/section/\(slug)/" + format.fileSuffix(scope: .section)
            case .author(let slug): "/author/\(slug)/" + format.fileSuffix(scope: .author)
            case .tag(let slug): "/tag/\(slug)/" + format.fileSuffix(scope: .tag)
            }
        case .sitemapIndex: "/sitemap.xml"
        case .sitemap(let part): "/sitemaps/\(part.fileName)"
        case .newsSitemap: "/news-sitemap.xml"
        case .robots: "/robots.txt"
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

/// What a feed covers.
enum FeedScope: Hashable, Sendable {
    case site
    case section(String)
    case author(String)
    case tag(String)
    case search(SearchParameters)

    enum Kind: CaseIterable, Sendable, Hashable {
        case site, section, author, tag, search
    }

    var kind: Kind {
        switch self {
        case .site: .site
        case .section: .section
        case .author: .author
        case .tag: .tag
        case .search: .search
        }
    }

    var slug: String? {
        switch self {
        case .section(let slug), .author(let slug), .tag(let slug): slug
        case .site, .search: nil
        }
    }
}

extension FeedScope.Kind {
    /// The path the feed file names hang from.
    var pattern: String {
        switch self {
        case .site: "/"
        case .section: "/section/:slug/"
        case .author: "/author/:slug/"
        case .tag: "/tag/:slug/"
        case .search: "/search"
        }
    }
}

extension FeedFormat {
    /// "rss.xml", "atom.xml", "feed.json"; search feeds hang off /search as ".rss", ".atom", ".json".
    func fileSuffix(scope: FeedScope.Kind) -> String {
        switch (scope, self) {
        case (.search, .rss): ".rss"
        case (.search, .atom): ".atom"
        case (.search, .json): ".json"
        case (_, .rss): "rss.xml"
        case (_, .atom): "atom.xml"
        case (_, .json): "feed.json"
        }
    }
}

/// The parts of the sitemap.
enum SitemapPart: Hashable, Sendable {
    case stories(page: Int)
    case sections
    case authors
    case tags

    var fileName: String {
        switch self {
        case .stories(let page): "stories-\(page).xml"
        case .sections: "sections.xml"
        case .authors: "authors.xml"
        case .tags: "tags.xml"
        }
    }

    init?(fileName: String) {
        switch fileName {
        case "sections.xml": self = .sections
        case "authors.xml": self = .authors
        case "tags.xml": self = .tags
        default:
            guard fileName.hasPrefix("stories-"), fileName.hasSuffix(".xml") else { return nil }
            let number = fileName.dropFirst("stories-".count).dropLast(".xml".count)
            guard number.count <= 5, number.allSatisfy(\.isASCII), let page = Int(number), page >= 1 else { return nil }
            self = .stories(page: page)
        }
    }
}

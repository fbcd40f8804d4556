import BroadsheetCore
import BroadsheetFeeds
import Foundation
import Hummingbird

/// Sitemaps for search engines (sitemaps.org 0.9), the Google News sitemap, and robots.txt pointing at them.
struct SitemapController<Context: RequestContext>: Sendable {
    let site: ReaderSite

    /// Story ids per sitemap file (the protocol allows 50,000 addresses; smaller files are quicker to build and fetch).
    static var storiesPerFile: Int { 10_000 }
    /// Google News reads stories from the last two days, at most 1,000 of them.
    static var newsWindow: TimeInterval { 48 * 3_600 }
    static var newsLimit: Int { 1_000 }

    static var sitemapNamespace: String { "http://www.sitemaps.org/schemas/sitemap/0.9" }
    static var newsNamespace: String { "http://www.google.com/schemas/sitemap-news/0.9" }

    var sitemaps: any SitemapReading { site.dependencies.sitemaps }

    func addRoutes(to router: Router<Context>) {
        router.get(RouterPath(SiteRoute.Kind.sitemapIndex.pattern)) { _, _ in
            try await Self.xml(index())
        }
        router.get(RouterPath(SiteRoute.Kind.sitemap.pattern)) { _, context in
            guard let file = context.parameters.get("file"), let part = SitemapPart(fileName: file) else {
                throw HTTPError(.notFound, message: "There is no sitemap at this address.")
            }
            return try await Self.xml(sitemap(part))
        }
        router.get(RouterPath(SiteRoute.Kind.newsSitemap.pattern)) { _, _ in
            try await Self.xml(newsSitemap())
        }
        router.get(RouterPath(SiteRoute.Kind.robots.pattern)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: robots()))
            )
        }
    }

    func index() async throws -> String {
        let files = storyFileCount(try await sitemaps.highestSitemapStoryID())
        let times = try await sitemaps.listingsLastChanged()
        var parts: [(SitemapPart, Date?)] = (0..<files).map { (.stories(page: $0 + 1), nil) }
        parts.append((.sections, times.sections))
        // Empty parts are left out: a sitemap must list at least one address. A kind without a published story's
        // time has no listing.
        if let authors = times.authors { parts.append((.authors, authors)) }
        if let tags = times.tags { parts.append((.tags, tags)) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(Self.sitemapNamespace)\">\n"
        for (part, lastModified) in parts {
            xml += "<sitemap><loc>\(XMLText.escape(site.links.absolute(.sitemap(part))))</loc>"
            if let lastModified { xml += "<lastmod>\(InternetDate.rfc3339(lastModified))</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    func sitemap(_ part: SitemapPart) async throws -> String {
        var entries: [(url: String, lastModified: Date?)] = []
        switch part {
        case .stories(let page):
            guard page <= storyFileCount(try await sitemaps.highestSitemapStoryID()) else {
                throw HTTPError(.notFound, message: "There is no sitemap at this address.")
            }
            let last = Int64(page) * Int64(Self.storiesPerFile)
            entries = try await sitemaps.sitemapStories(idsFrom: last - Int64(Self.storiesPerFile) + 1, through: last).map {
                (site.links.absolute(site.links.route(slug: $0.slug, publishedAt: $0.publishedAt)), $0.lastChangedAt)
            }
        case .sections:
            entries = [(site.links.absolute(.home()), nil)]
                + (try await sitemaps.sectionListings()).map { (site.links.absolute(.section(slug: $0.slug)), $0.lastChangedAt) }
        case .authors:
            entries = (try await sitemaps.authorListings()).map { (site.links.absolute(.author(slug: $0.slug)), $0.lastChangedAt) }
        case .tags:
            entries = (try await sitemaps.tagListings()).map { (site.links.absolute(.tag(slug: $0.slug)), $0.lastChangedAt) }
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(Self.sitemapNamespace)\">\n"
        xml.reserveCapacity(entries.count * 120)
        for entry in entries {
            xml += "<url><loc>\(XMLText.escape(entry.url))</loc>"
            if let lastModified = entry.lastModified { xml += "<lastmod>\(InternetDate.rfc3339(lastModified))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func newsSitemap() async throws -> String {
        let now = site.dependencies.clock.now()
        let stories = try await sitemaps.storiesPublished(since: now.addingTimeInterval(-Self.newsWindow), limit: Self.newsLimit)
        let name = XMLText.escape(site.configuration.publicationName)
        let language = XMLText.escape(Self.newsLanguage(site.configuration.language))
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(Self.sitemapNamespace)\" xmlns:news=\"\(Self.newsNamespace)\">\n"
        for story in stories {
            xml += "<url><loc>\(XMLText.escape(site.links.absolute(site.links.route(slug: story.slug, publishedAt: story.publishedAt))))</loc>"
            xml += "<news:news><news:publication><news:name>\(name)</news:name><news:language>\(language)</news:language></news:publication>"
            xml += "<news:publication_date>\(InternetDate.rfc3339(story.publishedAt))</news:publication_date>"
            xml += "<news:title>\(XMLText.escape(story.headline))</news:title></news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        """
        # \(site.configuration.publicationName)
        User-agent: *
        Disallow: \(NewsroomRoute.cookiePath)/
        Disallow: /search
        Disallow: /api/
        Disallow: /preferences/

        Sitemap: \(site.links.absolute(.sitemapIndex))
        Sitemap: \(site.links.absolute(.newsSitemap))

        """
    }

    private func storyFileCount(_ highestID: Int64) -> Int {
        Int((highestID + Int64(Self.storiesPerFile) - 1) / Int64(Self.storiesPerFile))
    }

    /// Google News wants an ISO 639 code: "en" for "en-GB", but "zh-cn" and "zh-tw" for Chinese.
    static func newsLanguage(_ tag: String) -> String {
        let lower = tag.lowercased()
        if lower.hasPrefix("zh-") { return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn" }
        return String(lower.split(separator: "-").first ?? "en")
    }

    private static func xml(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

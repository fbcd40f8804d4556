import BroadsheetCore
import BroadsheetFeeds
import Hummingbird

/// The site's feeds.
struct FeedController<Context: RequestContext>: Sendable {
    let site: ReaderSite

    func addRoutes(to router: Router<Context>) {
        router.get(RouterPath(SiteRoute.Kind.rss.pattern)) { _, _ in
            let articles = try await site.articles.feedArticles(.all, limit: StoryFeed.itemLimit)
            let config = site.configuration
            let feed = try StoryFeed.build(
                site: site, articles: articles, title: config.publicationName,
                description: config.tagline.isEmpty ? "Latest stories from \(config.publicationName)" : config.tagline,
                page: .home(), feed: .rss
            )
            return Self.rss(feed, maxAge: 300)
        }
        router.get(RouterPath(SiteRoute.Kind.searchFeed.pattern)) { request, _ in
            let parameters = try SearchParameters(request: request)
            let search = parameters.searchRequest(calendar: site.time.calendar)
            guard let first = PageRequest(number: 1, size: StoryFeed.itemLimit) else { throw HTTPError(.badRequest) }
            let results = try await site.search.search(search, page: first)
            let config = site.configuration
            let feed = try StoryFeed.build(
                site: site, hits: results.page.items,
                title: "\(config.publicationName): search results for “\(search.query.text)”",
                description: "Stories of \(config.publicationName) matching “\(search.query.text)”",
                page: .search(parameters), feed: .searchFeed(parameters)
            )
            return Self.rss(feed, maxAge: 300)
        }
    }

    static func rss(_ feed: SyndicationFeed, maxAge: Int) -> Response {
        Response(
            status: .ok, headers: [.contentType: RSS2Renderer.contentType, .cacheControl: "public, max-age=\(maxAge)"],
            body: .init(byteBuffer: ByteBuffer(string: RSS2Renderer.render(feed)))
        )
    }
}

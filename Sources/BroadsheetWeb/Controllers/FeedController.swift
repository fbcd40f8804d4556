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
            return Response(
                status: .ok, headers: [.contentType: RSS2Renderer.contentType, .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: RSS2Renderer.render(feed)))
            )
        }
    }
}

import BroadsheetCore
import Logging

/// What the web application needs from the rest of the system, as Core's ports: the executable passes a concrete
/// store, tests may pass another.
public struct WebDependencies: Sendable {
    public var articles: any ArticleReading
    public var taxonomy: any TaxonomyReading
    public var search: any ArticleSearching
    public var images: any ImageReading
    public var sitemaps: any SitemapReading
    public var clock: any WallClock
    /// How WebSub hubs are told about changed feeds.
    public var hubPublisher: any HubPublishing
    /// Pauses between WebSub retries.
    public var hubRetryDelays: [Duration]
    public var logger: Logger
    public var newsroom: NewsroomServices
    /// Tells page caches of changes made elsewhere (other servers and processes); without it, only this server's own
    /// changes invalidate its page cache.
    public var contentVersion: (any ContentVersionReading)?
    /// Where stories' rendered cards and feed entries are kept; without it, every card and entry is rendered per request.
    public var storyCards: (any StoryCardStoring)?
    /// Whether this server renders missing cards in the background (with `storyCards`). Off, it still uses and keeps
    /// what it finds and renders; cards then come from another server, or from whoever calls the filler.
    public var fillsStoryCards = true
    /// The search index's upkeep: merged into fewer pieces in the background when set (and the server runs jobs).
    public var searchIndex: (any SearchIndexMaintaining)?
    /// Partner feed intake, polled in the background when set (and the server runs jobs).
    public var intake: FeedIntake?
    /// Called once when the background poller stops (closes the fetcher's connections).
    public var intakeShutdown: @Sendable () async -> Void = {}

    public init(
        articles: any ArticleReading, taxonomy: any TaxonomyReading, search: any ArticleSearching, images: any ImageReading,
        sitemaps: any SitemapReading,
        newsroom: NewsroomServices, clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "broadsheet.web"),
        hubPublisher: any HubPublishing = URLSessionHubPublisher(),
        hubRetryDelays: [Duration] = [.seconds(5), .seconds(30), .seconds(120), .seconds(600)]
    ) {
        self.hubPublisher = hubPublisher
        self.hubRetryDelays = hubRetryDelays
        self.newsroom = newsroom
        self.articles = articles
        self.taxonomy = taxonomy
        self.search = search
        self.images = images
        self.sitemaps = sitemaps
        self.clock = clock
        self.logger = logger
    }
}

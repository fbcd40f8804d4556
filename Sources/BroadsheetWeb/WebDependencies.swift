import BroadsheetCore
import Logging

/// What the web application needs from the rest of the system, as Core's ports: the executable passes a concrete
/// store, tests may pass another.
public struct WebDependencies: Sendable {
    public var articles: any ArticleReading
    public var taxonomy: any TaxonomyReading
    public var search: any ArticleSearching
    public var images: any ImageReading
    public var clock: any WallClock
    public var logger: Logger
    public var newsroom: NewsroomServices

    public init(
        articles: any ArticleReading, taxonomy: any TaxonomyReading, search: any ArticleSearching, images: any ImageReading,
        newsroom: NewsroomServices, clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "broadsheet.web")
    ) {
        self.newsroom = newsroom
        self.articles = articles
        self.taxonomy = taxonomy
        self.search = search
        self.images = images
        self.clock = clock
        self.logger = logger
    }
}

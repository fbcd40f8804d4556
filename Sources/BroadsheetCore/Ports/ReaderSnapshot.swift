/// Reads that a reader's page makes together, inside one read of the store: they see one consistent state of it, and
/// the page pays for one trip to the store instead of one per read (on SQLite each trip is a hand-off to a reader
/// thread and back, which cost more than the reads of a short page themselves). Only valid inside the closure given
/// to `ReaderSnapshotReading.readSnapshot`; nothing here returns a story that is not published.
public protocol ReaderSnapshot {
    /// All sections, in navigation order.
    func sections() throws -> [Section]
    func section(slug: String) throws -> Section?
    /// All authors, by name.
    func authors() throws -> [Author]
    func author(slug: String) throws -> Author?
    func tag(slug: String) throws -> Tag?
    /// The published story with this slug, with its body, tags and corrections, or nil.
    func publishedArticle(slug: String) throws -> Article?
    /// The published story with this slug as its own page shows it, or nil: with its part of the page kept in
    /// `format` (see `StoryPage`), as that part and the story's summary without its byline; otherwise whole.
    func storyPage(slug: String, keptAs format: String) throws -> StoryPage?
    /// The published story that used to live at `slug` before its address changed, or nil.
    func articleMoved(fromSlug slug: String) throws -> ArticleSummary?
    /// Other published stories from the same section, newest first.
    func relatedArticles(to article: ArticleSummary, limit: Int) throws -> [ArticleSummary]
    /// The same stories as `relatedArticles`, as cards (see `listedStories`).
    func relatedStories(to article: ArticleSummary, limit: Int) throws -> [ListedStory]
    /// Published stories matching the filter, newest first.
    func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) throws -> Page<ArticleSummary>
    /// Several lists, in the order asked (see `ArticleListRequest.excludingEarlierLists`).
    func publishedArticleLists(_ lists: [ArticleListRequest]) throws -> [Page<ArticleSummary>]
    /// The same lists as `publishedArticleLists`, for pages that show them as cards: a story with a kept card comes
    /// as that card, without its summary or byline; one without, as its whole summary (with its byline).
    func listedStories(_ lists: [ArticleListRequest]) throws -> [Page<ListedStory>]
    /// The published stories with these ids, with bylines, in the order given; ids of other stories are left out.
    func publishedSummaries(ids: [Int64]) throws -> [ArticleSummary]
    /// Corrections and clarifications of published stories, newest first.
    func publishedCorrections(page: PageRequest) throws -> Page<PublishedCorrection>
    /// What is kept for the story under `format` (as feed entries are, `StoryCardStoring.saveFeedItems`), or nil.
    func keptItem(storyID: Int64, format: String) throws -> String?
    /// The content version of this snapshot (see `ContentVersionReading`), for keeping what is rendered from it.
    func contentVersion() throws -> Int64
}

/// A store that can run several reads in one snapshot.
public protocol ReaderSnapshotReading: Sendable {
    func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T
}

/// A story as its own page reads it (`ReaderSnapshot.storyPage`). What the page shows of the story alone (everything
/// but the site around it, the reader's text size and the related stories) changes only with the story, so it is
/// kept once rendered, as feed entries are (`StoryCardStoring.saveFeedItems`), and dropped with the story's card.
public struct StoryPage: Sendable {
    public enum Shown: Sendable {
        /// The story's part of the page, as kept.
        case kept(String)
        /// The story whole, to render the page from; `keepAt` is the content version it was read at when what is
        /// rendered from it can be kept (the story's card is kept), else nil.
        case whole(Article, keepAt: Int64?)
    }

    /// The story's summary: whole when `shown` is `.whole`; without its byline when `.kept`.
    public var summary: ArticleSummary
    public var shown: Shown

    public init(summary: ArticleSummary, shown: Shown) {
        self.summary = summary
        self.shown = shown
    }
}

/// Reads that a reader's page makes together, inside one read of the store: they see one consistent state of it, and
/// the page pays for one trip to the store instead of one per read (on SQLite each trip is a hand-off to a reader
/// thread and back, which cost more than the reads of a short page themselves). Only valid inside the closure given
/// to `ReaderSnapshotReading.readSnapshot`; nothing here returns a story that is not published.
public protocol ReaderSnapshot {
    /// All sections, in navigation order.
    func sections() throws -> [Section]
    func section(slug: String) throws -> Section?
    func author(slug: String) throws -> Author?
    func tag(slug: String) throws -> Tag?
    /// The published story with this slug, with its body, tags and corrections, or nil.
    func publishedArticle(slug: String) throws -> Article?
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
}

/// A store that can run several reads in one snapshot.
public protocol ReaderSnapshotReading: Sendable {
    func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T
}

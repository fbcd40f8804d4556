import Foundation

/// Which published stories a list shows.
public enum ArticleListFilter: Sendable, Hashable {
    case all
    case section(id: Int64)
    case author(id: Int64)
    case tag(id: Int64)
}

/// Read access to published stories, as readers see them. Nothing here returns a story that is not published.
/// A page that shows several things reads them in one `readSnapshot`.
public protocol ArticleReading: ReaderSnapshotReading {
    /// Published stories matching the filter, newest first.
    func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary>
    /// Several lists at once, in the order asked (a front page's latest stories and a block per section): one read
    /// of the store, so one consistent snapshot and one round trip instead of one per list.
    func publishedArticleLists(_ lists: [ArticleListRequest]) async throws -> [Page<ArticleSummary>]
    /// Published stories with their bodies, tags and corrections, most recently published or updated first, for
    /// feeds: a corrected or substantively updated story comes back to the top under the same guid.
    func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article]
    /// The same stories as `feedArticles`, for a feed in the format named `format`: a story whose entry in that format
    /// is kept comes as that entry, without its body; one without, whole. With the content version they were read at
    /// (see `ContentVersionReading`), for keeping the entries rendered from them (`StoryCardStoring.saveFeedItems`).
    func feedEntries(_ filter: ArticleListFilter, limit: Int, format: String) async throws -> (version: Int64, entries: [FeedEntry])
    /// The published story that used to live at `slug` before its address changed, or nil.
    func articleMoved(fromSlug slug: String) async throws -> ArticleSummary?
    /// Corrections and clarifications of published stories, newest first.
    func publishedCorrections(page: PageRequest) async throws -> Page<PublishedCorrection>
    /// The published story with this slug, or nil if there is none.
    func publishedArticle(slug: String) async throws -> Article?
    /// Other published stories from the same section, newest first.
    func relatedArticles(to article: ArticleSummary, limit: Int) async throws -> [ArticleSummary]
}

/// One list of `ArticleReading.publishedArticleLists`.
public struct ArticleListRequest: Sendable, Hashable {
    public var filter: ArticleListFilter
    public var page: PageRequest
    /// Leave out the stories the lists before this one in the same call returned (a front page's section blocks
    /// skip what its latest list shows), so the page still holds `page.size` stories when there are enough.
    public var excludingEarlierLists: Bool

    public init(_ filter: ArticleListFilter, page: PageRequest, excludingEarlierLists: Bool = false) {
        self.filter = filter
        self.page = page
        self.excludingEarlierLists = excludingEarlierLists
    }
}

extension ArticleReading {
    /// One list after another, for stores that cannot do better.
    public func publishedArticleLists(_ lists: [ArticleListRequest]) async throws -> [Page<ArticleSummary>] {
        var pages: [Page<ArticleSummary>] = []
        var shown = Set<Int64>()
        for list in lists {
            guard list.excludingEarlierLists, !shown.isEmpty else {
                let page = try await publishedArticles(list.filter, page: list.page)
                shown.formUnion(page.items.map(\.id))
                pages.append(page)
                continue
            }
            // Read pages of the whole list until enough stories remain once the earlier lists' are left out.
            var kept: [ArticleSummary] = []
            var more = true
            var number = 1
            while more, kept.count <= list.page.offset + list.page.size, let request = PageRequest(number: number, size: 100) {
                let read = try await publishedArticles(list.filter, page: request)
                kept += read.items.filter { !shown.contains($0.id) }
                more = read.hasMore
                number += 1
            }
            let items = Array(kept.dropFirst(list.page.offset).prefix(list.page.size))
            shown.formUnion(items.map(\.id))
            pages.append(Page(items: items, request: list.page, hasMore: kept.count > list.page.offset + list.page.size || more))
        }
        return pages
    }
}

/// A story in a feed: its entry kept from when it last changed, or the story whole to render one from.
public struct FeedEntry: Sendable, Hashable {
    public enum Shown: Sendable, Hashable {
        /// The kept entry's UTF-8 bytes, as they were written from its text: a feed copies them out as they are, where
        /// making a text of each checked every byte again (a fifth of a 50-item feed).
        case kept([UInt8])
        case article(Article)
    }

    public var id: Int64
    /// The latest of publication and update (`ArticleSummary.lastChangedAt`): the feed's own time is the newest.
    public var lastChangedAt: Date
    public var shown: Shown
    /// Whether an entry rendered for this story can be kept (`StoryCardStoring.saveFeedItems` keeps entries only
    /// with a kept card).
    public var keepable: Bool

    public init(id: Int64, lastChangedAt: Date, shown: Shown, keepable: Bool) {
        self.id = id
        self.lastChangedAt = lastChangedAt
        self.shown = shown
        self.keepable = keepable
    }

    public init(_ article: Article, keepable: Bool) {
        self.init(id: article.id, lastChangedAt: article.summary.lastChangedAt, shown: .article(article), keepable: keepable)
    }
}

import BroadsheetCore
import GRDB

extension SQLiteStore: ArticleReading {
    public func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T {
        try await pageRead { db in try body(SQLiteReaderSnapshot(db: db)) }
    }

    /// A short read for a reader's page: on the calling thread's own connection (see `ThreadReaders`), or through
    /// the pool when this thread has none. Long reads (feeds, whole tables) go through the pool.
    func pageRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if case .value(let result) = try threadReaders.read(body) { return result }
        return try await pool.read(body)
    }

    public func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary> {
        try await pageRead { db in try SQLiteReaderSnapshot(db: db).publishedArticles(filter, page: page) }
    }

    public func publishedArticleLists(_ lists: [ArticleListRequest]) async throws -> [Page<ArticleSummary>] {
        try await pageRead { db in try SQLiteReaderSnapshot(db: db).publishedArticleLists(lists) }
    }

    public func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article] {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return [] }
        let (condition, arguments) = SQLiteReaderSnapshot.condition(for: filter)
        return try await pool.read { db in
            let summaries = try SummaryQuery.page(
                db, where: condition, arguments: arguments, page: request, order: SummaryQuery.lastChangedFirst
            ).items
            return try ArticleDetails.attach(db, to: summaries)
        }
    }

    public func articleMoved(fromSlug slug: String) async throws -> ArticleSummary? {
        try await pageRead { db in try SQLiteReaderSnapshot(db: db).articleMoved(fromSlug: slug) }
    }

    public func publishedCorrections(page: PageRequest) async throws -> Page<PublishedCorrection> {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).publishedCorrections(page: page) }
    }

    public func publishedArticle(slug: String) async throws -> Article? {
        try await pageRead { db in try SQLiteReaderSnapshot(db: db).publishedArticle(slug: slug) }
    }

    public func relatedArticles(to article: ArticleSummary, limit: Int) async throws -> [ArticleSummary] {
        try await pageRead { db in try SQLiteReaderSnapshot(db: db).relatedArticles(to: article, limit: limit) }
    }
}

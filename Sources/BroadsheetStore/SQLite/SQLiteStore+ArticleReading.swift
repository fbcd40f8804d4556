import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: ArticleReading {
    /// One read of the pool for everything a page shows. (Running these reads on the requesting thread's own
    /// connection instead, without the hand-off to GRDB's queue, served 10-30% more uncached pages but doubled or
    /// tripled their 99th-percentile latency: a blocked cooperative thread runs nothing else meanwhile. See
    /// docs/benchmarks.md.)
    ///
    /// The snapshot is a deferred transaction begun and committed with cached statements: GRDB's own `read` parses
    /// `BEGIN` and `COMMIT` afresh each time, which was a tenth of a short page's time in the store. (`unsafeRead`
    /// checks GRDB's schema cache just before the transaction rather than inside it; a migration committed in between
    /// leaves that cache one read behind, and SQLite itself prepares statements again when the schema changed.)
    ///
    /// GRDB's callback read, resumed from the reader's queue: its `async` read crosses one thread more (it returns to
    /// the task after waiting for a reader, then hops to the reader), which was about 7% of a short page under load.
    /// It cannot be cancelled once asked for; page reads take a millisecond or less.
    public func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T {
        let sections = sectionsMemo
        return try await withUnsafeThrowingContinuation { continuation in
            pool.asyncUnsafeRead { result in
                continuation.resume(with: Result {
                    let db = try result.get()
                    try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
                    defer {
                        // Leave the transaction whatever happened, as GRDB's `read` does (a commit can fail when interrupted).
                        do { try db.cachedStatement(sql: "COMMIT TRANSACTION").execute() } catch { try? db.rollback() }
                    }
                    return try body(SQLiteReaderSnapshot(db: db, sections: sections))
                })
            }
        }
    }

    public func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary> {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).publishedArticles(filter, page: page) }
    }

    public func publishedArticleLists(_ lists: [ArticleListRequest]) async throws -> [Page<ArticleSummary>] {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).publishedArticleLists(lists) }
    }

    public func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article] {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return [] }
        let (condition, arguments) = SQLiteReaderSnapshot.condition(for: filter)
        return try await pool.read { db in
            let summaries = try SummaryQuery.page(
                db, sections: SectionDirectory(db: db), where: condition, arguments: arguments, page: request, order: SummaryQuery.lastChangedFirst
            ).items
            return try ArticleDetails.attach(db, to: summaries)
        }
    }

    public func feedEntries(_ filter: ArticleListFilter, limit: Int, format: String) async throws -> (version: Int64, entries: [FeedEntry]) {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return (0, []) }
        let (condition, arguments) = SQLiteReaderSnapshot.condition(for: filter)
        return try await pool.read { db in
            let version = try ContentVersionSQL.read(db)
            var rows: [(id: Int64, lastChanged: Date, item: [UInt8]?, hasCard: Bool)] = []
            let sql = """
                SELECT a.id, a.published_at, a.content_updated_at, fi.item, sc.article_id IS NOT NULL FROM articles a
                LEFT JOIN story_cards sc ON sc.article_id = a.id
                LEFT JOIN story_feed_items fi ON fi.article_id = a.id AND fi.format = ?
                WHERE a.status = 'published' AND \(condition) \(SummaryQuery.lastChangedFirst) LIMIT ?
                """
            try db.cachedStatement(sql: sql).forEachRow(arguments: [format] + arguments + [request.size]) { row in
                let published = row.date(1)
                // The kept entry's bytes, copied out without reading them as text.
                rows.append((row.int64(0), max(published, row.optionalDate(2) ?? published), row.optionalBytes(3), row.int64(4) != 0))
            }
            // The stories without a kept entry, whole, in one read of each kind.
            let unkept = rows.filter { $0.item == nil }.map(\.id)
            var articles: [Int64: Article] = [:]
            if !unkept.isEmpty {
                let summaries = try SummaryQuery.summaries(db, sections: SectionDirectory(db: db), ids: unkept)
                for article in try ArticleDetails.attach(db, to: summaries) { articles[article.id] = article }
            }
            return (version, rows.compactMap { row in
                if let item = row.item { return FeedEntry(id: row.id, lastChangedAt: row.lastChanged, shown: .kept(item), keepable: false) }
                return articles[row.id].map { FeedEntry($0, keepable: row.hasCard) }
            })
        }
    }

    public func articleMoved(fromSlug slug: String) async throws -> ArticleSummary? {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).articleMoved(fromSlug: slug) }
    }

    public func publishedCorrections(page: PageRequest) async throws -> Page<PublishedCorrection> {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).publishedCorrections(page: page) }
    }

    public func publishedArticle(slug: String) async throws -> Article? {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).publishedArticle(slug: slug) }
    }

    public func relatedArticles(to article: ArticleSummary, limit: Int) async throws -> [ArticleSummary] {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).relatedArticles(to: article, limit: limit) }
    }
}

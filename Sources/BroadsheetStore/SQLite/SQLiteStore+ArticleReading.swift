import BroadsheetCore
import GRDB

extension SQLiteStore: ArticleReading {
    public func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary> {
        let (condition, arguments) = Self.condition(for: filter)
        return try await pool.read { db in
            try SummaryQuery.page(db, where: condition, arguments: arguments, page: page)
        }
    }

    public func publishedArticleLists(_ lists: [ArticleListRequest]) async throws -> [Page<ArticleSummary>] {
        let queries = lists.map { (Self.condition(for: $0.filter), $0.page, $0.excludingEarlierLists) }
        return try await pool.read { db in
            var shown: [ArticleSummary] = []
            return try queries.map { query, page, excluding in
                var (condition, arguments) = query
                if excluding, !shown.isEmpty {
                    condition += " AND a.id NOT IN (SELECT value FROM json_each(?))"
                    arguments += [SummaryQuery.jsonList(shown)]
                }
                let result = try SummaryQuery.page(db, where: condition, arguments: arguments, page: page)
                shown += result.items
                return result
            }
        }
    }

    public func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article] {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return [] }
        let (condition, arguments) = Self.condition(for: filter)
        return try await pool.read { db in
            let summaries = try SummaryQuery.page(
                db, where: condition, arguments: arguments, page: request, order: SummaryQuery.lastChangedFirst
            ).items
            return try ArticleDetails.attach(db, to: summaries)
        }
    }

    /// The SQL condition on `articles a` that selects a list's stories.
    private static func condition(for filter: ArticleListFilter) -> (String, StatementArguments) {
        switch filter {
        case .all: ("1", [])
        case .section(let id): ("a.section_id = ?", [id])
        // EXISTS lets SQLite walk the newest-first index and stop after one page; IN would sort all of an author's stories.
        case .author(let id): ("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?)", [id])
        case .tag(let id): ("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ?)", [id])
        }
    }

    public func articleMoved(fromSlug slug: String) async throws -> ArticleSummary? {
        try await pool.read { db in
            guard let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT article_id FROM slug_redirects WHERE old_slug = ?"), arguments: [slug]
            ) else { return nil }
            return try SummaryQuery.summaries(db, ids: [id]).first
        }
    }

    public func publishedCorrections(page: PageRequest) async throws -> Page<PublishedCorrection> {
        try await pool.read { db in
            var rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT c.id, c.article_id, c.kind, c.text, c.created_at FROM corrections c
                    JOIN articles a ON a.id = c.article_id AND a.status = 'published'
                    ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?
                    """),
                arguments: [page.size + 1, page.offset]
            )
            let hasMore = rows.count > page.size
            if hasMore { rows.removeLast() }
            var stories: [Int64: ArticleSummary] = [:]
            for story in try SummaryQuery.summaries(db, ids: Array(Set(rows.map { $0["article_id"] as Int64 }))) { stories[story.id] = story }
            let items = rows.compactMap { row -> PublishedCorrection? in
                guard let story = stories[row["article_id"]] else { return nil }
                let correction = Correction(id: row["id"], kind: Correction.Kind(rawValue: row["kind"]) ?? .correction, text: row["text"], createdAt: row["created_at"])
                return PublishedCorrection(correction: correction, story: story)
            }
            return Page(items: items, request: page, hasMore: hasMore)
        }
    }

    public func publishedArticle(slug: String) async throws -> Article? {
        try await pool.read { db in
            var found: ArticleSummary?
            try db.cachedStatement(sql: """
                SELECT \(SummaryQuery.columns) \(SummaryQuery.from)
                WHERE a.slug = ? AND a.status = 'published'
                """)
                .forEachRow(arguments: [slug]) { found = RowDecoding.summary($0) }
            guard let found else { return nil }
            let summary = try SummaryQuery.attachAuthors(db, to: [found])
            return try ArticleDetails.attach(db, to: summary).first
        }
    }

    public func relatedArticles(to article: ArticleSummary, limit: Int) async throws -> [ArticleSummary] {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 20))) else { return [] }
        return try await pool.read { db in
            try SummaryQuery.page(
                db, where: "a.section_id = ? AND a.id <> ?", arguments: [article.section.id, article.id], page: request
            ).items
        }
    }
}

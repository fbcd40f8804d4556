import BroadsheetCore
import GRDB

extension SQLiteStore: ArticleReading {
    public func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary> {
        let (condition, arguments) = Self.condition(for: filter)
        return try await pool.read { db in
            try SummaryQuery.page(db, where: condition, arguments: arguments, page: page)
        }
    }

    public func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article] {
        guard let request = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return [] }
        let (condition, arguments) = Self.condition(for: filter)
        return try await pool.read { db in
            let summaries = try SummaryQuery.page(db, where: condition, arguments: arguments, page: request).items
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

    public func publishedArticle(slug: String) async throws -> Article? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT \(SummaryQuery.columns) \(SummaryQuery.from)
                    WHERE a.slug = ? AND a.status = 'published'
                    """),
                arguments: [slug]
            ) else { return nil }
            let summary = try SummaryQuery.attachAuthors(db, to: [RowDecoding.summary(row)])
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

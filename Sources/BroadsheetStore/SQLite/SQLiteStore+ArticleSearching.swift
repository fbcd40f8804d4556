import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: ArticleSearching {
    public func search(_ request: SearchRequest, page: PageRequest) async throws -> SearchResults {
        let empty = SearchResults(page: Page(items: [], request: page, hasMore: false), total: 0, totalIsExact: true)
        guard !request.query.isEmpty else { return empty }
        do {
            return try await pool.read { db in
                if let match = SearchSQL.matchExpression(request.query) {
                    try Self.textSearch(db, match: match, request: request, page: page, limit: searchCountLimit)
                } else {
                    try Self.filterSearch(db, request: request, page: page, limit: searchCountLimit)
                }
            }
        } catch let error as DatabaseError where error.message?.contains("fts5") == true {
            // Terms are always quoted, so this should not happen; if it does, the reader sees no results, not an error.
            return empty
        }
    }

    /// Ranked search in bounded work, whatever the query: find the newest `limit` matches (by row, which follows
    /// publication), rank those, and make snippets for the page's hits only. Beyond `limit` matches the total says
    /// "more than". Unfiltered queries never touch the story rows until the ranking (the index holds published
    /// stories only); filters are checked against the small story rows, never the bodies.
    private static func textSearch(
        _ db: Database, match: String, request: SearchRequest, page: PageRequest, limit: Int
    ) throws -> SearchResults {
        let (filters, filterArguments) = SearchSQL.filters(request)
        let filtered = request.query.hasFilters || request.from != nil || request.until != nil
        let matches = filtered
            ? "FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? AND \(filters)"
            : "FROM articles_fts f WHERE articles_fts MATCH ?"
        let arguments: StatementArguments = filtered ? [match] + filterArguments : [match]

        let total: Int
        var window = ""
        var windowArguments = StatementArguments()
        if let oldest = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT f.rowid \(matches) ORDER BY f.rowid DESC LIMIT 1 OFFSET ?"), arguments: arguments + [limit]
        ) {
            total = limit + 1
            window = " AND f.rowid > ?"
            windowArguments = [oldest]
        } else {
            total = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) \(matches)"), arguments: arguments) ?? 0
        }
        guard total > 0 else {
            return SearchResults(page: Page(items: [], request: page, hasMore: false), total: 0, totalIsExact: true)
        }
        let order = request.sort == .date
            ? "a.published_at DESC, a.id DESC"
            : "bm25(articles_fts, \(SearchSQL.weights)), a.published_at DESC, a.id DESC"
        var ids = try Int64.fetchAll(
            db.cachedStatement(sql: """
                SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid
                WHERE articles_fts MATCH ? AND \(filters)\(window) ORDER BY \(order) LIMIT ? OFFSET ?
                """),
            arguments: [match] + filterArguments + windowArguments + [page.size + 1, page.offset]
        )
        let hasMore = ids.count > page.size
        if hasMore { ids.removeLast() }

        let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
        var snippets: [Int64: SearchSnippet] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT rowid, snippet(articles_fts, -1, char(57344), char(57345), '…', 28) AS snippet
                FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """),
            arguments: [match, idList]
        ) {
            snippets[row["rowid"]] = SearchSQL.snippet(row["snippet"])
        }
        let stories = try SummaryQuery.summaries(db, ids: ids)
        let hits = stories.map { SearchHit(story: $0, snippet: snippets[$0.id] ?? SearchSnippet(parts: [.init(text: $0.standfirst, isMatch: false)])) }
        return SearchResults(
            page: Page(items: hits, request: page, hasMore: hasMore), total: min(total, limit), totalIsExact: total <= limit
        )
    }

    /// Filters without words: the matching stories, newest first, each with its standfirst.
    private static func filterSearch(_ db: Database, request: SearchRequest, page: PageRequest, limit: Int) throws -> SearchResults {
        let (filters, arguments) = SearchSQL.filters(request)
        let counted = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE \(filters) LIMIT ?)"),
            arguments: arguments + [limit + 1]
        ) ?? 0
        let stories = try SummaryQuery.page(db, where: filters, arguments: arguments, page: page)
        let hits = stories.items.map { SearchHit(story: $0, snippet: SearchSnippet(parts: [.init(text: $0.standfirst, isMatch: false)])) }
        return SearchResults(
            page: Page(items: hits, request: page, hasMore: stories.hasMore), total: min(counted, limit), totalIsExact: counted <= limit
        )
    }
}

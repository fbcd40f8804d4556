import BroadsheetCore
import Foundation
import GRDB

/// Search in bounded work, whatever the query: everything happens inside the FTS5 index, whose rows are ordered by
/// publication time. The total is counted up to `searchCountLimit`; "newest first" walks the index backwards and
/// stops after the page; relevance ranks the newest `searchRankingWindow` matches with BM25. Story rows are read
/// for the page's hits only, and snippets are made for those hits only.
extension SQLiteStore: ArticleSearching {
    public func search(_ request: SearchRequest, page: PageRequest) async throws -> SearchResults {
        let empty = SearchResults(page: Page(items: [], request: page, hasMore: false), total: 0, totalIsExact: true)
        guard !request.query.isEmpty else { return empty }
        let countLimit = searchCountLimit, window = searchRankingWindow
        do {
            return try await pool.read { db in
                guard let facets = try SearchSQL.facets(db, request.query),
                      let match = SearchSQL.matchExpression(request.query, facets: facets)
                else { return empty }
                return try Self.search(db, match: match, request: request, page: page, countLimit: countLimit, window: window)
            }
        } catch let error as DatabaseError where error.message?.contains("fts5") == true {
            // Words are always quoted, so this should not happen; if it does, the reader sees no results, not an error.
            return empty
        }
    }

    private static func search(
        _ db: Database, match: String, request: SearchRequest, page: PageRequest, countLimit: Int, window: Int
    ) throws -> SearchResults {
        let (range, rangeArguments) = SearchSQL.keyRange(request)
        let matches = "FROM search_index WHERE search_index MATCH ?\(range)"
        let arguments: StatementArguments = [match] + rangeArguments

        let counted = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 \(matches) LIMIT ?)"), arguments: arguments + [countLimit + 1]
        ) ?? 0
        guard counted > 0 else {
            return SearchResults(page: Page(items: [], request: page, hasMore: false), total: 0, totalIsExact: true)
        }

        var keys: [Int64]
        switch request.sort {
        case .date:
            keys = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid \(matches) ORDER BY rowid DESC LIMIT ? OFFSET ?"),
                arguments: arguments + [page.size + 1, page.offset]
            )
        case .relevance:
            var windowSQL = ""
            var windowArguments = StatementArguments()
            if counted > window, let oldest = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT rowid \(matches) ORDER BY rowid DESC LIMIT 1 OFFSET ?"), arguments: arguments + [window - 1]
            ) {
                windowSQL = " AND rowid >= ?"
                windowArguments = [oldest]
            }
            keys = try Int64.fetchAll(
                db.cachedStatement(sql: """
                    SELECT rowid \(matches)\(windowSQL) ORDER BY bm25(search_index, \(SearchSQL.weights)), rowid DESC LIMIT ? OFFSET ?
                    """),
                arguments: arguments + windowArguments + [page.size + 1, page.offset]
            )
        }
        let hasMore = keys.count > page.size
        if hasMore { keys.removeLast() }

        let keyList = "[" + keys.map(String.init).joined(separator: ",") + "]"
        var articleIDs: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT key, article_id FROM search_documents WHERE key IN (SELECT value FROM json_each(?))"),
            arguments: [keyList]
        ) {
            articleIDs[row["key"]] = row["article_id"]
        }
        var snippets: [Int64: SearchSnippet] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT rowid, snippet(search_index, \(SearchSQL.snippetColumn), char(57344), char(57345), '…', 28) AS snippet
                FROM search_index WHERE search_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """),
            arguments: [match, keyList]
        ) {
            if let id = articleIDs[row["rowid"]] { snippets[id] = SearchSQL.snippet(row["snippet"]) }
        }
        let stories = try SummaryQuery.summaries(db, ids: keys.compactMap { articleIDs[$0] })
        let hits = stories.map { story in
            SearchHit(story: story, snippet: snippets[story.id] ?? SearchSnippet(parts: [.init(text: story.standfirst, isMatch: false)]))
        }
        return SearchResults(
            page: Page(items: hits, request: page, hasMore: hasMore),
            total: min(counted, countLimit), totalIsExact: counted <= countLimit
        )
    }
}

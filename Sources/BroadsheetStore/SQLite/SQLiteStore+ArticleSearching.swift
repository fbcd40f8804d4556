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
        let countLimit = searchCountLimit, window = searchRankingWindow, frequencies = documentFrequencies
        do {
            return try await pool.read { db in
                guard let facets = try SearchSQL.facets(db, request.query),
                      let expression = SearchSQL.matchExpression(request.query, facets: facets)
                else { return empty }
                // Filters alone have nothing to rank: they list the newest stories first.
                var request = request
                if !request.query.hasTextTerms { request.sort = .date }
                let rank = try expression.phrases.map { phrase -> Int64 in
                    guard phrase.ranks, request.sort == .relevance else { return -1 }
                    return try frequencies.count(of: phrase.text, in: db)
                }
                return try Self.search(
                    db, match: expression.text, rankArguments: rank, request: request, page: page, countLimit: countLimit, window: window
                )
            }
        } catch let error as DatabaseError where error.message?.contains("fts5") == true {
            // Words are always quoted, so this should not happen; if it does, the reader sees no results, not an error.
            return empty
        }
    }

    private static func search(
        _ db: Database, match: String, rankArguments: [Int64], request: SearchRequest, page: PageRequest, countLimit: Int, window: Int
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
            keys = try rankedKeys(
                db, matches: matches, arguments: arguments, rankArguments: rankArguments, counted: counted, window: window, page: page
            )
        }
        let hasMore = keys.count > page.size
        if hasMore { keys.removeLast() }

        let keyList = SummaryQuery.jsonList(ids: keys)
        var articleIDs: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT d.key, d.article_id \(SummaryQuery.fromIDs) search_documents d WHERE d.key = ids.value"),
            arguments: [keyList]
        ) {
            articleIDs[row["key"]] = row["article_id"]
        }
        // Where each hit matches (from the index, one seek per hit), and its text, cut into snippets here.
        var snippets: [Int64: SearchSnippet] = [:]
        let located = try db.cachedStatement(sql: """
            SELECT \(SearchRanking.matchesFunctionName)(search_index, \(SearchSQL.snippetColumn))
            FROM search_index WHERE search_index MATCH ? AND rowid = ?
            """)
        var bodies: [Int64: String] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT b.article_id, b.body_text \(SummaryQuery.fromIDs) article_bodies b WHERE b.article_id = ids.value"),
            arguments: [SummaryQuery.jsonList(ids: SummaryQuery.distinct(Array(articleIDs.values)))]
        ) {
            bodies[row["article_id"]] = row["body_text"]
        }
        for key in keys {
            guard let id = articleIDs[key], let body = bodies[id],
                  let found = try String.fetchOne(located, arguments: [match, key]) else { continue }
            snippets[id] = SnippetMaker.snippet(text: body, located: SnippetMaker.parse(found))
        }
        let stories = try SummaryQuery.summaries(db, sections: SectionDirectory(db: db), ids: keys.compactMap { articleIDs[$0] })
        let hits = stories.map { story in
            SearchHit(story: story, snippet: snippets[story.id] ?? SearchSnippet(parts: [.init(text: story.standfirst, isMatch: false)]))
        }
        return SearchResults(
            page: Page(items: hits, request: page, hasMore: hasMore),
            total: min(counted, countLimit), totalIsExact: counted <= countLimit
        )
    }

    /// The page of keys in relevance order: the newest `window` matches ranked by BM25 (ties: newer first), then any
    /// older matches, newest first. Ranking costs several microseconds a row, so it is bounded; the older matches
    /// stay reachable and the count stays true.
    private static func rankedKeys(
        _ db: Database, matches: String, arguments: StatementArguments, rankArguments: [Int64], counted: Int, window: Int,
        page: PageRequest
    ) throws -> [Int64] {
        let wanted = page.size + 1
        let rank = "\(SearchRanking.functionName)(search_index" + String(repeating: ", ?", count: rankArguments.count) + ")"
        let ranked = StatementArguments(rankArguments)
        guard counted > window, let oldest = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT rowid \(matches) ORDER BY rowid DESC LIMIT 1 OFFSET ?"), arguments: arguments + [window - 1]
        ) else {
            return try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid \(matches) ORDER BY \(rank), rowid DESC LIMIT ? OFFSET ?"),
                arguments: arguments + ranked + [wanted, page.offset]
            )
        }
        var keys: [Int64] = []
        if page.offset < window {
            keys = try Int64.fetchAll(
                db.cachedStatement(sql: """
                    SELECT rowid \(matches) AND rowid >= ? ORDER BY \(rank), rowid DESC LIMIT ? OFFSET ?
                    """),
                arguments: arguments + [oldest] + ranked + [min(wanted, window - page.offset), page.offset]
            )
        }
        if keys.count < wanted {
            keys += try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid \(matches) AND rowid < ? ORDER BY rowid DESC LIMIT ? OFFSET ?"),
                arguments: arguments + [oldest, wanted - keys.count, max(0, page.offset - window)]
            )
        }
        return keys
    }
}

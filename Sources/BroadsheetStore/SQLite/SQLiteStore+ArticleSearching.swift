import BroadsheetCore
import Foundation
import GRDB
import GRDBSQLite

/// Search in bounded work, whatever the query: everything happens inside the FTS5 index, whose rows are ordered by
/// publication time. The total is counted up to `searchCountLimit`; "newest first" walks the index backwards and
/// stops after the page; relevance ranks the newest `searchRankingWindow` matches with BM25. Story rows are read
/// for the page's hits only, and snippets are made for those hits only.
extension SQLiteStore: ArticleSearching {
    public func search(_ request: SearchRequest, page: PageRequest) async throws -> SearchResults {
        let empty = Self.noResults(page)
        guard !request.query.isEmpty else { return empty }
        let countLimit = searchCountLimit, window = searchRankingWindow, frequencies = documentFrequencies
        let timeLimit = searchTimeLimitNanoseconds
        do {
            return try await pool.read { db in
                // SQLite asks every thousand steps whether to go on; past the deadline the statement stops. The time
                // counts from here, once a reader is free, not while waiting for one. The second word notes that it
                // stopped one: whatever error that then surfaces as (an interrupted statement, or the ranking
                // function failing to read the index inside it), the search took too long.
                let limit = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
                limit.initialize(repeating: 0, count: 2)
                limit[0] = DispatchTime.now().uptimeNanoseconds &+ timeLimit
                sqlite3_progress_handler(db.sqliteConnection, 1_000, { pointer in
                    guard let limit = pointer?.assumingMemoryBound(to: UInt64.self), DispatchTime.now().uptimeNanoseconds > limit[0] else { return 0 }
                    limit[1] = 1
                    return 1
                }, limit)
                defer {
                    sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
                    limit.deallocate()
                }
                do {
                    return try Self.search(db, request: request, page: page, countLimit: countLimit, window: window, frequencies: frequencies)
                } catch where limit[1] != 0 {
                    throw SearchTookTooLong()
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && Task.isCancelled {
            // How a cancelled read ends (the reader went away); a search past its time limit is caught inside.
            throw CancellationError()
        } catch let error as DatabaseError where error.message?.contains("fts5") == true {
            // Words are always quoted, so this should not happen; if it does, the reader sees no results, not an error.
            return empty
        }
    }

    /// The search, on a reader connection.
    private static func search(
        _ db: Database, request: SearchRequest, page: PageRequest, countLimit: Int, window: Int, frequencies: DocumentFrequencies
    ) throws -> SearchResults {
        let empty = noResults(page)
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

    private static func search(
        _ db: Database, match: String, rankArguments: [Int64], request: SearchRequest, page: PageRequest, countLimit: Int, window: Int
    ) throws -> SearchResults {
        let (range, rangeArguments) = SearchSQL.keyRange(request)
        let matches = "FROM search_index WHERE search_index MATCH ?\(range)"
        let arguments: StatementArguments = [match] + rangeArguments

        let counted: Int
        var keys: [Int64]
        switch request.sort {
        case .date:
            counted = try count(db, matches: matches, arguments: arguments, limit: countLimit + 1)
            keys = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid \(matches) ORDER BY rowid DESC LIMIT ? OFFSET ?"),
                arguments: arguments + [page.size + 1, page.offset]
            )
        case .relevance:
            (counted, keys) = try rankedKeys(
                db, matches: matches, arguments: arguments, rankArguments: rankArguments, countLimit: countLimit, window: window, page: page
            )
        }
        guard counted > 0 else { return noResults(page) }
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
        // Where each hit matches, from the index: one walk over the matches between the page's oldest and newest hit
        // (a range FTS5 takes itself; the rows between that are not hits are passed over before the function runs),
        // rather than a seek per hit, each of which started the query again. At most the ranking window and a page.
        var positions: [Int64: SnippetMaker.Located] = [:]
        if let low = keys.min(), let high = keys.max() {
            try db.cachedStatement(sql: """
                SELECT rowid, \(SearchRanking.matchesFunctionName)(search_index, \(SearchSQL.snippetColumn))
                FROM search_index WHERE search_index MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (SELECT value FROM json_each(?))
                """).forEachRow(arguments: [match, low, high, keyList]) { row in
                positions[row.int64(0)] = row.blob(1, SnippetMaker.Located.init(blob:))
            }
        }
        // Each hit's text, cut into a snippet where SQLite holds it (the texts are not copied out).
        var located: [Int64: SnippetMaker.Located] = [:]
        for key in keys {
            if let id = articleIDs[key], let found = positions[key] { located[id] = found }
        }
        var snippets: [Int64: SearchSnippet] = [:]
        try db.cachedStatement(sql: "SELECT b.article_id, b.body_text \(SummaryQuery.fromIDs) article_bodies b WHERE b.article_id = ids.value")
            .forEachRow(arguments: [SummaryQuery.jsonList(ids: Array(located.keys))]) { row in
                let id = row.int64(0)
                guard let found = located[id] else { return }
                snippets[id] = row.blob(1) { SnippetMaker.snippet(utf8: $0.assumingMemoryBound(to: UInt8.self), located: found) }
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

    private static func noResults(_ page: PageRequest) -> SearchResults {
        SearchResults(page: Page(items: [], request: page, hasMore: false), total: 0, totalIsExact: true)
    }

    /// Matching rows, counted up to `limit`.
    private static func count(_ db: Database, matches: String, arguments: StatementArguments, limit: Int) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 \(matches) LIMIT ?)"), arguments: arguments + [limit]) ?? 0
    }

    /// How many match (counted up to `countLimit` + 1 at least), and the page of keys in relevance order: the newest
    /// `window` matches ranked by BM25 (ties: newer first), then any older matches, newest first. Ranking costs
    /// several microseconds a row, so it is bounded; the older matches stay reachable and the count stays true.
    /// The window is read once, newest first, with each row's score, and sorted here: that one pass also counts it,
    /// finds where it ends, and ranks it, where three statements walked it before.
    private static func rankedKeys(
        _ db: Database, matches: String, arguments: StatementArguments, rankArguments: [Int64], countLimit: Int, window: Int,
        page: PageRequest
    ) throws -> (counted: Int, keys: [Int64]) {
        let rank = "\(SearchRanking.functionName)(search_index" + String(repeating: ", ?", count: rankArguments.count) + ")"
        var scored: [(key: Int64, score: Double)] = []
        scored.reserveCapacity(min(window, 1_024))
        // The score's arguments come first: they are in the SELECT, before the MATCH.
        try db.cachedStatement(sql: "SELECT rowid, \(rank) \(matches) ORDER BY rowid DESC LIMIT ?")
            .forEachRow(arguments: StatementArguments(rankArguments) + arguments + [window]) { row in
                scored.append((row.int64(0), row.double(1)))
            }
        var counted = scored.count
        if scored.count == window, let oldest = scored.last?.key, counted <= countLimit {
            counted += try count(db, matches: "\(matches) AND rowid < ?", arguments: arguments + [oldest], limit: countLimit + 1 - counted)
        }
        // Lower scores are better, as with bm25(); of equal scores, the one read first (the newer) comes first.
        let wanted = page.size + 1
        var keys: [Int64] = []
        if page.offset < scored.count {
            let ranked = scored.enumerated().sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
            keys = ranked[page.offset..<min(ranked.count, page.offset + wanted)].map(\.element.key)
        }
        if keys.count < wanted, scored.count == window, let oldest = scored.last?.key {
            keys += try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid \(matches) AND rowid < ? ORDER BY rowid DESC LIMIT ? OFFSET ?"),
                arguments: arguments + [oldest, wanted - keys.count, max(0, page.offset - window)]
            )
        }
        return (counted, keys)
    }
}

import BroadsheetCore
import GRDB

/// Maintenance of the full-text index, for operators (`broadsheet search-index`) and tests.
extension SQLiteStore {
    /// Whether the index is sound and holds exactly the published stories. Throws if SQLite finds it corrupt.
    public func checkSearchIndex() async throws -> Bool {
        // FTS5 runs its checks through an INSERT, so this takes the writer (it changes nothing).
        try await pool.write { db in
            // FTS5's own check, including that every document's indexed words match its text.
            try db.execute(sql: "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
            // The documents must be exactly the published stories, each under the key of its publication time.
            let published = try Row.fetchAll(db, sql: "SELECT id, published_at FROM articles WHERE status = 'published' ORDER BY id")
            let documents = try Row.fetchAll(db, sql: "SELECT article_id, key FROM search_documents ORDER BY article_id")
            guard published.count == documents.count else { return false }
            return zip(published, documents).allSatisfy { story, document in
                story["id"] as Int64 == document["article_id"] as Int64
                    && SearchIndexing.key(publishedAt: story["published_at"], articleID: story["id"]) == document["key"] as Int64
            }
        }
    }

    /// Empties and rebuilds the index from the published stories, then merges it into one segment for fast queries.
    public func rebuildSearchIndex() async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_documents;")
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE status = 'published' ORDER BY published_at") {
                try SearchIndexing.index(db, articleID: id)
            }
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
        }
        documentFrequencies.removeAll()
    }

    /// Merges the index's segments into one, as after a large import, in one transaction.
    public func optimizeSearchIndex() async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
        }
    }
}

extension SQLiteStore: SearchIndexMaintaining {
    /// FTS5's segments: each leaf page of a segment has a row in the index's `_idx` table, under the segment's id.
    public func searchIndexSegments() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM search_index_idx") ?? 0
        }
    }

    /// FTS5's incremental 'merge' with a negative page count: segments on several levels are first brought to one
    /// level, then merged as 'optimize' would, but only about `pages` pages per call (FTS5 keeps where it stopped).
    /// FTS5's documented way to tell whether the command did anything is the change count: under two, nothing.
    public func mergeSearchIndex(pages: Int) async throws -> Bool {
        try await pool.write { db in
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO search_index (search_index, rank) VALUES ('merge', ?)", arguments: [-max(1, pages)])
            return db.totalChangesCount - before >= 2
        }
    }
}

extension SQLiteStore {
    /// Words that occur in between `minimumStories` and `maximumStories` stories, chosen deterministically (by the
    /// alphabetical order of their indexed stems): rare words for benchmarks. The index holds stems, so each word is
    /// read back from the text of a story that contains it.
    public func rareSearchTerms(count: Int, minimumStories: Int, maximumStories: Int) async throws -> [String] {
        try await pool.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_index, 'row')")
            let stems = try String.fetchAll(
                db, sql: "SELECT term FROM temp.search_terms WHERE doc BETWEEN ? AND ? AND term GLOB '[a-y][a-z][a-z][a-z]*' ORDER BY term",
                arguments: [minimumStories, maximumStories]
            )
            var words: [String] = []
            for stem in stems where words.count < count {
                guard let text = try String.fetchOne(db, sql: """
                    SELECT headline || ' ' || standfirst || ' ' || body_text FROM search_source
                    WHERE key = (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 1)
                    """, arguments: ["\"" + stem + "\"*"]) else { continue }
                if let word = SearchQuery(text).words.first(where: { $0.hasPrefix(stem) }), !words.contains(word) {
                    words.append(word)
                }
            }
            return words
        }
    }
}

extension SQLiteStore {
    /// Scores of every match of `query` by FTS5's own `bm25()` and by `broadsheet_rank`, keyed by search key: the
    /// two must agree, which the tests check.
    func rankingScores(_ query: SearchQuery) async throws -> (fts5: [Int64: Double], broadsheet: [Int64: Double]) {
        let frequencies = documentFrequencies
        return try await pool.read { db in
            guard let expression = SearchSQL.matchExpression(query, facets: []) else { return ([:], [:]) }
            let counts = try expression.phrases.map { $0.ranks ? try frequencies.count(of: $0.text, in: db) : -1 }
            let placeholders = String(repeating: ", ?", count: counts.count)
            var fts5: [Int64: Double] = [:], broadsheet: [Int64: Double] = [:]
            for row in try Row.fetchAll(
                db, sql: """
                    SELECT rowid, bm25(search_index, \(SearchRanking.columnWeights.map { String($0) }.joined(separator: ", "))) AS a,
                           \(SearchRanking.functionName)(search_index\(placeholders)) AS b
                    FROM search_index WHERE search_index MATCH ?
                    """,
                arguments: StatementArguments(counts) + [expression.text]
            ) {
                fts5[row["rowid"]] = row["a"]
                broadsheet[row["rowid"]] = row["b"]
            }
            return (fts5, broadsheet)
        }
    }
}

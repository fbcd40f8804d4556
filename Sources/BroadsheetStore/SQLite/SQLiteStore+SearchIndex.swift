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
    }

    /// Merges the index's segments into one, as after a large import.
    public func optimizeSearchIndex() async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
        }
    }
}

extension SQLiteStore {
    /// Indexed words found in between `minimumStories` and `maximumStories` stories, first in alphabetical order:
    /// a deterministic choice of rare words for benchmarks.
    public func rareSearchTerms(count: Int, minimumStories: Int, maximumStories: Int) async throws -> [String] {
        try await pool.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_terms USING fts5vocab(main, search_index, 'row')")
            return try String.fetchAll(
                db, sql: "SELECT term FROM temp.articles_fts_terms WHERE doc BETWEEN ? AND ? AND term GLOB '[a-y]*' ORDER BY term LIMIT ?",
                arguments: [minimumStories, maximumStories, count]
            )
        }
    }
}

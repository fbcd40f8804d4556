import BroadsheetCore
import GRDB

/// Maintenance of the full-text index, for operators (`broadsheet search-index`) and tests.
extension SQLiteStore {
    /// Whether the index is sound and holds exactly the published stories. Throws if SQLite finds it corrupt.
    public func checkSearchIndex() async throws -> Bool {
        // FTS5 runs its checks through an INSERT, so this takes the writer (it changes nothing).
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            // One docsize row per indexed story; the published stories must be exactly those.
            let stray = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (
                    SELECT id FROM articles_fts_docsize EXCEPT SELECT id FROM articles WHERE status = 'published'
                    UNION ALL
                    SELECT id FROM articles WHERE status = 'published' EXCEPT SELECT id FROM articles_fts_docsize
                )
                """) ?? 1
            return stray == 0
        }
    }

    /// Empties and rebuilds the index from the published stories, then merges it into one segment for fast queries.
    public func rebuildSearchIndex() async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
                INSERT INTO articles_fts (rowid, headline, standfirst, body_text)
                    SELECT id, headline, standfirst, body_text FROM article_search_source WHERE status = 'published';
                INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
                """)
        }
    }

    /// Merges the index's segments into one, as after a large import.
    public func optimizeSearchIndex() async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
        }
    }
}

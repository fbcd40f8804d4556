import BroadsheetCore
import GRDB

extension SQLiteStore: StoryCardStoring {
    public func useStoryCardFormat(_ format: String) async throws -> Bool {
        try await pool.write { db in
            guard try Self.recordedFormat(db) != format else { return false }
            try db.execute(sql: "DELETE FROM story_cards")
            // Anything read before this, to be kept in the old format (a card, a feed entry), is no longer kept.
            try db.execute(sql: "UPDATE content_version SET version = version + 1 WHERE id = 1")
            try db.execute(sql: "INSERT OR IGNORE INTO story_cards_pending (article_id) SELECT id FROM articles WHERE status = 'published'")
            try db.execute(sql: "INSERT OR REPLACE INTO story_card_format (id, format) VALUES (1, ?)", arguments: [format])
            return true
        }
    }

    public func storyCardFormat() async throws -> String? {
        try await pool.read { db in try Self.recordedFormat(db) }
    }

    private static func recordedFormat(_ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT format FROM story_card_format WHERE id = 1"))
    }

    /// Whether what was read at content version `version` and rendered in `cardFormat` may be kept now: nothing
    /// readers see changed since, and no process has recorded another format since.
    private static func canKeep(_ db: Database, readAt version: Int64, inFormat cardFormat: String) throws -> Bool {
        let current = try ContentVersionSQL.read(db)
        return try current == version && recordedFormat(db) == cardFormat
    }

    public func storiesWithoutCards(limit: Int, below id: Int64? = nil) async throws -> (version: Int64, stories: [ArticleSummary], noted: [Int64]) {
        try await pool.read { db in
            let version = try ContentVersionSQL.read(db)
            let noted = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT article_id FROM story_cards_pending WHERE article_id < ? ORDER BY article_id DESC LIMIT ?"),
                arguments: [id ?? Int64.max, max(1, min(limit, 1_000))]
            )
            // Published ones without a card only (a draft's note is cleared when cards are saved), in the order noted.
            let kept = try Set(Int64.fetchAll(
                db.cachedStatement(sql: "SELECT sc.article_id \(SummaryQuery.fromIDs) story_cards sc WHERE sc.article_id = ids.value"),
                arguments: [SummaryQuery.jsonList(ids: noted)]
            ))
            let stories = try SummaryQuery.summaries(db, sections: SectionDirectory(db: db), ids: noted.filter { !kept.contains($0) })
            return (version, stories, noted)
        }
    }

    public func saveStoryCards(_ cards: [Int64: RenderedCard], noted: [Int64], readAt version: Int64, inFormat cardFormat: String) async throws -> Bool {
        try await pool.write { db in
            guard try Self.canKeep(db, readAt: version, inFormat: cardFormat) else { return false }
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO story_cards (article_id, head, tail)
                SELECT id, ?, ? FROM articles WHERE id = ? AND status = 'published'
                """)
            // A card saved again replaces the old one, and its feed entries go with it (rendered from what the old card was).
            let dropItems = try db.cachedStatement(sql: "DELETE FROM story_feed_items WHERE article_id = ?")
            for (id, card) in cards {
                try dropItems.execute(arguments: [id])
                try insert.execute(arguments: [card.head, card.tail, id])
            }
            // Each note looked at goes once its story has a card or needs none.
            let clear = try db.cachedStatement(sql: """
                DELETE FROM story_cards_pending WHERE article_id = ?1 AND (
                    EXISTS (SELECT 1 FROM story_cards WHERE article_id = ?1)
                    OR NOT EXISTS (SELECT 1 FROM articles WHERE id = ?1 AND status = 'published'))
                """)
            for id in Set(noted).union(cards.keys) { try clear.execute(arguments: [id]) }
            return true
        }
    }

    public func saveFeedItems(_ items: [Int64: String], format: String, readAt version: Int64, inFormat cardFormat: String) async throws -> Bool {
        try await pool.write { db in
            guard try Self.canKeep(db, readAt: version, inFormat: cardFormat) else { return false }
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO story_feed_items (article_id, format, item)
                SELECT article_id, ?, ? FROM story_cards WHERE article_id = ?
                """)
            for (id, item) in items { try insert.execute(arguments: [format, item, id]) }
            return true
        }
    }
}

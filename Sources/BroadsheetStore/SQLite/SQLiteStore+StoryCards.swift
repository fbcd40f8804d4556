import BroadsheetCore
import GRDB

extension SQLiteStore: StoryCardStoring {
    public func useStoryCardFormat(_ format: String) async throws -> Bool {
        try await pool.write { db in
            let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT format FROM story_card_format WHERE id = 1"))
            guard stored != format else { return false }
            try db.execute(sql: "DELETE FROM story_cards")
            try db.execute(sql: "INSERT OR REPLACE INTO story_card_format (id, format) VALUES (1, ?)", arguments: [format])
            return true
        }
    }

    public func storiesWithoutCards(limit: Int) async throws -> (version: Int64, stories: [ArticleSummary]) {
        guard let page = PageRequest(number: 1, size: max(1, min(limit, 100))) else { return (0, []) }
        return try await pool.read { db in
            let version = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM content_version WHERE id = 1")) ?? 0
            let stories = try SummaryQuery.page(
                db, sections: SectionDirectory(db: db), where: "sc.article_id IS NULL", arguments: [], page: page
            ).items
            return (version, stories)
        }
    }

    public func saveStoryCards(_ cards: [Int64: RenderedCard], readAt version: Int64) async throws -> Bool {
        try await pool.write { db in
            let current = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM content_version WHERE id = 1")) ?? 0
            guard current == version else { return false }
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO story_cards (article_id, head, tail)
                SELECT id, ?, ? FROM articles WHERE id = ? AND status = 'published'
                """)
            for (id, card) in cards { try insert.execute(arguments: [card.head, card.tail, id]) }
            return true
        }
    }
}

import BroadsheetCore
import GRDB

extension SQLiteStore: ContentVersionReading {
    public func contentVersion() async throws -> Int64 {
        try await pool.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM content_version WHERE id = 1")) ?? 0
        }
    }
}

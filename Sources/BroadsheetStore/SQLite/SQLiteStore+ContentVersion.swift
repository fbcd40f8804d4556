import BroadsheetCore
import GRDB

extension SQLiteStore: ContentVersionReading {
    public func contentVersion() async throws -> Int64 {
        try await pool.read { db in
            try ContentVersionSQL.read(db)
        }
    }
}

/// The content version as a read or write transaction sees it (0 before any).
enum ContentVersionSQL {
    static func read(_ db: Database) throws -> Int64 {
        var version: Int64 = 0
        try db.cachedStatement(sql: "SELECT version FROM content_version WHERE id = 1").forEachRow(arguments: []) { version = $0.int64(0) }
        return version
    }
}

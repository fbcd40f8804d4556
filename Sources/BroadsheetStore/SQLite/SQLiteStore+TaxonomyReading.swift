import BroadsheetCore
import GRDB

extension SQLiteStore: TaxonomyReading {
    public func sections() async throws -> [Section] {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).sections() }
    }

    public func section(slug: String) async throws -> Section? {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).section(slug: slug) }
    }

    public func authors() async throws -> [Author] {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).authors() }
    }

    public func author(slug: String) async throws -> Author? {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).author(slug: slug) }
    }

    public func tags() async throws -> [Tag] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, slug, name FROM tags ORDER BY name")).map(RowDecoding.tag)
        }
    }

    public func tag(slug: String) async throws -> Tag? {
        try await pool.read { db in try SQLiteReaderSnapshot(db: db).tag(slug: slug) }
    }
}

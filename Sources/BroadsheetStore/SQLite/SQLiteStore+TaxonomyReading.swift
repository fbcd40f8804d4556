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
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT au.id, au.slug, au.name, au.role, au.bio,
                           p.sha256 AS photo_sha256, p.media_type AS photo_media_type, p.width AS photo_width, p.height AS photo_height
                    FROM authors au LEFT JOIN images p ON p.id = au.photo_image_id
                    ORDER BY au.name
                    """)
            ).map(RowDecoding.author)
        }
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

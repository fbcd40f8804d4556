import BroadsheetCore
import Crypto
import Foundation
import GRDB

extension SQLiteStore: PublicationWriting {
    public func createSection(_ section: NewSection) async throws -> Section {
        try Self.validate(slug: section.slug, name: section.name)
        return try await write(slug: section.slug) { db in
            try db.execute(
                sql: "INSERT INTO sections (slug, name, description, position) VALUES (?, ?, ?, ?)",
                arguments: [section.slug, section.name, section.description, section.position]
            )
            return Section(
                id: db.lastInsertedRowID, slug: section.slug, name: section.name, description: section.description,
                position: section.position
            )
        }
    }

    public func createAuthor(_ author: NewAuthor) async throws -> Author {
        try Self.validate(slug: author.slug, name: author.name)
        return try await write(slug: author.slug) { db in
            let photoID = try author.photo.map { try Self.imageID(db, sha256: $0.sha256) }
            try db.execute(
                sql: "INSERT INTO authors (slug, name, role, bio, photo_image_id) VALUES (?, ?, ?, ?, ?)",
                arguments: [author.slug, author.name, author.role, author.bio, photoID]
            )
            return Author(
                id: db.lastInsertedRowID, slug: author.slug, name: author.name, role: author.role, bio: author.bio,
                photo: author.photo
            )
        }
    }

    public func createPartner(_ partner: NewPartner) async throws -> Partner {
        try Self.validate(partner)
        return try await pool.write { db in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO partners (name, homepage, feed_url, default_section_id, licence_note, mode, poll_interval_seconds, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        partner.name, partner.homepage.absoluteString, partner.feedURL?.absoluteString, partner.intake.defaultSectionID,
                        partner.intake.licenceNote, partner.intake.mode.rawValue, Int(partner.intake.pollInterval), Date(),
                    ]
                )
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw PublicationWriteError.missingReference("section \(partner.intake.defaultSectionID.map(String.init) ?? "")")
            }
            return Partner(id: db.lastInsertedRowID, name: partner.name, homepage: partner.homepage, feedURL: partner.feedURL, intake: partner.intake)
        }
    }

    public func storeImage(_ bytes: Data, mediaType: ImageMediaType, width: Int, height: Int) async throws -> ImageReference {
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO images (sha256, media_type, width, height, byte_size, bytes, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
                    """,
                arguments: [sha, mediaType.rawValue, width, height, bytes.count, bytes, Date()]
            )
            // The same bytes stored earlier keep the type and size they were stored with.
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT sha256, media_type, width, height, byte_size FROM images WHERE sha256 = ?"), arguments: [sha]
            )
            guard let row, let stored = RowDecoding.image(row) else { throw PublicationWriteError.invalid("the image could not be stored") }
            return stored
        }
    }

    public func articleCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0 }
    }

    public func isEmpty() async throws -> Bool {
        try await pool.read { db in
            try !Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM sections) OR EXISTS (SELECT 1 FROM authors) OR EXISTS (SELECT 1 FROM articles)
                """)!
        }
    }

    // MARK: - Helpers

    static func validate(slug: String, name: String) throws {
        guard Slug.isValid(slug) else {
            throw PublicationWriteError.invalid("\"\(slug)\" is not a valid slug: use lowercase letters, digits and single hyphens")
        }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PublicationWriteError.invalid("a name or headline is required")
        }
    }

    /// Only http and https addresses are stored: they end up in links, canonical URLs and feeds.
    static func validateWebAddress(_ url: URL, what: String) throws {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
            throw PublicationWriteError.invalid("\(what) must be an http or https address")
        }
    }

    static func imageID(_ db: Database, sha256: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM images WHERE sha256 = ?"), arguments: [sha256]) else {
            throw PublicationWriteError.missingReference("image \(sha256)")
        }
        return id
    }

    /// Runs a write, turning a unique-constraint failure into `duplicateSlug`.
    private func write<T: Sendable>(slug: String, _ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PublicationWriteError.duplicateSlug(slug)
        }
    }
}

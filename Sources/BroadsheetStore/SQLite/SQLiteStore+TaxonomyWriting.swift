import BroadsheetCore
import GRDB

extension SQLiteStore: TaxonomyWriting {
    public func updateSection(id: Int64, _ section: NewSection) async throws {
        try Self.validate(slug: section.slug, name: section.name)
        try await changeOne(slug: section.slug) { db in
            try db.execute(
                sql: "UPDATE sections SET slug = ?, name = ?, description = ?, position = ? WHERE id = ?",
                arguments: [section.slug, section.name, section.description, section.position, id]
            )
        }
    }

    public func updateAuthor(id: Int64, _ author: NewAuthor) async throws {
        try Self.validate(slug: author.slug, name: author.name)
        try await changeOne(slug: author.slug) { db in
            let photoID = try author.photo.map { try Self.imageID(db, sha256: $0.sha256) }
            try db.execute(
                sql: "UPDATE authors SET slug = ?, name = ?, role = ?, bio = ?, photo_image_id = ? WHERE id = ?",
                arguments: [author.slug, author.name, author.role, author.bio, photoID, id]
            )
        }
    }

    public func renameTag(id: Int64, name: String) async throws {
        guard let slug = Slug.makeIfPossible(from: name) else { throw PublicationWriteError.invalid("a tag needs letters or digits") }
        try Self.validate(slug: slug, name: name)
        try await changeOne(slug: slug) { db in
            try db.execute(sql: "UPDATE tags SET slug = ?, name = ? WHERE id = ?", arguments: [slug, name, id])
        }
    }

    /// Runs an update that must change exactly one row, turning a clash of slugs into `duplicateSlug`.
    private func changeOne(slug: String, _ body: @Sendable @escaping (Database) throws -> Void) async throws {
        do {
            try await pool.write { db in
                try body(db)
                guard db.changesCount == 1 else { throw PublicationWriteError.missingReference("the record") }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PublicationWriteError.duplicateSlug(slug)
        }
    }
}

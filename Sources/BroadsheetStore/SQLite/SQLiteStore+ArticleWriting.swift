import BroadsheetCore
import Foundation
import GRDB

/// Writing stories: each write is one transaction, so a story, its bylines, tags, revision and search entry change
/// together or not at all.
extension SQLiteStore {
    public func createArticles(_ articles: [NewArticle]) async throws -> [Int64] {
        try articles.forEach(Self.validate)
        return try await pool.write { db in
            var tagIDs: [String: Int64] = [:]
            var ids: [Int64] = []
            ids.reserveCapacity(articles.count)
            for article in articles {
                ids.append(try Self.insert(article, db: db, tagIDs: &tagIDs))
            }
            return ids
        }
    }

    public func updateArticle(id: Int64, _ article: NewArticle) async throws {
        try Self.validate(article)
        try await pool.write { db in try Self.update(id: id, article, db: db) }
    }

    /// Replaces a story inside a write transaction (see `updateArticle`).
    static func update(id: Int64, _ article: NewArticle, db: Database) throws {
        let before = try Row.fetchOne(db.cachedStatement(sql: "SELECT slug, published_at FROM articles WHERE id = ?"), arguments: [id])
        try SearchIndexing.unindex(db, articleID: id)
        let leadImageID = try article.leadImage.map { try Self.imageID(db, sha256: $0.image.sha256) }
        try Self.mapConstraintErrors(article) {
            try db.cachedStatement(sql: """
                UPDATE articles SET
                    slug = ?, status = ?, headline = ?, standfirst = ?, word_count = ?,
                    section_id = ?, lead_image_id = ?, lead_image_alt = ?, lead_image_caption = ?, lead_image_credit = ?,
                    source_name = ?, source_url = ?, source_author = ?, source_published_at = ?, partner_id = ?, modified_at = ?,
                    published_at = ?, content_updated_at = ?, scheduled_for = ?, changed_at = ?
                WHERE id = ? AND (? IS NULL OR current_revision_id = ?)
                """
            ).execute(arguments: Self.columnValues(article, leadImageID: leadImageID) + [id, article.expectedRevisionID, article.expectedRevisionID])
        }
        guard db.changesCount == 1 else {
            throw before == nil ? PublicationWriteError.missingReference("story \(id)") : PublicationWriteError.conflict
        }
        // A story that readers have seen keeps answering at its old address, with a permanent redirect.
        if let before, let oldSlug: String = before["slug"], oldSlug != article.slug, before["published_at"] as Date? != nil {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO slug_redirects (old_slug, article_id) VALUES (?, ?)")
                .execute(arguments: [oldSlug, id])
        }
        try db.cachedStatement(sql: "DELETE FROM slug_redirects WHERE old_slug = ?").execute(arguments: [article.slug])
        try db.cachedStatement(sql: "UPDATE article_bodies SET body_html = ?, body_text = ? WHERE article_id = ?")
            .execute(arguments: [article.body.html, article.body.plainText, id])
        try db.cachedStatement(sql: "DELETE FROM article_authors WHERE article_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM article_tags WHERE article_id = ?").execute(arguments: [id])
        var tagIDs: [String: Int64] = [:]
        try Self.attach(article, to: id, db: db, tagIDs: &tagIDs)
        try SearchIndexing.index(db, articleID: id)
    }

    public func deleteArticle(id: Int64) async throws {
        try await pool.write { db in
            try SearchIndexing.unindex(db, articleID: id)
            try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
            guard db.changesCount == 1 else { throw PublicationWriteError.missingReference("story \(id)") }
        }
    }

    // MARK: - Helpers

    static func validate(_ article: NewArticle) throws {
        try validate(slug: article.slug, name: article.headline)
        if let source = article.source {
            try validateWebAddress(source.url, what: "the source address")
            guard !source.outletName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw PublicationWriteError.invalid("a republished story needs the name of its outlet")
            }
        }
        if article.status == .published, article.publishedAt == nil {
            throw PublicationWriteError.invalid("a published story needs a publication time")
        }
        if article.status == .scheduled, article.scheduledFor == nil {
            throw PublicationWriteError.invalid("a scheduled story needs a publication time")
        }
    }

    /// The values of the columns shared by insert and update, in the order both statements list them after `status`.
    private static func columnValues(_ article: NewArticle, leadImageID: Int64?) -> StatementArguments {
        [
            article.slug, article.status.rawValue, article.headline, article.standfirst, article.body.wordCount, article.sectionID, leadImageID, article.leadImage?.alt ?? "",
            article.leadImage?.caption ?? "", article.leadImage?.credit ?? "", article.source?.outletName,
            article.source?.url.absoluteString, article.source?.originalAuthor, article.source?.originalPublishedAt, article.partnerID,
            article.modifiedAt, article.publishedAt,
            article.contentUpdatedAt, article.scheduledFor, changedAt(article),
        ]
    }

    /// When readers last saw the story change: its publication, or a later substantive update.
    static func changedAt(_ article: NewArticle) -> Date? {
        guard let published = article.publishedAt else { return nil }
        return max(published, article.contentUpdatedAt ?? published)
    }

    static func insert(_ article: NewArticle, db: Database, tagIDs: inout [String: Int64]) throws -> Int64 {
        let leadImageID = try article.leadImage.map { try imageID(db, sha256: $0.image.sha256) }
        try mapConstraintErrors(article) {
            try db.cachedStatement(sql: """
                INSERT INTO articles (
                    slug, status, headline, standfirst, word_count, section_id,
                    lead_image_id, lead_image_alt, lead_image_caption, lead_image_credit, source_name, source_url,
                    source_author, source_published_at, partner_id, modified_at, published_at, content_updated_at, scheduled_for,
                    changed_at, guid, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).execute(
                arguments: columnValues(article, leadImageID: leadImageID)
                    + ["urn:uuid:" + UUID().uuidString.lowercased(), article.createdAt, article.createdBy]
            )
        }
        let articleID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO article_bodies (article_id, body_html, body_text) VALUES (?, ?, ?)")
            .execute(arguments: [articleID, article.body.html, article.body.plainText])
        try attach(article, to: articleID, db: db, tagIDs: &tagIDs)
        try SearchIndexing.index(db, articleID: articleID)
        return articleID
    }

    /// Bylines, tags and a revision holding the Markdown source, which becomes the story's current one.
    private static func attach(_ article: NewArticle, to articleID: Int64, db: Database, tagIDs: inout [String: Int64]) throws {
        for (position, authorID) in article.authorIDs.enumerated() {
            do {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)")
                    .execute(arguments: [articleID, authorID, position])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw PublicationWriteError.missingReference("author \(authorID)")
            }
        }
        for name in article.tagNames {
            guard let slug = Slug.makeIfPossible(from: name) else {
                throw PublicationWriteError.invalid("the tag “\(name)” has no letters or digits")
            }
            let tagID: Int64
            if let known = tagIDs[slug] {
                tagID = known
            } else {
                try db.cachedStatement(sql: "INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
                    .execute(arguments: [slug, name])
                guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM tags WHERE slug = ?"), arguments: [slug]) else {
                    throw PublicationWriteError.missingReference("tag \(slug)")
                }
                tagID = id
                tagIDs[slug] = tagID
            }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)")
                .execute(arguments: [articleID, tagID])
        }
        try db.cachedStatement(sql: """
            INSERT INTO revisions (article_id, user_id, created_at, headline, standfirst, body_markdown, substantive, body_format)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
            articleID, article.revisedBy, article.modifiedAt, article.headline, article.standfirst, article.bodyMarkdown,
            article.isSubstantiveEdit, article.bodyFormat.rawValue,
        ])
        try db.cachedStatement(sql: "UPDATE articles SET current_revision_id = ? WHERE id = ?")
            .execute(arguments: [db.lastInsertedRowID, articleID])
    }

    /// Runs a statement that writes a story row, turning constraint failures into the port's errors.
    private static func mapConstraintErrors(_ article: NewArticle, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PublicationWriteError.duplicateSlug(article.slug)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw PublicationWriteError.missingReference("section \(article.sectionID) or partner \(article.partnerID.map(String.init) ?? "")")
        }
    }
}

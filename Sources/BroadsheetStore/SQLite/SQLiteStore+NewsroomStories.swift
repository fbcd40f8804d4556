import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: NewsroomStories {
    public func editableStory(id: Int64) async throws -> EditableStory? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT a.id, a.guid, a.status, a.slug, a.headline, a.standfirst, a.section_id, a.created_by, a.created_at,
                           a.modified_at, a.published_at, a.content_updated_at, a.scheduled_for, a.source_name, a.source_url,
                           a.source_author, a.source_published_at, a.partner_id, r.body_format,
                           a.lead_image_alt, a.lead_image_caption, a.lead_image_credit,
                           li.sha256 AS lead_sha256, li.media_type AS lead_media_type, li.width AS lead_width, li.height AS lead_height, li.byte_size AS lead_byte_size,
                           r.body_markdown, a.current_revision_id
                    FROM articles a
                    LEFT JOIN images li ON li.id = a.lead_image_id
                    LEFT JOIN revisions r ON r.id = a.current_revision_id
                    WHERE a.id = ?
                    """),
                arguments: [id]
            ) else { return nil }
            let authorIDs = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT author_id FROM article_authors WHERE article_id = ? ORDER BY position"), arguments: [id]
            )
            let tags = try String.fetchAll(
                db.cachedStatement(sql: "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name"),
                arguments: [id]
            )
            let summary = RowDecoding.summaryParts(row)
            return EditableStory(
                id: row["id"], guid: row["guid"], status: ArticleStatus(rawValue: row["status"]) ?? .draft, slug: row["slug"],
                headline: row["headline"], standfirst: row["standfirst"], sectionID: row["section_id"], authorIDs: authorIDs,
                tagNames: tags, bodyMarkdown: row["body_markdown"] ?? "", leadImage: summary.leadImage, source: summary.source,
                createdBy: row["created_by"], createdAt: row["created_at"], modifiedAt: row["modified_at"],
                publishedAt: row["published_at"], contentUpdatedAt: row["content_updated_at"], scheduledFor: row["scheduled_for"],
                revisionID: row["current_revision_id"],
                bodyFormat: StoryBodyFormat(rawValue: row["body_format"] ?? "markdown") ?? .markdown, partnerID: row["partner_id"]
            )
        }
    }

    public func listStories(_ filter: StoryListFilter, page: PageRequest) async throws -> Page<StoryListItem> {
        var conditions = ["1"]
        var arguments = StatementArguments()
        if let status = filter.status { conditions.append("a.status = ?"); arguments += [status.rawValue] }
        if let section = filter.sectionID { conditions.append("a.section_id = ?"); arguments += [section] }
        if let author = filter.authorID {
            conditions.append("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?)")
            arguments += [author]
        }
        if let creator = filter.createdBy { conditions.append("a.created_by = ?"); arguments += [creator] }
        if let viewer = filter.visibleTo {
            conditions.append("""
                (a.status = 'published' OR a.created_by = ?
                 OR EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?))
                """)
            arguments += [viewer.userID, viewer.authorID ?? -1]
        }
        for word in SearchQuery(filter.text ?? "").allWords {
            let pattern = "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("(a.headline LIKE ? ESCAPE '\\' OR a.standfirst LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern]
        }
        let sql = """
            SELECT a.id, a.headline, a.slug, a.status, s.name AS section_name, a.created_by, a.modified_at, a.published_at,
                   a.scheduled_for,
                   (SELECT json_group_array(json_array(au.id, au.name)) FROM
                       (SELECT au.id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                        WHERE aa.article_id = a.id ORDER BY aa.position) AS au) AS byline
            FROM articles a JOIN sections s ON s.id = a.section_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY a.modified_at DESC, a.id DESC LIMIT ? OFFSET ?
            """
        let bound = arguments
        return try await pool.read { db in
            var items = try Row.fetchAll(db, sql: sql, arguments: bound + [page.size + 1, page.offset]).map { row -> StoryListItem in
                let byline = (try? JSONSerialization.jsonObject(with: Data((row["byline"] as String? ?? "[]").utf8)) as? [[Any]]) ?? []
                return StoryListItem(
                    id: row["id"], headline: row["headline"], slug: row["slug"], status: ArticleStatus(rawValue: row["status"]) ?? .draft,
                    sectionName: row["section_name"], authorNames: byline.compactMap { $0.last as? String },
                    authorIDs: byline.compactMap { ($0.first as? NSNumber)?.int64Value }, createdBy: row["created_by"],
                    modifiedAt: row["modified_at"], publishedAt: row["published_at"], scheduledFor: row["scheduled_for"]
                )
            }
            let hasMore = items.count > page.size
            if hasMore { items.removeLast() }
            return Page(items: items, request: page, hasMore: hasMore)
        }
    }

    public func revisions(storyID: Int64) async throws -> [Revision] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT r.id, r.article_id, u.name AS user_name, r.created_at, r.headline, r.standfirst, r.body_markdown, r.substantive
                    FROM revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? ORDER BY r.id DESC
                    """),
                arguments: [storyID]
            ).map(Self.decodeRevision)
        }
    }

    public func revision(id: Int64) async throws -> Revision? {
        try await pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT r.id, r.article_id, u.name AS user_name, r.created_at, r.headline, r.standfirst, r.body_markdown, r.substantive
                    FROM revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.id = ?
                    """),
                arguments: [id]
            ).map(Self.decodeRevision)
        }
    }

    public func isSlugAvailable(_ slug: String, exceptStoryID: Int64?) async throws -> Bool {
        try await pool.read { db in
            let other = exceptStoryID ?? -1
            let taken = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ? AND id <> ?)
                        OR EXISTS (SELECT 1 FROM slug_redirects WHERE old_slug = ? AND article_id <> ?)
                    """,
                arguments: [slug, other, slug, other]
            ) ?? true
            return !taken
        }
    }

    public func addCorrection(storyID: Int64, kind: Correction.Kind, text: String, at: Date) async throws -> Correction {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO corrections (article_id, kind, text, created_at) VALUES (?, ?, ?, ?)",
                arguments: [storyID, kind.rawValue, text, at]
            )
            let id = db.lastInsertedRowID
            // Readers and feeds see the story as updated at the time of the correction.
            try db.execute(
                sql: "UPDATE articles SET content_updated_at = ?, changed_at = ?, modified_at = ? WHERE id = ? AND status = 'published'",
                arguments: [at, at, at, storyID]
            )
            guard db.changesCount == 1 else { throw PublicationWriteError.invalid("only published stories take corrections") }
            return Correction(id: id, kind: kind, text: text, createdAt: at)
        }
    }

    public func publishDueStories(at now: Date) async throws -> [Int64] {
        try await pool.write { db in
            let due = try Int64.fetchAll(
                db, sql: "SELECT id FROM articles WHERE status = 'scheduled' AND scheduled_for <= ? ORDER BY scheduled_for", arguments: [now]
            )
            for id in due {
                try SearchIndexing.unindex(db, articleID: id)
                try db.execute(
                    sql: """
                        UPDATE articles SET status = 'published', published_at = coalesce(published_at, scheduled_for),
                            changed_at = max(coalesce(published_at, scheduled_for), coalesce(content_updated_at, scheduled_for)),
                            scheduled_for = NULL, modified_at = ?
                        WHERE id = ? AND status = 'scheduled'
                        """,
                    arguments: [now, id]
                )
                try SearchIndexing.index(db, articleID: id)
            }
            return due
        }
    }

    static func decodeRevision(_ row: Row) -> Revision {
        Revision(
            id: row["id"], storyID: row["article_id"], userName: row["user_name"], createdAt: row["created_at"],
            headline: row["headline"], standfirst: row["standfirst"], bodyMarkdown: row["body_markdown"], substantive: row["substantive"]
        )
    }
}

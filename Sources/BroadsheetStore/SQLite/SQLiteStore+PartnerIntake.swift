import BroadsheetCore
import Foundation
import GRDB

/// Partners, their poll status, and the items taken in from their feeds.
extension SQLiteStore: PartnerIntakeStoring {
    /// How far back a new item is compared with earlier imports for nearly the same text.
    static let fingerprintWindow: TimeInterval = 30 * 86_400

    public func partners() async throws -> [Partner] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM partners ORDER BY name COLLATE NOCASE, id")).compactMap(Self.partner)
        }
    }

    public func partner(id: Int64) async throws -> Partner? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM partners WHERE id = ?"), arguments: [id]).flatMap(Self.partner)
        }
    }

    public func updatePartner(id: Int64, _ partner: NewPartner) async throws {
        try Self.validate(partner)
        try await pool.write { db in
            do {
                try db.cachedStatement(sql: """
                    UPDATE partners SET name = ?, homepage = ?, feed_url = ?, default_section_id = ?, licence_note = ?, mode = ?,
                        poll_interval_seconds = ?,
                        -- A new feed address starts afresh: no validators, polled soon.
                        etag = CASE WHEN feed_url IS ? THEN etag END,
                        last_modified = CASE WHEN feed_url IS ? THEN last_modified END,
                        next_poll_at = CASE WHEN feed_url IS ? THEN next_poll_at END
                    WHERE id = ?
                    """
                ).execute(arguments: [
                    partner.name, partner.homepage.absoluteString, partner.feedURL?.absoluteString, partner.intake.defaultSectionID,
                    partner.intake.licenceNote, partner.intake.mode.rawValue, Int(partner.intake.pollInterval),
                    partner.feedURL?.absoluteString, partner.feedURL?.absoluteString, partner.feedURL?.absoluteString, id,
                ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw PublicationWriteError.missingReference("section \(partner.intake.defaultSectionID.map(String.init) ?? "")")
            }
            guard db.changesCount == 1 else { throw PublicationWriteError.missingReference("partner \(id)") }
        }
    }

    static func validate(_ partner: NewPartner) throws {
        guard !partner.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PublicationWriteError.invalid("a partner needs a name")
        }
        try validateWebAddress(partner.homepage, what: "the partner's homepage")
        if let feed = partner.feedURL { try validateWebAddress(feed, what: "the partner's feed address") }
        guard IntakeSettings.pollIntervalRange.contains(partner.intake.pollInterval) else {
            throw PublicationWriteError.invalid("the poll interval must be between 1 minute and 1 day")
        }
    }

    public func claimPoll(partnerID: Int64, until: Date, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.cachedStatement(sql: "UPDATE partners SET claimed_until = ? WHERE id = ? AND (claimed_until IS NULL OR claimed_until <= ?)")
                .execute(arguments: [until, partnerID, now])
            return db.changesCount == 1
        }
    }

    public func recordPoll(partnerID: Int64, status: PartnerFeedStatus) async throws {
        try await pool.write { db in
            try db.cachedStatement(sql: """
                UPDATE partners SET last_polled_at = ?, last_success_at = ?, last_error = ?, next_poll_at = ?, consecutive_failures = ?,
                    etag = ?, last_modified = ?, claimed_until = NULL
                WHERE id = ?
                """
            ).execute(arguments: [
                status.lastPolledAt, status.lastSuccessAt, status.lastError, status.nextPollAt, status.consecutiveFailures,
                status.etag, status.lastModified, partnerID,
            ])
        }
    }

    public func importItem(_ item: IntakeItem, now: Date) async throws -> IntakeOutcome {
        try Self.validate(item.article)
        return try await pool.write { db in
            // 1. The same item of the same partner, by its key.
            if let known = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT pi.article_id, pi.content_hash, pi.is_alias, pi.revision_id, a.current_revision_id, a.status, a.slug,
                           a.published_at, a.section_id
                    FROM partner_items pi JOIN articles a ON a.id = pi.article_id
                    WHERE pi.partner_id = ? AND pi.item_key = ?
                    """),
                arguments: [item.partnerID, item.key]
            ) {
                let articleID: Int64 = known["article_id"]
                try db.cachedStatement(sql: "UPDATE partner_items SET last_seen_at = ? WHERE partner_id = ? AND item_key = ?")
                    .execute(arguments: [now, item.partnerID, item.key])
                if known["is_alias"] as Bool { return .duplicate(of: articleID, reason: "seen before as a copy of another story") }
                if known["content_hash"] as String == item.contentHash { return .unchanged(articleID: articleID) }
                if known["revision_id"] as Int64? != known["current_revision_id"] as Int64? { return .keptNewsroomEdit(articleID: articleID) }
                // The partner changed it: a new revision, keeping the story's place (state, address, section, times).
                var article = item.article
                article.status = ArticleStatus(rawValue: known["status"]) ?? article.status
                article.slug = known["slug"]
                article.sectionID = known["section_id"]
                article.publishedAt = known["published_at"]
                if article.status == .published, article.contentUpdatedAt == nil { article.contentUpdatedAt = now }
                if article.status != .published { article.contentUpdatedAt = nil }
                article.isSubstantiveEdit = article.status == .published
                try Self.update(id: articleID, article, db: db)
                try db.cachedStatement(sql: """
                    UPDATE partner_items SET content_hash = ?, fingerprint = ?, link = ?,
                        revision_id = (SELECT current_revision_id FROM articles WHERE id = ?)
                    WHERE partner_id = ? AND item_key = ?
                    """
                ).execute(arguments: [item.contentHash, item.fingerprint.storedValue, item.link?.absoluteString, articleID, item.partnerID, item.key])
                return .updated(articleID: articleID)
            }
            // 2. The same original address, from any partner (or this one, with a new id).
            var duplicate: (Int64, String)?
            if let link = item.link?.absoluteString,
               let articleID = try Int64.fetchOne(
                   db.cachedStatement(sql: "SELECT article_id FROM partner_items WHERE link = ? ORDER BY first_seen_at LIMIT 1"), arguments: [link]
               ) {
                duplicate = (articleID, "same original address")
            }
            // 3. Nearly the same text among recent imports.
            if duplicate == nil, item.fingerprint.value != 0 {
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: "SELECT article_id, fingerprint FROM partner_items WHERE first_seen_at >= ? AND fingerprint <> 0"),
                    arguments: [now.addingTimeInterval(-Self.fingerprintWindow)]
                )
                while let row = try rows.next() {
                    let other = StoryFingerprint(storedValue: row["fingerprint"])
                    if item.fingerprint.isNearDuplicate(of: other) {
                        duplicate = (row["article_id"], "nearly the same text (\(item.fingerprint.distance(to: other)) bits apart)")
                        break
                    }
                }
            }
            if let (articleID, reason) = duplicate {
                try Self.recordItem(item, articleID: articleID, isAlias: true, now: now, db: db)
                return .duplicate(of: articleID, reason: reason)
            }
            // 4. New: stored under a free address.
            var article = item.article
            article.slug = try Self.freeSlug(article.slug, db: db)
            var tagIDs: [String: Int64] = [:]
            let articleID = try Self.insert(article, db: db, tagIDs: &tagIDs)
            try Self.recordItem(item, articleID: articleID, isAlias: false, now: now, db: db)
            return .created(articleID: articleID)
        }
    }

    private static func recordItem(_ item: IntakeItem, articleID: Int64, isAlias: Bool, now: Date, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO partner_items (partner_id, item_key, article_id, link, fingerprint, content_hash, is_alias, revision_id,
                                       first_seen_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT current_revision_id FROM articles WHERE id = ?), ?, ?)
            """
        ).execute(arguments: [
            item.partnerID, item.key, articleID, item.link?.absoluteString, item.fingerprint.storedValue, item.contentHash, isAlias,
            articleID, now, now,
        ])
    }

    /// `slug`, or `slug-2`, `slug-3`... whichever no story or old address uses.
    private static func freeSlug(_ slug: String, db: Database) throws -> String {
        let taken = try db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ?1) OR EXISTS (SELECT 1 FROM slug_redirects WHERE old_slug = ?1)
            """)
        for attempt in 1...1_000 {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let candidate = String(slug.prefix(Slug.maximumLength - suffix.count)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) + suffix
            if try Bool.fetchOne(taken, arguments: [candidate]) == false { return candidate }
        }
        return String(slug.prefix(40)) + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    private static func partner(_ row: Row) -> Partner? {
        guard let homepage = URL(string: row["homepage"] as String) else { return nil }
        let feedURL = (row["feed_url"] as String?).flatMap(URL.init(string:))
        let intake = IntakeSettings(
            defaultSectionID: row["default_section_id"], licenceNote: row["licence_note"],
            mode: IntakeSettings.Mode(rawValue: row["mode"]) ?? .draft, pollInterval: TimeInterval(row["poll_interval_seconds"] as Int)
        )
        let status = PartnerFeedStatus(
            lastPolledAt: row["last_polled_at"], lastSuccessAt: row["last_success_at"], lastError: row["last_error"],
            nextPollAt: row["next_poll_at"], consecutiveFailures: row["consecutive_failures"], etag: row["etag"],
            lastModified: row["last_modified"]
        )
        return Partner(id: row["id"], name: row["name"], homepage: homepage, feedURL: feedURL, intake: intake, status: status)
    }
}

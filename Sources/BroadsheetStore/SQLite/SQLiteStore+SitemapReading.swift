import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: SitemapReading {
    /// A story whose canonical home is here: published, and not a partner's story republished with a link to it.
    private static let ownStory = "status = 'published' AND source_url IS NULL"

    public func highestSitemapStoryID() async throws -> Int64 {
        try await pool.read { db in
            // Walks the primary key backwards and stops at the first match.
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE \(Self.ownStory) ORDER BY id DESC LIMIT 1")) ?? 0
        }
    }

    public func sitemapStories(idsFrom first: Int64, through last: Int64) async throws -> [SitemapStory] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT slug, headline, published_at, changed_at FROM articles
                    WHERE id BETWEEN ? AND ? AND \(Self.ownStory) ORDER BY id
                    """),
                arguments: [first, last]
            ).map(Self.sitemapStory)
        }
    }

    public func storiesPublished(since: Date, limit: Int) async throws -> [SitemapStory] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT slug, headline, published_at, changed_at FROM articles
                    WHERE status = 'published' AND published_at >= ? AND source_url IS NULL
                    ORDER BY published_at DESC, id DESC LIMIT ?
                    """),
                arguments: [since, max(0, limit)]
            ).map(Self.sitemapStory)
        }
    }

    public func sectionListings() async throws -> [SitemapListing] {
        try await listingsByLastChange(
            members: "SELECT s.id, s.slug, s.name, EXISTS (SELECT 1 FROM articles a WHERE a.section_id = s.id AND \(Self.changedStory)) FROM sections s ORDER BY s.position, s.name",
            walk: "SELECT a.section_id, a.changed_at FROM articles a WHERE \(Self.changedStory) ORDER BY a.changed_at DESC, a.id DESC",
            keepingEmpty: true
        )
    }

    public func authorListings() async throws -> [SitemapListing] {
        try await listingsByLastChange(
            members: """
                SELECT au.id, au.slug, au.name, 1 FROM authors au
                WHERE EXISTS (SELECT 1 FROM article_authors aa JOIN articles a ON a.id = aa.article_id WHERE aa.author_id = au.id AND \(Self.changedStory))
                ORDER BY au.name
                """,
            walk: """
                SELECT aa.author_id, a.changed_at FROM articles a CROSS JOIN article_authors aa ON aa.article_id = a.id
                WHERE \(Self.changedStory) ORDER BY a.changed_at DESC, a.id DESC
                """
        )
    }

    public func tagListings() async throws -> [SitemapListing] {
        try await listingsByLastChange(
            members: """
                SELECT t.id, t.slug, t.name, 1 FROM tags t
                WHERE EXISTS (SELECT 1 FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE at.tag_id = t.id AND \(Self.changedStory))
                ORDER BY t.name
                """,
            walk: """
                SELECT at.tag_id, a.changed_at FROM articles a CROSS JOIN article_tags at ON at.article_id = a.id
                WHERE \(Self.changedStory) ORDER BY a.changed_at DESC, a.id DESC
                """
        )
    }

    /// A published story with a time of last change, as listings count them.
    private static let changedStory = "a.status = 'published' AND a.changed_at IS NOT NULL"

    /// Sections, authors or tags with the last change of their most recently changed story. `members` gives each
    /// one's id, slug, name and whether it has such a story, in the listing's order; `walk` gives (id, time) pairs
    /// from the most recently changed story down, and stops being read once every member with stories has its
    /// time. Typically a few hundred rows; a maximum per member read every story of every member (half a second for
    /// the tags of 100,000 stories).
    private func listingsByLastChange(members: String, walk: String, keepingEmpty: Bool = false) async throws -> [SitemapListing] {
        try await pool.read { db in
            var listed: [(id: Int64, slug: String, name: String, hasStories: Bool)] = []
            try db.cachedStatement(sql: members).forEachRow(arguments: []) { row in listed.append((row.int64(0), row.text(1), row.text(2), row.int64(3) != 0)) }
            let wanted = Set(listed.lazy.filter(\.hasStories).map(\.id))
            var changed: [Int64: Date] = Dictionary(minimumCapacity: wanted.count)
            if !wanted.isEmpty {
                let rows = try Row.fetchCursor(db.cachedStatement(sql: walk))
                while changed.count < wanted.count, let row = try rows.next() {
                    let id: Int64 = row[0]
                    if wanted.contains(id), changed[id] == nil { changed[id] = row[1] }
                }
            }
            return listed.compactMap { member in
                guard member.hasStories || keepingEmpty else { return nil }
                return SitemapListing(slug: member.slug, name: member.name, lastChangedAt: changed[member.id])
            }
        }
    }

    public func authorsWithStories() async throws -> [SitemapListing] {
        try await listings("""
            SELECT au.slug, au.name, NULL AS changed FROM authors au
            WHERE EXISTS (SELECT 1 FROM article_authors aa JOIN articles a ON a.id = aa.article_id
                          WHERE aa.author_id = au.id AND a.status = 'published')
            ORDER BY au.name
            """)
    }

    public func tagsWithStories() async throws -> [SitemapListing] {
        try await listings("""
            SELECT t.slug, t.name, NULL AS changed FROM tags t
            WHERE EXISTS (SELECT 1 FROM article_tags at JOIN articles a ON a.id = at.article_id
                          WHERE at.tag_id = t.id AND a.status = 'published')
            ORDER BY t.name
            """)
    }

    /// Each a walk down the published stories' last-change index that stops at the first story of the kind: every
    /// published story has a section, and most have a byline and tags. The listings themselves read every story of
    /// every author and tag.
    public func listingsLastChanged() async throws -> SitemapListingTimes {
        try await pool.read { db in
            func newest(_ condition: String) throws -> Date? {
                try Date.fetchOne(db.cachedStatement(sql: """
                    SELECT a.changed_at FROM articles a WHERE a.status = 'published' AND a.changed_at IS NOT NULL AND \(condition)
                    ORDER BY a.changed_at DESC, a.id DESC LIMIT 1
                    """))
            }
            return SitemapListingTimes(
                sections: try newest("EXISTS (SELECT 1 FROM sections s WHERE s.id = a.section_id)"),
                authors: try newest("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id)"),
                tags: try newest("EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)")
            )
        }
    }

    private func listings(_ sql: String) async throws -> [SitemapListing] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql)).map {
                SitemapListing(slug: $0["slug"], name: $0["name"], lastChangedAt: $0["changed"])
            }
        }
    }

    private static func sitemapStory(_ row: Row) -> SitemapStory {
        let published: Date = row["published_at"]
        return SitemapStory(
            slug: row["slug"], headline: row["headline"], publishedAt: published,
            lastChangedAt: row["changed_at"] ?? published
        )
    }
}

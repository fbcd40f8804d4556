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
        try await listings("""
            SELECT s.slug, s.name, (SELECT max(a.changed_at) FROM articles a WHERE a.section_id = s.id AND a.status = 'published') AS changed
            FROM sections s ORDER BY s.position, s.name
            """)
    }

    public func authorListings() async throws -> [SitemapListing] {
        try await listings("""
            SELECT slug, name, changed FROM (
                SELECT au.slug, au.name, (SELECT max(a.changed_at) FROM article_authors aa JOIN articles a ON a.id = aa.article_id
                                          WHERE aa.author_id = au.id AND a.status = 'published') AS changed
                FROM authors au
            ) WHERE changed IS NOT NULL ORDER BY name
            """)
    }

    public func tagListings() async throws -> [SitemapListing] {
        try await listings("""
            SELECT slug, name, changed FROM (
                SELECT t.slug, t.name, (SELECT max(a.changed_at) FROM article_tags at JOIN articles a ON a.id = at.article_id
                                        WHERE at.tag_id = t.id AND a.status = 'published') AS changed
                FROM tags t
            ) WHERE changed IS NOT NULL ORDER BY name
            """)
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

import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: SitemapReading {
    public func publishedStoryCount() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM articles WHERE status = 'published'")) ?? 0
        }
    }

    public func sitemapStories(offset: Int, limit: Int) async throws -> [SitemapStory] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT slug, headline, published_at, changed_at FROM articles
                    WHERE status = 'published' ORDER BY published_at, id LIMIT ? OFFSET ?
                    """),
                arguments: [max(0, limit), max(0, offset)]
            ).map(Self.sitemapStory)
        }
    }

    public func storiesPublished(since: Date, limit: Int) async throws -> [SitemapStory] {
        try await pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT slug, headline, published_at, changed_at FROM articles
                    WHERE status = 'published' AND published_at >= ? ORDER BY published_at DESC, id DESC LIMIT ?
                    """),
                arguments: [since, max(0, limit)]
            ).map(Self.sitemapStory)
        }
    }

    public func sectionListings() async throws -> [SitemapListing] {
        try await listings("""
            SELECT s.slug, (SELECT max(a.changed_at) FROM articles a WHERE a.section_id = s.id AND a.status = 'published') AS changed
            FROM sections s ORDER BY s.position, s.name
            """)
    }

    public func authorListings() async throws -> [SitemapListing] {
        try await listings("""
            SELECT au.slug, (SELECT max(a.changed_at) FROM article_authors aa JOIN articles a ON a.id = aa.article_id
                             WHERE aa.author_id = au.id AND a.status = 'published') AS changed
            FROM authors au ORDER BY au.name
            """)
    }

    public func tagListings() async throws -> [SitemapListing] {
        try await listings("""
            SELECT t.slug, (SELECT max(a.changed_at) FROM article_tags at JOIN articles a ON a.id = at.article_id
                            WHERE at.tag_id = t.id AND a.status = 'published') AS changed
            FROM tags t ORDER BY t.name
            """)
    }

    private func listings(_ sql: String) async throws -> [SitemapListing] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql)).map { SitemapListing(slug: $0["slug"], lastChangedAt: $0["changed"]) }
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

import Foundation

/// A published story as sitemaps list it.
public struct SitemapStory: Sendable, Hashable {
    public var slug: String
    public var headline: String
    public var publishedAt: Date
    /// When readers last saw it change (publication, a substantive update or a correction).
    public var lastChangedAt: Date

    public init(slug: String, headline: String, publishedAt: Date, lastChangedAt: Date) {
        self.slug = slug
        self.headline = headline
        self.publishedAt = publishedAt
        self.lastChangedAt = lastChangedAt
    }
}

/// A section, author or tag page in a sitemap: its slug and when its newest story last changed (nil: no stories).
public struct SitemapListing: Sendable, Hashable {
    public var slug: String
    public var lastChangedAt: Date?

    public init(slug: String, lastChangedAt: Date?) {
        self.slug = slug
        self.lastChangedAt = lastChangedAt
    }
}

/// What sitemaps need: every published story in a stable order, the newest ones, and the listing pages.
public protocol SitemapReading: Sendable {
    func publishedStoryCount() async throws -> Int
    /// Published stories oldest first (so a story stays on the same sitemap page as more are published).
    func sitemapStories(offset: Int, limit: Int) async throws -> [SitemapStory]
    /// Stories first published at or after `since`, newest first.
    func storiesPublished(since: Date, limit: Int) async throws -> [SitemapStory]
    func sectionListings() async throws -> [SitemapListing]
    func authorListings() async throws -> [SitemapListing]
    func tagListings() async throws -> [SitemapListing]
}

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

/// A section, author or tag page in a sitemap: its slug, name and when its newest story last changed (nil: no
/// published stories).
public struct SitemapListing: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var lastChangedAt: Date?

    public init(slug: String, name: String, lastChangedAt: Date?) {
        self.slug = slug
        self.name = name
        self.lastChangedAt = lastChangedAt
    }
}

/// What sitemaps need: every story this site is the canonical home of (published, not republished from a partner),
/// in stable blocks; the newest ones; and the listing pages readers can see.
public protocol SitemapReading: Sendable {
    /// The highest story id in a sitemap block, or 0: block `n` holds ids from `(n-1)*size+1` to `n*size`, so a
    /// story never moves between blocks and each block is read by a range of the primary key.
    func highestSitemapStoryID() async throws -> Int64
    /// The block's stories, in id order.
    func sitemapStories(idsFrom first: Int64, through last: Int64) async throws -> [SitemapStory]
    /// Stories first published at or after `since`, newest first.
    func storiesPublished(since: Date, limit: Int) async throws -> [SitemapStory]
    /// Every section (they are in the site's navigation), with their newest story's time.
    func sectionListings() async throws -> [SitemapListing]
    /// Authors and tags with at least one published story: a tag used only on drafts is not public.
    func authorListings() async throws -> [SitemapListing]
    func tagListings() async throws -> [SitemapListing]
    /// The same authors and tags, by name, without their newest story's time (`lastChangedAt` is nil): each needs
    /// only one published story found, where the time needs all of them read.
    func authorsWithStories() async throws -> [SitemapListing]
    func tagsWithStories() async throws -> [SitemapListing]
    /// For the sitemap index: the newest `lastChangedAt` among the section, author and tag listings (nil where a
    /// kind has no published story), without reading every listing's stories.
    func listingsLastChanged() async throws -> SitemapListingTimes
}

/// The newest change readers saw in each kind of listing page.
public struct SitemapListingTimes: Sendable, Hashable {
    public var sections: Date?
    public var authors: Date?
    public var tags: Date?

    public init(sections: Date?, authors: Date?, tags: Date?) {
        self.sections = sections
        self.authors = authors
        self.tags = tags
    }
}

import BroadsheetCore

/// What every page shows around its content: masthead, navigation, search box, footer, and the head's links.
struct SiteChrome: Sendable {
    let name: String
    let tagline: String
    let language: String
    let homeURL: String
    let sections: [NavigationItem]
    /// The query shown in the search box, kept from the current search.
    let searchQuery: String
    let stylesheetURL: String
    let scriptURL: String
    let iconURL: String
    let rssURL: String
    let aboutURL: String
    let contactURL: String
    let feedsURL: String
    let correctionsURL: String
    let searchURL: String
    let year: Int
    let textSizeClass: String
}

/// The `<head>` of one page.
struct PageHead: Sendable {
    let title: String
    let description: String
    /// Absolute canonical address; for republished stories, the original's.
    let canonicalURL: String
    /// Set on pages that search engines should not index (search results, errors).
    let noIndex: Bool
    /// Feeds advertised for autodiscovery: the site's, then this page's own (a section's, an author's...).
    let feeds: [FeedAlternate]
    let social: SocialMeta
}

/// A `<link rel="alternate">` to a feed.
struct FeedAlternate: Sendable {
    let title: String
    let url: String
    let type: String
}

/// Open Graph and Twitter card fields, for link previews.
struct SocialMeta: Sendable {
    /// "website" or "article".
    let type: String
    let title: String
    let description: String
    let url: String
    let siteName: String
    // Optional fields have names no page model uses: an absent one must not resolve to an outer value.
    let ogImage: String?
    let imageAlt: String
    let ogPublished: String?
    let ogModified: String?
    let ogSection: String?
    /// "summary_large_image" with a picture, else "summary".
    let twitterCard: String
}

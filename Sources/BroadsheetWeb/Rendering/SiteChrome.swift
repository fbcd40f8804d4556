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
    let rssAbsoluteURL: String
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
    /// A feed of this page's own stories, advertised next to the site's feed.
    let feedTitle: String?
    let feedURL: String?
}

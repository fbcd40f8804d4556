import BroadsheetCore

/// The small fixed pages linked from the footer: about, contact and the list of feeds.
struct InfoPage: Sendable {
    struct FeedLink: Sendable {
        let title: String
        let url: String
        let format: String
    }

    let chrome: SiteChrome
    let head: PageHead
    let publicationName: String
    let tagline: String
    let contactEmail: String
    let feeds: [FeedLink]

    static func load(site: ReaderSite, route: SiteRoute, title: String, description: String) async -> InfoPage {
        InfoPage(
            chrome: await site.chrome(),
            head: site.head(title: title, description: description, canonical: route),
            publicationName: site.configuration.publicationName,
            tagline: site.configuration.tagline,
            contactEmail: site.configuration.contactEmail,
            feeds: [FeedLink(title: "Latest stories", url: site.links.absolute(.rss), format: "RSS 2.0")]
        )
    }
}

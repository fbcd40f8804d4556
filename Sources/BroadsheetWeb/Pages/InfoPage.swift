import BroadsheetCore
import BroadsheetFeeds

/// The small fixed pages linked from the footer: about, contact and the list of feeds.
struct InfoPage: Sendable {
    /// One thing to follow (the site, a section, an author, a topic) in every format.
    struct FeedEntry: Sendable {
        let title: String
        let page: String
        let links: [FeedLinkView]
    }

    struct FeedGroup: Sendable {
        let heading: String
        let entries: [FeedEntry]
    }

    let chrome: SiteChrome
    let head: PageHead
    let publicationName: String
    let tagline: String
    let contactEmail: String
    let feedGroups: [FeedGroup]

    static func load(site: ReaderSite, route: SiteRoute, title: String, description: String, listsFeeds: Bool = false) async throws -> InfoPage {
        InfoPage(
            chrome: await site.chrome(),
            head: site.head(title: title, description: description, canonical: route),
            publicationName: site.configuration.publicationName,
            tagline: site.configuration.tagline,
            contactEmail: site.configuration.contactEmail,
            feedGroups: listsFeeds ? try await feedGroups(site: site) : []
        )
    }

    /// Every feed the site publishes, with absolute addresses to paste into a reader.
    private static func feedGroups(site: ReaderSite) async throws -> [FeedGroup] {
        func entry(_ title: String, _ page: SiteRoute, _ scope: FeedScope) -> FeedEntry {
            FeedEntry(
                title: title, page: page.path,
                links: FeedFormat.allCases.map { FeedLinkView(label: $0.label, url: site.links.absolute(.feed(scope, $0))) }
            )
        }
        // Authors and topics with published stories only: a topic used only on drafts is not yet public.
        async let sections = site.taxonomy.sections()
        async let authors = site.dependencies.sitemaps.authorsWithStories()
        async let tags = site.dependencies.sitemaps.tagsWithStories()
        return [
            FeedGroup(heading: "Everything", entries: [entry("Latest stories", .home(), .site)]),
            FeedGroup(heading: "Sections", entries: try await sections.map { entry($0.name, .section(slug: $0.slug), .section($0.slug)) }),
            FeedGroup(heading: "Authors", entries: try await authors.map { entry($0.name, .author(slug: $0.slug), .author($0.slug)) }),
            FeedGroup(heading: "Topics", entries: try await tags.map { entry($0.name, .tag(slug: $0.slug), .tag($0.slug)) }),
        ].filter { !$0.entries.isEmpty }
    }
}

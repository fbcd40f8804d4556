import BroadsheetCore
import BroadsheetFeeds
import Hummingbird

/// A link to one feed, labelled with its format.
struct FeedLinkView: Sendable {
    let label: String
    let url: String
}

/// The paginated list of a section's, an author's or a tag's stories.
struct StoryListPage: Sendable {
    static let pageSize = 20

    struct Profile: Sendable {
        let role: String
        let bio: String
        let photo: ImageView?
    }

    let chrome: SiteChrome
    let head: PageHead
    /// "Section", "Author" or "Topic", shown above the title.
    let kind: String
    let title: String
    let description: String
    let profile: Profile?
    let stories: [StoryCard]
    let pagination: PaginationView
    /// This list's own feeds, linked under the title.
    let feeds: [FeedLinkView]

    static func section(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        guard let section = try await site.taxonomy.section(slug: slug) else {
            throw HTTPError(.notFound, message: "There is no section called “\(slug)”.")
        }
        return try await load(
            site: site, filter: .section(id: section.id), pageNumber: pageNumber, kind: "Section", title: section.name,
            description: section.description, profile: nil, currentSection: section.slug, feed: .section(slug)
        ) { .section(slug: slug, page: $0) }
    }

    static func author(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        guard let author = try await site.taxonomy.author(slug: slug) else {
            throw HTTPError(.notFound, message: "There is no author page at this address.")
        }
        let profile = Profile(role: author.role, bio: author.bio, photo: author.photo.map { ImageView($0, alt: "Photograph of \(author.name)") })
        return try await load(
            site: site, filter: .author(id: author.id), pageNumber: pageNumber, kind: "Author", title: author.name,
            description: author.role, profile: profile, currentSection: nil, feed: .author(slug)
        ) { .author(slug: slug, page: $0) }
    }

    static func tag(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        guard let tag = try await site.taxonomy.tag(slug: slug) else {
            throw HTTPError(.notFound, message: "There is no topic page at this address.")
        }
        // A topic exists for readers once a published story carries it: a tag used only on drafts stays private.
        let page = try await load(
            site: site, filter: .tag(id: tag.id), pageNumber: pageNumber, kind: "Topic", title: tag.name,
            description: "Stories about \(tag.name)", profile: nil, currentSection: nil, feed: .tag(slug)
        ) { .tag(slug: slug, page: $0) }
        guard !page.stories.isEmpty else { throw HTTPError(.notFound, message: "There is no topic page at this address.") }
        return page
    }

    private static func load(
        site: ReaderSite, filter: ArticleListFilter, pageNumber: Int, kind: String, title: String, description: String,
        profile: Profile?, currentSection: String?, feed: FeedScope, route: @escaping (Int) -> SiteRoute
    ) async throws -> StoryListPage {
        guard let request = PageRequest(number: pageNumber, size: pageSize) else { throw HTTPError(.badRequest) }
        let page = try await site.articles.publishedArticles(filter, page: request)
        if page.items.isEmpty, pageNumber > 1 { throw HTTPError(.notFound, message: "There are no stories on that page.") }
        return StoryListPage(
            chrome: await site.chrome(currentSection: currentSection),
            head: site.head(
                title: pageNumber > 1 ? "\(title), page \(pageNumber)" : title, description: description, canonical: route(pageNumber),
                feed: (scope: feed, title: "\(site.configuration.publicationName): \(title)")
            ),
            kind: kind, title: title, description: description, profile: profile,
            stories: site.cards(page.items),
            pagination: PaginationView(page: page, route: route),
            feeds: FeedFormat.allCases.map { FeedLinkView(label: $0.label, url: SiteRoute.feed(feed, $0).path) }
        )
    }
}

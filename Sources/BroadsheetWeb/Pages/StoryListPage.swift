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
    let stories: [StoryCardHTML]
    let pagination: PaginationView
    /// This list's own feeds, linked under the title.
    let feeds: [FeedLinkView]

    static func section(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        let request = try pageRequest(pageNumber)
        guard let (section, page, sections) = try await read(site: site, request: request, find: { try $0.section(slug: slug) }, filter: { .section(id: $0.id) }) else {
            throw HTTPError(.notFound, message: "There is no section called “\(slug)”.")
        }
        return try make(
            site: site, page: page, sections: sections, kind: "Section", title: section.name,
            description: section.description, profile: nil, currentSection: section.slug, feed: .section(slug)
        ) { .section(slug: slug, page: $0) }
    }

    static func author(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        let request = try pageRequest(pageNumber)
        guard let (author, page, sections) = try await read(site: site, request: request, find: { try $0.author(slug: slug) }, filter: { .author(id: $0.id) }) else {
            throw HTTPError(.notFound, message: "There is no author page at this address.")
        }
        let profile = Profile(role: author.role, bio: author.bio, photo: author.photo.map { ImageView($0, alt: "Photograph of \(author.name)") })
        return try make(
            site: site, page: page, sections: sections, kind: "Author", title: author.name,
            description: author.role, profile: profile, currentSection: nil, feed: .author(slug)
        ) { .author(slug: slug, page: $0) }
    }

    static func tag(site: ReaderSite, slug: String, pageNumber: Int) async throws -> StoryListPage {
        let request = try pageRequest(pageNumber)
        // A topic exists for readers once a published story carries it: a tag used only on drafts stays private.
        guard let (tag, page, sections) = try await read(site: site, request: request, find: { try $0.tag(slug: slug) }, filter: { .tag(id: $0.id) }),
              !page.items.isEmpty || pageNumber > 1
        else { throw HTTPError(.notFound, message: "There is no topic page at this address.") }
        return try make(
            site: site, page: page, sections: sections, kind: "Topic", title: tag.name,
            description: "Stories about \(tag.name)", profile: nil, currentSection: nil, feed: .tag(slug)
        ) { .tag(slug: slug, page: $0) }
    }

    private static func pageRequest(_ number: Int) throws -> PageRequest {
        guard let request = PageRequest(number: number, size: pageSize) else { throw HTTPError(.badRequest) }
        return request
    }

    /// The list's subject, a page of its stories and the navigation, in one read of the store; nil without a subject.
    private static func read<Subject: Sendable>(
        site: ReaderSite, request: PageRequest, find: @escaping @Sendable (any ReaderSnapshot) throws -> Subject?,
        filter: @escaping @Sendable (Subject) -> ArticleListFilter
    ) async throws -> (Subject, Page<ListedStory>, [Section])? {
        try await site.articles.readSnapshot { snapshot in
            guard let subject = try find(snapshot) else { return nil }
            return (subject, try snapshot.listedStories([ArticleListRequest(filter(subject), page: request)])[0], navigation(snapshot))
        }
    }

    private static func make(
        site: ReaderSite, page: Page<ListedStory>, sections: [Section], kind: String, title: String, description: String,
        profile: Profile?, currentSection: String?, feed: FeedScope, route: @escaping (Int) -> SiteRoute
    ) throws -> StoryListPage {
        if page.items.isEmpty, page.request.number > 1 { throw HTTPError(.notFound, message: "There are no stories on that page.") }
        let pageNumber = page.request.number
        return StoryListPage(
            chrome: site.chrome(currentSection: currentSection, sections: sections),
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

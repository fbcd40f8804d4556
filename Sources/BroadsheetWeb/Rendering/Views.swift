import BroadsheetCore

/// A link in the section navigation.
struct NavigationItem: Sendable {
    let name: String
    let url: String
    let isCurrent: Bool
}

/// An image as `<img>` needs it.
struct ImageView: Sendable {
    let src: String
    let width: Int
    let height: Int
    let alt: String

    init(_ reference: ImageReference, alt: String) {
        src = reference.path
        width = reference.width
        height = reference.height
        self.alt = alt
    }
}

/// One name in a byline, with the words that join it to the next ("", ", " or " and ").
struct BylineEntry: Sendable {
    let name: String
    let url: String
    let role: String
    let separator: String

    static func entries(for authors: [Author]) -> [BylineEntry] {
        authors.enumerated().map { offset, author in
            let remaining = authors.count - offset - 1
            return BylineEntry(
                name: author.name, url: SiteRoute.author(slug: author.slug).path, role: author.role,
                separator: remaining == 0 ? "" : (remaining == 1 ? " and " : ", ")
            )
        }
    }
}

/// A story in a list: front page, section, author, tag, search and related stories.
struct StoryCard: Sendable {
    let url: String
    let headline: String
    let standfirst: String
    let sectionName: String
    let sectionURL: String
    let byline: [BylineEntry]
    var published: TimeView
    let thumbnail: ImageView?
    let sourceName: String?

    init(_ story: ArticleSummary, links: Links, time: ReaderTime) {
        url = links.path(for: story)
        headline = story.headline
        standfirst = story.standfirst
        sectionName = story.section.name
        sectionURL = SiteRoute.section(slug: story.section.slug).path
        byline = BylineEntry.entries(for: story.authors)
        published = time.view(story.publishedAt)
        thumbnail = story.leadImage.map { ImageView($0.image, alt: $0.alt) }
        sourceName = story.source?.outletName
    }
}

/// "Newer" and "older" links under a list.
struct PaginationView: Sendable {
    let newerURL: String?
    let olderURL: String?
    let pageNumber: Int
    /// Stored, not computed: templates read properties by reflection, which sees stored ones only.
    let isNeeded: Bool

    init(page: Page<some Sendable>, route: (Int) -> SiteRoute) {
        let number = page.request.number
        newerURL = page.hasPrevious ? route(number - 1).path : nil
        olderURL = page.hasNext ? route(number + 1).path : nil
        pageNumber = number
        isNeeded = newerURL != nil || olderURL != nil
    }
}

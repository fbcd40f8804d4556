import BroadsheetCore
import Hummingbird

/// `/`: the lead story, the latest stories and a block per section; `/?page=N` continues with older stories.
struct FrontPage: Sendable {
    static let pageSize = 12
    static let storiesPerSection = 4

    struct SectionBlock: Sendable {
        let name: String
        let url: String
        let stories: [StoryCardHTML]
    }

    let chrome: SiteChrome
    let head: PageHead
    let isFirstPage: Bool
    let lead: StoryCard?
    let latest: [StoryCardHTML]
    let sectionBlocks: [SectionBlock]
    let pagination: PaginationView

    static func load(site: ReaderSite, pageNumber: Int) async throws -> FrontPage {
        guard let request = PageRequest(number: pageNumber, size: pageSize),
              let sectionRequest = PageRequest(number: 1, size: storiesPerSection)
        else { throw HTTPError(.badRequest) }
        // The navigation, the latest stories and, on the first page, every section's newest and the lead story whole:
        // one read of the store.
        let (sections, pages, lead) = try await site.articles.readSnapshot { snapshot in
            let sections = navigation(snapshot)
            var lists = [ArticleListRequest(.all, page: request)]
            if pageNumber == 1 {
                lists += sections.map { ArticleListRequest(.section(id: $0.id), page: sectionRequest, excludingEarlierLists: true) }
            }
            var pages = try snapshot.listedStories(lists)
            var lead: ArticleSummary?
            if pageNumber == 1 {
                // The lead is the newest story with a picture among the first few, else simply the newest.
                let latest = pages[0].items
                if let index = latest.prefix(4).firstIndex(where: \.hasLeadImage) ?? (latest.isEmpty ? nil : 0) {
                    let story = pages[0].items.remove(at: index)
                    switch story.shown {
                    case .summary(let summary): lead = summary
                    case .kept: lead = try snapshot.publishedSummaries(ids: [story.id]).first
                    }
                }
            }
            return (sections, pages, lead)
        }
        let page = pages[0]
        if page.items.isEmpty, pageNumber > 1 { throw HTTPError(.notFound, message: "There are no stories on that page.") }

        var blocks: [SectionBlock] = []
        if pageNumber == 1 {
            // Each section's list already leaves out the stories above it.
            for (section, sectionPage) in zip(sections, pages.dropFirst()) where !sectionPage.items.isEmpty {
                blocks.append(SectionBlock(name: section.name, url: SiteRoute.section(slug: section.slug).path, stories: site.cards(sectionPage.items)))
            }
        }
        let config = site.configuration
        return FrontPage(
            chrome: site.chrome(sections: sections),
            head: site.head(
                title: pageNumber == 1 ? "" : "Older stories, page \(pageNumber)",
                description: config.tagline.isEmpty ? "Latest news from \(config.publicationName)" : config.tagline,
                canonical: .home(page: pageNumber)
            ),
            isFirstPage: pageNumber == 1,
            lead: lead.map { StoryCard($0, links: site.links, time: site.time) },
            latest: site.cards(page.items),
            sectionBlocks: blocks,
            pagination: PaginationView(page: page) { .home(page: $0) }
        )
    }
}

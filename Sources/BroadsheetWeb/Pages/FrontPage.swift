import BroadsheetCore
import Foundation
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
    let lead: StoryCardHTML?
    let latest: [StoryCardHTML]
    let sectionBlocks: [SectionBlock]
    let pagination: PaginationView

    /// The lead story as the page's read found it: its kept copy (`StoryCards.keptLeadFormat`), or its summary, with
    /// the content version to keep what is rendered from it at, when it can be kept.
    private enum LeadRead: Sendable {
        case kept(String, id: Int64, publishedAt: Date)
        case whole(ArticleSummary, keepAt: Int64?)

        /// The lead's HTML; nil when, read again, the story is no longer published.
        func html(site: ReaderSite) async throws -> StoryCardHTML? {
            let cards = site.storyCards
            switch self {
            case .kept(let text, let id, let publishedAt):
                if let card = RenderedCard(kept: text) { return cards.lead(card, publishedAt: publishedAt) }
                // Not a kept text this server can read: rendered now from the story (and not kept over it).
                let summary = try await site.articles.readSnapshot { try $0.publishedSummaries(ids: [id]).first }
                return summary.map { StoryCardHTML(html: cards.leadHTML($0)) }
            case .whole(let summary, let version):
                if let version, let rendered = cards.renderedLead(summary) {
                    site.keeper?.keep([summary.id: rendered.kept], format: StoryCards.keptLeadFormat, readAt: version)
                }
                return StoryCardHTML(html: cards.leadHTML(summary))
            }
        }
    }

    static func load(site: ReaderSite, pageNumber: Int) async throws -> FrontPage {
        guard let request = PageRequest(number: pageNumber, size: pageSize),
              let sectionRequest = PageRequest(number: 1, size: storiesPerSection)
        else { throw HTTPError(.badRequest) }
        // The navigation, the latest stories and, on the first page, every section's newest and the lead story (as
        // kept, or whole): one read of the store.
        let (sections, pages, lead) = try await site.articles.readSnapshot { snapshot -> ([Section], [Page<ListedStory>], LeadRead?) in
            let sections = navigation(snapshot)
            var lists = [ArticleListRequest(.all, page: request)]
            if pageNumber == 1 {
                lists += sections.map { ArticleListRequest(.section(id: $0.id), page: sectionRequest, excludingEarlierLists: true) }
            }
            var pages = try snapshot.listedStories(lists)
            var lead: LeadRead?
            if pageNumber == 1 {
                // The lead is the newest story with a picture among the first few, else simply the newest.
                let latest = pages[0].items
                if let index = latest.prefix(4).firstIndex(where: \.hasLeadImage) ?? (latest.isEmpty ? nil : 0) {
                    let story = pages[0].items.remove(at: index)
                    switch story.shown {
                    case .summary(let summary):
                        lead = .whole(summary, keepAt: nil)  // no card kept, so nothing kept beside it either
                    case .kept:
                        if let kept = try snapshot.keptItem(storyID: story.id, format: StoryCards.keptLeadFormat) {
                            lead = .kept(kept, id: story.id, publishedAt: story.publishedAt)
                        } else if let summary = try snapshot.publishedSummaries(ids: [story.id]).first {
                            lead = .whole(summary, keepAt: try snapshot.contentVersion())
                        }
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
            lead: try await lead?.html(site: site),
            latest: site.cards(page.items),
            sectionBlocks: blocks,
            pagination: PaginationView(page: page) { .home(page: $0) }
        )
    }
}

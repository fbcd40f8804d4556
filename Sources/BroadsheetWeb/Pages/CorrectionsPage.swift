import BroadsheetCore
import Hummingbird

/// `/corrections`: every correction and clarification, newest first.
struct CorrectionsPage: Sendable {
    static let pageSize = 30

    struct Row: Sendable {
        let label: String
        let text: String
        let time: TimeView
        let headline: String
        let url: String
    }

    let chrome: SiteChrome
    let head: PageHead
    let rows: [Row]
    let pagination: PaginationView

    static func load(site: ReaderSite, pageNumber: Int) async throws -> CorrectionsPage {
        guard let request = PageRequest(number: pageNumber, size: pageSize) else { throw HTTPError(.badRequest) }
        let (page, sections) = try await site.articles.readSnapshot { snapshot in
            (try snapshot.publishedCorrections(page: request), navigation(snapshot))
        }
        if page.items.isEmpty, pageNumber > 1 { throw HTTPError(.notFound, message: "There are no corrections on that page.") }
        return CorrectionsPage(
            chrome: site.chrome(sections: sections),
            head: site.head(title: "Corrections and clarifications", description: "Where we got things wrong, and what we changed.", canonical: .corrections(page: pageNumber)),
            rows: page.items.map { item in
                Row(
                    label: item.correction.kind == .correction ? "Correction" : "Clarification", text: item.correction.text,
                    time: site.time.view(item.correction.createdAt), headline: item.story.headline, url: site.links.path(for: item.story)
                )
            },
            pagination: PaginationView(page: page) { .corrections(page: $0) }
        )
    }
}

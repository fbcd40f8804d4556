import BroadsheetCore
import Hummingbird

/// `/search?q=`: stories matching the query; with no query, the form and the latest stories.
struct SearchPage: Sendable {
    static let pageSize = 20

    let chrome: SiteChrome
    let head: PageHead
    let query: String
    let hasQuery: Bool
    let results: [StoryCard]
    let noResults: Bool
    let latest: [StoryCard]
    let pagination: PaginationView

    static func load(site: ReaderSite, rawQuery: String, pageNumber: Int) async throws -> SearchPage {
        let query = SearchQuery(rawQuery)
        guard let request = PageRequest(number: pageNumber, size: pageSize) else { throw HTTPError(.badRequest) }
        let page: Page<ArticleSummary>
        var latest: [ArticleSummary] = []
        if query.isEmpty {
            page = Page(items: [], request: request, hasMore: false)
            if pageNumber == 1, let latestRequest = PageRequest(number: 1, size: 10) {
                latest = try await site.articles.publishedArticles(.all, page: latestRequest).items
            }
        } else {
            page = try await site.articles.searchPublishedArticles(query, page: request)
        }
        if page.items.isEmpty, pageNumber > 1 { throw HTTPError(.notFound, message: "There are no results on that page.") }
        return SearchPage(
            chrome: await site.chrome(searchQuery: query.text),
            head: site.head(
                title: query.isEmpty ? "Search" : "Search: \(query.text)", description: "Search the stories of \(site.configuration.publicationName)",
                canonical: .search(query: query.text, page: pageNumber), noIndex: true
            ),
            query: query.text,
            hasQuery: !query.isEmpty,
            results: site.cards(page.items),
            noResults: !query.isEmpty && page.items.isEmpty,
            latest: site.cards(latest),
            pagination: PaginationView(page: page) { .search(query: query.text, page: $0) }
        )
    }
}

import BroadsheetCore
import BroadsheetFeeds
import Foundation
import Hummingbird

/// `/search`: ranked results with snippets and filters; with no query, the form and the latest stories.
struct SearchPage: Sendable {
    /// Ten results a page, as most search engines show: each costs a snippet.
    static let pageSize = 10

    struct Result: Sendable {
        let card: StoryCard
        let snippetHTML: String
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    /// The search form's current state.
    struct Form: Sendable {
        let q: String
        let sections: [Option]
        let authors: [Option]
        let tag: String
        let from: String
        let to: String
        let sortsByDate: Bool
    }

    let chrome: SiteChrome
    let head: PageHead
    let query: String
    let hasQuery: Bool
    /// "3 stories", "More than 1,000 stories".
    let countText: String
    let results: [Result]
    let noResults: Bool
    let latest: [StoryCardHTML]
    let pagination: PaginationView
    let form: Form
    let feedURL: String
    /// The search's feeds in every format.
    let feeds: [FeedLinkView]
    let jsonURL: String

    static func load(site: ReaderSite, parameters: SearchParameters, pageNumber: Int) async throws -> SearchPage {
        guard let request = PageRequest(number: pageNumber, size: pageSize) else { throw HTTPError(.badRequest) }
        let search = parameters.searchRequest(calendar: site.time.calendar)
        // The search, and beside it one read for the rest: the form's sections and authors, and with no query the
        // latest stories.
        async let searching = site.search.search(search, page: request)
        let latestRequest = search.query.isEmpty && pageNumber == 1 ? PageRequest(number: 1, size: 10) : nil
        let (sections, authors, latest) = try await site.articles.readSnapshot { snapshot in
            let latest = try latestRequest.map { try snapshot.listedStories([ArticleListRequest(.all, page: $0)])[0].items } ?? []
            return (try snapshot.sections(), try snapshot.authors(), latest)
        }
        let results = try await searching
        if results.page.items.isEmpty, pageNumber > 1 { throw HTTPError(.notFound, message: "There are no results on that page.") }
        let hasQuery = !search.query.isEmpty
        return SearchPage(
            chrome: site.chrome(searchQuery: search.query.text, sections: sections),
            head: site.head(
                title: hasQuery ? "Search: \(search.query.text)" : "Search",
                description: "Search the stories of \(site.configuration.publicationName)",
                canonical: .search(parameters, page: pageNumber), noIndex: true,
                feed: hasQuery ? (scope: .search(parameters), title: "Search results for “\(search.query.text)”") : nil
            ),
            query: search.query.text,
            hasQuery: hasQuery,
            countText: countText(results),
            results: results.page.items.map { Result(card: StoryCard($0.story, links: site.links, time: site.time), snippetHTML: SnippetHTML.render($0.snippet)) },
            noResults: hasQuery && results.page.items.isEmpty,
            latest: site.cards(latest),
            pagination: PaginationView(page: results.page) { .search(parameters, page: $0) },
            form: Form(
                q: search.query.text,
                sections: sections.map { Option(value: $0.slug, label: $0.name, isSelected: $0.slug == search.query.section) },
                authors: authors.map { Option(value: $0.slug, label: $0.name, isSelected: $0.slug == search.query.author) },
                tag: search.query.tag ?? "", from: parameters.from, to: parameters.to, sortsByDate: parameters.sort == .date
            ),
            feedURL: SiteRoute.feed(.search(parameters), .rss).path,
            feeds: FeedFormat.allCases.map { FeedLinkView(label: $0.label, url: SiteRoute.feed(.search(parameters), $0).path) },
            jsonURL: SiteRoute.searchAPI(parameters).path
        )
    }

    static func countText(_ results: SearchResults) -> String {
        let number = results.total.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        let noun = results.total == 1 ? "story" : "stories"
        return results.totalIsExact ? "\(number) \(noun)" : "More than \(number) stories"
    }
}

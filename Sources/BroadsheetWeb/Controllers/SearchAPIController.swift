import BroadsheetCore
import Foundation
import Hummingbird

/// `/api/search`: the search results page as JSON, for apps and partners.
struct SearchAPIController<Context: RequestContext>: Sendable {
    /// The response body. Field names are snake_case; times are RFC 3339 in UTC.
    struct Body: Encodable {
        struct Section: Encodable { let slug: String; let name: String; let url: String }
        struct Author: Encodable { let slug: String; let name: String; let url: String }
        struct Hit: Encodable {
            let id: Int64
            let url: String
            let headline: String
            let standfirst: String
            let section: Section
            let authors: [Author]
            let published: String
            let updated: String?
            /// The matching passage as HTML: text escaped, matching words in `<mark>`.
            let snippet: String
            let snippetText: String
        }

        let query: String
        let total: Int
        let totalIsExact: Bool
        let page: Int
        let perPage: Int
        let hasMore: Bool
        let hits: [Hit]
    }

    let site: ReaderSite

    func addRoutes(to router: Router<Context>) {
        router.get(RouterPath(SiteRoute.Kind.searchAPI.pattern)) { request, _ in
            let parameters = try SearchParameters(request: request)
            let number = try RequestParameters.pageNumber(request)
            guard let page = PageRequest(number: number, size: SearchPage.pageSize) else { throw HTTPError(.badRequest) }
            let search = parameters.searchRequest(calendar: site.time.calendar)
            let results = try await site.search.search(search, page: page)
            let body = Body(
                query: search.query.text, total: results.total, totalIsExact: results.totalIsExact, page: number,
                perPage: page.size, hasMore: results.page.hasNext,
                hits: results.page.items.map { hit in
                    let story = hit.story
                    return Body.Hit(
                        id: story.id, url: site.links.absolute(site.links.route(for: story)), headline: story.headline,
                        standfirst: story.standfirst,
                        section: .init(slug: story.section.slug, name: story.section.name, url: site.links.absolute(.section(slug: story.section.slug))),
                        authors: story.authors.map { .init(slug: $0.slug, name: $0.name, url: site.links.absolute(.author(slug: $0.slug))) },
                        published: InternetDate.rfc3339(story.publishedAt), updated: story.visibleUpdate.map(InternetDate.rfc3339),
                        snippet: SnippetHTML.render(hit.snippet), snippetText: hit.snippet.text
                    )
                }
            )
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(body)))
            )
        }
    }
}

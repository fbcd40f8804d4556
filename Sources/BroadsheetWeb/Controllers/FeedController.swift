import BroadsheetCore
import BroadsheetFeeds
import HTTPTypes
import Hummingbird

/// The feeds: the whole site, each section, author and topic, and each search, in RSS 2.0, Atom and JSON Feed.
struct FeedController<Context: RequestContext>: Sendable {
    let site: ReaderSite

    func addRoutes(to router: Router<Context>) {
        for format in FeedFormat.allCases {
            for kind in FeedScope.Kind.allCases {
                router.get(RouterPath(SiteRoute.Kind.feed(kind, format).pattern)) { request, context in
                    let scope: FeedScope = switch kind {
                    case .site: .site
                    case .section: .section(try RequestParameters.slug(context))
                    case .author: .author(try RequestParameters.slug(context))
                    case .tag: .tag(try RequestParameters.slug(context))
                    case .search: .search(try SearchParameters(request: request))
                    }
                    return Self.response(try await feed(scope, format: format), format: format)
                }
            }
        }
    }

    /// The feed of one scope, in the format-neutral model.
    func feed(_ scope: FeedScope, format: FeedFormat) async throws -> SyndicationFeed {
        let config = site.configuration
        let name = config.publicationName
        let limit = config.feedItems
        let route = SiteRoute.feed(scope, format)
        switch scope {
        case .site:
            return try StoryFeed.build(
                site: site, articles: try await site.articles.feedArticles(.all, limit: limit), title: name,
                description: config.tagline.isEmpty ? "Latest stories from \(name)" : config.tagline, page: .home(), feed: route
            )
        case .section(let slug):
            guard let section = try await site.taxonomy.section(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no section called “\(slug)”.")
            }
            return try StoryFeed.build(
                site: site, articles: try await site.articles.feedArticles(.section(id: section.id), limit: limit),
                title: "\(name): \(section.name)",
                description: section.description.isEmpty ? "Latest \(section.name) stories from \(name)" : section.description,
                page: .section(slug: slug), feed: route
            )
        case .author(let slug):
            guard let author = try await site.taxonomy.author(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no author page at this address.")
            }
            return try StoryFeed.build(
                site: site, articles: try await site.articles.feedArticles(.author(id: author.id), limit: limit),
                title: "\(name): stories by \(author.name)", description: "Latest stories by \(author.name) in \(name)",
                page: .author(slug: slug), feed: route
            )
        case .tag(let slug):
            guard let tag = try await site.taxonomy.tag(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no topic page at this address.")
            }
            let articles = try await site.articles.feedArticles(.tag(id: tag.id), limit: limit)
            // As on the topic's page: a tag only drafts carry is not public.
            guard !articles.isEmpty else { throw HTTPError(.notFound, message: "There is no topic page at this address.") }
            return try StoryFeed.build(
                site: site, articles: articles,
                title: "\(name): \(tag.name)", description: "Latest stories about \(tag.name) in \(name)",
                page: .tag(slug: slug), feed: route
            )
        case .search(let parameters):
            // A feed is read for what is new: newest matches first, whatever order the page was sorted in.
            var search = parameters.searchRequest(calendar: site.time.calendar)
            search.sort = .date
            guard let first = PageRequest(number: 1, size: limit) else { throw HTTPError(.badRequest) }
            let results = try await site.search.search(search, page: first)
            return try StoryFeed.build(
                site: site, hits: results.page.items,
                title: "\(name): search results for “\(search.query.text)”",
                description: "Stories of \(name) matching “\(search.query.text)”",
                page: .search(parameters), feed: route
            )
        }
    }

    static func response(_ feed: SyndicationFeed, format: FeedFormat) -> Response {
        var headers: HTTPFields = [.contentType: format.contentType]
        // WebSub discovery also works from the HTTP headers (W3C WebSub, section 4).
        var links = ["<\(feed.selfURL.absoluteString)>; rel=\"self\""]
        if let hub = feed.hubURL { links.insert("<\(hub.absoluteString)>; rel=\"hub\"", at: 0) }
        headers[.link] = links.joined(separator: ", ")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: format.render(feed))))
    }
}

extension HTTPField.Name {
    static let link = Self("Link")!
}

import BroadsheetCore
import BroadsheetFeeds
import HTTPTypes
import Hummingbird

/// The feeds: the whole site, each section, author and topic, and each search, in RSS 2.0, Atom and JSON Feed.
struct FeedController<Context: RequestContext>: Sendable {
    let site: ReaderSite
    /// Keeps the entries rendered per request; nil without a store for them (they are then rendered every time).
    let keeper: FeedItemKeeper?

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
                    let (feed, items) = try await feed(scope, format: format)
                    return Self.response(feed, items: items, format: format)
                }
            }
        }
    }

    /// The feed of one scope: its channel in the format-neutral model, and its items rendered in `format` (kept
    /// entries as they are, the others rendered now).
    func feed(_ scope: FeedScope, format: FeedFormat) async throws -> (SyndicationFeed, [[UInt8]]) {
        let config = site.configuration
        let name = config.publicationName
        let route = SiteRoute.feed(scope, format)
        func stories(_ filter: ArticleListFilter) async throws -> (version: Int64, entries: [FeedEntry]) {
            try await site.articles.feedEntries(filter, limit: config.feedItems, format: format.rawValue)
        }
        func channel(
            _ read: (version: Int64, entries: [FeedEntry]), title: String, description: String, page: SiteRoute
        ) throws -> (SyndicationFeed, [[UInt8]]) {
            let entries = read.entries
            var rendered: [Int64: String] = [:]
            let items = try entries.map { entry in
                switch entry.shown {
                case .kept(let item): return item
                case .article(let article):
                    let item = format.renderItem(try StoryFeed.item(article, links: site.links))
                    if entry.keepable { rendered[entry.id] = item }
                    return Array(item.utf8)
                }
            }
            keeper?.keep(rendered, format: format.rawValue, readAt: read.version)
            let feed = try StoryFeed.channel(
                site: site, items: [], changed: entries.map(\.lastChangedAt), title: title, description: description, page: page, feed: route
            )
            return (feed, items)
        }
        switch scope {
        case .site:
            return try channel(
                try await stories(.all), title: name,
                description: config.tagline.isEmpty ? "Latest stories from \(name)" : config.tagline, page: .home()
            )
        case .section(let slug):
            guard let section = try await site.taxonomy.section(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no section called “\(slug)”.")
            }
            return try channel(
                try await stories(.section(id: section.id)), title: "\(name): \(section.name)",
                description: section.description.isEmpty ? "Latest \(section.name) stories from \(name)" : section.description,
                page: .section(slug: slug)
            )
        case .author(let slug):
            guard let author = try await site.taxonomy.author(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no author page at this address.")
            }
            return try channel(
                try await stories(.author(id: author.id)), title: "\(name): stories by \(author.name)",
                description: "Latest stories by \(author.name) in \(name)", page: .author(slug: slug)
            )
        case .tag(let slug):
            guard let tag = try await site.taxonomy.tag(slug: slug) else {
                throw HTTPError(.notFound, message: "There is no topic page at this address.")
            }
            let entries = try await stories(.tag(id: tag.id))
            // As on the topic's page: a tag only drafts carry is not public.
            guard !entries.entries.isEmpty else { throw HTTPError(.notFound, message: "There is no topic page at this address.") }
            return try channel(
                entries, title: "\(name): \(tag.name)", description: "Latest stories about \(tag.name) in \(name)", page: .tag(slug: slug)
            )
        case .search(let parameters):
            // A feed is read for what is new: newest matches first, whatever order the page was sorted in.
            var search = parameters.searchRequest(calendar: site.time.calendar)
            search.sort = .date
            guard let first = PageRequest(number: 1, size: config.feedItems) else { throw HTTPError(.badRequest) }
            let results = try await site.search.search(search, page: first)
            let feed = try StoryFeed.build(
                site: site, hits: results.page.items,
                title: "\(name): search results for “\(search.query.text)”",
                description: "Stories of \(name) matching “\(search.query.text)”",
                page: .search(parameters), feed: route
            )
            return (feed, feed.items.map { Array(format.renderItem($0).utf8) })
        }
    }

    static func response(_ feed: SyndicationFeed, items: [[UInt8]], format: FeedFormat) -> Response {
        var headers: HTTPFields = [.contentType: format.contentType]
        // WebSub discovery also works from the HTTP headers (W3C WebSub, section 4).
        var links = ["<\(feed.selfURL.absoluteString)>; rel=\"self\""]
        if let hub = feed.hubURL { links.insert("<\(hub.absoluteString)>; rel=\"hub\"", at: 0) }
        headers[.link] = links.joined(separator: ", ")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.bytes(format.feedPieces(feed, items: items))))
    }
}

extension FeedController {
    /// The feed's pieces written straight into one buffer of their size.
    static func bytes(_ pieces: FeedPieces) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: pieces.count)
        pieces.write { buffer.writeBytes($0) }
        return buffer
    }
}

extension HTTPField.Name {
    static let link = Self("Link")!
}

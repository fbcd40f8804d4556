import BroadsheetCore
import Hummingbird

/// The reader's pages: front page, stories, sections, authors, topics, search, and the footer's pages.
struct ReaderController<Context: RequestContext>: Sendable {
    let site: ReaderSite

    func addRoutes(to router: Router<Context>) {
        router.get(RouterPath(SiteRoute.Kind.home.pattern)) { request, _ in
            let page = try await FrontPage.load(site: site, pageNumber: try RequestParameters.pageNumber(request))
            return try site.renderer.response("front", page)
        }
        router.get(RouterPath(SiteRoute.Kind.article.pattern)) { request, context in
            let slug = try RequestParameters.slug(context)
            let textSize = TextSize(cookieValue: request.cookies[TextSize.cookieName]?.value)
            switch try await ArticlePage.load(site: site, slug: slug, requestedPath: request.uri.path, textSize: textSize) {
            case .page(let page):
                return try site.renderer.response("article", page, varyOnCookie: true)
            case .redirect(let path):
                // Kept no longer than pages are: a slug renamed back would otherwise send readers round in a loop.
                return Response(status: .movedPermanently, headers: [.location: path, .cacheControl: "public, max-age=\(site.configuration.cacheMaxAge)"])
            }
        }
        router.get(RouterPath(SiteRoute.Kind.section.pattern)) { request, context in
            let page = try await StoryListPage.section(
                site: site, slug: try RequestParameters.slug(context), pageNumber: try RequestParameters.pageNumber(request)
            )
            return try site.renderer.response("list", page)
        }
        router.get(RouterPath(SiteRoute.Kind.author.pattern)) { request, context in
            let page = try await StoryListPage.author(
                site: site, slug: try RequestParameters.slug(context), pageNumber: try RequestParameters.pageNumber(request)
            )
            return try site.renderer.response("list", page)
        }
        router.get(RouterPath(SiteRoute.Kind.tag.pattern)) { request, context in
            let page = try await StoryListPage.tag(
                site: site, slug: try RequestParameters.slug(context), pageNumber: try RequestParameters.pageNumber(request)
            )
            return try site.renderer.response("list", page)
        }
        router.get(RouterPath(SiteRoute.Kind.search.pattern)) { request, _ in
            let page = try await SearchPage.load(
                site: site, parameters: try SearchParameters(request: request), pageNumber: try RequestParameters.pageNumber(request)
            )
            return try site.renderer.response("search", page)
        }
        router.get(RouterPath(SiteRoute.Kind.corrections.pattern)) { request, _ in
            let page = try await CorrectionsPage.load(site: site, pageNumber: try RequestParameters.pageNumber(request))
            return try site.renderer.response("corrections", page)
        }
        router.get(RouterPath(SiteRoute.Kind.about.pattern)) { _, _ in
            let name = site.configuration.publicationName
            return try site.renderer.response("about", try await InfoPage.load(site: site, route: .about, title: "About us", description: "About \(name)"))
        }
        router.get(RouterPath(SiteRoute.Kind.contact.pattern)) { _, _ in
            let name = site.configuration.publicationName
            return try site.renderer.response("contact", try await InfoPage.load(site: site, route: .contact, title: "Contact", description: "How to reach \(name)"))
        }
        router.get(RouterPath(SiteRoute.Kind.feeds.pattern)) { _, _ in
            let name = site.configuration.publicationName
            return try site.renderer.response("feeds", try await InfoPage.load(site: site, route: .feeds, title: "Feeds", description: "Follow \(name) in a feed reader", listsFeeds: true))
        }
    }
}

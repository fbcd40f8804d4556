import BroadsheetCore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// Assembles the web application. `main` and the tests both call this. With `runsJobs`, the server also publishes
/// scheduled stories when their time comes, polls partners' feeds and keeps the search index in few pieces.
public func buildApplication(
    configuration: Configuration, dependencies: WebDependencies, runsJobs: Bool = true
) async throws -> some ApplicationProtocol {
    let feedChanges = FeedChangeNotifier(configuration: configuration, dependencies: dependencies)
    let pageCache = configuration.pageCacheBytes > 0 ? PageCache(capacity: configuration.pageCacheBytes) : nil
    let site = try makeReaderSite(configuration: configuration, dependencies: dependencies)
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies, feedChanges: feedChanges, pageCache: pageCache, site: site)
    // Every server tells the hub about the changes made on it.
    var services: [any Service] = configuration.websubHub == nil ? [] : [feedChanges]
    // Every server keeps cards rendered (the work is shared: a card one server saved, another finds kept).
    if let storyCards = dependencies.storyCards, dependencies.fillsStoryCards {
        services.append(StoryCardFiller(store: storyCards, cards: site.storyCards, versions: dependencies.contentVersion, logger: dependencies.logger))
    }
    if let pageCache, let versions = dependencies.contentVersion {
        services.append(ContentVersionWatch(versions: versions, cache: pageCache, logger: dependencies.logger))
    }
    if runsJobs {
        services.append(ScheduledPublishing(
            stories: dependencies.newsroom.stories, clock: dependencies.clock, logger: dependencies.logger,
            published: { ids in
                pageCache?.invalidateAll()
                ids.forEach { feedChanges.storyChanged(id: $0) }
            }
        ))
        if let searchIndex = dependencies.searchIndex {
            services.append(SearchIndexUpkeep(index: searchIndex, logger: dependencies.logger))
        }
        if let intake = dependencies.intake {
            services.append(FeedPolling(
                intake: intake, logger: dependencies.logger, shutdown: dependencies.intakeShutdown,
                changed: { ids in
                    pageCache?.invalidateAll()
                    ids.forEach { feedChanges.storyChanged(id: $0) }
                }
            ))
        }
    }
    // Fresh cached pages are answered in the connection's pipeline, before the router (see CachedBytesHandler and
    // CachedResponseHandler).
    let server: HTTPServerBuilder = pageCache.map { cache in
        HTTPServerBuilder { responder in CachingHTTP1Channel(responder: responder, cache: cache) }
    } ?? .http1()
    return Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: broadsheetServerName),
        services: services,
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            dependencies.logger.notice(
                "Broadsheet is serving \(configuration.publicationName) on http://\(host):\(port)/ (public address \(configuration.baseURLString))"
            )
        },
        logger: dependencies.logger
    )
}

/// The router with every route and middleware, in the order a request meets them.
public func buildRouter(
    configuration: Configuration, dependencies: WebDependencies
) async throws -> Router<AppRequestContext> {
    try await buildRouter(
        configuration: configuration, dependencies: dependencies,
        feedChanges: FeedChangeNotifier(configuration: configuration, dependencies: dependencies)
    )
}

/// The router, telling `feedChanges` about every story the newsroom changes; with `pageCache`, anonymous readers'
/// pages are served from it.
func buildRouter(
    configuration: Configuration, dependencies: WebDependencies, feedChanges: FeedChangeNotifier, pageCache: PageCache? = nil,
    site: ReaderSite? = nil
) async throws -> Router<AppRequestContext> {
    let site = try site ?? makeReaderSite(configuration: configuration, dependencies: dependencies)

    let secure = configuration.baseURL.scheme == "https"
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost, so that what it keeps carries every header, security headers included.
    if let pageCache { router.add(middleware: PageCacheMiddleware(cache: pageCache, versions: dependencies.contentVersion)) }
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: HTTPCachingMiddleware(maxAge: configuration.cacheMaxAge, clock: dependencies.clock))
    router.add(middleware: ErrorPageMiddleware(site: site))
    ReaderController(site: site).addRoutes(to: router)
    FeedController(site: site, keeper: site.keeper).addRoutes(to: router)
    SitemapController(site: site).addRoutes(to: router)
    SearchAPIController(site: site).addRoutes(to: router)
    MediaController(images: dependencies.images, assets: site.assets).addRoutes(to: router)
    PreferencesController(secureCookies: secure).addRoutes(to: router)

    let services = dependencies.newsroom
    let authenticator = Authenticator(
        users: services.users, sessions: services.sessions, attempts: services.attempts, hasher: services.hasher,
        clock: dependencies.clock, rules: services.loginRules
    )
    let newsroom = NewsroomSite(
        reader: site, services: services, authenticator: authenticator,
        desk: StoryDesk(stories: services.stories, writer: services.writer, images: dependencies.images, renderer: services.renderer, cleaner: services.cleaner, clock: dependencies.clock),
        uploads: ImageUpload(writer: services.writer, byteLimit: services.uploadLimit),
        feedChanges: feedChanges
    )
    // Everything under /newsroom passes the gate: session, sign-in, CSRF, no caching.
    router.add(middleware: NewsroomPathGate(gate: NewsroomGateMiddleware(authenticator: authenticator, bodyLimit: services.uploadLimit + 1_048_576)))
    NewsroomAccountController(site: newsroom, secureCookies: secure, trustedProxies: Set(configuration.trustedProxies)).addRoutes(to: router)
    NewsroomStoryController(site: newsroom).addRoutes(to: router)
    NewsroomTaxonomyController(site: newsroom).addRoutes(to: router)
    NewsroomPartnerController(site: newsroom, intake: dependencies.intake).addRoutes(to: router)
    return router
}

/// What every reader page shares, its templates and assets read from the resources.
func makeReaderSite(configuration: Configuration, dependencies: WebDependencies) throws -> ReaderSite {
    let resources = try webResourcesDirectory()
    return ReaderSite(
        configuration: configuration,
        dependencies: dependencies,
        links: Links(configuration: configuration),
        time: ReaderTime(timeZone: configuration.timeZone, language: configuration.language, clock: dependencies.clock),
        renderer: try PageRenderer(directory: resources.appendingPathComponent("templates")),
        assets: try Assets(directory: resources.appendingPathComponent("assets"))
    )
}

/// The folder holding `templates/` and `assets/`, wherever this platform's bundle layout puts it.
func webResourcesDirectory() throws -> URL {
    let bundle = Bundle.module
    let candidates = [bundle.resourceURL, bundle.resourceURL?.appendingPathComponent("Resources"), bundle.bundleURL.appendingPathComponent("Resources")]
    for case let candidate? in candidates
    where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates/layout.mustache").path) {
        return candidate
    }
    throw ResourcesMissing(bundle: bundle.bundleURL.path)
}

/// The templates and assets were not installed next to the executable.
struct ResourcesMissing: Error, CustomStringConvertible {
    let bundle: String
    var description: String { "the web templates and assets are missing from \(bundle)" }
}

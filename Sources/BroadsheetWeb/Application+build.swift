import BroadsheetCore
import Foundation
import Hummingbird
import Logging

/// Assembles the web application. `main` and the tests both call this.
public func buildApplication(
    configuration: Configuration, dependencies: WebDependencies
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Broadsheet"),
        onServerRunning: { channel in
            let address = channel.localAddress.map { "\($0)" } ?? "\(configuration.host):\(configuration.port)"
            dependencies.logger.notice("Broadsheet is serving \(configuration.publicationName) at \(configuration.baseURLString) (listening on \(address))")
        },
        logger: dependencies.logger
    )
}

/// The router with every route and middleware, in the order a request meets them.
public func buildRouter(
    configuration: Configuration, dependencies: WebDependencies
) async throws -> Router<BasicRequestContext> {
    guard let resources = Bundle.module.resourceURL?.appendingPathComponent("Resources") else {
        throw HTTPError(.internalServerError, message: "the web resources are missing")
    }
    let site = ReaderSite(
        configuration: configuration,
        dependencies: dependencies,
        links: Links(configuration: configuration),
        time: ReaderTime(timeZone: configuration.timeZone, clock: dependencies.clock),
        renderer: try await PageRenderer(directory: resources.appendingPathComponent("templates")),
        assets: try Assets(directory: resources.appendingPathComponent("assets"))
    )

    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(site: site))
    ReaderController(site: site).addRoutes(to: router)
    FeedController(site: site).addRoutes(to: router)
    MediaController(images: dependencies.images, assets: site.assets).addRoutes(to: router)
    PreferencesController(secureCookies: configuration.baseURL.scheme == "https").addRoutes(to: router)
    return router
}

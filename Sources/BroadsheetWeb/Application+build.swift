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
) async throws -> Router<BasicRequestContext> {
    let resources = try webResourcesDirectory()
    let site = ReaderSite(
        configuration: configuration,
        dependencies: dependencies,
        links: Links(configuration: configuration),
        time: ReaderTime(timeZone: configuration.timeZone, language: configuration.language, clock: dependencies.clock),
        renderer: try await PageRenderer(directory: resources.appendingPathComponent("templates")),
        assets: try Assets(directory: resources.appendingPathComponent("assets"))
    )

    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(site: site))
    ReaderController(site: site).addRoutes(to: router)
    FeedController(site: site).addRoutes(to: router)
    SearchAPIController(site: site).addRoutes(to: router)
    MediaController(images: dependencies.images, assets: site.assets).addRoutes(to: router)
    PreferencesController(secureCookies: configuration.baseURL.scheme == "https").addRoutes(to: router)
    return router
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

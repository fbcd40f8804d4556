import ArgumentParser
import BroadsheetCore
import BroadsheetDemo
import BroadsheetMarkdown
import BroadsheetWeb
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site. Creates and migrates the database, and fills an empty one with the demo publication."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        var configuration = try options.load()
        if configuration.port == 0, configuration.host == "127.0.0.1", let port = freeLoopbackPort() {
            // A free port chosen now rather than by the server, so that links and feeds carry the real address.
            configuration = try options.load(overrides: [.port: String(port)])
        }
        var logger = Logger(label: "broadsheet")
        logger.logLevel = .info
        try await reportingErrors {
            let store = try openStore(configuration)
            if configuration.seedsDemoContent, try await store.isEmpty() {
                let report = try await DemoSeeder(store: store, renderer: MarkdownRenderer()).seedDemoPublication(now: SystemClock().now())
                logger.notice(
                    "Created the demo publication: \(report.sections) sections, \(report.authors) authors, \(report.publishedStories) published stories and \(report.stories - report.publishedStories) in the newsroom"
                )
            }
            let app = try await buildApplication(
                configuration: configuration,
                dependencies: WebDependencies(articles: store, taxonomy: store, search: store, images: store, logger: logger)
            )
            try await app.runService()
        }
    }
}

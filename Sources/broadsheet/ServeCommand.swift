import ArgumentParser
import Foundation
import BroadsheetCore
import BroadsheetDemo
import BroadsheetFeeds
import BroadsheetFetch
import BroadsheetMarkdown
import BroadsheetSanitizer
import BroadsheetStore
import BroadsheetWeb
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site. Creates and migrates the database, and fills an empty one with the demo publication."
    )

    @OptionGroup var options: ConfigurationOptions
    @OptionGroup var fetch: FetchOptions

    func run() async throws {
        let arenas = MallocArenas.apply()
        var configuration = try options.load()
        if configuration.port == 0, configuration.host == "127.0.0.1", let port = freeLoopbackPort() {
            // A free port chosen now rather than by the server, so that links and feeds carry the real address.
            configuration = try options.load(overrides: [.port: String(port)])
        }
        var logger = Logger(label: "broadsheet")
        logger.logLevel = .info
        try await reportingErrors {
            let store = try openStore(configuration)
            logger.info("\(arenas)")
            logger.info(
                "Database \(store.path) (SQLite \(SQLiteStore.sqliteVersion), allocation statistics \(SQLiteStore.countsAllocations ? "on" : "off"))"
            )
            var dependencies = webDependencies(store: store, configuration: configuration, logger: logger)
            let fetcher = HTTPFeedFetcher(policy: fetch.policy)
            dependencies.intake = FeedIntake(
                store: store, taxonomy: store, fetcher: fetcher, reader: IncomingFeedReader(), cleaner: SanitizingBodyCleaner(), clock: SystemClock()
            )
            dependencies.intakeShutdown = { try? await fetcher.shutdown() }
            // Servers started together on a new file: the first creates the demo publication, the others wait for it
            // (the setup lock) and then find the database filled.
            if configuration.seedsDemoContent, try await needsDemoSetup(store) {
                try await store.whileHoldingSetupLock {
                    if try await store.isEmpty() {
                        let report = try await DemoSeeder(store: store, renderer: MarkdownRenderer()).seedDemoPublication(now: SystemClock().now())
                        logger.notice(
                            "Created the demo publication: \(report.sections) sections, \(report.authors) authors, \(report.publishedStories) published stories and \(report.stories - report.publishedStories) in the newsroom"
                        )
                    }
                    // Also on a later start if the first one stopped before the accounts were made.
                    if try await store.userCount() == 0, try await store.articleCount() > 0 {
                        try await createDemoAccounts(store: store, dependencies: dependencies, configuration: configuration)
                    }
                }
            }
            let app = try await buildApplication(configuration: configuration, dependencies: dependencies, runsJobs: configuration.runsJobs)
            try await app.runService()
        }
    }
}

/// Whether a start with demo content has anything to create: the publication (in a database without one, even if
/// an operator already made an account) or the demo accounts.
private func needsDemoSetup(_ store: SQLiteStore) async throws -> Bool {
    if try await store.isEmpty() { return true }
    return try await store.userCount() == 0
}

/// One account per role for the demo publication, with passwords printed once, here.
private func createDemoAccounts(store: SQLiteStore, dependencies: WebDependencies, configuration: Configuration) async throws {
    let services = dependencies.newsroom
    let authenticator = Authenticator(
        users: services.users, sessions: services.sessions, attempts: services.attempts, hasher: services.hasher,
        clock: SystemClock(), rules: services.loginRules
    )
    let authors = try await store.authors()
    let domain = configuration.contactEmail.split(separator: "@").last.map(String.init) ?? "example.com"
    var lines = ["Demo newsroom accounts (shown once; sign in at \(configuration.baseURLString)/newsroom):"]
    for (index, role) in Role.allCases.enumerated() {
        let password = Authenticator.randomPassword()
        // Writers and contributors are byline authors of the demo, so they have stories of their own.
        let author = role >= .editor ? nil : authors.dropFirst(index).first?.id
        let user = try await authenticator.createUser(
            NewUser(email: "\(role.rawValue)@\(domain)", name: "Demo \(role.label)", role: role, authorID: author), password: password
        )
        lines.append("  \(role.label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(user.email)  \(password)")
    }
    // Written straight to standard output (not buffered), so that it shows at once in a log or a pipe.
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

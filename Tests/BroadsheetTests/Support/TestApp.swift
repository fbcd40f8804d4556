import BroadsheetCore
import BroadsheetMarkdown
import BroadsheetSanitizer
import BroadsheetWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The configuration tests run the site with: fixed name, zone and address.
func testConfiguration(_ overrides: [Configuration.Setting: String] = [:]) throws -> Configuration {
    var settings: [Configuration.Setting: String] = [
        .name: "The Test Chronicle", .tagline: "All the news that fits the tests", .baseURL: "https://news.example.test",
        .timeZone: "Europe/London", .language: "en-GB", .port: "0", .bcryptCost: "4",
    ]
    settings.merge(overrides) { $1 }
    return try Configuration.load(settings: settings, environment: [:])
}

/// A clock that tests move forward by hand.
final class TestClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date = Fixture.now) { self.instant = instant }

    func now() -> Date { lock.withLock { instant } }
    func advance(by seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Password hashing for tests: bcrypt at its lowest cost, so that sign-ins take milliseconds.
let testHasher = BcryptPasswordHasher(cost: 4)

/// What the web application needs, over the fixture's database.
func testDependencies(_ fixture: Fixture, clock: any WallClock = FixedClock(Fixture.now), rules: LoginRules = LoginRules(), uploadLimit: Int = 1_048_576) -> WebDependencies {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var dependencies = WebDependencies(
        articles: fixture.store, taxonomy: fixture.store, search: fixture.store, images: fixture.store, sitemaps: fixture.store,
        newsroom: NewsroomServices(
            users: fixture.store, sessions: fixture.store, attempts: fixture.store, hasher: testHasher, stories: fixture.store,
            writer: fixture.store, taxonomyWriter: fixture.store, renderer: MarkdownRenderer(), cleaner: SanitizingBodyCleaner(), partners: fixture.store, loginRules: rules, uploadLimit: uploadLimit
        ),
        clock: clock, logger: logger
    )
    dependencies.contentVersion = fixture.store
    return dependencies
}

/// The real application, as `serve` builds it, over the fixture's database and a clock stopped at `Fixture.now`.
func makeApp(
    _ fixture: Fixture, configuration: Configuration? = nil, clock: any WallClock = FixedClock(Fixture.now), rules: LoginRules = LoginRules(),
    uploadLimit: Int = 1_048_576
) async throws -> some ApplicationProtocol {
    try await buildApplication(
        configuration: configuration ?? testConfiguration(),
        dependencies: testDependencies(fixture, clock: clock, rules: rules, uploadLimit: uploadLimit), runsJobs: false
    )
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

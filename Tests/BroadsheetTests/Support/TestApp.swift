import BroadsheetCore
import BroadsheetWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The configuration tests run the site with: fixed name, zone and address.
func testConfiguration(_ overrides: [Configuration.Setting: String] = [:]) throws -> Configuration {
    var settings: [Configuration.Setting: String] = [
        .name: "The Test Chronicle", .tagline: "All the news that fits the tests", .baseURL: "https://news.example.test",
        .timeZone: "Europe/London", .language: "en-GB", .port: "0",
    ]
    settings.merge(overrides) { $1 }
    return try Configuration.load(settings: settings, environment: [:])
}

/// The real application, as `serve` builds it, over the fixture's database and a clock stopped at `Fixture.now`.
func makeApp(_ fixture: Fixture, configuration: Configuration? = nil) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return try await buildApplication(
        configuration: configuration ?? testConfiguration(),
        dependencies: WebDependencies(
            articles: fixture.store, taxonomy: fixture.store, search: fixture.store, images: fixture.store, clock: FixedClock(Fixture.now), logger: logger
        )
    )
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

import BroadsheetCore
import BroadsheetFeeds
import BroadsheetFetch
import BroadsheetSanitizer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import BroadsheetWeb

/// A WebSub hub on loopback that records publish notices and refuses the first notice for each feed, so that
/// retries are exercised.
final class RecordingHub: @unchecked Sendable {
    private let lock = NSLock()
    private var attempts: [String: Int] = [:]
    private var accepted: [String: Int] = [:]
    private var malformedCount = 0

    /// Whether to accept this notice.
    func record(_ form: String) -> Bool {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return lock.withLock {
            guard fields["hub.mode"] == "publish", let topic = fields["hub.url"] else {
                malformedCount += 1
                return false
            }
            attempts[topic, default: 0] += 1
            guard attempts[topic]! > 1 else { return false }
            accepted[topic, default: 0] += 1
            return true
        }
    }

    var acceptedCounts: [String: Int] { lock.withLock { accepted } }
    var malformed: Int { lock.withLock { malformedCount } }
    var attemptCounts: [String: Int] { lock.withLock { attempts } }

    /// Runs `body` with a live hub at the returned address.
    static func run(_ body: @Sendable (URL, RecordingHub) async throws -> Void) async throws {
        let hub = RecordingHub()
        let router = Router()
        router.post("/hub") { request, _ -> Response in
            let form = String(buffer: try await request.body.collect(upTo: 65_536))
            return Response(status: hub.record(form) ? .accepted : .serviceUnavailable)
        }
        var logger = Logger(label: "hub")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(URL(string: "http://127.0.0.1:\(port)/hub")!, hub)
        }
    }
}

@Suite("WebSub: hub advertised and told about changes")
struct WebSubTests {
    static let base = "https://news.example.test"

    static func topics(_ stems: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: stems.flatMap { stem in ["rss.xml", "atom.xml", "feed.json"].map { (base + stem + $0, 1) } })
    }

    /// Waits (at most 15 s) until `condition` holds.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<300 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test("publishing and correcting in the newsroom tell the hub about every feed the story is in, retrying refusals; drafts tell it nothing")
    func newsroomChangesPingTheHub() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await RecordingHub.run { hubURL, hub in
            var dependencies = testDependencies(fixture)
            dependencies.hubRetryDelays = [.milliseconds(100), .milliseconds(100)]
            let app = try await buildApplication(
                configuration: try testConfiguration([.websubHub: hubURL.absoluteString]), dependencies: dependencies, runsJobs: false
            )
            try await app.test(.router) { client in
                let browser = NewsroomBrowser(client)
                try await browser.logIn("editor@example.test", password)
                // A draft in another section, by another author, with another tag: readers cannot see it, so no feed changed.
                let draft = try await browser.postMultipart("/newsroom/stories", [
                    ("headline", "Budget draft"), ("standfirst", "Not yet."), ("section", String(fixture.business.id)),
                    ("authors", String(fixture.ben.id)), ("tags", "Markets"), ("body", "Text."), ("action", "save"),
                ])
                #expect(draft.status == .seeOther)
                let published = try await browser.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(fixture, action: "publish"))
                #expect(published.status == .seeOther)
                let path = String(try #require(published.headers[.location]).split(separator: "?")[0])

                let expected = Self.topics(["/", "/section/world/", "/author/ana-ruiz/", "/tag/harbour/", "/tag/storms/"])
                #expect(try await Self.eventually { hub.acceptedCounts == expected }, "\(hub.acceptedCounts)")
                // Each feed's first notice was refused and retried once.
                #expect(hub.attemptCounts == expected.mapValues { _ in 2 })
                #expect(hub.malformed == 0)

                let corrected = try await browser.post(path + "/corrections", [("kind", "correction"), ("text", "The wall is 40 metres long.")])
                #expect(corrected.status == .seeOther)
                #expect(try await Self.eventually { hub.acceptedCounts == expected.mapValues { _ in 2 } }, "\(hub.acceptedCounts)")

                // Moved to Business with one tag taken off: the feeds it left are told as well as the ones it joined.
                let moved = try await browser.postMultipart(path, NewsroomStoryTests.storyFields(fixture).filter { $0.0 != "section" && $0.0 != "tags" }
                    + [("section", String(fixture.business.id)), ("tags", "Harbour")])
                #expect(moved.status == .seeOther)
                var afterMove = expected.mapValues { _ in 3 }
                for (topic, count) in Self.topics(["/section/business/"]) { afterMove[topic] = count }
                #expect(try await Self.eventually { hub.acceptedCounts == afterMove }, "\(hub.acceptedCounts)")
            }
        }
    }

    @Test("a story published by the scheduler is announced too")
    func scheduledPublicationPingsTheHub() async throws {
        let fixture = try await Fixture.make()
        let clock = TestClock(Fixture.now)
        var scheduled = fixture.story("Night sitting ends", section: fixture.business, authors: [fixture.ben], status: .scheduled)
        scheduled.scheduledFor = Fixture.now.addingTimeInterval(-60)
        try await fixture.add(scheduled)
        try await RecordingHub.run { hubURL, hub in
            var dependencies = testDependencies(fixture, clock: clock)
            dependencies.hubRetryDelays = [.milliseconds(100)]
            let app = try await buildApplication(
                configuration: try testConfiguration([.websubHub: hubURL.absoluteString]), dependencies: dependencies, runsJobs: true
            )
            try await app.test(.router) { (_: any TestClientProtocol) async throws in
                let expected = Self.topics(["/", "/section/business/", "/author/ben-okafor/"])
                #expect(try await Self.eventually { hub.acceptedCounts == expected }, "\(hub.acceptedCounts)")
            }
        }
    }

    @Test("stories taken in from a partner's feed are announced, from the newsroom's 'poll now' and from the background poll")
    func partnerImportsPingTheHub() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let fixtures = FeedFixtures()
        fixtures.feeds.withLock {
            $0["direct"] = FeedFixtures.rss([(id: "d-1", title: "Lighthouse restored", body: FeedFixtures.body("lighthouse"), link: "https://partner.example/lighthouse")])
            $0["later"] = FeedFixtures.rss([(id: "l-1", title: "Pier reopens", body: FeedFixtures.body("pier"), link: "https://partner.example/pier")])
        }
        try await fixtures.serve { port in
            let direct = try await fixture.store.createPartner(NewPartner(
                name: "Partner Herald", homepage: URL(string: "https://partner.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/direct")!,
                intake: IntakeSettings(defaultSectionID: fixture.business.id, mode: .publish)
            ))
            let fetcher = HTTPFeedFetcher(policy: AddressPolicy(allowsLoopback: true))
            let intake = FeedIntake(
                store: fixture.store, taxonomy: fixture.store, fetcher: fetcher, reader: IncomingFeedReader(), cleaner: SanitizingBodyCleaner(),
                clock: FixedClock(Fixture.now)
            )
            try await RecordingHub.run { hubURL, hub in
                var dependencies = testDependencies(fixture)
                dependencies.hubRetryDelays = [.milliseconds(100)]
                dependencies.intake = intake
                let app = try await buildApplication(
                    configuration: try testConfiguration([.websubHub: hubURL.absoluteString]), dependencies: dependencies, runsJobs: false
                )
                try await app.test(.router) { client in
                    let browser = NewsroomBrowser(client)
                    try await browser.logIn("editor@example.test", password)
                    #expect(try await browser.post("/newsroom/partners/\(direct.id)/poll", []).status == .seeOther)
                    // Published straight into Business: the site's feeds and the section's.
                    let expected = Self.topics(["/", "/section/business/"])
                    #expect(try await Self.eventually { hub.acceptedCounts == expected }, "\(hub.acceptedCounts)")
                }
            }

            // The background poll hands on the stories it created, for the hub and the page cache.
            _ = try await fixture.store.createPartner(NewPartner(
                name: "Partner Gazette", homepage: URL(string: "https://gazette.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/later")!,
                intake: IntakeSettings(defaultSectionID: fixture.world.id, mode: .publish)
            ))
            let handed = Mutex<[Int64]>([])
            let polling = FeedPolling(intake: intake, logger: Logger(label: "test"), shutdown: {}, changed: { ids in handed.withLock { $0 += ids } })
            let group = ServiceGroup(services: [polling], logger: Logger(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await Self.eventually { !handed.withLock { $0 }.isEmpty })
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let pier = try #require(try await fixture.store.publishedArticles(.all, page: PageRequest(number: 1, size: 10)!).items.first { $0.headline == "Pier reopens" })
            #expect(handed.withLock { $0 } == [pier.id])
            try await fetcher.shutdown()
        }
    }

    @Test("a hub that keeps refusing is given up on after the configured retries")
    func givesUp() async throws {
        let fixture = try await Fixture.make()
        let ids = try await fixture.add(fixture.story("Lone story"))
        let refusing = CountingPublisher()
        let notifier = FeedChangeNotifier(
            hub: URL(string: "http://127.0.0.1:9/hub")!, publisher: refusing, stories: fixture.store, taxonomy: fixture.store,
            links: Links(configuration: try testConfiguration()), logger: Logger(label: "test"), retryDelays: [.milliseconds(20), .milliseconds(20)]
        )
        let running = Task { try await notifier.run() }
        notifier.storyChanged(id: ids[0])
        // Site, section and author feeds, three formats each, three attempts each.
        #expect(try await WebSubTests.eventually { refusing.count == 27 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(refusing.count == 27)
        running.cancel()
        _ = try? await running.value
    }

    @Test("a hub notice cancelled at any moment returns: before it is sent, while it waits, or as its answer arrives",
          .timeLimit(.minutes(2)))
    func cancelledNoticesReturn() async throws {
        let router = Router()
        router.post("/hub") { _, _ -> Response in
            try await Task.sleep(for: .microseconds(Int.random(in: 0...3_000)))
            return Response(status: .accepted)
        }
        var logger = Logger(label: "hub")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let hub = try #require(URL(string: "http://127.0.0.1:\(port)/hub"))
            let topic = try #require(URL(string: "https://news.example.test/rss.xml"))
            let publisher = URLSessionHubPublisher(timeout: 5)
            // Left alone, a notice is delivered.
            try await publisher.publish(topic: topic, to: hub)
            var cancelled = 0
            for _ in 0..<150 {
                let notice = Task { try await publisher.publish(topic: topic, to: hub) }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...4_000)))
                notice.cancel()
                if case .failure = await notice.result { cancelled += 1 }
            }
            // Some were cancelled in time, some had their answer first; every one of them returned.
            #expect(cancelled > 0)
        }
    }

    @Test("every feed format advertises the hub; without a hub none does")
    func advertised() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Any story"))
        for hub in ["https://hub.example.test/", ""] {
            let app = try await buildApplication(
                configuration: try testConfiguration([.websubHub: hub]), dependencies: testDependencies(fixture), runsJobs: false
            )
            try await app.test(.router) { client in
                for (path, mark) in [("/rss.xml", "<atom:link href=\"\(hub)\" rel=\"hub\"/>"), ("/atom.xml", "<link rel=\"hub\" href=\"\(hub)\"/>"),
                                     ("/feed.json", "\"hubs\":[{\"type\":\"WebSub\",\"url\":\"\(hub)\"}]")] {
                    let text = try await client.execute(uri: path, method: .get) { $0 }.text
                    #expect(text.contains(mark) == !hub.isEmpty, "\(path)")
                    #expect(text.contains("hub") == !hub.isEmpty, "\(path)")
                }
            }
        }
    }
}

/// A publisher that counts notices and refuses them all.
final class CountingPublisher: HubPublishing, @unchecked Sendable {
    private let lock = NSLock()
    private var notices = 0
    var count: Int { lock.withLock { notices } }

    func publish(topic: URL, to hub: URL) async throws {
        lock.withLock { notices += 1 }
        throw HubRefused(status: 503)
    }
}

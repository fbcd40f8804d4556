import BroadsheetCore
import BroadsheetFeeds
import BroadsheetFetch
import BroadsheetSanitizer
import BroadsheetStore
import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// Partner feeds served by a real HTTP server on loopback: what the fixture server answers can be changed mid-test.
final class FeedFixtures: Sendable {
    let feeds = Mutex<[String: String]>([:])
    let requests = Mutex<[String]>([])

    static func rss(_ items: [(id: String, title: String, body: String, link: String)], ttl: Int? = nil) -> String {
        let entries = items.map { item in
            """
            <item><guid isPermaLink="false">\(item.id)</guid><title>\(item.title)</title><link>\(item.link)</link>
            <pubDate>Thu, 19 Nov 2026 08:00:00 GMT</pubDate><dc:creator>Rosa Klein</dc:creator>
            <description>Summary of \(item.title)</description>
            <content:encoded><![CDATA[\(item.body)]]></content:encoded></item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Partner Herald</title><link>https://partner.example/</link><description>Partner news</description>\(ttl.map { "<ttl>\($0)</ttl>" } ?? "")
            \(entries)
            </channel></rss>
            """
    }

    /// Paragraphs of distinct words, so that texts differ clearly unless copied.
    static func body(_ seed: String, words: Int = 80) -> String {
        let vocabulary = ["harbour", "council", "ferry", "budget", "river", "school", "market", "festival", "bridge", "library", "station",
                          "garden", "museum", "hospital", "tram", "stadium", "orchard", "quarry", "lighthouse", "vineyard"]
        var hash = seed.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        var text: [String] = []
        for _ in 0..<words {
            hash = hash &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(vocabulary[Int(hash >> 33) % vocabulary.count])
        }
        return "<p>" + text.joined(separator: " ") + ".</p>"
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/feeds/:name") { request, context -> Response in
            let name = context.parameters.get("name") ?? ""
            self.requests.withLock { $0.append(name) }
            guard let text = self.feeds.withLock({ $0[name] }) else { return Response(status: .notFound) }
            let etag = "\"" + String(text.hashValue, radix: 16) + "\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            return Response(
                status: .ok, headers: [.contentType: "application/rss+xml", .eTag: etag, .cacheControl: "max-age=600"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
        router.get("/gzip") { _, _ -> Response in
            let feed = FeedFixtures.rss([(id: "g1", title: "Compressed story", body: FeedFixtures.body("gzip"), link: "https://partner.example/g1")])
            var plain = ByteBuffer(string: feed)
            let compressed = try plain.compress(with: .gzip())
            return Response(status: .ok, headers: [.contentType: "application/rss+xml", .contentEncoding: "gzip"], body: .init(byteBuffer: compressed))
        }
        router.get("/gzip-bomb") { _, _ -> Response in
            // 3 MB of one letter, a few kilobytes compressed.
            var plain = ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 * 1_048_576)
            let compressed = try plain.compress(with: .gzip())
            return Response(status: .ok, headers: [.contentType: "application/rss+xml", .contentEncoding: "gzip"], body: .init(byteBuffer: compressed))
        }
        router.get("/redirect") { _, _ in Response(status: .found, headers: [.location: "/feeds/main"]) }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/to-private") { _, _ in Response(status: .movedPermanently, headers: [.location: "http://10.1.2.3/feed.xml"]) }
        router.get("/to-ftp") { _, _ in Response(status: .found, headers: [.location: "ftp://partner.example/feed.xml"]) }
        router.get("/limited") { _, _ in Response(status: .tooManyRequests, headers: [.retryAfter: "120"]) }
        router.get("/broken") { _, _ in Response(status: .internalServerError) }
        router.get("/slow") { _, _ -> Response in
            try await Task.sleep(for: .seconds(50))
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "<rss/>")))
        }
        router.get("/huge") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 * 1_048_576)))
        }
        router.get("/truncated") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/rss+xml"], body: .init(byteBuffer: ByteBuffer(string: #"<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half"#)))
        }
        router.get("/page") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><html><body><p>Not a feed</p></body></html>")))
        }
        return router
    }

    /// Runs `body` with the fixture server listening on a loopback port.
    func serve(_ body: @Sendable (Int) async throws -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
    }
}

/// A child process waited for without blocking a thread of the test process (its fixture server needs them).
final class ChildProcess: Sendable {
    private final class ExitState: Sendable {
        let state: Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])> = Mutex((nil, []))
    }

    private let process: Process
    private let exit = ExitState()

    init(_ executable: URL, _ arguments: [String]) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [exit] finished in
            let waiters = exit.state.withLock { state in
                state.status = finished.terminationStatus
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: finished.terminationStatus) }
        }
        try process.run()
    }

    func exitStatus() async -> Int32 {
        await withCheckedContinuation { continuation in
            let done: Int32? = exit.state.withLock { state in
                if let status = state.status { return status }
                state.waiters.append(continuation)
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    /// Kills it with SIGKILL if it is still running; true if it was.
    func kill() async -> Bool {
        guard exit.state.withLock({ $0.status == nil }) else { return false }
        Glibc.kill(process.processIdentifier, SIGKILL)
        _ = await exitStatus()
        return true
    }
}

@Suite("Partner feed intake over real HTTP on loopback")
struct IntakeTests {
    static let testLimits: HTTPFeedFetcher.Limits = {
        var limits = HTTPFeedFetcher.Limits()
        // Generous enough for a loaded CI machine (10 s once passed without a byte while the suite's other tests were
        // starting up on both cores); /slow waits longer than both.
        limits.readTimeout = 30
        limits.deadline = 40
        limits.maximumBytes = 1_048_576
        limits.maximumRedirects = 3
        return limits
    }()

    func withFetcher(allowLoopback: Bool = true, _ body: (HTTPFeedFetcher) async throws -> Void) async throws {
        let fetcher = HTTPFeedFetcher(policy: AddressPolicy(allowsLoopback: allowLoopback), limits: Self.testLimits)
        do { try await body(fetcher) } catch {
            try await fetcher.shutdown()
            throw error
        }
        try await fetcher.shutdown()
    }

    /// A fetch that must succeed; a failure names the address.
    func fetch(_ fetcher: HTTPFeedFetcher, _ request: FeedRequest) async throws -> FeedFetchResult {
        do {
            return try await fetcher.fetch(request)
        } catch {
            throw FeedFetchError("\(request.url.path): \(error.description)")
        }
    }

    func expectFailure(_ fetcher: HTTPFeedFetcher, _ url: String, containing message: String, retryAfter: TimeInterval? = nil) async {
        do {
            _ = try await fetcher.fetch(FeedRequest(url: URL(string: url)!))
            Issue.record("\(url) should have failed")
        } catch {
            #expect(error.description.contains(message), "\(url): \(error.description)")
            if let retryAfter { #expect(error.timing.retryAfter == retryAfter) }
        }
    }

    @Test("the fetcher: conditional GET, gzip, redirects within limits, and a clear error for 429, 500, slow, huge, loops and bad schemes")
    func fetcherBehaviour() async throws {
        let fixtures = FeedFixtures()
        fixtures.feeds.withLock { $0["main"] = FeedFixtures.rss([(id: "a", title: "A", body: "<p>a</p>", link: "https://partner.example/a")]) }
        try await fixtures.serve { port in
            try await withFetcher { fetcher in
                let base = "http://127.0.0.1:\(port)"
                guard case .fetched(let body, _, let etag?, _, let timing) = try await fetch(fetcher, FeedRequest(url: URL(string: base + "/feeds/main")!)) else {
                    Issue.record("expected a full answer with an ETag")
                    return
                }
                #expect(String(decoding: body, as: UTF8.self).contains("<title>A</title>"))
                #expect(timing.maxAge == 600)
                guard case .notModified = try await fetch(fetcher, FeedRequest(url: URL(string: base + "/feeds/main")!, etag: etag)) else {
                    Issue.record("expected 304 for a matching ETag")
                    return
                }
                guard case .fetched(let redirected, let finalURL, _, _, _) = try await fetch(fetcher, FeedRequest(url: URL(string: base + "/redirect")!)) else {
                    Issue.record("expected the redirect to be followed")
                    return
                }
                #expect(finalURL.path == "/feeds/main")
                #expect(redirected == body)
                guard case .fetched(let unzipped, _, _, _, _) = try await fetch(fetcher, FeedRequest(url: URL(string: base + "/gzip")!)) else {
                    Issue.record("expected the gzip feed")
                    return
                }
                #expect(String(decoding: unzipped, as: UTF8.self).contains("Compressed story"))

                await expectFailure(fetcher, base + "/limited", containing: "429", retryAfter: 120)
                await expectFailure(fetcher, base + "/broken", containing: "500")
                await expectFailure(fetcher, base + "/slow", containing: "seconds")
                await expectFailure(fetcher, base + "/huge", containing: "larger than 1 MB")
                await expectFailure(fetcher, base + "/gzip-bomb", containing: "larger than 1 MB once decompressed")
                await expectFailure(fetcher, base + "/loop", containing: "more than 3 redirects")
                await expectFailure(fetcher, base + "/to-ftp", containing: "only http and https")
                await expectFailure(fetcher, base + "/to-private", containing: "10.1.2.3 is a private address")
                await expectFailure(fetcher, base + "/feeds/missing", containing: "404")
            }
            // Without permission, loopback itself is refused before connecting.
            try await withFetcher(allowLoopback: false) { fetcher in
                await expectFailure(fetcher, "http://127.0.0.1:\(port)/feeds/main", containing: "127.0.0.1 is a loopback address")
                await expectFailure(fetcher, "http://localhost:\(port)/feeds/main", containing: "loopback")
                await expectFailure(fetcher, "http://[::1]:\(port)/feeds/main", containing: "loopback")
            }
        }
        #expect(fixtures.requests.withLock { $0.filter { $0 == "main" }.count } == 3)
    }

    @Test("address classes: private, link-local, metadata, shared, IPv6 local and NAT64 forms are refused; public ones pass")
    func addressClasses() {
        let policy = AddressPolicy()
        for refused in ["10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "127.0.0.1", "::1", "::",
                        "fe80::1", "fd00::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "224.0.0.1", "255.255.255.255"] {
            #expect(policy.refusal(of: IPAddress(refused)!) != nil, "\(refused)")
        }
        for allowed in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "64:ff9b::808:808"] {
            #expect(policy.refusal(of: IPAddress(allowed)!) == nil, "\(allowed)")
        }
        #expect(IPAddress("not an address") == nil)
    }

    func intake(_ fixture: Fixture, fetcher: HTTPFeedFetcher, clock: any WallClock = SystemClock()) -> FeedIntake {
        FeedIntake(store: fixture.store, taxonomy: fixture.store, fetcher: fetcher, reader: IncomingFeedReader(), cleaner: SanitizingBodyCleaner(), clock: clock)
    }

    func partnerStories(_ fixture: Fixture) async throws -> [EditableStory] {
        var stories: [EditableStory] = []
        var number = 1
        while true {
            let page = try await fixture.store.listStories(StoryListFilter(), page: PageRequest(number: number, size: 100)!)
            for id in page.items.map(\.id) {
                if let story = try await fixture.store.editableStory(id: id), story.partnerID != nil { stories.append(story) }
            }
            guard page.hasMore else { return stories }
            number += 1
        }
    }

    @Test("importing: credit, canonical and original author and time kept; sanitized once; twice imports nothing new; updates become revisions; vanished items stay")
    func importing() async throws {
        let fixture = try await Fixture.make()
        let fixtures = FeedFixtures()
        let hostile = #"<p onclick="steal()">Council <b>votes</b></p><script>alert(1)</script><img src="/img/a.jpg" onerror="x()"><a href="javascript:alert(1)">x</a>"#
        let items = [
            (id: "p-1", title: "Harbour reopens", body: FeedFixtures.body("one"), link: "https://partner.example/harbour"),
            (id: "p-2", title: "Council &amp; budget", body: hostile + FeedFixtures.body("two"), link: "https://partner.example/council"),
            (id: "p-3", title: "Ferry timetable", body: FeedFixtures.body("three"), link: "https://partner.example/ferry"),
        ]
        fixtures.feeds.withLock { $0["main"] = FeedFixtures.rss(items, ttl: 45) }
        try await fixtures.serve { port in
            let partner = try await fixture.store.createPartner(NewPartner(
                name: "Partner Herald", homepage: URL(string: "https://partner.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/main")!,
                intake: IntakeSettings(defaultSectionID: fixture.business.id, licenceNote: "Syndication agreement 2026", mode: .draft, pollInterval: 600)
            ))
            try await withFetcher { fetcher in
                let intake = intake(fixture, fetcher: fetcher)
                let first = try await intake.poll(try #require(await fixture.store.partner(id: partner.id)))
                #expect(first.result == "imported" && first.created == 3, "\(first)")
                var stories = try await partnerStories(fixture)
                #expect(stories.count == 3)
                let council = try #require(stories.first { $0.headline == "Council & budget" })
                #expect(council.status == .draft && council.sectionID == fixture.business.id && council.bodyFormat == .html)
                #expect(council.source?.outletName == "Partner Herald")
                #expect(council.source?.url.absoluteString == "https://partner.example/council")
                #expect(council.source?.originalAuthor == "Rosa Klein")
                #expect(council.source?.originalPublishedAt == InternetDate.parseHTTPDate("Thu, 19 Nov 2026 08:00:00 GMT"))
                #expect(council.bodyMarkdown.contains("<b>votes</b>"))
                for bad in ["script", "onclick", "onerror", "javascript:"] { #expect(!council.bodyMarkdown.contains(bad), "\(bad)") }
                // Relative addresses resolve against the item's base: here the feed's own address.
                #expect(council.bodyMarkdown.contains(#"src="http://127.0.0.1:\#(port)/img/a.jpg""#))

                // Status: success recorded, next poll after the longest of interval, ttl and max-age.
                let polled = try #require(await fixture.store.partner(id: partner.id))
                #expect(polled.status.lastError == nil && polled.status.etag != nil)
                let wait = try #require(polled.status.nextPollAt).timeIntervalSince(try #require(polled.status.lastPolledAt))
                #expect(abs(wait - 2_700) < 1)

                // Again: 304, nothing new. Without validators: every item recognised, nothing new either.
                let second = try await intake.poll(polled)
                #expect(second.result == "not modified")
                var forgetful = polled
                forgetful.status.etag = nil
                let third = try await intake.poll(forgetful)
                #expect(third.created == 0 && third.unchanged == 3, "\(third)")

                // The partner corrects one item and drops another: one revision more, nothing deleted.
                var changed = items
                changed[0].body = FeedFixtures.body("one") + "<p>Correction: it reopens on Monday.</p>"
                changed.remove(at: 2)
                fixtures.feeds.withLock { $0["main"] = FeedFixtures.rss(changed) }
                let fourth = try await intake.poll(try #require(await fixture.store.partner(id: partner.id)))
                #expect(fourth.updated == 1 && fourth.unchanged == 1 && fourth.created == 0, "\(fourth)")
                stories = try await partnerStories(fixture)
                #expect(stories.count == 3)
                let harbour = try #require(stories.first { $0.headline == "Harbour reopens" })
                #expect(harbour.bodyMarkdown.contains("reopens on Monday"))
                #expect(try await fixture.store.revisions(storyID: harbour.id).count == 2)
            }
        }
    }

    @Test("the same story through a second partner, or re-sent with a new id, is recognised and not stored twice")
    func duplicates() async throws {
        let fixture = try await Fixture.make()
        let fixtures = FeedFixtures()
        let story = FeedFixtures.body("agency copy", words: 150)
        fixtures.feeds.withLock {
            $0["a"] = FeedFixtures.rss([(id: "a-1", title: "Bridge closes", body: story, link: "https://a.example/bridge")])
            // The other partner's copy: another id and address, one word changed.
            $0["b"] = FeedFixtures.rss([(id: "b-77", title: "Bridge closes", body: story.replacingCharacters(in: story.range(of: "ferry")!, with: "ferries"), link: "https://b.example/news/77")])
            // The first partner re-sends the story under a new id, same address.
            $0["a2"] = FeedFixtures.rss([(id: "a-1-resent", title: "Bridge closes", body: story, link: "https://a.example/bridge")])
        }
        try await fixtures.serve { port in
            try await withFetcher { fetcher in
                let intake = intake(fixture, fetcher: fetcher)
                func partner(_ name: String, _ feed: String) async throws -> Partner {
                    try await fixture.store.createPartner(NewPartner(
                        name: name, homepage: URL(string: "https://\(name).example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/\(feed)")!
                    ))
                }
                let cleaner = SanitizingBodyCleaner()
                let copies = [story, story.replacingCharacters(in: story.range(of: "ferry")!, with: "ferries")].map {
                    StoryFingerprint(text: "Bridge closes " + cleaner.clean(html: $0, base: nil).plainText)!
                }
                #expect(copies[0].isNearDuplicate(of: copies[1]), "\(copies[0].distance(to: copies[1])) bits apart")
                let unrelated = StoryFingerprint(text: "Bridge closes " + cleaner.clean(html: FeedFixtures.body("another story", words: 150), base: nil).plainText)!
                #expect(copies[0].distance(to: unrelated) > 16)
                #expect(try await intake.poll(try await partner("a", "a")).created == 1)
                let viaB = try await intake.poll(try await partner("b", "b"))
                #expect(viaB.created == 0 && viaB.duplicates == 1, "\(viaB)")
                let resent = try await intake.poll(try await partner("a-again", "a2"))
                #expect(resent.created == 0 && resent.duplicates == 1, "\(resent)")
                #expect(try await partnerStories(fixture).count == 1)
            }
        }
    }

    @Test("failures are recorded for the newsroom and back off; Retry-After is honoured; an HTML page is not a feed")
    func failures() async throws {
        let fixture = try await Fixture.make()
        let fixtures = FeedFixtures()
        try await fixtures.serve { port in
            try await withFetcher { fetcher in
                let intake = intake(fixture, fetcher: fetcher)
                for (path, message, minimumWait) in [("/broken", "500", 1_200.0), ("/limited", "429", 1_200), ("/page", "not a usable feed", 1_200), ("/truncated", "not a usable feed", 1_200)] {
                    let partner = try await fixture.store.createPartner(NewPartner(
                        name: path, homepage: URL(string: "https://p.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)\(path)")!,
                        intake: IntakeSettings(pollInterval: 600)
                    ))
                    let report = try await intake.poll(partner)
                    #expect(report.result == "failed" && report.error?.contains(message) == true, "\(report)")
                    let status = try #require(await fixture.store.partner(id: partner.id)).status
                    #expect(status.lastError?.contains(message) == true && status.consecutiveFailures == 1)
                    let wait = try #require(status.nextPollAt).timeIntervalSince(try #require(status.lastPolledAt))
                    #expect(wait >= minimumWait, "\(path): \(wait)")
                    // A second failure doubles the wait.
                    let again = try await intake.poll(try #require(await fixture.store.partner(id: partner.id)))
                    let later = try #require(await fixture.store.partner(id: partner.id)).status
                    #expect(again.result == "failed" && later.consecutiveFailures == 2)
                    #expect(try #require(later.nextPollAt).timeIntervalSince(try #require(later.lastPolledAt)) >= 2_400)
                }
                #expect(try await partnerStories(fixture).isEmpty)
            }
        }
    }

    @Test("a poll killed in the middle of an import and run again loses nothing and duplicates nothing")
    func crashSafety() async throws {
        let fixture = try await Fixture.make()
        let fixtures = FeedFixtures()
        let count = 300
        let items = (0..<count).map { (id: "item-\($0)", title: "Story number \($0)", body: FeedFixtures.body("story \($0)"), link: "https://partner.example/s/\($0)") }
        fixtures.feeds.withLock { $0["big"] = FeedFixtures.rss(items) }
        try await fixtures.serve { port in
            let partner = try await fixture.store.createPartner(NewPartner(
                name: "Big Partner", homepage: URL(string: "https://partner.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/big")!
            ))
            let database = fixture.directory.path("test.sqlite")
            let arguments = ["feed", "poll", "--once", "--partner", String(partner.id), "--database", database, "--allow-loopback-feeds"]
            // Kill each run as soon as it has stored more stories than before, and before it has stored them all: the
            // kill lands in the middle of an import, whatever the machine's speed.
            var killedMidway = 0
            for _ in 0..<4 {
                let before = try await fixture.store.articleCount()
                guard before < count else { break }
                let run = try ChildProcess(try RunningServer.executable, arguments)
                let deadline = Date().addingTimeInterval(60)
                while try await fixture.store.articleCount() == before, Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
                if await run.kill() {
                    let stored = try await fixture.store.articleCount()
                    if stored > before && stored < count { killedMidway += 1 }
                }
                // The killed poll's claim blocks others for a while; this test clears it as an operator would wait.
                try await fixture.store.recordPoll(partnerID: partner.id, status: PartnerFeedStatus())
            }
            #expect(killedMidway >= 1, "no kill landed in the middle of an import")
            let finish = try ChildProcess(try RunningServer.executable, arguments)
            let status = await finish.exitStatus()
            #expect(status == 0)
            let stories = try await partnerStories(fixture)
            #expect(stories.count == count)
            #expect(Set(stories.map(\.headline)).count == count)
            print("intake crash test: \(killedMidway) kills landed in the middle of an import")
        }
    }
}

@Suite("Imported stories on the reader site")
struct ImportedStoryPageTests {
    @Test("a story published directly from a partner's feed credits the outlet, the original author and time, and points its canonical link at the original")
    func creditLine() async throws {
        let fixture = try await Fixture.make()
        let fixtures = FeedFixtures()
        fixtures.feeds.withLock {
            $0["direct"] = FeedFixtures.rss([(id: "d-1", title: "Lighthouse restored", body: FeedFixtures.body("lighthouse"), link: "https://partner.example/lighthouse")])
        }
        try await fixtures.serve { port in
            let partner = try await fixture.store.createPartner(NewPartner(
                name: "Partner Herald", homepage: URL(string: "https://partner.example/")!, feedURL: URL(string: "http://127.0.0.1:\(port)/feeds/direct")!,
                intake: IntakeSettings(defaultSectionID: fixture.world.id, mode: .publish)
            ))
            let fetcher = HTTPFeedFetcher(policy: AddressPolicy(allowsLoopback: true))
            let intake = FeedIntake(
                store: fixture.store, taxonomy: fixture.store, fetcher: fetcher, reader: IncomingFeedReader(), cleaner: SanitizingBodyCleaner(),
                clock: FixedClock(Fixture.now)
            )
            let report = try await intake.poll(partner)
            try await fetcher.shutdown()
            #expect(report.created == 1, "\(report)")
        }
        let app = try await makeApp(fixture)
        try await app.test(.router) { client in
            var path = ""
            try await client.execute(uri: "/section/world", method: .get) { response in
                let html = response.text
                let match = try #require(html.firstMatch(of: #/href="(/2026/11/1\d/lighthouse-restored)"/#))
                path = String(match.output.1)
            }
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains(#"<link rel="canonical" href="https://partner.example/lighthouse">"#))
                #expect(html.contains(#"Originally published by <a href="https://partner.example/lighthouse">Partner Herald</a>, written by Rosa Klein, on <time datetime="2026-11-19T08:00:00Z""#), "\(html)")
            }
        }
    }
}

@Suite("Partners in the newsroom")
struct NewsroomPartnerTests {
    @Test("editors add and change partners with their intake settings; bad input is refused with a message and stores nothing; writers cannot; status is shown")
    func managePartners() async throws {
        let fixture = try await Fixture.make()
        let (_, editorPassword) = try await fixture.account(.editor)
        let (_, writerPassword) = try await fixture.account(.writer)
        try await makeApp(fixture).test(.router) { client in
            let writer = NewsroomBrowser(client)
            _ = try await writer.logIn("writer@example.test", writerPassword)
            #expect(try await writer.get("/newsroom/partners").status == .forbidden)
            #expect(try await writer.post("/newsroom/partners", [("name", "X"), ("homepage", "https://x.example/"), ("mode", "draft"), ("interval", "15")]).status == .forbidden)

            let editor = NewsroomBrowser(client)
            _ = try await editor.logIn("editor@example.test", editorPassword)
            let valid = [
                ("name", "Harbour Courier"), ("homepage", "https://courier.example/"), ("feed_url", "https://courier.example/rss.xml"),
                ("section", String(fixture.business.id)), ("mode", "publish"), ("interval", "30"), ("licence_note", "Agreement of 1 May 2026"),
            ]
            let hostile: [(String, String, String)] = [
                ("homepage", "javascript:alert(1)", "homepage must be an http or https address"),
                ("feed_url", "file:///etc/passwd", "feed address must be an http or https address"),
                ("interval", "0", "poll interval"),
                ("interval", "ten", "poll interval"),
                ("mode", "auto", "drafts or direct publication"),
                ("name", "", "needs a name"),
                ("section", "999999", "no longer exists"),
            ]
            for (field, value, message) in hostile {
                let fields = valid.map { $0.0 == field ? ($0.0, value) : $0 }
                let response = try await editor.post("/newsroom/partners", fields)
                #expect(response.status == .unprocessableContent, "\(field)=\(value)")
                #expect(response.text.contains(message), "\(field)=\(value)")
            }
            #expect(try await fixture.store.partners().isEmpty)

            let created = try await editor.post("/newsroom/partners", valid)
            #expect(created.status == .seeOther)
            let partner = try #require(try await fixture.store.partners().first)
            #expect(partner.name == "Harbour Courier" && partner.intake.mode == .publish && partner.intake.pollInterval == 1_800)
            #expect(partner.intake.defaultSectionID == fixture.business.id && partner.intake.licenceNote == "Agreement of 1 May 2026")

            let changed = valid.map { $0.0 == "mode" ? ("mode", "draft") : $0.0 == "section" ? ("section", "") : $0 }
            #expect(try await editor.post("/newsroom/partners/\(partner.id)", changed).status == .seeOther)
            let updated = try #require(try await fixture.store.partner(id: partner.id))
            #expect(updated.intake.mode == .draft && updated.intake.defaultSectionID == nil)

            try await fixture.store.recordPoll(partnerID: partner.id, status: PartnerFeedStatus(
                lastPolledAt: Fixture.now, lastError: "the server answered 500 Internal Server Error", nextPollAt: Fixture.now.addingTimeInterval(3_600),
                consecutiveFailures: 2
            ))
            let page = try await editor.get("/newsroom/partners")
            #expect(page.status == .ok)
            #expect(page.text.contains("Failing (2 in a row)") && page.text.contains("the server answered 500 Internal Server Error"))
            #expect(page.text.contains("Agreement of 1 May 2026"))
        }
    }
}

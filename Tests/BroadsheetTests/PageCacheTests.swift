import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import BroadsheetWeb

@Suite("Page cache")
struct PageCacheTests {
    /// The application with its page cache in reach, as `buildApplication` wires it.
    func app(_ fixture: Fixture, megabytes: Int = 8) async throws -> (some ApplicationProtocol, PageCache) {
        let configuration = try testConfiguration([.pageCache: String(megabytes)])
        let dependencies = testDependencies(fixture)
        let cache = PageCache(capacity: configuration.pageCacheBytes)
        let router = try await buildRouter(
            configuration: configuration, dependencies: dependencies,
            feedChanges: FeedChangeNotifier(configuration: configuration, dependencies: dependencies), pageCache: cache
        )
        return (Application(router: router), cache)
    }

    @Test("pages are served from the cache; a publish, an edit and a correction in the newsroom show on the very next request")
    func freshAfterNewsroomChanges() async throws {
        let fixture = try await Fixture.make()
        let ids = try await fixture.add(fixture.story("Council approves new bridge", slug: "council-approves-new-bridge", hoursAgo: 3))
        let (_, password) = try await fixture.account(.editor)
        let (app, cache) = try await app(fixture)
        try await app.test(.router) { client in
            let story = "/2026/11/20/council-approves-new-bridge"
            _ = try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
            _ = try await client.execute(uri: story, method: .get) { #expect($0.status == .ok) }
            let before = cache.statistics.hits
            _ = try await client.execute(uri: "/", method: .get) { #expect($0.text.contains("Council approves new bridge")) }
            #expect(cache.statistics.hits == before + 1)

            // Written straight to the store (as another process would): the cached page does not know yet.
            try await fixture.add(fixture.story("Unannounced story", hoursAgo: 1))
            _ = try await client.execute(uri: "/", method: .get) { #expect(!$0.text.contains("Unannounced story")) }

            let editor = NewsroomBrowser(client)
            _ = try await editor.logIn("editor@example.test", password)
            // Publish: the front page shows it at once (and the story written by "another process" too).
            let created = try await editor.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(fixture, headline: "Ferry returns to service", action: "publish"))
            #expect(created.status == .seeOther)
            _ = try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("Ferry returns to service"))
                #expect(response.text.contains("Unannounced story"))
            }
            // Edit: the story page shows the new standfirst at once.
            let form = try #require(await fixture.store.editableStory(id: ids[0]))
            var fields = NewsroomStoryTests.storyFields(fixture, headline: "Council approves new bridge", action: "save")
            fields = fields.map { $0.0 == "standfirst" ? ("standfirst", "Work starts in the spring.") : $0 }
            fields += [("slug", "council-approves-new-bridge"), ("base_revision", String(form.revisionID ?? 0))]
            #expect(try await editor.postMultipart("/newsroom/stories/\(ids[0])", fields).status == .seeOther)
            _ = try await client.execute(uri: story, method: .get) { #expect($0.text.contains("Work starts in the spring.")) }
            // Correction.
            #expect(try await editor.post("/newsroom/stories/\(ids[0])/corrections", [("kind", "correction"), ("text", "The vote was 9 to 2.")]).status == .seeOther)
            _ = try await client.execute(uri: story, method: .get) { #expect($0.text.contains("The vote was 9 to 2.")) }
        }
    }

    @Test("one reader's text size is never served to another; conditional requests are answered from the cache")
    func variants() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Council approves new bridge", slug: "council-approves-new-bridge", hoursAgo: 3))
        let (app, _) = try await app(fixture)
        try await app.test(.router) { client in
            let story = "/2026/11/20/council-approves-new-bridge"
            // A HEAD answer has no body: it must not become the entry a GET is served from.
            _ = try await client.execute(uri: story, method: .head) { #expect($0.status == .ok && $0.body.readableBytes == 0) }
            _ = try await client.execute(uri: story, method: .get) { #expect($0.text.contains("Council approves new bridge")) }
            _ = try await client.execute(uri: story, method: .head) { #expect($0.status == .ok && $0.body.readableBytes == 0) }
            for _ in 0..<2 {
                _ = try await client.execute(uri: story, method: .get, headers: [.cookie: "text_size=150"]) { #expect($0.text.contains(#"class="text-size-5""#)) }
                _ = try await client.execute(uri: story, method: .get) { #expect(!$0.text.contains("text-size-5") && $0.text.contains(#"class="text-size-1""#)) }
            }
            let tag = try await client.execute(uri: story, method: .get) { try #require($0.headers[.eTag]) }
            _ = try await client.execute(uri: story, method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            _ = try await client.execute(uri: story, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.eTag] != tag)
            }
        }
    }

    @Test("newsroom pages and requests with a newsroom session are never cached or served from the cache")
    func newsroomBypass() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let (app, cache) = try await app(fixture)
        try await app.test(.router) { client in
            let editor = NewsroomBrowser(client)
            _ = try await editor.logIn("editor@example.test", password)
            #expect(try await editor.get("/newsroom").status == .ok)
            #expect(try await editor.get("/newsroom").text.contains("Test Editor"))
            // A reader asking for the same address is sent to sign in, not shown the editor's page.
            _ = try await client.execute(uri: "/newsroom", method: .get) { #expect($0.status == .seeOther) }
            _ = try await client.execute(uri: "/", method: .get, headers: [.cookie: "bs_session=whatever"]) { #expect($0.status == .ok) }
            #expect(cache.entryCount == 0)

            // Newsroom POSTs that change nothing readers see (failed sign-ins here) do not empty the cache: anyone
            // can send them.
            _ = try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
            let generation = cache.generation
            for _ in 0..<3 {
                let stranger = NewsroomBrowser(client)
                #expect(try await stranger.logIn("editor@example.test", "wrong password").status != .seeOther)
            }
            #expect(cache.generation == generation)
            let hits = cache.statistics.hits
            _ = try await client.execute(uri: "/", method: .get) { #expect($0.status == .ok) }
            #expect(cache.statistics.hits == hits + 1)
        }
    }

    @Test("a flood of distinct addresses keeps the cache within its memory bound")
    func boundedUnderFlood() async throws {
        let fixture = try await Fixture.make()
        for index in 0..<5 { try await fixture.add(fixture.story("Story \(index) about the harbour", hoursAgo: Double(index + 1))) }
        let (app, cache) = try await app(fixture, megabytes: 1)
        try await app.test(.router) { client in
            for index in 0..<400 {
                let uri = index.isMultiple(of: 2) ? "/search?q=harbour+\(UUID().uuidString.prefix(8))" : "/?page=1&x=\(index)"
                _ = try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }
                #expect(cache.byteCount <= 1_048_576)
            }
        }
        #expect(cache.entryCount > 10 && cache.entryCount < 400)
    }

    @Test("single flight and stale-while-revalidate: one render per address, others wait or get the stale copy")
    func singleFlight() async throws {
        let cache = PageCache(capacity: 1_000_000)
        let key = PageCache.Key(target: "/", textSize: "", gzip: false)
        guard case .render(let generation) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        guard case .wait(let flight) = cache.lookup(key) else { Issue.record("a second request waits"); return }
        let entry = PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "v1"), generation: generation)
        async let waited = flight.value()
        cache.finish(key, entry: entry)
        #expect(await waited?.body == ByteBuffer(string: "v1"))
        guard case .fresh = cache.lookup(key) else { Issue.record("now cached"); return }
        cache.invalidateAll()
        guard case .render = cache.lookup(key) else { Issue.record("stale: the first request renders again"); return }
        guard case .stale(let stale) = cache.lookup(key) else { Issue.record("others get the stale copy meanwhile"); return }
        #expect(stale.body == ByteBuffer(string: "v1"))
        cache.finish(key, entry: nil)
    }

    @Test("an entry goes stale a minute after it was stored, even with nothing changed: one request rebuilds it, others get the copy")
    func freshForAMinute() {
        let now = Mutex<UInt64>(5_000_000_000)
        func advance(seconds: Double) { now.withLock { $0 += UInt64(seconds * 1_000_000_000) } }
        let cache = PageCache(capacity: 1_000_000, freshFor: .seconds(60), clock: { now.withLock { $0 } })
        let key = PageCache.Key(target: "/", textSize: "", gzip: false)
        guard case .render(let generation) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        cache.finish(key, entry: PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "v1"), generation: generation))
        advance(seconds: 59.9)
        #expect(cache.freshEntry(key)?.body == ByteBuffer(string: "v1"))
        guard case .fresh = cache.lookup(key) else { Issue.record("fresh within the minute"); return }
        advance(seconds: 0.2)
        #expect(cache.freshEntry(key) == nil, "the connection's fast path no longer answers with it")
        guard case .render(let again) = cache.lookup(key) else { Issue.record("a minute on, one request renders again"); return }
        guard case .stale(let stale) = cache.lookup(key) else { Issue.record("others get the copy meanwhile"); return }
        #expect(stale.body == ByteBuffer(string: "v1"))
        cache.finish(key, entry: PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: "v2"), generation: again))
        advance(seconds: 30)
        #expect(cache.freshEntry(key)?.body == ByteBuffer(string: "v2"), "the new copy is fresh for its own minute")
    }

    @Test("a response body is collected whole: one buffer kept as it is, several joined in order, the first left unchanged")
    func collectingBodies() async throws {
        let first = ByteBuffer(string: "<html>first part")
        let one = try await HTTPCachingMiddleware<AppRequestContext>.collect(ResponseBody(byteBuffer: first))
        #expect(one == first)
        let rest = [" second", "", " third</html>"]
        let joined = try await HTTPCachingMiddleware<AppRequestContext>.collect(ResponseBody { writer in
            try await writer.write(first)
            for part in rest { try await writer.write(ByteBuffer(string: part)) }
            try await writer.finish(nil)
        })
        #expect(String(buffer: joined) == "<html>first part" + rest.joined())
        #expect(String(buffer: first) == "<html>first part")
        let empty = try await HTTPCachingMiddleware<AppRequestContext>.collect(ResponseBody())
        #expect(empty.readableBytes == 0)
    }

    @Test("the LRU map evicts the least recently used first")
    func leastRecentlyUsed() {
        var map = LRUMap<Int, String>()
        for key in 0..<5 { map.set(key, "v\(key)") }
        _ = map.get(0)
        #expect(map.removeOldest()?.0 == 1)
        map.remove(2)
        #expect(map.removeOldest()?.0 == 3)
        map.set(9, "v9")
        #expect(map.removeOldest()?.0 == 4)
        #expect(map.removeOldest()?.0 == 0)
        #expect(map.removeOldest()?.0 == 9)
        #expect(map.removeOldest() == nil && map.count == 0)
    }
}

@Suite("Page cache over a real connection")
struct PageCacheLiveTests {
    @Test("fresh pages are answered from the connection's pipeline with the same bytes and headers; changes still show at once; credentials and conditions go through")
    func pipelineAnswers() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Council approves new bridge", slug: "council-approves-new-bridge", hoursAgo: 3))
        let (_, password) = try await fixture.account(.editor)
        let app = try await buildApplication(
            configuration: try testConfiguration([.pageCache: "8"]), dependencies: testDependencies(fixture), runsJobs: false
        )
        try await app.test(.live) { client in
            let story = "/2026/11/20/council-approves-new-bridge"
            let first = try await client.execute(uri: story, method: .get) { $0 }
            let second = try await client.execute(uri: story, method: .get) { $0 }
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.body == second.body)
            for field: HTTPField.Name in [.eTag, .contentType, .contentSecurityPolicy, .cacheControl, .vary] {
                #expect(first.headers[field] == second.headers[field], "\(field)")
            }
            #expect(second.headers[.date] != nil && second.headers[.server] == "Broadsheet")
            // Many requests on one connection, in order, keep working.
            for _ in 0..<50 {
                try await client.execute(uri: story, method: .get) { #expect($0.status == .ok && $0.body == first.body) }
            }
            let tag = try #require(first.headers[.eTag])
            try await client.execute(uri: story, method: .get, headers: [.ifNoneMatch: tag]) { #expect($0.status == .notModified) }

            let editor = NewsroomBrowser(client)
            _ = try await editor.logIn("editor@example.test", password)
            let story2 = try await editor.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(fixture, headline: "Ferry returns to service", action: "publish"))
            #expect(story2.status == .seeOther)
            try await client.execute(uri: "/", method: .get) { #expect($0.text.contains("Ferry returns to service")) }
        }
    }
}

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
        try await fixture.add(fixture.story("Harbour wall repaired", slug: "harbour-wall-repaired", hoursAgo: 4))
        let (app, _) = try await app(fixture)
        try await app.test(.router) { client in
            let story = "/2026/11/20/council-approves-new-bridge"
            // A cookie Hummingbird reads as 175% ("==" included) is kept under 175%, not under the standard size.
            let other = "/2026/11/20/harbour-wall-repaired"
            _ = try await client.execute(uri: other, method: .get, headers: [.cookie: "text_size==175"]) { #expect($0.text.contains(#"class="text-size-6""#)) }
            _ = try await client.execute(uri: other, method: .get) { #expect($0.text.contains(#"class="text-size-1""#)) }
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
            // The router passes over empty segments: "//newsroom/..." is the newsroom too, behind the same gate.
            let login = try await client.execute(uri: "/newsroom/login", method: .get) { $0.headers[.cacheControl] }
            #expect(login?.contains("no-store") == true)
            for path in ["//newsroom/stories", "///newsroom", "//newsroom/users"] {
                _ = try await client.execute(uri: path, method: .get) { #expect($0.status == .seeOther, "\(path)") }
            }
            _ = try await client.execute(uri: "//newsroom/login", method: .get) { #expect($0.headers[.cacheControl] == login) }
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

    /// A cached page of `body` rendered under `ticket`.
    static func entry(_ body: String, _ ticket: PageCache.Ticket) -> PageCache.Entry {
        PageCache.Entry(status: .ok, headers: [:], body: ByteBuffer(string: body), generation: ticket.generation)
    }

    /// Renders `body` for `key` as the first request would, and keeps it.
    static func cache(_ body: String, for key: PageCache.Key, in cache: PageCache) {
        guard case .render(let ticket) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        cache.finish(key, ticket: ticket, entry: entry(body, ticket))
    }

    @Test("single flight and stale-while-revalidate: one render per address, others wait or get the stale copy")
    func singleFlight() async throws {
        let cache = PageCache(capacity: 1_000_000)
        let key = PageCache.Key(target: "/", textSize: "", gzip: false)
        guard case .render(let ticket) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        guard case .wait(let flight) = cache.lookup(key) else { Issue.record("a second request waits"); return }
        async let waited = flight.value()
        cache.finish(key, ticket: ticket, entry: Self.entry("v1", ticket))
        #expect(await waited?.body == ByteBuffer(string: "v1"))
        guard case .fresh = cache.lookup(key) else { Issue.record("now cached"); return }
        cache.invalidateAll()
        guard case .render(let again) = cache.lookup(key) else { Issue.record("stale: the first request renders again"); return }
        guard case .stale(let stale) = cache.lookup(key) else { Issue.record("others get the stale copy meanwhile"); return }
        #expect(stale.body == ByteBuffer(string: "v1"))
        cache.finish(key, ticket: again, entry: Self.entry("v2", again))
        guard case .fresh(let fresh) = cache.lookup(key) else { Issue.record("the rebuilt copy is fresh"); return }
        #expect(fresh.body == ByteBuffer(string: "v2"))
    }

    @Test("a rebuild with nothing to keep (an unpublished story's 404) removes the stale copy: it is not served again")
    func rebuildWithNothingToKeep() async throws {
        let cache = PageCache(capacity: 1_000_000)
        let key = PageCache.Key(target: "/2026/11/20/withdrawn", textSize: "", gzip: false)
        Self.cache("the story", for: key, in: cache)
        cache.invalidateAll()
        guard case .render(let rebuild) = cache.lookup(key) else { Issue.record("after the change, one request rebuilds"); return }
        // The rebuild answers 404: nothing to keep.
        cache.finish(key, ticket: rebuild, entry: nil)
        #expect(cache.entryCount == 0 && cache.byteCount == 0)
        guard case .render(let next) = cache.lookup(key) else { Issue.record("the next request renders"); return }
        // A request meanwhile waits for that render; it is not given the withdrawn story.
        guard case .wait(let flight) = cache.lookup(key) else { Issue.record("a request meanwhile waits"); return }
        async let waited = flight.value()
        cache.finish(key, ticket: next, entry: nil)
        #expect(await waited == nil, "the waiter renders for itself")
    }

    @Test("a render begun before a change is not shared with requests after it; a later copy is not replaced by an earlier one")
    func renderBeforeAChange() async throws {
        let cache = PageCache(capacity: 1_000_000)
        let key = PageCache.Key(target: "/", textSize: "", gzip: false)
        guard case .render(let before) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        guard case .wait(let early) = cache.lookup(key) else { Issue.record("a request before the change waits for it"); return }
        cache.invalidateAll()
        guard case .render(let after) = cache.lookup(key) else { Issue.record("a request after the change renders anew"); return }
        guard case .wait(let late) = cache.lookup(key) else { Issue.record("later requests wait for the new render"); return }
        async let earlyValue = early.value()
        async let lateValue = late.value()
        cache.finish(key, ticket: after, entry: Self.entry("after", after))
        cache.finish(key, ticket: before, entry: Self.entry("before", before))
        #expect(await earlyValue?.body == ByteBuffer(string: "before"))
        #expect(await lateValue?.body == ByteBuffer(string: "after"))
        guard case .fresh(let kept) = cache.lookup(key) else { Issue.record("the new copy is kept"); return }
        #expect(kept.body == ByteBuffer(string: "after"))
    }

    @Test("a render begun before a change never puts back a copy a later rebuild removed; a failed rebuild keeps the copy for the others")
    func olderRenderAndFailures() async throws {
        let cache = PageCache(capacity: 1_000_000)
        let key = PageCache.Key(target: "/2026/11/20/withdrawn", textSize: "", gzip: false)
        Self.cache("the story", for: key, in: cache)
        cache.invalidateAll()
        guard case .render(let slow) = cache.lookup(key) else { Issue.record("a rebuild begins"); return }
        // The story is unpublished while that rebuild is still running; the next request renders anew: a 404.
        cache.invalidateAll()
        guard case .render(let rebuild) = cache.lookup(key) else { Issue.record("a request after the change renders"); return }
        cache.finish(key, ticket: rebuild, entry: nil)
        #expect(cache.entryCount == 0)
        // The slow rebuild, from before the unpublishing, ends with the story: it is not put back.
        cache.finish(key, ticket: slow, entry: Self.entry("the story again", slow))
        #expect(cache.entryCount == 0 && cache.byteCount == 0)
        guard case .render(let next) = cache.lookup(key) else { Issue.record("the next request renders"); return }
        guard case .wait = cache.lookup(key) else { Issue.record("others wait for it, and are not given the story"); return }
        cache.finish(key, ticket: next, entry: nil)

        // A rebuild that fails (a 5xx, an error) leaves the copy, which the others get while one request retries.
        let other = PageCache.Key(target: "/search?q=harbour", textSize: "", gzip: false)
        Self.cache("results", for: other, in: cache)
        cache.invalidateAll()
        guard case .render(let failing) = cache.lookup(other) else { Issue.record("a rebuild begins"); return }
        cache.finish(other, ticket: failing, entry: nil, removingStale: false)
        guard case .render(let retry) = cache.lookup(other) else { Issue.record("the next request retries"); return }
        guard case .stale(let copy) = cache.lookup(other) else { Issue.record("the others get the copy meanwhile"); return }
        #expect(copy.body == ByteBuffer(string: "results"))
        cache.finish(other, ticket: retry, entry: Self.entry("results again", retry))
        guard case .fresh(let fresh) = cache.lookup(other) else { Issue.record("then the new copy"); return }
        #expect(fresh.body == ByteBuffer(string: "results again"))
    }

    @Test("parameters pages do not read are left out of the key: tracking tags share one copy, made-up ones cannot flood the cache, escaped names and fragments are not cached")
    func parametersPagesDoNotRead() async throws {
        let cases: [(String, String?)] = [
            ("/2026/11/20/story?fbclid=IwAR0abc", "/2026/11/20/story"), ("/?utm_source=x&page=2&utm_medium=y", "/?page=2"),
            ("/search?q=harbour&gclid=1&sort=date", "/search?q=harbour&sort=date"), ("/search?sort=date&q=harbour", "/search?sort=date&q=harbour"),
            ("/?%70age=2", nil), ("/?x=1&%71=a", nil), ("/rss.xml", "/rss.xml"), ("/?", "/"), ("/?page=2&page=3", "/?page=2&page=3"),
            // The query ends at a `#` for the router: what follows is not what the page read.
            ("/?x=#&page=2", nil), ("/search?z=#&q=bridge", nil), ("/2026/11/20/story#top", nil),
        ]
        for (target, expected) in cases { #expect(PageCache.cacheTarget(target) == expected, "\(target)") }

        let fixture = try await Fixture.make()
        try await fixture.add(contentsOf: (0..<(FrontPage.pageSize + 2)).map { fixture.story("Story \($0) about the harbour", hoursAgo: Double($0 + 1)) })
        let (app, cache) = try await app(fixture)
        try await app.test(.router) { client in
            let front = try await client.execute(uri: "/", method: .get) { $0.text }
            let hits = cache.statistics.hits
            // A click on a shared link, with its own tag: the cached copy.
            _ = try await client.execute(uri: "/?fbclid=IwAR0abc&utm_source=share", method: .get) { #expect($0.text == front) }
            #expect(cache.statistics.hits == hits + 1)
            // A name written with escapes is read as the page it names, and not kept under another key.
            _ = try await client.execute(uri: "/?%70age=2", method: .get) { #expect($0.text.contains("Older stories, page 2")) }
            _ = try await client.execute(uri: "/", method: .get) { #expect($0.text == front) }
            let entries = cache.entryCount
            for index in 0..<50 { _ = try await client.execute(uri: "/?x=\(index)", method: .get) { #expect($0.status == .ok) } }
            #expect(cache.entryCount == entries, "made-up parameters add no entries")
        }
    }

    @Test("bodies are kept in storage of their own size and counted as allocated, so the bound is what the cache holds")
    func countedAsAllocated() async throws {
        // A small gzip body in a buffer sized for the page it came from, as compression hands it over.
        var roomy = ByteBufferAllocator().buffer(capacity: 65_536)
        roomy.writeString(String(repeating: "x", count: 9_000))
        let entry = PageCache.Entry(status: .ok, headers: [:], body: roomy, generation: 0)
        #expect(entry.body.capacity <= 16_384 && entry.body.readableBytes == 9_000)
        #expect(entry.body == roomy)
        let key = PageCache.Key(target: "/", textSize: "", gzip: true)
        #expect(entry.cost(key) >= entry.body.capacity + entry.wireHead.capacity)

        // Through the application: every kept entry, plain and gzip, counts at least its buffers' storage.
        let fixture = try await Fixture.make()
        try await fixture.add(contentsOf: (0..<(FrontPage.pageSize + 2)).map { fixture.story("Story \($0) about the harbour", hoursAgo: Double($0 + 1)) })
        let (app, cache) = try await app(fixture)
        try await app.test(.router) { client in
            for path in ["/", "/rss.xml", "/?page=2", "/search?q=harbour"] {
                _ = try await client.execute(uri: path, method: .get) { #expect($0.status == .ok) }
                _ = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip"]) { #expect($0.headers[.contentEncoding] == "gzip") }
            }
        }
        #expect(cache.entryCount == 8)
        #expect(cache.byteCount >= cache.allocatedBodyBytes)
    }

    @Test("an address's length counts toward the memory bound")
    func longAddressesCount() {
        let cache = PageCache(capacity: 200_000)
        for index in 0..<40 {
            let key = PageCache.Key(target: "/?x=\(index)" + String(repeating: "a", count: 20_000), textSize: "", gzip: false)
            guard case .render(let ticket) = cache.lookup(key) else { Issue.record("each address renders"); return }
            cache.finish(key, ticket: ticket, entry: Self.entry("tiny", ticket))
            #expect(cache.byteCount <= 200_000)
            #expect(cache.byteCount >= cache.entryCount * 20_000)
        }
        #expect(cache.entryCount < 10)
    }

    @Test("an entry goes stale a minute after it was stored, even with nothing changed: one request rebuilds it, others get the copy")
    func freshForAMinute() {
        let now = Mutex<UInt64>(5_000_000_000)
        func advance(seconds: Double) { now.withLock { $0 += UInt64(seconds * 1_000_000_000) } }
        let cache = PageCache(capacity: 1_000_000, freshFor: .seconds(60), clock: { now.withLock { $0 } })
        let key = PageCache.Key(target: "/", textSize: "", gzip: false)
        guard case .render(let ticket) = cache.lookup(key) else { Issue.record("the first request renders"); return }
        cache.finish(key, ticket: ticket, entry: Self.entry("v1", ticket))
        advance(seconds: 59.9)
        #expect(cache.freshEntry(key)?.body == ByteBuffer(string: "v1"))
        guard case .fresh = cache.lookup(key) else { Issue.record("fresh within the minute"); return }
        advance(seconds: 0.2)
        #expect(cache.freshEntry(key) == nil, "the connection's fast path no longer answers with it")
        guard case .render(let again) = cache.lookup(key) else { Issue.record("a minute on, one request renders again"); return }
        guard case .stale(let stale) = cache.lookup(key) else { Issue.record("others get the copy meanwhile"); return }
        #expect(stale.body == ByteBuffer(string: "v1"))
        cache.finish(key, ticket: again, entry: Self.entry("v2", again))
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

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import Testing

@testable import BroadsheetWeb

@Suite("Cached answers before the HTTP decoder")
struct CachedBytesTests {
    static func scan(_ text: String) -> RawRequestScan {
        RawRequestScan(ByteBuffer(string: text))
    }

    @Test("one plain GET is read off the wire: target, every cookie, accept-encoding; field names in any case")
    func readerGets() {
        let request = "GET /world?page=2 HTTP/1.1\r\nHost: news.example.test\r\ncOOkie: text_size=112.5\r\nCookie: theme=dark\r\n"
            + "Accept-Encoding:  gzip, br \r\nConnection: Keep-Alive\r\n\r\n"
        #expect(Self.scan(request) == .readerGet(RawReaderRequest(
            target: "/world?page=2", cookies: ["text_size=112.5", "theme=dark"], acceptEncoding: "gzip, br"
        )))
        #expect(Self.scan("GET / HTTP/1.1\r\n\r\n") == .readerGet(RawReaderRequest(target: "/", cookies: [], acceptEncoding: nil)))
        // Its cache key is the middleware's for the same request: the cookie's text size, gzip accepted.
        guard case .readerGet(let parsed) = Self.scan(request) else { return }
        #expect(parsed.cacheKey == PageCache.readerKey(
            path: "/world", target: "/world?page=2",
            headers: [.cookie: "text_size=112.5", .acceptEncoding: "gzip, br"]
        ))
        #expect(parsed.cacheKey?.textSize == TextSize(cookieValue: "112.5").cssClass && parsed.cacheKey?.gzip == true)
    }

    @Test("one whole HTTP/1.1 request the cache must not answer from here: other methods, conditions, credentials")
    func wholeButNotAnswerable() {
        for request in [
            "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /preferences/text-size HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
            "get / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /caf\u{e9} HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nIf-None-Match: W/\"abc\"\r\n\r\n",
            "GET / HTTP/1.1\r\nif-modified-since: Sat, 05 Dec 2026 08:00:00 GMT\r\n\r\n",
            "GET / HTTP/1.1\r\nAuthorization: Basic eDp5\r\n\r\n",
        ] {
            #expect(Self.scan(request) == .whole, "\(request.debugDescription)")
        }
    }

    @Test("anything else is left to the decoder: part of a request, two requests, a body to come, a connection that changes, odd framing")
    func leftToTheDecoder() {
        let manyFields = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: 1\r\n", count: RawRequestScan.maximumFields + 1) + "\r\n"
        for request in [
            "",
            "GET / HTTP/1.1\r\nHost: x\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /world HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /wor",
            "POST /newsroom/login HTTP/1.1\r\nHost: x\r\nContent-Length: 27\r\n\r\n",
            "POST /newsroom/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na=b",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: \r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
            "GET / HTTP/1.0\r\nHost: x\r\n\r\n",
            "CONNECT news.example.test:443 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
            "GET / HTTP/1.1\r\nUpgrade: h2c\r\n\r\n",
            "GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
            "GET / HTTP/1.1\r\nX-Long: one\r\n two\r\n\r\n",
            "GET / HTTP/1.1\nHost: x\n\n",
            "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
            "GET / HTTP/1.1\r\nX@y: 1\r\n\r\n",
            "GET / HTTP/1.1\r\n: empty name\r\n\r\n",
            "GET / HTTP/1.1\r\nX-Nul: a\u{0}b\r\n\r\n",
            "GET/HTTP/1.1\r\n\r\n",
            manyFields,
        ] {
            #expect(Self.scan(request) == .other, "\(request.prefix(80).debugDescription)")
        }
        #expect(Self.scan("GET / HTTP/1.1\r\n" + String(repeating: "X-A: 1\r\n", count: RawRequestScan.maximumFields) + "\r\n") != .other)
    }

    @Test("Accept-Encoding read in place agrees with the general reading on every combination of tricky pieces")
    func gzipInPlace() {
        typealias Caching = HTTPCachingMiddleware<AppRequestContext>
        let pieces = ["gzip", "GZip", " x-gzip ", "*", "br", "gzip;q=0", "gzip; Q=0.5", "*;q=0", "q=1", ";gzip", "gzip;;q=0", "\tgzip\t;q=0.0", "gzip;q=abc", ""]
        var checked = 0
        for first in pieces {
            for second in pieces {
                for separator in [",", ", ", ";"] {
                    let header = first + separator + second
                    #expect(Caching.acceptsGzipASCII(header) == Caching.acceptsGzipGeneral(header), "\(header.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked == pieces.count * pieces.count * 3)
        #expect(Caching.acceptsGzipASCII("gzip, deflate, br") == true && Caching.acceptsGzipASCII("gzip;q=0, deflate") == false)
        // Not ASCII: the general reading decides.
        #expect(Caching.acceptsGzipASCII("gzip;q=0,\u{a0}gzip") == nil)
        #expect(Caching.acceptsGzip("br,\u{a0}gzip") == Caching.acceptsGzipGeneral("br,\u{a0}gzip"))
    }

    @Test("the session and text-size cookies read in place agree with Hummingbird's Cookies")
    func cookiesInPlace() throws {
        let cases: [[String]] = [
            ["text_size=112.5"], ["a=1; text_size=125; b=2"], ["  text_size=150"], ["text_size =150"], ["text_size=87.5; text_size=175"],
            ["a=1", "text_size=137.5"], ["bs_session=abc"], ["x=1;bs_session=abc"], ["\tbs_session=abc; text_size=125"],
            ["bs_session_other=1; xbs_session=2"], ["bs_session"], ["=bs_session"], ["text_size=1=2"], [";;; ;text_size=112.5;"],
            ["theme=dark", "other=1"],
            // Values as Hummingbird reads them: the run of "=" after the name skipped, nothing after it no value.
            ["text_size==175"], ["text_size===150; a=1"], ["text_size="], ["text_size=; text_size=175"], ["text_size==="],
            ["a=1; text_size= =125"],
        ]
        for fields in cases {
            let fast = try #require(ReaderCookies(fields), "\(fields)")
            let cookies = Cookies(from: fields)
            #expect(fast.hasSession == (cookies[NewsroomRoute.sessionCookie] != nil), "\(fields)")
            #expect(fast.textSize == cookies[TextSize.cookieName]?.value, "\(fields)")
        }
        // Not ASCII: Hummingbird's reading decides (its blanks are Unicode's).
        #expect(ReaderCookies(["\u{a0}bs_session=abc"]) == nil)
        #expect(PageCache.readerKey(path: "/", target: "/", hasCredentials: false, cookieHeaders: ["\u{a0}bs_session=abc"], acceptEncoding: nil) == nil)
    }

    /// A cache holding `body` for `target` at the standard text size, without gzip.
    static func cache(target: String, body: String) -> PageCache {
        let cache = PageCache(capacity: 1 << 20)
        let key = PageCache.Key(target: target, textSize: TextSize.standard.cssClass, gzip: false)
        guard case .render(let ticket) = cache.lookup(key) else { return cache }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(body.utf8.count)
        headers[.eTag] = "W/\"1\""
        cache.finish(key, ticket: ticket, entry: PageCache.Entry(status: .ok, headers: headers, body: ByteBuffer(string: body), generation: ticket.generation))
        return cache
    }

    /// A connection's pipeline as the server builds it, without the encoder: the handler, NIO's decoder, the
    /// conversion to HTTP types and `CachedResponseHandler`. What reaches the end stands for the application.
    static func pipeline(_ cache: PageCache) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        let lane = CachedResponseHandler(cache: cache)
        try channel.pipeline.syncOperations.addHandler(CachedBytesHandler(cache: cache, lane: lane))
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes)))
        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
        try channel.pipeline.syncOperations.addHandler(lane)
        return channel
    }

    /// What went out: the bytes `CachedBytesHandler` wrote, and the statuses of heads answered after the decoder.
    static func written(_ channel: EmbeddedChannel) throws -> (bytes: String, decodedAnswers: [Int]) {
        var bytes = ""
        var statuses: [Int] = []
        while let item = try channel.readOutbound(as: Any.self) {
            switch item {
            case let buffer as ByteBuffer: bytes += String(buffer: buffer)
            case let data as IOData: if case .byteBuffer(let buffer) = data { bytes += String(buffer: buffer) }
            case let part as HTTPServerResponsePart: if case .head(let head) = part { statuses.append(Int(head.status.code)) }
            default: break
            }
        }
        return (bytes, statuses)
    }

    /// The paths of the requests that reached the application.
    static func forwarded(_ channel: EmbeddedChannel) throws -> [String] {
        var paths: [String] = []
        while let part = try channel.readInbound(as: HTTPRequestPart.self) {
            if case .head(let request) = part { paths.append(request.path ?? "") }
        }
        return paths
    }

    /// The application finishes its answer to one request.
    static func answer(_ channel: EmbeddedChannel) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
    }

    @Test("a fresh page is answered with the entry's bytes and nothing reaches the decoder; misses, stale pages and sessions go on")
    func answersOnlyFreshPages() throws {
        let cache = Self.cache(target: "/story", body: "<p>cached</p>")
        let channel = try Self.pipeline(cache)
        let request = "GET /story HTTP/1.1\r\nHost: x\r\n\r\n"

        try channel.writeInbound(ByteBuffer(string: request))
        let answer = try Self.written(channel).bytes
        #expect(try Self.forwarded(channel).isEmpty)
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(answer.hasSuffix("\r\n\r\n<p>cached</p>"))
        for line in ["\r\nContent-Type: text/html; charset=utf-8\r\n", "\r\nContent-Length: 13\r\n", "\r\nETag: W/\"1\"\r\n", "\r\nDate: ", "\r\nServer: Broadsheet\r\n"] {
            #expect(answer.contains(line), "\(line.debugDescription)")
        }

        for (path, fields) in [
            ("/other", ""),
            ("/story", "Cookie: text_size=125\r\n"),
            ("/story", "Cookie: bs_session=abc\r\n"),
            ("/story", "Accept-Encoding: gzip\r\n"),
            ("/story", "If-None-Match: W/\"1\"\r\n"),
        ] {
            try channel.writeInbound(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: x\r\n\(fields)\r\n"))
            #expect(try Self.forwarded(channel) == [path], "\(fields)")
            try Self.answer(channel)
            #expect(try Self.written(channel).bytes.isEmpty)
        }

        cache.invalidateAll()
        try channel.writeInbound(ByteBuffer(string: request))
        #expect(try Self.forwarded(channel) == ["/story"])
        #expect(try Self.written(channel).bytes.isEmpty)
    }

    @Test("after a read the decoder must judge (half a request), later reads go to the decoder; fresh pages are answered after it")
    func passesThroughAfterOddReads() throws {
        let cache = Self.cache(target: "/story", body: "<p>cached</p>")
        let channel = try Self.pipeline(cache)
        try channel.writeInbound(ByteBuffer(string: "GET /story HTTP/1.1\r\nHo"))
        try channel.writeInbound(ByteBuffer(string: "st: x\r\n\r\n"))
        try channel.writeInbound(ByteBuffer(string: "GET /story HTTP/1.1\r\nHost: x\r\n\r\n"))
        let out = try Self.written(channel)
        #expect(out.bytes.isEmpty)
        #expect(out.decodedAnswers == [200, 200])
        #expect(try Self.forwarded(channel).isEmpty)
    }

    @Test("a request the decoder refuses leaves the connection to the decoder: nothing is answered ahead of its error")
    func refusedRequest() throws {
        let cache = Self.cache(target: "/story", body: "<p>cached</p>")
        let channel = try Self.pipeline(cache)
        #expect(Self.scan("get /story HTTP/1.1\r\nHost: x\r\n\r\n") == .whole)
        #expect(throws: (any Error).self) { try channel.writeInbound(ByteBuffer(string: "get /story HTTP/1.1\r\nHost: x\r\n\r\n")) }
        _ = try? channel.writeInbound(ByteBuffer(string: "GET /story HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(try Self.written(channel).bytes.isEmpty)
    }

    @Test("while the application is answering an earlier request, a fresh page is not answered ahead of it")
    func neverOvertakes() throws {
        let cache = Self.cache(target: "/story", body: "<p>cached</p>")
        let channel = try Self.pipeline(cache)
        let request = "GET /story HTTP/1.1\r\nHost: x\r\n\r\n"

        // An earlier request (not cached) goes on to the application, which is still answering it.
        try channel.writeInbound(ByteBuffer(string: "GET /search?q=bridge HTTP/1.1\r\nHost: x\r\n\r\n"))
        try channel.writeInbound(ByteBuffer(string: request))
        #expect(try Self.forwarded(channel) == ["/search?q=bridge", "/story"])
        #expect(try Self.written(channel).bytes.isEmpty)

        // Both answers end: the next one is answered here again.
        try Self.answer(channel)
        try Self.answer(channel)
        _ = try Self.written(channel)
        try channel.writeInbound(ByteBuffer(string: request))
        #expect(try Self.forwarded(channel).isEmpty)
        #expect(try Self.written(channel).bytes.hasSuffix("<p>cached</p>"))
    }

    @Test("over a real connection: a cached page's bytes match the application's; split and pipelined requests are answered whole and in order")
    func realConnection() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Council approves new bridge", slug: "council-approves-new-bridge", hoursAgo: 3))
        let app = try await buildApplication(
            configuration: try testConfiguration([.pageCache: "8"]), dependencies: testDependencies(fixture), runsJobs: false
        )
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let story = "/2026/11/20/council-approves-new-bridge"
            // The socket work runs on a thread of its own; what it read is checked here.
            let (rendered, cached, pair, splits) = try await blocking {
                let connection = try RawHTTPConnection(port: port)
                let get = { (path: String) in "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" }
                // The first request renders the page; the second is answered from the cache before the decoder.
                try connection.send(get(story))
                let rendered = try connection.responses(1)[0]
                try connection.send(get(story))
                let cached = try connection.responses(1)[0]
                // Two requests in one write: both answered, in order, the front page second.
                try connection.send(get(story) + get("/"))
                let pair = try connection.responses(2)
                // A request split across two writes, on this connection (now passing everything on) and on a new
                // one; each followed by a plain one.
                var splits: [RawHTTPConnection.Response] = []
                for split in [connection, try RawHTTPConnection(port: port)] {
                    try split.send("GET \(story) HTTP/1.1\r\nHo")
                    Thread.sleep(forTimeInterval: 0.05)
                    try split.send("st: 127.0.0.1\r\n\r\n")
                    splits += try split.responses(1)
                    try split.send(get(story))
                    splits += try split.responses(1)
                }
                return (rendered, cached, pair, splits)
            }
            #expect(rendered.status == 200 && cached.status == 200)
            #expect(cached.body == rendered.body && !cached.body.isEmpty)
            for name in ["content-type", "content-length", "etag", "cache-control", "vary", "content-security-policy", "last-modified"] {
                #expect(cached.header(name) == rendered.header(name), "\(name)")
            }
            #expect(cached.header("server") == "Broadsheet" && cached.header("date") != nil)
            #expect(pair.count == 2 && pair[0].body == rendered.body)
            #expect(String(decoding: pair[1].body, as: UTF8.self).contains("Council approves new bridge"))
            #expect(pair[1].body != rendered.body)
            #expect(splits.count == 4 && splits.allSatisfy { $0.status == 200 && $0.body == rendered.body })
        }
    }
}

import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird

/// Serves anonymous readers' GET and HEAD requests from the `PageCache`. It is the outermost middleware, so what it
/// keeps carries every header (validators, Cache-Control, security headers, gzip when the reader accepts it);
/// conditional requests are answered from the entry. Only GET requests fill the cache (a HEAD answer has no body).
///
/// Bypassed: the newsroom, anything with a newsroom session cookie or credentials, and other methods. After a
/// newsroom POST (every change to stories, corrections, sections, authors, tags or partners is one), the store's
/// content version is read: if the POST changed what readers see, the whole cache is dropped before the answer goes
/// out, so the very next request shows the change; sign-ins and other POSTs that change nothing readers see leave
/// it alone. Responses that set cookies or say `no-store`/`private`, and statuses other than 200, are not kept.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache
    /// Without it, every newsroom POST drops the cache.
    let versions: (any ContentVersionReading)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head,
              let key = PageCache.readerKey(path: request.uri.path, target: request.uri.description, headers: request.headers)
        else {
            let response = try await next(request, context)
            if request.method == .post, NewsroomRoute.isNewsroom(request.uri.path) { await contentMayHaveChanged() }
            return response
        }
        if request.method == .head {
            if let entry = cache.freshEntry(key) { return Self.response(entry, for: request).createHeadResponse() }
            return try await next(request, context)
        }
        switch cache.lookup(key) {
        case .fresh(let entry), .stale(let entry):
            return Self.response(entry, for: request)
        case .wait(let flight):
            if let entry = await flight.value() { return Self.response(entry, for: request) }
            return try await next(request, context)
        case .render(let ticket):
            // Rendered unconditionally, so that the entry has a body; the condition is checked against the entry.
            var head = request.head
            head.headerFields[.ifNoneMatch] = nil
            head.headerFields[.ifModifiedSince] = nil
            let unconditional = Request(head: head, body: request.body)
            // The render ends (`finish`) whatever happens, or the requests waiting for it would wait for ever.
            let response: Response
            let entry: PageCache.Entry?
            do {
                response = try await next(unconditional, context)
                entry = try await Self.entry(response, generation: ticket.generation)
            } catch {
                // A failure, not an answer: the copy from before (if any) stays for the others.
                cache.finish(key, ticket: ticket, entry: nil, removingStale: false)
                throw error
            }
            // An answer that is not kept removes the copy from before, unless it is a failure (5xx) to retry.
            cache.finish(key, ticket: ticket, entry: entry, removingStale: response.status.code < 500)
            guard let entry else { return response }
            return Self.response(entry, for: request)
        }
    }

    private func contentMayHaveChanged() async {
        guard let versions, let version = try? await versions.contentVersion() else {
            cache.invalidateAll()
            return
        }
        cache.observe(version: version)
    }

    /// The response as an entry, if it may be kept.
    static func entry(_ response: Response, generation: UInt64) async throws -> PageCache.Entry? {
        guard response.status == .ok, response.headers[.setCookie] == nil else { return nil }
        let control = response.headers[.cacheControl]?.lowercased() ?? ""
        guard !ASCIISearch.contains(control, "no-store"), !ASCIISearch.contains(control, "private") else { return nil }
        let body = try await HTTPCachingMiddleware<Context>.collect(response.body)
        var headers = response.headers
        headers[.contentLength] = String(body.readableBytes)
        return PageCache.Entry(status: response.status, headers: headers, body: body, generation: generation)
    }

    /// The entry as an answer to `request`: 304 when the reader already has it, 412 when a precondition fails.
    static func response(_ entry: PageCache.Entry, for request: Request) -> Response {
        if let tag = entry.headers[.eTag],
           let status = HTTPCachingMiddleware<Context>.conditionalStatus(
               request: request.headers, tag: tag, lastModified: entry.headers[.lastModified].flatMap { InternetDate.parseHTTPDate($0) }
           ) {
            return HTTPCachingMiddleware<Context>.conditionalResponse(status, headers: entry.headers)
        }
        return Response(status: entry.status, headers: entry.headers, body: .init(byteBuffer: entry.body))
    }
}

extension PageCache {
    /// The cache key of a reader's request, or nil when the cache must not answer it: the newsroom, or a request with
    /// credentials or a newsroom session. The middleware and the pipeline handler both ask here. The text size is
    /// the one the page will be rendered at, so that odd cookie values share the standard size's entry.
    static func readerKey(path: String, target: String, headers: HTTPFields) -> Key? {
        readerKey(
            path: path, target: target, hasCredentials: headers[.authorization] != nil, cookieHeaders: headers[values: .cookie],
            acceptEncoding: headers[.acceptEncoding]
        )
    }

    /// The same, from the parts of a request that matter (`CachedBytesHandler` reads them off the wire).
    static func readerKey(path: String, target: String, hasCredentials: Bool, cookieHeaders: [String], acceptEncoding: String?) -> Key? {
        guard !NewsroomRoute.isNewsroom(path), !hasCredentials, let target = cacheTarget(target) else { return nil }
        let textSize: TextSize
        if cookieHeaders.isEmpty {
            textSize = .standard
        } else if let cookies = ReaderCookies(cookieHeaders) {
            guard !cookies.hasSession else { return nil }
            textSize = TextSize(cookieValue: cookies.textSize)
        } else {
            let cookies = Cookies(from: cookieHeaders)
            guard cookies[NewsroomRoute.sessionCookie] == nil else { return nil }
            textSize = TextSize(cookieValue: cookies[TextSize.cookieName]?.value)
        }
        return Key(target: target, textSize: textSize.cssClass, gzip: HTTPCachingMiddleware<AppRequestContext>.acceptsGzip(acceptEncoding))
    }
}

extension PageCache {
    /// The query parameters readers' pages read. Others change nothing on a page: tracking tags (`utm_source`,
    /// `fbclid`, a new value for every click on a shared link), or anything made up.
    static let readerParameters: Set<Substring> = ["page", "q", "section", "author", "tag", "from", "to", "sort"]

    /// The request target as the cache keys it: the path, and only the parameters pages read, as they came and in their
    /// order. A story shared widely arrives with a different tag on every click; all of them get the one copy, and a
    /// flood of made-up parameters cannot push other pages out. Nil (not cached) when a parameter's name is written
    /// with escapes, which could decode to a name a page reads, and when the target has a `#`: Hummingbird ends the
    /// query there, so parameters after it would name a page the request never saw (`/?x=#&page=2` is the front page).
    static func cacheTarget(_ target: String) -> String? {
        guard !target.utf8.contains(UInt8(ascii: "#")) else { return nil }
        guard let mark = target.firstIndex(of: "?") else { return target }
        var kept: [Substring] = []
        for pair in target[target.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: true) {
            let name = pair.prefix { $0 != "=" }
            if readerParameters.contains(name) {
                kept.append(pair)
            } else if name.contains("%") {
                return nil
            }
        }
        let path = target[..<mark]
        return kept.isEmpty ? String(path) : path + "?" + kept.joined(separator: "&")
    }
}

/// The two cookies the page cache needs, read from `Cookie` fields in place as Hummingbird's `Cookies` reads them:
/// pieces split at semicolons across the fields in order, leading blanks dropped, the name before the first `=`, the
/// first piece with a name winning, its value after the run of `=`. (The page is rendered at the size Hummingbird
/// reads; a key read differently would keep one reader's size under another's key.) Only for printable ASCII (what
/// browsers send); otherwise nil, and `Cookies` itself decides (its idea of a blank is Unicode's).
struct ReaderCookies {
    var hasSession = false
    var textSize: String?

    init?(_ fields: [String]) {
        var sawTextSize = false
        for field in fields {
            var field = field
            let fine = field.withUTF8 { bytes -> Bool in
                for byte in bytes where (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte > 0x7E { return false }
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                    var nameStart = start
                    while nameStart < end, bytes[nameStart] == UInt8(ascii: " ") || bytes[nameStart] == UInt8(ascii: "\t") { nameStart += 1 }
                    var equals = nameStart
                    while equals < end, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                    if equals < end {
                        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<equals])
                        if !hasSession, name.elementsEqual(NewsroomRoute.sessionCookie.utf8) { hasSession = true }
                        if !sawTextSize, name.elementsEqual(TextSize.cookieName.utf8) {
                            sawTextSize = true
                            // As Hummingbird's `Cookie` reads a value: every "=" after the name is skipped
                            // ("text_size==175" is 175), and a cookie with nothing after them has no value.
                            var valueStart = equals
                            while valueStart < end, bytes[valueStart] == UInt8(ascii: "=") { valueStart += 1 }
                            textSize = valueStart < end
                                ? String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self) : nil
                        }
                    }
                    start = end + 1
                }
                return true
            }
            guard fine else { return nil }
        }
    }
}

import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird

/// Serves anonymous readers' GET and HEAD requests from the `PageCache`. It sits outside the HTTP caching
/// middleware, so what it keeps already carries its ETag, Last-Modified, Cache-Control and (when the reader accepts
/// it) gzip; conditional requests are answered from the entry.
///
/// Bypassed: the newsroom, anything with a newsroom session cookie or credentials, and other methods. A newsroom
/// POST (every change to stories, corrections, sections, authors, tags or partners goes through one) invalidates the
/// whole cache once it is answered, so the very next reader request sees the change. Responses that set cookies or
/// say `no-store`/`private`, and statuses other than 200, are not kept.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isNewsroom = path == "/newsroom" || path.hasPrefix("/newsroom/")
        guard request.method == .get || request.method == .head, !isNewsroom, !Self.hasCredentials(request.headers) else {
            let response = try await next(request, context)
            if isNewsroom, request.method == .post { cache.invalidateAll() }
            return response
        }
        let key = PageCache.Key(
            target: request.uri.description,
            textSize: Self.cookie("text_size", in: request.headers) ?? "",
            gzip: HTTPCachingMiddleware<Context>.acceptsGzip(request.headers[.acceptEncoding])
        )
        switch cache.lookup(key) {
        case .fresh(let entry), .stale(let entry):
            return Self.response(entry, for: request)
        case .wait(let flight):
            if let entry = await flight.value() { return Self.response(entry, for: request) }
            return try await next(request, context)
        case .render(let generation):
            // Rendered unconditionally, so that the entry has a body; the condition is checked against the entry.
            var head = request.head
            head.headerFields[.ifNoneMatch] = nil
            head.headerFields[.ifModifiedSince] = nil
            let unconditional = Request(head: head, body: request.body)
            let response: Response
            do {
                response = try await next(unconditional, context)
            } catch {
                cache.finish(key, entry: nil)
                throw error
            }
            guard let entry = try await Self.entry(response, generation: generation) else {
                cache.finish(key, entry: nil)
                return response
            }
            cache.finish(key, entry: entry)
            return Self.response(entry, for: request)
        }
    }

    /// The response as an entry, if it may be kept.
    static func entry(_ response: Response, generation: UInt64) async throws -> PageCache.Entry? {
        guard response.status == .ok, response.headers[.setCookie] == nil else { return nil }
        let control = response.headers[.cacheControl]?.lowercased() ?? ""
        guard !control.contains("no-store"), !control.contains("private") else { return nil }
        let body = try await HTTPCachingMiddleware<Context>.collect(response.body)
        var headers = response.headers
        headers[.contentLength] = String(body.readableBytes)
        return PageCache.Entry(status: response.status, headers: headers, body: body, generation: generation)
    }

    /// The entry as an answer to `request`: 304 when the reader already has it.
    static func response(_ entry: PageCache.Entry, for request: Request) -> Response {
        if let tag = entry.headers[.eTag],
           HTTPCachingMiddleware<Context>.isNotModified(
               request: request.headers, tag: tag, lastModified: entry.headers[.lastModified].flatMap(InternetDate.parseHTTPDate) ?? .distantFuture
           ) {
            var headers = entry.headers
            headers[.contentType] = nil
            headers[.contentLength] = nil
            return Response(status: .notModified, headers: headers, body: .init())
        }
        return Response(status: entry.status, headers: entry.headers, body: .init(byteBuffer: entry.body))
    }

    static func hasCredentials(_ headers: HTTPFields) -> Bool {
        headers[.authorization] != nil || cookie("bs_session", in: headers) != nil
    }

    /// One cookie's value from the Cookie header(s).
    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}

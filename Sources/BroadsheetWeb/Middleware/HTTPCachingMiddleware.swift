import BroadsheetCore
import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird

/// Makes pages and feeds cheap to poll: a validator (ETag) and Last-Modified on every successful GET, 304 Not
/// Modified when the client already has that version, a Cache-Control lifetime where the route did not choose one,
/// and gzip when the client accepts it. The newsroom is left alone: it is private and never cached.
///
/// The ETag is a hash of the body, so every app server behind a load balancer gives the same one for the same
/// page. Last-Modified is since when this server has served that address as it is now: a page is assembled from
/// many stories, so no single stored date describes it, but this moves forward exactly when the page changes (after
/// a restart it is the restart time, which only costs one full download). Clients that send If-None-Match, as feed
/// readers and browsers do, are answered by the ETag alone.
struct HTTPCachingMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxAge: Int
    let clock: any WallClock
    let versions: VersionTimes
    /// The Cache-Control value for routes that choose none, built once.
    private let defaultCacheControl: String

    init(maxAge: Int, clock: any WallClock, versions: VersionTimes = VersionTimes()) {
        self.maxAge = maxAge
        defaultCacheControl = "public, max-age=\(maxAge)"
        self.clock = clock
        self.versions = versions
    }

    /// Pages are compressed on every request, so a fast level: level 3 costs a fraction of the default (6) and
    /// gives up a few per cent of size (bench/caching.sh).
    static var gzipSettings: ZlibConfiguration { ZlibConfiguration(windowSize: 15, compressionLevel: Int32(3), memoryLevel: 8, strategy: .default) }

    /// Bodies smaller than this are sent as they are: gzip would save too little to matter.
    static var compressionThreshold: Int { 1_024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, !NewsroomRoute.isNewsroom(request.uri.path) else {
            return try await next(request, context)
        }
        var response = try await next(request, context)
        if response.headers[.cacheControl] == nil, response.status == .ok || response.status == .notFound {
            response.headers[.cacheControl] = defaultCacheControl
        }
        guard response.status == .ok, response.headers[.contentEncoding] == nil else { return response }
        let compressible = Self.isCompressible(response.headers[.contentType])
        let gzip = compressible && Self.acceptsGzip(request.headers[.acceptEncoding])
        // Fingerprinted assets and images never change at their address: no validator needed, and a picture is
        // not worth reading into memory only to hash it.
        let immutable = response.headers[.cacheControl].map { ASCIISearch.contains($0, "immutable") } ?? false
        if immutable, !gzip {
            if compressible { response.headers[.vary] = Self.adding("Accept-Encoding", to: response.headers[.vary]) }
            return response
        }
        var body = try await Self.collect(response.body)
        let compresses = gzip && body.readableBytes >= Self.compressionThreshold
        if compressible { response.headers[.vary] = Self.adding("Accept-Encoding", to: response.headers[.vary]) }

        if !immutable {
            // The gzip form is a different sequence of bytes, so it gets its own validator (RFC 9110, section 8.8.3).
            let tag = Self.entityTag(of: body, gzip: compresses)
            let variesByCookie = response.headers[.vary].map { ASCIISearch.contains($0, "cookie", ignoringCase: true) } ?? false
            let variant = variesByCookie ? (request.headers[.cookie] ?? "") : ""
            let firstSeen = versions.since(url: request.uri.description, variant: variant, gzip: compresses, tag: tag, now: clock.now())
            response.headers[.eTag] = tag
            if let firstSeen { response.headers[.lastModified] = InternetDate.rfc822(firstSeen) }
            if let status = Self.conditionalStatus(request: request.headers, tag: tag, lastModified: firstSeen) {
                return Self.conditionalResponse(status, headers: response.headers)
            }
        }
        if compresses {
            let compressed = try body.compress(with: .gzip(configuration: Self.gzipSettings))
            response.headers[.contentEncoding] = "gzip"
            response.headers[.contentLength] = String(compressed.readableBytes)
            response.body = .init(byteBuffer: compressed)
        } else {
            response.headers[.contentLength] = String(body.readableBytes)
            response.body = .init(byteBuffer: body)
        }
        return response
    }

    // MARK: - Pieces, static so tests can reach them

    /// A weak validator from the body's bytes (a 64-bit hash and the length), marked "-gz" for the gzip form.
    static func entityTag(of body: ByteBuffer, gzip: Bool = false) -> String {
        let hash = body.withUnsafeReadableBytes { ResponseHash.hash($0) }
        return "W/\"\(String(hash, radix: 16))-\(String(body.readableBytes, radix: 16))\(gzip ? "-gz" : "")\""
    }

    /// The answer a conditional GET or HEAD gets instead of the page (RFC 9110 section 13.2.2), nil for the page:
    /// 412 when If-Match names no current version (this site's tags are weak, and If-Match compares strongly, so only
    /// `*` passes) or, without If-Match, when the page changed after If-Unmodified-Since; then 304 when If-None-Match
    /// names the version (weak comparison) or, without If-None-Match, when it has not changed since
    /// If-Modified-Since. Dates are compared only when the response has a Last-Modified date.
    static func conditionalStatus(request headers: HTTPFields, tag: String, lastModified: Date?) -> HTTPResponse.Status? {
        let ifMatch = headers[values: .ifMatch]
        if !ifMatch.isEmpty {
            let names = ifMatch.joined(separator: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if !names.contains(where: { $0 == "*" || (!tag.hasPrefix("W/") && $0 == tag) }) { return .preconditionFailed }
        } else if let lastModified, let date = headers[.ifUnmodifiedSince].flatMap({ InternetDate.parseHTTPDate($0) }),
                  lastModified.timeIntervalSince1970.rounded(.down) > date.timeIntervalSince1970 {
            return .preconditionFailed
        }
        return isNotModified(request: headers, tag: tag, lastModified: lastModified) ? .notModified : nil
    }

    /// If-None-Match decides when present (weak comparison); otherwise If-Modified-Since, when the response has a
    /// Last-Modified date.
    static func isNotModified(request headers: HTTPFields, tag: String, lastModified: Date?) -> Bool {
        if let match = headers[values: .ifNoneMatch].isEmpty ? nil : headers[values: .ifNoneMatch].joined(separator: ",") {
            let opaque = Self.opaque(tag)
            return match.split(separator: ",").contains { candidate in
                let candidate = candidate.trimmingCharacters(in: .whitespaces)
                return candidate == "*" || Self.opaque(candidate) == opaque
            }
        }
        if let lastModified, let since = headers[.ifModifiedSince].flatMap({ InternetDate.parseHTTPDate($0) }) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    /// The answer `conditionalStatus` chose, without a body: a 304 with the page's headers (validators,
    /// Cache-Control, Vary), or a 412 that no cache keeps (it answers one request's conditions, not the address).
    static func conditionalResponse(_ status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = nil
        headers[.contentLength] = nil
        if status == .preconditionFailed {
            headers[.contentEncoding] = nil
            headers[.cacheControl] = "no-store"
            headers[.contentLength] = "0"
        }
        return Response(status: status, headers: headers, body: .init())
    }

    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }

    /// Whether `gzip` is acceptable: named (or `*`) without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        // Every cached answer asks: printable ASCII (what browsers send) is read in place, without allocating.
        return acceptsGzipASCII(header) ?? acceptsGzipGeneral(header)
    }

    /// `acceptsGzip` for any text.
    static func acceptsGzipGeneral(_ header: String) -> Bool {
        var gzip: Bool?
        var star: Bool?
        for part in header.lowercased().split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = pieces.first else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if coding == "gzip" || coding == "x-gzip" { gzip = quality > 0 }
            if coding == "*" { star = quality > 0 }
        }
        return gzip ?? star ?? false
    }

    /// `acceptsGzip` on the field's bytes, with the same reading (parts split at commas, pieces at semicolons, empty
    /// ones skipped, the first piece the coding, the first `q=` piece after it the quality); nil when a byte is not
    /// printable ASCII or tab, for the general reading to decide.
    static func acceptsGzipASCII(_ header: String) -> Bool? {
        var header = header
        return header.withUTF8 { acceptsGzipASCII($0) }
    }

    private static func acceptsGzipASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte > 0x7E { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
        func equals(_ start: Int, _ end: Int, _ text: StaticString) -> Bool {
            guard end - start == text.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            for offset in 0..<expected.count where lower(bytes[start + offset]) != expected[offset] { return false }
            return true
        }
        var gzip: Bool?
        var star: Bool?
        var partStart = 0
        while partStart <= bytes.count {
            var partEnd = partStart
            while partEnd < bytes.count, bytes[partEnd] != UInt8(ascii: ",") { partEnd += 1 }
            // The part's pieces: the coding, then its parameters.
            var coding: (Int, Int)?
            var quality: Double?
            var pieceStart = partStart
            while pieceStart < partEnd {
                var pieceEnd = pieceStart
                while pieceEnd < partEnd, bytes[pieceEnd] != UInt8(ascii: ";") { pieceEnd += 1 }
                if pieceEnd > pieceStart {
                    var start = pieceStart, end = pieceEnd
                    while start < end, isBlank(bytes[start]) { start += 1 }
                    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
                    if coding == nil {
                        coding = (start, end)
                    } else if quality == nil, end - start >= 2, lower(bytes[start]) == UInt8(ascii: "q"), bytes[start + 1] == UInt8(ascii: "=") {
                        quality = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 2)..<end]), as: UTF8.self)) ?? 1
                    }
                }
                pieceStart = pieceEnd + 1
            }
            if let (start, end) = coding {
                let accepted = (quality ?? 1) > 0
                if equals(start, end, "gzip") || equals(start, end, "x-gzip") { gzip = accepted }
                if equals(start, end, "*") { star = accepted }
            }
            partStart = partEnd + 1
        }
        return gzip ?? star ?? false
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/feed+json")
            || type.hasPrefix("application/rss+xml") || type.hasPrefix("application/atom+xml") || type.hasPrefix("application/xml")
            || type.hasPrefix("image/svg+xml") || type.hasPrefix("application/javascript")
    }

    private static func adding(_ value: String, to header: String?) -> String {
        guard let header, !header.isEmpty else { return value }
        return ASCIISearch.contains(header, value, ignoringCase: true) ? header : header + ", " + value
    }

    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = BodySink()
        try await body.write(CollectingWriter(sink: sink))
        return sink.buffer
    }
}

/// Since when each address has been served as it is now: Last-Modified moves forward exactly when the page changes,
/// including when it changes back to an earlier version. Bounded: when full it forgets everything, which only makes
/// the next answers a little more conservative. Addresses and variants are kept as 64-bit hashes, so a flood of long
/// addresses or cookies costs a few dozen bytes an entry; two that share a hash only move each other's time forward.
final class VersionTimes: @unchecked Sendable {
    private let lock = NSLock()
    /// Per key: the current version, its date (if it has one), and the latest date any version of the key was given.
    private var current: [Int: (tag: String, since: Date?, latest: Date?)] = [:]
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// When the version `tag` of the address was first seen, in whole seconds as HTTP dates carry them. `variant`
    /// separates versions of one address that differ by request (a reader's text size); the gzip and plain forms are
    /// kept apart too, as their tags differ. Nil when the version before was first seen in the same second: a date
    /// cannot tell the two apart, and a client holding the older one would be told it has not changed.
    func since(url: String, variant: String, gzip: Bool, tag: String, now: Date) -> Date? {
        var hasher = Hasher()
        hasher.combine(url)
        hasher.combine(variant)
        hasher.combine(gzip)
        let key = hasher.finalize()
        return lock.withLock {
            let known = current[key]
            if let known, known.tag == tag { return known.since }
            if current.count >= capacity { current.removeAll(keepingCapacity: true) }
            let second = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
            // A version not dated later than every earlier one gets no date.
            var since: Date? = second
            if let latest = known?.latest, latest >= second { since = nil }
            current[key] = (tag, since, since ?? known?.latest)
            return since
        }
    }
}

private final class BodySink: @unchecked Sendable {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let sink: BodySink

    mutating func write(_ buffer: ByteBuffer) async throws {
        // A rendered page arrives as one buffer: kept as it is rather than copied into a second one (a later part,
        // were there one, is appended; the buffers share storage until then, so the first is never changed).
        guard sink.buffer.readableBytes > 0 else {
            sink.buffer = buffer
            return
        }
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

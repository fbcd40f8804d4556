import NIOCore

/// What one read from a connection holds, judged from its bytes before NIO's HTTP decoder sees them. The connection's
/// `CachedBytesHandler` answers only the first case itself; it must know the other two apart because only a read that
/// ends exactly where one bodiless request ends leaves the decoder between requests.
enum RawRequestScan: Equatable {
    /// Exactly one `GET` request for HTTP/1.1 with no body and nothing that rules out a cached answer (credentials,
    /// conditions, a session).
    case readerGet(RawReaderRequest)
    /// Exactly one HTTP/1.1 request with no body, keeping the connection open, which the cache does not answer from
    /// here.
    case whole
    /// Anything else: part of a request, several requests, a body to follow, another HTTP version, a request that
    /// closes, upgrades or takes over the connection, or bytes this scan does not vouch for. The decoder gets them
    /// and judges.
    case other

    init(_ buffer: ByteBuffer) {
        self = buffer.withUnsafeReadableBytes { RawRequestScan(bytes: $0) }
    }

    init(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        // The head ends at the first empty line, which must be where the read ends.
        guard count >= 4, let end = Self.firstEmptyLine(bytes), end == count else {
            self = .other
            return
        }
        guard let lineEnd = Self.lineEnd(bytes, from: 0) else {
            self = .other
            return
        }
        // Request line: method SP target SP version.
        guard let firstSpace = Self.index(of: UInt8(ascii: " "), in: bytes, from: 0, to: lineEnd),
              let secondSpace = Self.index(of: UInt8(ascii: " "), in: bytes, from: firstSpace + 1, to: lineEnd)
        else {
            self = .other
            return
        }
        // Only HTTP/1.1 keeps the connection open by default; CONNECT takes the connection over.
        guard Self.equals(bytes, from: secondSpace + 1, to: lineEnd, "HTTP/1.1".utf8),
              !Self.equals(bytes, from: 0, to: firstSpace, "CONNECT".utf8)
        else {
            self = .other
            return
        }
        let isGet = Self.equals(bytes, from: 0, to: firstSpace, "GET".utf8)
        let targetStart = firstSpace + 1
        var answerable = isGet && secondSpace > targetStart && bytes[targetStart] == UInt8(ascii: "/")
        if answerable {
            for index in targetStart..<secondSpace where bytes[index] < 0x21 || bytes[index] > 0x7E {
                answerable = false
                break
            }
        }

        var cookies: [String] = []
        var acceptEncoding: String?
        var fields = 0
        var sawLength = false
        var lineStart = lineEnd + 2
        while lineStart < count - 2 {
            fields += 1
            guard fields <= Self.maximumFields, let end = Self.lineEnd(bytes, from: lineStart), end > lineStart,
                  let colon = Self.index(of: UInt8(ascii: ":"), in: bytes, from: lineStart, to: end), colon > lineStart,
                  Self.isToken(bytes, from: lineStart, to: colon)
            else {
                // Many fields, an empty or odd name, a folded line or a line without a colon: the decoder's to judge.
                self = .other
                return
            }
            var valueStart = colon + 1
            var valueEnd = end
            while valueStart < valueEnd, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") { valueStart += 1 }
            while valueEnd > valueStart, bytes[valueEnd - 1] == UInt8(ascii: " ") || bytes[valueEnd - 1] == UInt8(ascii: "\t") { valueEnd -= 1 }
            for index in lineStart..<end {
                let byte = bytes[index]
                if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                    self = .other
                    return
                }
            }
            switch Self.field(bytes, from: lineStart, to: colon) {
            case .contentLength:
                // A body follows unless the length is zero; a second length is the decoder's to refuse.
                guard valueEnd > valueStart, !sawLength else {
                    self = .other
                    return
                }
                for index in valueStart..<valueEnd where bytes[index] != UInt8(ascii: "0") {
                    self = .other
                    return
                }
                sawLength = true
            case .transferEncoding, .changesConnection:
                self = .other
                return
            case .refusesCache:
                answerable = false
            case .connection:
                // `close`, `upgrade` and the like change what happens to the connection after this request.
                if !Self.equalsIgnoringCase(bytes, from: valueStart, to: valueEnd, "keep-alive") {
                    self = .other
                    return
                }
            case .cookie:
                if answerable { cookies.append(Self.string(bytes, from: valueStart, to: valueEnd)) }
            case .acceptEncoding:
                if answerable {
                    let value = Self.string(bytes, from: valueStart, to: valueEnd)
                    acceptEncoding = acceptEncoding.map { $0 + ", " + value } ?? value
                }
            case .other:
                break
            }
            lineStart = end + 2
        }
        guard answerable else {
            self = .whole
            return
        }
        self = .readerGet(RawReaderRequest(
            target: Self.string(bytes, from: targetStart, to: secondSpace), cookies: cookies, acceptEncoding: acceptEncoding
        ))
    }

    // MARK: - Bytes

    /// The index just past the first CR LF CR LF, if any.
    private static func firstEmptyLine(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let last = bytes.count - 4
        while index <= last {
            if bytes[index] == UInt8(ascii: "\r"), bytes[index + 1] == UInt8(ascii: "\n"), bytes[index + 2] == UInt8(ascii: "\r"),
               bytes[index + 3] == UInt8(ascii: "\n") {
                return index + 4
            }
            index += 1
        }
        return nil
    }

    /// The index of the CR of the first CR LF at or after `start`.
    private static func lineEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                return bytes[index + 1] == UInt8(ascii: "\n") ? index : nil
            }
            if bytes[index] == UInt8(ascii: "\n") { return nil }
            index += 1
        }
        return nil
    }

    private static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, _ text: some Collection<UInt8>) -> Bool {
        guard end - start == text.count else { return false }
        var index = start
        for byte in text {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, _ lowercase: StaticString) -> Bool {
        guard end - start == lowercase.utf8CodeUnitCount else { return false }
        let text = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for offset in 0..<text.count {
            var byte = bytes[start + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            guard byte == text[offset] else { return false }
        }
        return true
    }

    private static func string(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// More fields than any browser sends; NIO's decoder has its own limit and its own answer.
    static let maximumFields = 100

    private enum Field {
        case contentLength, transferEncoding, changesConnection, refusesCache, connection, cookie, acceptEncoding, other
    }

    /// Fields that make a request unanswerable from here: credentials, conditions and ranges, which the application
    /// judges against the entry.
    private static let refusing: [StaticString] = [
        "authorization", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range",
    ]

    /// A field name's characters (RFC 9110's `tchar`).
    private static func isToken(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                 UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                continue
            default:
                return false
            }
        }
        return true
    }

    private static func field(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Field {
        if equalsIgnoringCase(bytes, from: start, to: end, "cookie") { return .cookie }
        if equalsIgnoringCase(bytes, from: start, to: end, "accept-encoding") { return .acceptEncoding }
        if equalsIgnoringCase(bytes, from: start, to: end, "connection") { return .connection }
        if equalsIgnoringCase(bytes, from: start, to: end, "content-length") { return .contentLength }
        if equalsIgnoringCase(bytes, from: start, to: end, "transfer-encoding") { return .transferEncoding }
        // An upgrade or an expectation changes what follows the head.
        if equalsIgnoringCase(bytes, from: start, to: end, "upgrade") || equalsIgnoringCase(bytes, from: start, to: end, "expect") {
            return .changesConnection
        }
        for name in refusing where equalsIgnoringCase(bytes, from: start, to: end, name) { return .refusesCache }
        return .other
    }
}

/// A reader's plain GET, as far as the page cache needs it.
struct RawReaderRequest: Equatable {
    /// The request target as sent: path and query.
    let target: String
    /// Every `Cookie` field's value.
    let cookies: [String]
    /// The `Accept-Encoding` fields' values, joined.
    let acceptEncoding: String?

    /// The page cache's key, or nil when the cache must not answer (the newsroom, a newsroom session).
    var cacheKey: PageCache.Key? {
        let path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[..<$0]) } ?? target
        return PageCache.readerKey(path: path, target: target, hasCredentials: false, cookieHeaders: cookies, acceptEncoding: acceptEncoding)
    }
}

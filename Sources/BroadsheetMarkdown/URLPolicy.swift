// Which link and image destinations may reach the page. Anything that is not plainly http(s), mailto
// or relative is refused, however it is disguised (case, leading blanks or control characters, tabs and
// line breaks inside the scheme, character references: those were decoded before this check).

enum URLPolicy {
    enum Use {
        case link
        case image
    }

    static func allows(_ destination: [UInt8], for use: Use) -> Bool {
        // What a browser does first: drop leading C0 controls and spaces, and tabs and line breaks anywhere.
        var i = 0
        let end = destination.count
        while i < end, destination[i] <= ASCII.space { i += 1 }

        // The scheme is whatever comes before a ":" that precedes any "/", "?" or "#".
        var scheme: UInt64 = 0 // up to 8 lowercased bytes, packed
        var length = 0
        while i < end {
            let c = destination[i]
            i += 1
            switch c {
            case ASCII.colon:
                return isAllowed(scheme: scheme, length: length, for: use)
            case ASCII.slash, ASCII.question, ASCII.hash:
                return true // relative: a path, query or fragment
            case ASCII.tab, ASCII.newline, ASCII.carriageReturn:
                continue
            default:
                if length < 8 { scheme |= UInt64(ASCII.lowercased(c)) << (8 * UInt64(length)) }
                length += 1
            }
        }
        return true // relative: no scheme at all
    }

    private static let http = packed("http")
    private static let https = packed("https")
    private static let mailto = packed("mailto")

    private static func isAllowed(scheme: UInt64, length: Int, for use: Use) -> Bool {
        switch length {
        case 4: return scheme == http
        case 5: return scheme == https
        case 6: return scheme == mailto && use == .link
        default: return false
        }
    }

    private static func packed(_ name: StaticString) -> UInt64 {
        name.withUTF8Buffer { bytes in
            var value: UInt64 = 0
            for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
            return value
        }
    }
}

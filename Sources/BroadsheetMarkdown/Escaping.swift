// Everything the author typed reaches the page through these two functions.

enum Escaping {
    /// Appends `bytes` with `&`, `<`, `>` and `"` escaped, safe in text and in double-quoted attribute values.
    static func appendHTML(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var runStart = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let c = bytes[i]
            let replacement: StaticString
            switch c {
            case ASCII.ampersand: replacement = "&amp;"
            case ASCII.lessThan: replacement = "&lt;"
            case ASCII.greaterThan: replacement = "&gt;"
            case ASCII.quote: replacement = "&quot;"
            default:
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: bytes[runStart..<i]) }
            out.append(replacement)
            i += 1
            runStart = i
        }
        if runStart < end { out.append(contentsOf: bytes[runStart..<end]) }
    }

    static func appendHTML(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendHTML(bytes[...], to: &out)
    }

    /// Characters left as they are in a URL: letters, digits and `;/?:@&=+$,-_.!~*'()#`.
    /// Everything else is percent-encoded as UTF-8, except `%` when it already starts an escape.
    private static let keptInURL: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in UInt8(0x30)...0x39 { table[Int(c)] = true }
        for c in UInt8(0x41)...0x5A { table[Int(c)] = true }
        for c in UInt8(0x61)...0x7A { table[Int(c)] = true }
        for c in ";/?:@&=+$,-_.!~*'()#".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Appends a link destination percent-encoded (as CommonMark's reference implementation does) and HTML-escaped.
    static func appendURL(_ url: [UInt8], to out: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        let kept = keptInURL
        var i = 0
        let end = url.count
        while i < end {
            let c = url[i]
            if kept[Int(c)] {
                if c == ASCII.ampersand { out.append("&amp;") } else { out.append(c) }
            } else if c == 0x25, i + 2 < end, ASCII.isHexDigit(url[i + 1]), ASCII.isHexDigit(url[i + 2]) {
                out.append(contentsOf: url[i...(i + 2)])
                i += 3
                continue
            } else {
                out.append(0x25)
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(c >> 4)])
                    out.append(digits[Int(c & 0x0F)])
                }
            }
            i += 1
        }
    }
}

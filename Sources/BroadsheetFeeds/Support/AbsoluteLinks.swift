/// Makes the site-relative `href` and `src` attributes of Broadsheet's own rendered HTML absolute, for feeds
/// whose readers do not know the site's address. It relies on that HTML quoting every attribute with `"`
/// and escaping `"` in text, which the story renderer guarantees.
public enum AbsoluteLinks {
    private static let markers: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

    public static func resolve(in html: String, base: String) -> String {
        let bytes = Array(html.utf8)
        let baseBytes = Array(base.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        var copiedUpTo = 0
        // One pass over the bytes: after each marker, a value starting with one "/" gets the base in front.
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: " ") else { i += 1; continue }
            var matched: Int?
            for marker in markers where i + marker.count <= bytes.count {
                var equal = true
                for offset in 1..<marker.count where bytes[i + offset] != marker[offset] {
                    equal = false
                    break
                }
                if equal { matched = marker.count; break }
            }
            guard let length = matched else { i += 1; continue }
            let value = i + length
            if value < bytes.count, bytes[value] == UInt8(ascii: "/"), !(value + 1 < bytes.count && bytes[value + 1] == UInt8(ascii: "/")) {
                out.append(contentsOf: bytes[copiedUpTo..<value])
                out.append(contentsOf: baseBytes)
                copiedUpTo = value
            }
            i = value
        }
        guard copiedUpTo > 0 else { return html }
        out.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: out, as: UTF8.self)
    }
}

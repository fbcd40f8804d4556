/// Makes site-relative links in HTML absolute for feeds, where readers have no page address to resolve them against:
/// `href="/..."` and `src="/..."` (not `//host/...`) get the site's base address in front.
public enum AbsoluteLinks {
    public static func resolve(in html: String, base: String) -> String {
        var html = html
        html.makeContiguousUTF8()
        let utf8 = html.utf8
        let result: String? = utf8.withContiguousStorageIfAvailable { bytes in
            var out = ""
            var copiedUpTo = 0
            // Look at each `="/`, going from one quote to the next: quotes are far rarer than other bytes in story text.
            var i = ByteScan.first(UInt8(ascii: "\""), in: bytes, from: 1)
            while i + 1 < bytes.count {
                defer { i = ByteScan.first(UInt8(ascii: "\""), in: bytes, from: i + 1) }
                guard bytes[i - 1] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "/") else { continue }
                guard !(i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "/")) else { continue }
                guard endsWithAttribute(bytes, before: i - 1, " href") || endsWithAttribute(bytes, before: i - 1, " src") else { continue }
                if out.isEmpty { out.reserveCapacity(bytes.count + 1_024) }
                let value = i + 1
                out.appendUTF8(of: utf8, from: copiedUpTo, to: value)
                out += base
                copiedUpTo = value
            }
            guard copiedUpTo > 0 else { return nil }
            out.appendUTF8(of: utf8, from: copiedUpTo, to: bytes.count)
            return out
        } ?? nil
        return result ?? html
    }

    /// Whether the bytes just before `end` are `name` (" href", " src").
    private static func endsWithAttribute(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard end >= count else { return false }
        let start = name.utf8Start
        for offset in 0..<count where bytes[end - count + offset] != start[offset] { return false }
        return true
    }
}

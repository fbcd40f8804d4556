/// Text for XML element content and quoted attribute values.
public enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 does not allow (C0 controls other than tab and line
    /// ends, U+FFFE and U+FFFF; a Swift string holds no lone surrogates). Works on the UTF-8 bytes: everything that
    /// changes is ASCII except U+FFFE/F (EF BF BE/BF).
    public static func escape(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        appendEscaped(text, to: &out)
        return out
    }

    /// `escape(text)` appended to `out`, without building the escaped text on its own first: the runs between the
    /// characters that change are copied as they are (a feed escapes a few hundred kilobytes of story text).
    public static func appendEscaped(_ text: String, to out: inout String) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            var i = 0
            func flush(upTo end: Int) {
                guard end > runStart else { return }
                out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            while i < bytes.count {
                let byte = bytes[i]
                let replacement: String?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x09, 0x0A, 0x0D: i += 1; continue
                case 0x00..<0x20: replacement = ""
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    replacement = ""
                    skip = 3
                default: i += 1; continue
                }
                flush(upTo: i)
                out += replacement ?? ""
                i += skip
                runStart = i
            }
            flush(upTo: bytes.count)
        }
    }

    private static func needsWork(_ text: String) -> Bool {
        text.utf8.contains { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
    }
}

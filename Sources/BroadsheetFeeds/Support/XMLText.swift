/// Escaping for XML text and attribute values.
public enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 does not allow (C0 controls other than tab and line
    /// ends, U+FFFE and U+FFFF; a Swift string holds no lone surrogates). Works on the UTF-8 bytes: everything that
    /// changes is ASCII except U+FFFE/F (EF BF BE/BF).
    public static func escape(_ text: String) -> String {
        var utf8 = text.utf8
        let needsWork = utf8.contains { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8)
        let bytes = Array(utf8)
        utf8 = "".utf8
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): out.append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B])  // &apos;
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20: break
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                i += 2
            default: out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

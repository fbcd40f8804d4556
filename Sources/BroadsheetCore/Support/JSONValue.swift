/// A JSON value with its object members in the order they were written, serialized straight to UTF-8.
///
/// For output we build ourselves (structured data in pages): Foundation's `JSONSerialization` goes through
/// `NSDictionary` bridging, dynamic casts and a locale-aware key sort, and cost a quarter of a story page's time.
public enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The JSON text. With `forScriptElement`, `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026` so the text
    /// can sit inside an HTML `<script>` element without closing it; U+2028 and U+2029 are escaped everywhere.
    public func serialized(forScriptElement: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(into: &bytes, forScriptElement: forScriptElement)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func write(into bytes: inout [UInt8], forScriptElement: Bool) {
        switch self {
        case .string(let text): Self.writeString(text, into: &bytes, forScriptElement: forScriptElement)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(into: &bytes, forScriptElement: forScriptElement)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &bytes, forScriptElement: forScriptElement)
                bytes.append(UInt8(ascii: ":"))
                value.write(into: &bytes, forScriptElement: forScriptElement)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into bytes: inout [UInt8], forScriptElement: Bool) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20: appendUnicodeEscape(UInt16(byte), into: &bytes)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                if forScriptElement { appendUnicodeEscape(UInt16(byte), into: &bytes) } else { bytes.append(byte) }
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) end lines in JavaScript: escape them.
                guard let second = utf8.next() else { bytes.append(byte); break }
                guard let third = utf8.next() else { bytes.append(contentsOf: [byte, second]); break }
                if second == 0x80, third == 0xA8 || third == 0xA9 {
                    appendUnicodeEscape(third == 0xA8 ? 0x2028 : 0x2029, into: &bytes)
                } else {
                    bytes.append(contentsOf: [byte, second, third])
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ unit: UInt16, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)]) }
    }
}

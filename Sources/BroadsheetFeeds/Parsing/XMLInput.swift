import BroadsheetCore
import Foundation

/// Brings an XML feed to one known form before the XML parser sees it: UTF-8 text whose declaration says so, with
/// nothing before the root element that could define entities. Doing this ourselves means the parser never meets an
/// encoding, entity or DTD trick we have not checked.
enum XMLInput {
    /// Returns UTF-8 bytes with an honest declaration, and warnings about what had to be repaired.
    static func normalize(_ data: Data) throws -> (Data, [String]) {
        var warnings: [String] = []
        var text = try decode(data, warnings: &warnings)
        // Blank space before the declaration makes it invalid; it means nothing.
        if let start = text.firstIndex(where: { !$0.isWhitespace }), start != text.startIndex { text = String(text[start...]) }
        try checkProlog(text)
        // The declaration now says UTF-8, whatever it said before.
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            let declaration = String(text[..<end.upperBound])
            let cleaned = declaration.replacingOccurrences(of: #"\s+encoding\s*=\s*["'][^"']*["']"#, with: "", options: .regularExpression)
            text = cleaned.replacingOccurrences(of: "?>", with: " encoding=\"UTF-8\"?>") + text[end.upperBound...]
        }
        return (Data(text.utf8), warnings)
    }

    /// The document as text: by byte-order mark, by the pattern of "<?" in UTF-16 or UTF-32, or by the declared
    /// encoding; UTF-8 with stray bytes repairs each stray byte as Windows-1252 (the usual mislabelled encoding).
    static func decode(_ data: Data, warnings: inout [String]) throws -> String {
        let bytes = [UInt8](data)
        func utf(_ encoding: String.Encoding, drop: Int) throws -> String {
            guard let text = String(data: Data(bytes.dropFirst(drop)), encoding: encoding) else {
                throw FeedParsingError("the feed is not valid \(encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? "UTF-16" : "UTF-32")")
            }
            return text
        }
        switch bytes.prefix(4) {
        case [0x00, 0x00, 0xFE, 0xFF]: return try utf(.utf32BigEndian, drop: 4)
        case [0xFF, 0xFE, 0x00, 0x00]: return try utf(.utf32LittleEndian, drop: 4)
        case [0x3C, 0x00, 0x00, 0x00]: return try utf(.utf32LittleEndian, drop: 0)
        case [0x00, 0x00, 0x00, 0x3C]: return try utf(.utf32BigEndian, drop: 0)
        case [0x3C, 0x00, 0x3F, 0x00]: return try utf(.utf16LittleEndian, drop: 0)
        case [0x00, 0x3C, 0x00, 0x3F]: return try utf(.utf16BigEndian, drop: 0)
        default: break
        }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf(.utf16BigEndian, drop: 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf(.utf16LittleEndian, drop: 2) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        switch declaredEncoding(body) {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            return repairingUTF8(body, warnings: &warnings)
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1":
            return String(decoding: body.map { UInt16($0) }, as: UTF16.self)
        case "windows-1252", "cp1252", "x-cp1252":
            return String(data: Data(body), encoding: .windowsCP1252) ?? repairingUTF8(body, warnings: &warnings)
        case "utf-16", "utf-16le", "utf-16be":
            // Declared UTF-16 but no sign of it in the bytes: they are ASCII-compatible, so read them as UTF-8.
            return repairingUTF8(body, warnings: &warnings)
        case let other?:
            throw FeedParsingError("the feed's character encoding \(other) is not supported (UTF-8, UTF-16, UTF-32, ISO-8859-1 and Windows-1252 are)")
        }
    }

    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(200).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
              let range = head[..<end.lowerBound].range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else { return nil }
        return head[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map { $0.lowercased() } ?? ""
    }

    /// UTF-8, with each byte that is not part of a valid sequence read as Windows-1252.
    static func repairingUTF8(_ bytes: [UInt8], warnings: inout [String]) -> String {
        if let text = String(validatingUTF8CString: bytes) { return text }
        var out = String.UnicodeScalarView()
        var repaired = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            if length > 1, i + length <= bytes.count, let scalar = decodeSequence(bytes[i..<(i + length)]) {
                out.append(scalar)
                i += length
                continue
            }
            if length == 1 {
                out.append(Unicode.Scalar(b))
            } else {
                out.append(windows1252(b))
                repaired = true
            }
            i += 1
        }
        if repaired { warnings.append("the feed says UTF-8 but has bytes that are not; read those as Windows-1252") }
        return String(out)
    }

    private static func decodeSequence(_ sequence: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil { return scalar }
        return nil
    }

    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(byte) ? Windows1252.character(UInt32(byte)) ?? "\u{FFFD}" : Unicode.Scalar(byte)
    }

    /// Everything before the root element: a declaration, comments, processing instructions and a DOCTYPE that only
    /// names an external DTD (never fetched). An internal subset, where entities are declared, is refused.
    static func checkProlog(_ text: String) throws {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!doctype") {
                // Up to its ">", unless a "[" opens an internal subset first.
                for character in rest {
                    if character == "[" {
                        throw FeedParsingError("the XML declares entities in its DOCTYPE, which feeds never need; refused (entity expansion attacks use them)")
                    }
                    if character == ">" { break }
                }
                guard let end = rest.firstIndex(of: ">") else { return }
                rest = rest[rest.index(after: end)...]
            } else {
                return
            }
        }
    }
}

extension String {
    /// The bytes as UTF-8 if they are valid UTF-8 (NUL bytes included), else nil.
    init?(validatingUTF8CString bytes: [UInt8]) {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        self = text
    }
}

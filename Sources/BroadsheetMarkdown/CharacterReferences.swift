import BroadsheetCore

// Entity and numeric character references (CommonMark 6.2): `&copy;`, `&#169;`, `&#xA9;`.
// They are decoded to characters while parsing; the HTML writer escapes the result again.

enum CharacterReferences {
    /// Named references, from name (without "&" and ";") to the UTF-8 bytes they stand for.
    static let named: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        table.reserveCapacity(2_200)
        for entry in HTMLEntityTable.packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":") else { continue }
            var bytes: [UInt8] = []
            for hex in entry[entry.index(after: colon)...].split(separator: "+") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    bytes.appendScalar(scalar)
                }
            }
            table[String(entry[..<colon])] = bytes
        }
        return table
    }()

    /// The longest name in the table is 31 characters.
    static let maximumNameLength = 32

    /// If a valid reference starts at `s[start]` (which is "&"), appends the decoded character(s) to `out`
    /// and returns the reference's length; returns 0 (appending nothing) otherwise.
    static func decode(_ s: [UInt8], at start: Int, end: Int, into out: inout [UInt8]) -> Int {
        var i = start + 1
        guard i < end else { return 0 }
        if s[i] == ASCII.hash {
            i += 1
            var value: UInt32 = 0
            var digits = 0
            if i < end, s[i] | 0x20 == 0x78 { // x or X
                i += 1
                while i < end, digits < 7, ASCII.isHexDigit(s[i]) {
                    value = value &* 16 &+ ASCII.hexValue(s[i]); digits += 1; i += 1
                }
                guard digits >= 1, digits <= 6 else { return 0 }
            } else {
                while i < end, digits < 8, ASCII.isDigit(s[i]) {
                    value = value &* 10 &+ UInt32(s[i] - 0x30); digits += 1; i += 1
                }
                guard digits >= 1, digits <= 7 else { return 0 }
            }
            guard i < end, s[i] == ASCII.semicolon else { return 0 }
            // U+0000, surrogates and values beyond Unicode become the replacement character.
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
            out.appendScalar(scalar)
            return i + 1 - start
        }
        guard ASCII.isLetter(s[i]) else { return 0 }
        let nameStart = i
        while i < end, i - nameStart < maximumNameLength, ASCII.isAlphanumeric(s[i]) { i += 1 }
        guard i < end, s[i] == ASCII.semicolon, i - nameStart >= 2 else { return 0 }
        let name = String(decoding: s[nameStart..<i], as: UTF8.self)
        guard let bytes = named[name] else { return 0 }
        out.append(contentsOf: bytes)
        return i + 1 - start
    }

    /// Decodes backslash escapes and character references, as in link destinations, titles and info strings.
    static func unescape(_ s: ArraySlice<UInt8>) -> [UInt8] {
        let bytes = Array(s)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let end = bytes.count
        while i < end {
            let c = bytes[i]
            if c == ASCII.backslash, i + 1 < end, ASCII.isPunctuation(bytes[i + 1]) {
                out.append(bytes[i + 1])
                i += 2
            } else if c == ASCII.ampersand {
                let length = decode(bytes, at: i, end: end, into: &out)
                if length > 0 { i += length } else { out.append(c); i += 1 }
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

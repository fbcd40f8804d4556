import BroadsheetCore

/// One piece of an HTML document as the tokenizer sees it. Names are lower-cased; text and attribute values have
/// their character references decoded, so that what the sanitizer checks is what a browser would see.
enum HTMLToken: Equatable {
    case startTag(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    case endTag(name: String)
    case text(String)
    /// Comments, doctypes, processing instructions, CDATA sections and other markup the sanitizer drops.
    case ignored

    static func == (lhs: HTMLToken, rhs: HTMLToken) -> Bool {
        switch (lhs, rhs) {
        case let (.startTag(a, x, s), .startTag(b, y, t)):
            a == b && s == t && x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        case let (.endTag(a), .endTag(b)): a == b
        case let (.text(a), .text(b)): a == b
        case (.ignored, .ignored): true
        default: false
        }
    }
}

/// Splits HTML into tokens following the WHATWG tokenization states closely enough for sanitizing: tag open, tag
/// and attribute names, the three kinds of attribute value, self-closing tags, comments (including the abrupt
/// `<!-->` forms), bogus comments (`<?...>`, `</ 3>`, `<![CDATA[...]]>` outside foreign content), doctypes, and the
/// raw-text and RCDATA elements whose content is not markup (`script`, `style`, `textarea`, `title`, ...).
/// A tag cut off by the end of the input is dropped, as browsers drop it.
struct HTMLTokenizer {
    /// Elements whose content is raw text up to their end tag; RCDATA ones still decode character references.
    static let rawText: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]
    static let rcdata: Set<String> = ["textarea", "title"]

    private let s: [UInt8]
    private var i = 0
    /// Set after a start tag whose content is raw text or RCDATA.
    private var rawUntil: String?
    private var rawIsRCDATA = false

    init(_ html: String) {
        s = Array(html.utf8)
    }

    mutating func next() -> HTMLToken? {
        guard i < s.count else { return nil }
        if let name = rawUntil {
            rawUntil = nil
            let start = i
            let end = findEndTag(name, from: i)
            i = end
            if name == "plaintext" || !rawIsRCDATA {
                return end > start ? .text(String(decoding: s[start..<end], as: UTF8.self)) : next()
            }
            return end > start ? .text(Self.decodeReferences(s[start..<end], inAttribute: false)) : next()
        }
        if s[i] == UInt8(ascii: "<"), let token = markup() { return token }
        // Text up to the next "<" that could start markup.
        let start = i
        i += 1
        while i < s.count, s[i] != UInt8(ascii: "<") { i += 1 }
        return .text(Self.decodeReferences(s[start..<i], inAttribute: false))
    }

    /// Markup at `<`, or nil when the `<` is just a character.
    private mutating func markup() -> HTMLToken? {
        let start = i
        guard start + 1 < s.count else { return nil }
        let c = s[start + 1]
        if c == UInt8(ascii: "!") {
            i = start + 2
            if hasPrefix("--") { return comment() }
            return bogusComment()
        }
        if c == UInt8(ascii: "?") {
            i = start + 1
            return bogusComment()
        }
        if c == UInt8(ascii: "/") {
            guard start + 2 < s.count else { return nil }
            let d = s[start + 2]
            if d == UInt8(ascii: ">") {
                i = start + 3
                return .ignored
            }
            guard Self.isASCIILetter(d) else {
                i = start + 2
                return bogusComment()
            }
            i = start + 2
            guard let (name, _, _) = tag() else {
                i = s.count
                return .ignored
            }
            return .endTag(name: name)
        }
        guard Self.isASCIILetter(c) else { return nil }
        i = start + 1
        guard let (name, attributes, selfClosing) = tag() else {
            i = s.count
            return .ignored
        }
        if name == "plaintext" {
            rawUntil = "plaintext"
        } else if Self.rawText.contains(name) || Self.rcdata.contains(name) {
            rawUntil = name
            rawIsRCDATA = Self.rcdata.contains(name)
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// A tag from its name to its ">", or nil when the input ends first.
    private mutating func tag() -> (String, [(name: String, value: String)], Bool)? {
        let nameStart = i
        while i < s.count, !Self.isSpace(s[i]), s[i] != UInt8(ascii: "/"), s[i] != UInt8(ascii: ">") { i += 1 }
        let name = Self.lowercased(s[nameStart..<i])
        var attributes: [(name: String, value: String)] = []
        var seen = Set<String>()
        var selfClosing = false
        while true {
            while i < s.count, Self.isSpace(s[i]) { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == UInt8(ascii: ">") {
                i += 1
                return (name, attributes, selfClosing)
            }
            if s[i] == UInt8(ascii: "/") {
                i += 1
                if i < s.count, s[i] == UInt8(ascii: ">") {
                    selfClosing = true
                    i += 1
                    return (name, attributes, selfClosing)
                }
                continue
            }
            // Attribute name: an "=" at its start belongs to it.
            let attributeStart = i
            i += 1
            while i < s.count, !Self.isSpace(s[i]), s[i] != UInt8(ascii: "/"), s[i] != UInt8(ascii: ">"), s[i] != UInt8(ascii: "=") { i += 1 }
            let attributeName = Self.lowercased(s[attributeStart..<i])
            while i < s.count, Self.isSpace(s[i]) { i += 1 }
            var value = ""
            if i < s.count, s[i] == UInt8(ascii: "=") {
                i += 1
                while i < s.count, Self.isSpace(s[i]) { i += 1 }
                guard i < s.count else { return nil }
                let quote = s[i]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    i += 1
                    let valueStart = i
                    while i < s.count, s[i] != quote { i += 1 }
                    guard i < s.count else { return nil }
                    value = Self.decodeReferences(s[valueStart..<i], inAttribute: true)
                    i += 1
                } else if quote != UInt8(ascii: ">") {
                    let valueStart = i
                    while i < s.count, !Self.isSpace(s[i]), s[i] != UInt8(ascii: ">") { i += 1 }
                    value = Self.decodeReferences(s[valueStart..<i], inAttribute: true)
                }
            }
            // The first of two attributes with one name wins.
            if seen.insert(attributeName).inserted { attributes.append((attributeName, value)) }
        }
    }

    /// After "<!--": up to "-->" (or "--!>"); "<!-->" and "<!--->" end at once. Unclosed: the rest of the input.
    private mutating func comment() -> HTMLToken {
        i += 2
        if hasPrefix(">") { i += 1; return .ignored }
        if hasPrefix("->") { i += 2; return .ignored }
        while i < s.count {
            if hasPrefix("-->") { i += 3; return .ignored }
            if hasPrefix("--!>") { i += 4; return .ignored }
            i += 1
        }
        return .ignored
    }

    /// Up to the next ">".
    private mutating func bogusComment() -> HTMLToken {
        while i < s.count, s[i] != UInt8(ascii: ">") { i += 1 }
        if i < s.count { i += 1 }
        return .ignored
    }

    /// Where the raw text of `name` ends: at "</name" followed by space, "/" or ">", or at the end of the input.
    private func findEndTag(_ name: String, from start: Int) -> Int {
        if name == "plaintext" { return s.count }
        let target = Array(name.utf8)
        var j = start
        while j + 1 + target.count < s.count {
            if s[j] == UInt8(ascii: "<"), s[j + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, byte) in target.enumerated() where Self.lower(s[j + 2 + offset]) != byte {
                    matches = false
                    break
                }
                if matches {
                    let after = j + 2 + target.count
                    if after >= s.count || Self.isSpace(s[after]) || s[after] == UInt8(ascii: "/") || s[after] == UInt8(ascii: ">") {
                        return j
                    }
                }
            }
            j += 1
        }
        return s.count
    }

    private func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= s.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where s[i + offset] != start[offset] { return false }
        return true
    }

    // MARK: - Characters

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        let name = String(decoding: bytes.map(lower), as: UTF8.self)
        return bytes.contains(0) ? name.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : name
    }

    /// Named references, from name (without "&" and ";") to their text.
    static var named: [String: String] { HTMLEntityTable.values }

    /// The old names browsers still read without a ";": HTML's legacy list, the Latin-1 characters and the markup ones.
    static let legacy: Set<String> = [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute", "Ecirc", "Egrave",
        "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml",
        "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig", "agrave", "amp",
        "aring", "atilde", "auml", "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave",
        "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr",
        "micro", "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml", "para",
        "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc",
        "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ]

    /// Decodes character references as the HTML tokenizer does: numeric ones with or without ";" (NUL, surrogates
    /// and out-of-range values become U+FFFD), named ones with ";", and the legacy names without ";" except in an
    /// attribute when a letter, digit or "=" follows.
    static func decodeReferences(_ bytes: ArraySlice<UInt8>, inAttribute: Bool) -> String {
        guard bytes.contains(UInt8(ascii: "&")) || bytes.contains(0) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { out += String(decoding: pending, as: UTF8.self); pending.removeAll(keepingCapacity: true) }
        }
        var j = bytes.startIndex
        while j < bytes.endIndex {
            let c = bytes[j]
            if c == 0 {
                flush(); out += "\u{FFFD}"; j += 1
                continue
            }
            guard c == UInt8(ascii: "&"), j + 1 < bytes.endIndex else {
                pending.append(c); j += 1
                continue
            }
            var k = j + 1
            if bytes[k] == UInt8(ascii: "#") {
                k += 1
                let hex = k < bytes.endIndex && (bytes[k] | 0x20) == UInt8(ascii: "x")
                if hex { k += 1 }
                var value: UInt64 = 0
                var digits = 0
                while k < bytes.endIndex {
                    let d = bytes[k]
                    let digit: UInt64? = switch d {
                    case 0x30...0x39: UInt64(d - 0x30)
                    case 0x61...0x66 where hex: UInt64(d - 0x61 + 10)
                    case 0x41...0x46 where hex: UInt64(d - 0x41 + 10)
                    default: nil
                    }
                    guard let digit else { break }
                    value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
                    digits += 1
                    k += 1
                }
                guard digits > 0 else { pending.append(c); j += 1; continue }
                if k < bytes.endIndex, bytes[k] == UInt8(ascii: ";") { k += 1 }
                flush()
                let scalar = value == 0 ? nil : Unicode.Scalar(UInt32(value))
                // Numeric references to C1 controls mean the Windows-1252 characters, as HTML says.
                out.unicodeScalars.append(scalar.map { Windows1252.character($0.value) ?? $0 } ?? "\u{FFFD}")
                j = k
                continue
            }
            // Named: the longest name in the table that matches.
            var end = k
            while end < bytes.endIndex, end - k < 32, isASCIIAlphanumeric(bytes[end]) { end += 1 }
            if end > k {
                let name = String(decoding: bytes[k..<end], as: UTF8.self)
                if end < bytes.endIndex, bytes[end] == UInt8(ascii: ";"), let text = named[name] {
                    flush(); out += text; j = end + 1
                    continue
                }
                // Without ";": the longest legacy prefix.
                var length = min(name.count, 6)
                var matched = false
                while length >= 2 {
                    let prefix = String(name.prefix(length))
                    if legacy.contains(prefix), let text = named[prefix] {
                        let next = k + length
                        let blocked = inAttribute && next < bytes.endIndex && (isASCIIAlphanumeric(bytes[next]) || bytes[next] == UInt8(ascii: "="))
                        if !blocked {
                            flush(); out += text; j = next; matched = true
                        }
                        break
                    }
                    length -= 1
                }
                if matched { continue }
            }
            pending.append(c); j += 1
        }
        flush()
        return out
    }

    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool { isASCIILetter(c) || (c >= 0x30 && c <= 0x39) }
}

extension HTMLTokenizer {
    enum Kind { case text, other, end }

    /// What the next token is, without taking it.
    func peekKind() -> Kind {
        var copy = self
        switch copy.next() {
        case .text?: return .text
        case nil: return .end
        default: return .other
        }
    }
}

// Recognising what starts with `<` (CommonMark 6.5 autolinks, 6.6 raw HTML).
// Raw HTML is only recognised so that it can be shown whole, as escaped text.

enum InlineHTML {
    /// Terminators already searched for in vain: later searches, which start further on, would fail too.
    struct Unterminated {
        var comment = false
        var processingInstruction = false
        var cdata = false
        var declaration = false
    }
    /// `<scheme:...>` or `<local@domain>` at `s[start]`: the length including the brackets, and whether it is an email address.
    static func scanAutolink(_ s: [UInt8], at start: Int, end: Int) -> (length: Int, isEmail: Bool)? {
        if let length = scanURIAutolink(s, at: start, end: end) { return (length, false) }
        if let length = scanEmailAutolink(s, at: start, end: end) { return (length, true) }
        return nil
    }

    private static func scanURIAutolink(_ s: [UInt8], at start: Int, end: Int) -> Int? {
        var i = start + 1
        guard i < end, ASCII.isLetter(s[i]) else { return nil }
        i += 1
        while i < end, ASCII.isAlphanumeric(s[i]) || s[i] == ASCII.plus || s[i] == ASCII.period || s[i] == ASCII.hyphen {
            i += 1
        }
        let schemeLength = i - start - 1
        guard schemeLength >= 2, schemeLength <= 32, i < end, s[i] == ASCII.colon else { return nil }
        i += 1
        while i < end {
            let c = s[i]
            if c == ASCII.greaterThan { return i + 1 - start }
            if c == ASCII.lessThan || c <= ASCII.space || c == 0x7F { return nil }
            i += 1
        }
        return nil
    }

    private static func scanEmailAutolink(_ s: [UInt8], at start: Int, end: Int) -> Int? {
        var i = start + 1
        while i < end, isEmailLocalCharacter(s[i]) { i += 1 }
        guard i > start + 1, i < end, s[i] == ASCII.at else { return nil }
        i += 1
        // Domain labels: letters and digits, hyphens inside, at most 63 characters, separated by periods.
        while true {
            let labelStart = i
            while i < end, ASCII.isAlphanumeric(s[i]) || s[i] == ASCII.hyphen { i += 1 }
            let length = i - labelStart
            guard length >= 1, length <= 63, s[labelStart] != ASCII.hyphen, s[i - 1] != ASCII.hyphen else { return nil }
            guard i < end else { return nil }
            if s[i] == ASCII.greaterThan { return i + 1 - start }
            guard s[i] == ASCII.period else { return nil }
            i += 1
        }
    }

    private static func isEmailLocalCharacter(_ c: UInt8) -> Bool {
        if ASCII.isAlphanumeric(c) { return true }
        switch c {
        case ASCII.period, ASCII.bang, ASCII.hash, 0x24, 0x25, ASCII.ampersand, ASCII.apostrophe, ASCII.asterisk,
             ASCII.plus, ASCII.slash, ASCII.equals, ASCII.question, 0x5E, ASCII.underscore, ASCII.backtick,
             0x7B, ASCII.pipe, 0x7D, ASCII.tilde, ASCII.hyphen:
            return true
        default:
            return false
        }
    }

    /// An HTML tag, comment, processing instruction, declaration or CDATA section at `s[start]`: its length.
    static func scanTag(_ s: [UInt8], at start: Int, end: Int, unterminated: inout Unterminated) -> Int? {
        var i = start + 1
        guard i < end else { return nil }
        switch s[i] {
        case ASCII.slash:
            i += 1
            guard scanTagName(s, &i, end: end) else { return nil }
            skipWhitespace(s, &i, end: end)
            return i < end && s[i] == ASCII.greaterThan ? i + 1 - start : nil
        case ASCII.question:
            return find([ASCII.question, ASCII.greaterThan], in: s, from: i + 1, end: end,
                        unlessKnownMissing: &unterminated.processingInstruction).map { $0 - start }
        case ASCII.bang:
            i += 1
            if hasPrefix("--", s, at: i, end: end) {
                i += 2
                if hasPrefix(">", s, at: i, end: end) { return i + 1 - start }
                if hasPrefix("->", s, at: i, end: end) { return i + 2 - start }
                return find([ASCII.hyphen, ASCII.hyphen, ASCII.greaterThan], in: s, from: i, end: end,
                            unlessKnownMissing: &unterminated.comment).map { $0 - start }
            }
            if hasPrefix("[CDATA[", s, at: i, end: end) {
                return find([ASCII.rightBracket, ASCII.rightBracket, ASCII.greaterThan], in: s, from: i + 7, end: end,
                            unlessKnownMissing: &unterminated.cdata).map { $0 - start }
            }
            guard i < end, ASCII.isLetter(s[i]) else { return nil }
            return find([ASCII.greaterThan], in: s, from: i, end: end,
                        unlessKnownMissing: &unterminated.declaration).map { $0 - start }
        default:
            guard scanTagName(s, &i, end: end) else { return nil }
            while true {
                let beforeWhitespace = i
                skipWhitespace(s, &i, end: end)
                guard i < end else { return nil }
                if s[i] == ASCII.greaterThan { return i + 1 - start }
                if s[i] == ASCII.slash {
                    return i + 1 < end && s[i + 1] == ASCII.greaterThan ? i + 2 - start : nil
                }
                guard i > beforeWhitespace, scanAttribute(s, &i, end: end) else { return nil }
            }
        }
    }

    private static func scanTagName(_ s: [UInt8], _ i: inout Int, end: Int) -> Bool {
        guard i < end, ASCII.isLetter(s[i]) else { return false }
        i += 1
        while i < end, ASCII.isAlphanumeric(s[i]) || s[i] == ASCII.hyphen { i += 1 }
        return true
    }

    private static func scanAttribute(_ s: [UInt8], _ i: inout Int, end: Int) -> Bool {
        let c = s[i]
        guard ASCII.isLetter(c) || c == ASCII.underscore || c == ASCII.colon else { return false }
        i += 1
        while i < end, ASCII.isAlphanumeric(s[i]) || s[i] == ASCII.underscore || s[i] == ASCII.period
            || s[i] == ASCII.colon || s[i] == ASCII.hyphen {
            i += 1
        }
        // An optional value.
        var j = i
        skipWhitespace(s, &j, end: end)
        guard j < end, s[j] == ASCII.equals else { return true }
        j += 1
        skipWhitespace(s, &j, end: end)
        guard j < end else { return false }
        let quote = s[j]
        if quote == ASCII.quote || quote == ASCII.apostrophe {
            guard let close = s[(j + 1)..<end].firstIndex(of: quote) else { return false }
            i = close + 1
            return true
        }
        let valueStart = j
        while j < end {
            let v = s[j]
            if ASCII.isWhitespace(v) || v == ASCII.quote || v == ASCII.apostrophe || v == ASCII.equals
                || v == ASCII.lessThan || v == ASCII.greaterThan || v == ASCII.backtick {
                break
            }
            j += 1
        }
        guard j > valueStart else { return false }
        i = j
        return true
    }

    private static func skipWhitespace(_ s: [UInt8], _ i: inout Int, end: Int) {
        while i < end, ASCII.isWhitespace(s[i]) { i += 1 }
    }

    private static func hasPrefix(_ prefix: StaticString, _ s: [UInt8], at i: Int, end: Int) -> Bool {
        prefix.withUTF8Buffer { p in
            guard end - i >= p.count else { return false }
            for k in 0..<p.count where s[i + k] != p[k] { return false }
            return true
        }
    }

    /// The index just past the first occurrence of `needle` at or after `from`.
    private static func find(_ needle: [UInt8], in s: [UInt8], from: Int, end: Int, unlessKnownMissing missing: inout Bool) -> Int? {
        if missing { return nil }
        var i = from
        while i + needle.count <= end {
            if s[i] == needle[0], s[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
            i += 1
        }
        missing = true
        return nil
    }
}

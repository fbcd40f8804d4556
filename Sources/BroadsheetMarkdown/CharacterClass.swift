// Classifying the characters around a delimiter run, for the left- and right-flanking rules (CommonMark 6.2).

enum CharacterClass {
    case whitespace
    case punctuation
    case other

    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        if scalar.value < 0x80 { return of(ascii: UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .spaceSeparator:
            return .whitespace
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .punctuation
        default:
            return .other
        }
    }

    @inline(__always) static func of(ascii b: UInt8) -> CharacterClass {
        if ASCII.isWhitespace(b) { return .whitespace }
        return ASCII.isPunctuation(b) ? .punctuation : .other
    }

    /// The class of the character that ends just before `index`; the start of the text counts as whitespace.
    static func before(_ index: Int, in s: [UInt8], start: Int = 0) -> CharacterClass {
        guard index > start else { return .whitespace }
        let last = s[index - 1]
        if last < 0x80 { return of(ascii: last) }
        var i = index - 1
        while i > start, s[i] & 0xC0 == 0x80, index - i < 4 { i -= 1 }
        return of(decodingAt: i, in: s, end: index)
    }

    /// The class of the character that starts at `index`; the end of the text counts as whitespace.
    static func at(_ index: Int, in s: [UInt8], end: Int) -> CharacterClass {
        guard index < end else { return .whitespace }
        let first = s[index]
        if first < 0x80 { return of(ascii: first) }
        return of(decodingAt: index, in: s, end: end)
    }

    private static func of(decodingAt index: Int, in s: [UInt8], end: Int) -> CharacterClass {
        var iterator = s[index..<min(end, index + 4)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return of(scalar)
        }
        return .other
    }
}

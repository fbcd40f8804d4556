// Byte-level helpers. The parser works on UTF-8 bytes: every character Markdown gives a meaning to is ASCII,
// so multi-byte characters can pass through untouched.

enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let leftParen: UInt8 = 0x28
    static let rightParen: UInt8 = 0x29
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let pipe: UInt8 = 0x7C
    static let tilde: UInt8 = 0x7E

    @inline(__always) static func isSpaceOrTab(_ b: UInt8) -> Bool { b == space || b == tab }

    /// Space, tab, line feed, form feed, carriage return (CommonMark's ASCII whitespace).
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == newline || b == 0x0C || b == carriageReturn
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }

    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }

    /// The characters a backslash can escape: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isLetter(b) ? b | 0x20 : b }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt32 {
        isDigit(b) ? UInt32(b - 0x30) : UInt32((b | 0x20) - 0x61 + 10)
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 encoding of a Unicode scalar.
    mutating func appendScalar(_ scalar: Unicode.Scalar) {
        append(contentsOf: UTF8.encode(scalar)!)
    }

    mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { append(contentsOf: $0) }
    }
}

extension ArraySlice where Element == UInt8 {
    /// The slice without leading and trailing spaces, tabs and line endings.
    func trimmingWhitespace() -> ArraySlice<UInt8> {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, ASCII.isWhitespace(self[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(self[upper - 1]) { upper -= 1 }
        return self[lower..<upper]
    }
}

// The pieces links are made of (CommonMark 6.3): labels, destinations and titles,
// shared by inline links and link reference definitions.

/// Where a link or image points; destination and title are unescaped but not yet percent-encoded or HTML-escaped.
struct LinkTarget {
    var destination: [UInt8]
    var title: [UInt8]?
}

enum LinkSyntax {
    static let maximumLabelLength = 999
    /// As in the reference implementation: deeper nesting of parentheses in a destination is not a destination
    /// (which keeps input like "[a](b[a](b[a](b…" linear).
    static let maximumParenthesisDepth = 32

    /// The length of the link label (with its brackets) starting at `s[start]`, or 0 if there is none.
    static func scanLabel(_ s: [UInt8], at start: Int, end: Int) -> Int {
        guard start < end, s[start] == ASCII.leftBracket else { return 0 }
        var i = start + 1
        var characters = 0
        while i < end, characters <= maximumLabelLength {
            let c = s[i]
            switch c {
            case ASCII.leftBracket:
                return 0
            case ASCII.rightBracket:
                return i + 1 - start
            case ASCII.backslash:
                i += i + 1 < end ? 2 : 1
                characters += 2
                continue
            default:
                if c & 0xC0 != 0x80 { characters += 1 }
                i += 1
            }
        }
        return 0
    }

    /// Skips spaces and tabs, at most one line ending, and spaces and tabs again.
    static func skipSpacesAndNewline(_ s: [UInt8], _ i: inout Int, end: Int) {
        while i < end, ASCII.isSpaceOrTab(s[i]) { i += 1 }
        if i < end, s[i] == ASCII.newline {
            i += 1
            while i < end, ASCII.isSpaceOrTab(s[i]) { i += 1 }
        }
    }

    /// A link destination at `s[start]`: `<...>` or a run without spaces or control characters
    /// in which parentheses are balanced. Returns its length and unescaped value.
    static func scanDestination(_ s: [UInt8], at start: Int, end: Int) -> (length: Int, destination: [UInt8])? {
        guard start <= end else { return nil }
        if start < end, s[start] == ASCII.lessThan {
            var i = start + 1
            while i < end {
                let c = s[i]
                if c == ASCII.greaterThan {
                    return (i + 1 - start, CharacterReferences.unescape(s[(start + 1)..<i]))
                }
                if c == ASCII.newline || c == ASCII.lessThan { return nil }
                i += c == ASCII.backslash && i + 1 < end ? 2 : 1
            }
            return nil
        }
        var i = start
        var openParens = 0
        while i < end {
            let c = s[i]
            if c == ASCII.backslash, i + 1 < end, ASCII.isPunctuation(s[i + 1]) {
                i += 2
            } else if c == ASCII.leftParen {
                openParens += 1
                if openParens > maximumParenthesisDepth { return nil }
                i += 1
            } else if c == ASCII.rightParen {
                if openParens == 0 { break }
                openParens -= 1
                i += 1
            } else if c <= ASCII.space || c == 0x7F {
                break
            } else {
                i += 1
            }
        }
        if i == start, i >= end || s[i] != ASCII.rightParen { return nil }
        guard openParens == 0 else { return nil }
        return (i - start, CharacterReferences.unescape(s[start..<i]))
    }

    /// A link title at `s[start]`: `"..."`, `'...'` or `(...)`. Returns its length and unescaped value.
    static func scanTitle(_ s: [UInt8], at start: Int, end: Int) -> (length: Int, title: [UInt8])? {
        guard start < end else { return nil }
        let opener = s[start]
        let closer: UInt8
        switch opener {
        case ASCII.quote, ASCII.apostrophe: closer = opener
        case ASCII.leftParen: closer = ASCII.rightParen
        default: return nil
        }
        var i = start + 1
        while i < end {
            let c = s[i]
            if c == closer {
                return (i + 1 - start, CharacterReferences.unescape(s[(start + 1)..<i]))
            }
            if c == ASCII.leftParen, opener == ASCII.leftParen { return nil }
            i += c == ASCII.backslash && i + 1 < end ? 2 : 1
        }
        return nil
    }

    /// The key under which a label is looked up: brackets removed, whitespace collapsed, case folded.
    /// Returns nil for a label that has no text.
    static func normalizedLabel(_ label: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.count)
        var isASCII = true
        var pendingSpace = false
        for c in label.dropFirst().dropLast() {
            if ASCII.isWhitespace(c) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(ASCII.space); pendingSpace = false }
            if c >= 0x80 { isASCII = false }
            // Upper case: the same as lowercasing then uppercasing, which the non-ASCII path does.
            bytes.append(ASCII.isLetter(c) ? c & ~0x20 : c)
        }
        if bytes.isEmpty { return nil }
        let string = String(decoding: bytes, as: UTF8.self)
        return isASCII ? string : string.lowercased().uppercased()
    }
}

/// `[label]: destination "title"` lines at the start of a paragraph (CommonMark 4.7).
enum LinkReferenceDefinition {
    /// Parses the definitions at the start of a paragraph's text, records the new ones in `references`
    /// (the first definition of a label wins) and returns how many bytes they took.
    static func parseAll(_ s: [UInt8], into references: inout [String: LinkTarget]) -> Int {
        var position = 0
        while position < s.count, s[position] == ASCII.leftBracket {
            let length = parse(s, at: position, into: &references)
            if length == 0 { break }
            position += length
        }
        return position
    }

    private static func parse(_ s: [UInt8], at start: Int, into references: inout [String: LinkTarget]) -> Int {
        let end = s.count
        let labelLength = LinkSyntax.scanLabel(s, at: start, end: end)
        guard labelLength > 0 else { return 0 }
        var i = start + labelLength
        guard i < end, s[i] == ASCII.colon else { return 0 }
        i += 1
        LinkSyntax.skipSpacesAndNewline(s, &i, end: end)
        guard let (destinationLength, destination) = LinkSyntax.scanDestination(s, at: i, end: end) else { return 0 }
        i += destinationLength

        let beforeTitle = i
        LinkSyntax.skipSpacesAndNewline(s, &i, end: end)
        var title: [UInt8]?
        if i != beforeTitle, let (titleLength, value) = LinkSyntax.scanTitle(s, at: i, end: end) {
            title = value
            i += titleLength
        } else {
            i = beforeTitle
        }
        // Nothing but spaces may follow on the line; a title followed by more text is not a title.
        var lineEnd = skipSpaces(s, from: i)
        if lineEnd < end, s[lineEnd] != ASCII.newline {
            guard title != nil else { return 0 }
            title = nil
            lineEnd = skipSpaces(s, from: beforeTitle)
            guard lineEnd >= end || s[lineEnd] == ASCII.newline else { return 0 }
        }
        guard let key = LinkSyntax.normalizedLabel(s[start..<(start + labelLength)]) else { return 0 }
        if references[key] == nil {
            references[key] = LinkTarget(destination: destination, title: title)
        }
        return min(lineEnd + 1, end) - start
    }

    private static func skipSpaces(_ s: [UInt8], from start: Int) -> Int {
        var i = start
        while i < s.count, ASCII.isSpaceOrTab(s[i]) { i += 1 }
        return i
    }
}

import BroadsheetCore

/// Cuts the passage of a story's text that best shows a search's matches, given where FTS5 says the matching tokens
/// are. It splits text into tokens the way FTS5's unicode61 tokenizer does (letters, digits and private-use
/// characters form tokens; everything else separates them) but without stemming, which is what makes FTS5's own
/// `snippet()` slow: it stems every word of the body again.
enum SnippetMaker {
    /// Tokens in a snippet.
    static let length = 28

    /// A match: which phrase, and the token it starts at.
    struct Match: Equatable {
        let phrase: Int
        let offset: Int
    }

    /// What `broadsheet_matches` reports for a row.
    struct Located: Equatable {
        /// The column's length in tokens, as FTS5 counted it.
        var tokens: Int
        var sizes: [Int]
        var matches: [Match]
    }

    /// The passage: the window of `length` tokens holding the most different phrases (then the most matches, then
    /// the earliest), with the matching tokens marked and "…" where text was cut.
    /// If the text's tokens do not line up with FTS5's count (text this tokenizer reads differently), the passage
    /// is the start of the text, unmarked, rather than a wrongly marked one.
    static func snippet(text: String, located: Located, length: Int = length) -> SearchSnippet {
        var text = text
        return text.withUTF8 { snippet(bytes: $0, located: located, length: length) }
    }

    /// The same, over the text's UTF-8 bytes: tokens are byte ranges, and only the passage becomes strings.
    private static func snippet(bytes: UnsafeBufferPointer<UInt8>, located: Located, length: Int) -> SearchSnippet {
        let tokens = tokenBounds(bytes)
        guard !tokens.isEmpty else { return SearchSnippet(parts: []) }
        let aligned = tokens.count == located.tokens
        let sizes = located.sizes
        let matches = aligned ? located.matches : []
        // Each marked token, with the match it belongs to: a phrase's words are marked as one.
        var marked: [Int: Int] = [:]
        for (number, match) in matches.enumerated() {
            let size = match.phrase < sizes.count ? max(1, sizes[match.phrase]) : 1
            for token in match.offset..<(match.offset + size) { marked[token] = number }
        }
        var start = 0
        if !matches.isEmpty, tokens.count > length {
            var best = (phrases: -1, hits: -1)
            for first in Set(matches.map { max(0, min($0.offset - 2, tokens.count - length)) }).sorted() {
                let inside = matches.filter { $0.offset >= first && $0.offset < first + length }
                let score = (phrases: Set(inside.map(\.phrase)).count, hits: inside.count)
                if score.phrases > best.phrases || (score.phrases == best.phrases && score.hits > best.hits) {
                    best = score
                    start = first
                }
            }
        }
        let end = min(tokens.count, start + length)
        var parts: [SearchSnippet.Part] = []
        func add(_ text: String, match: Bool) {
            guard !text.isEmpty else { return }
            if let last = parts.last, last.isMatch == match {
                parts[parts.count - 1].text += text
            } else {
                parts.append(.init(text: text, isMatch: match))
            }
        }
        func add(_ range: Range<Int>, match: Bool) {
            add(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), match: match)
        }
        if start > 0 { add("…", match: false) }
        for index in start..<end {
            if index > start {
                // The space inside a marked phrase is part of the mark.
                let joined = marked[index - 1] != nil && marked[index - 1] == marked[index]
                add(tokens[index - 1].upperBound..<tokens[index].lowerBound, match: joined)
            }
            add(tokens[index], match: marked[index] != nil)
        }
        if end < tokens.count {
            add(" …", match: false)
        } else {
            // The character after the last token, such as the final full stop.
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[end - 1].upperBound...]), as: UTF8.self)
            add(String(rest.prefix(1)), match: false)
        }
        return SearchSnippet(parts: parts)
    }

    /// The byte ranges of the tokens of UTF-8 text, in order, decoding only non-ASCII characters.
    static func tokenBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(bytes.count / 5)
        var tokenStart = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isToken: Bool
            let width: Int
            if byte < 0x80 {
                isToken = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                width = 1
            } else if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 {
                // U+2000 to U+203F: spaces, dashes, quotation marks, the ellipsis; none is a token character, and
                // news text is full of them.
                isToken = false
                width = 3
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(bytes.count, index + width)
                var decoder = UTF8()
                var iterator = bytes[index..<end].makeIterator()
                if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                    isToken = isTokenCharacter(scalar)
                } else {
                    isToken = false
                }
            }
            if isToken, tokenStart < 0 { tokenStart = index }
            if !isToken, tokenStart >= 0 {
                bounds.append(tokenStart..<index)
                tokenStart = -1
            }
            index += width
        }
        if tokenStart >= 0 { bounds.append(tokenStart..<bytes.count) }
        return bounds
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

extension SnippetMaker.Located {
    /// Reads `broadsheet_matches` output; a blob of another shape reads as no matches in a column of unknown length.
    init(blob bytes: UnsafeRawBufferPointer) {
        let count = bytes.count / MemoryLayout<Int32>.size
        let value = { (index: Int) in Int(bytes.loadUnaligned(fromByteOffset: index * MemoryLayout<Int32>.size, as: Int32.self)) }
        guard count >= 2, value(1) >= 0, 2 + value(1) <= count else {
            self.init(tokens: -1, sizes: [], matches: [])
            return
        }
        let phraseCount = value(1)
        var matches: [SnippetMaker.Match] = []
        var index = 2 + phraseCount
        matches.reserveCapacity((count - index) / 2)
        while index + 1 < count {
            matches.append(SnippetMaker.Match(phrase: value(index), offset: value(index + 1)))
            index += 2
        }
        self.init(tokens: value(0), sizes: (0..<phraseCount).map { value(2 + $0) }, matches: matches)
    }
}

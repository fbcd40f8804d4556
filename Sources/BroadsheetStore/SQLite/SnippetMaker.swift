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
        return text.withUTF8 { snippet(utf8: $0, located: located, length: length) }
    }

    /// The same, over a text's UTF-8 bytes read in place (as SQLite holds them): tokens are byte ranges, and only the
    /// passage becomes strings. The passage's place is chosen from FTS5's matches and token count before the text is
    /// read, so one walk over the text counts its tokens and keeps the bounds of the passage's tokens alone.
    static func snippet(utf8 bytes: UnsafeBufferPointer<UInt8>, located: Located, length: Int = length) -> SearchSnippet {
        let length = max(1, length)
        var start = 0
        if !located.matches.isEmpty, located.tokens > length {
            start = bestStart(located.matches, tokenCount: located.tokens, length: length)
        }
        var passage = tokens(bytes, from: start, count: length)
        var matches = located.matches
        if passage.total != located.tokens {
            // The text does not read as FTS5 read it: its start, unmarked.
            matches = []
            if start != 0 { passage = tokens(bytes, from: 0, count: length) }
            start = 0
        }
        let bounds = passage.bounds
        guard !bounds.isEmpty else { return SearchSnippet(parts: []) }
        let end = start + bounds.count
        // Each marked token of the passage, with the match it belongs to: a phrase's words are marked as one.
        var marked = [Int](repeating: -1, count: bounds.count)
        for (number, match) in matches.enumerated() {
            let size = match.phrase < located.sizes.count ? max(1, located.sizes[match.phrase]) : 1
            let lower = max(match.offset, start), upper = min(match.offset + size, end)
            if lower < upper { for token in lower..<upper { marked[token - start] = number } }
        }
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
        for index in bounds.indices {
            if index > 0 {
                // The space inside a marked phrase is part of the mark.
                let joined = marked[index - 1] >= 0 && marked[index - 1] == marked[index]
                add(bounds[index - 1].upperBound..<bounds[index].lowerBound, match: joined)
            }
            add(bounds[index], match: marked[index] >= 0)
        }
        if end < passage.total {
            add(" …", match: false)
        } else {
            // The character after the last token, such as the final full stop.
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds[bounds.count - 1].upperBound...]), as: UTF8.self)
            add(String(rest.prefix(1)), match: false)
        }
        return SearchSnippet(parts: parts)
    }

    /// The first token of the window of `length` tokens holding the most different phrases, then the most matches,
    /// then the earliest; windows start two tokens before a match.
    private static func bestStart(_ matches: [Match], tokenCount: Int, length: Int) -> Int {
        var starts = matches.map { max(0, min($0.offset - 2, tokenCount - length)) }
        starts.sort()
        var best = (phrases: -1, hits: -1), start = 0
        var previous = -1
        var phrases: [Int] = []
        for first in starts where first != previous {
            previous = first
            phrases.removeAll(keepingCapacity: true)
            var hits = 0
            for match in matches where match.offset >= first && match.offset < first + length {
                hits += 1
                if !phrases.contains(match.phrase) { phrases.append(match.phrase) }
            }
            if phrases.count > best.phrases || (phrases.count == best.phrases && hits > best.hits) {
                best = (phrases.count, hits)
                start = first
            }
        }
        return start
    }

    /// How many tokens the text has, and the byte ranges of `count` of them from token `first` on.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, count: Int) -> (total: Int, bounds: [Range<Int>]) {
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(count)
        let last = first + count
        var total = 0
        forEachToken(bytes) { range in
            if total >= first, total < last { bounds.append(range) }
            total += 1
        }
        return (total, bounds)
    }

    /// The byte ranges of the tokens of UTF-8 text, in order, decoding only non-ASCII characters.
    @inline(__always)
    private static func forEachToken(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
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
                body(tokenStart..<index)
                tokenStart = -1
            }
            index += width
        }
        if tokenStart >= 0 { body(tokenStart..<bytes.count) }
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

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

    /// How many tokens the text has, and the byte ranges of `count` of them from token `first` on. The tokens up to the
    /// last wanted one are walked one by one; the rest of the text is only counted, eight ASCII bytes at a time.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, count: Int) -> (total: Int, bounds: [Range<Int>]) {
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(max(0, min(count, 64)))
        let last = first &+ max(0, count)
        var total = 0
        guard last > 0 else { return (countTokens(bytes, from: 0), []) }
        let stop = forEachToken(bytes) { range in
            if total >= first { bounds.append(range) }
            total += 1
            return total < last
        }
        return (total + countTokens(bytes, from: stop), bounds)
    }

    /// Reads one character at `index`: whether it is a token character, and its width in bytes.
    @inline(__always)
    private static func character(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isToken: Bool, width: Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            return ((0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte), 1)
        }
        if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 {
            // U+2000 to U+203F: spaces, dashes, quotation marks, the ellipsis; none is a token character, and news
            // text is full of them.
            return (false, 3)
        }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        let end = min(bytes.count, index + width)
        var decoder = UTF8()
        var iterator = bytes[index..<end].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (isTokenCharacter(scalar), width) }
        return (false, width)
    }

    /// The byte ranges of the tokens of UTF-8 text, in order, decoding only non-ASCII characters, until `body` returns
    /// false. Returns where it stopped: just past the last token given (a byte that is not part of a token), or the end.
    @inline(__always)
    private static func forEachToken(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) -> Int {
        var tokenStart = -1
        var index = 0
        while index < bytes.count {
            let (isToken, width) = character(bytes, at: index)
            if isToken, tokenStart < 0 { tokenStart = index }
            if !isToken, tokenStart >= 0 {
                guard body(tokenStart..<index) else { return index }
                tokenStart = -1
            }
            index += width
        }
        if tokenStart >= 0 { _ = body(tokenStart..<bytes.count) }
        return bytes.count
    }

    /// The number of tokens that start at or after `start`, which must not be inside a token. Eight bytes of ASCII are
    /// looked at together: a byte is a letter or digit when it falls in one of three ranges, found for all eight at once
    /// by adding to each byte so that its top bit says which side of a bound it is on; a token starts at each letter or
    /// digit whose byte before is not one. Words with other bytes go a character at a time, as `forEachToken` reads them.
    static func countTokens(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        /// Top bit of each byte set where the byte (below 0x80) is from `low` to `top`.
        @inline(__always) func within(_ word: UInt64, _ low: UInt64, _ top: UInt64) -> UInt64 {
            (word &+ ones &* (0x80 - low)) & ~(word &+ ones &* (0x7F - top)) & high
        }
        var count = 0, index = max(0, start), inToken = false
        guard let base = bytes.baseAddress else { return 0 }
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if word & high == 0 {
                    let alphanumeric = within(word | (ones &* 0x20), 0x61, 0x7A) | within(word, 0x30, 0x39)
                    // Byte i's flag is at bit 8i + 7; the byte before it is byte i - 1, or the last character read.
                    let before = (alphanumeric << 8) | (inToken ? 0x80 : 0)
                    count += (alphanumeric & ~before).nonzeroBitCount
                    inToken = alphanumeric & (1 << 63) != 0
                    index += 8
                    continue
                }
            }
            let (isToken, width) = character(bytes, at: index)
            if isToken, !inToken { count += 1 }
            inToken = isToken
            index += width
        }
        return count
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

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

    /// Reads `broadsheet_matches` output.
    static func parse(_ text: String) -> Located {
        let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        let tokens = parts.first.flatMap { Int($0) } ?? -1
        let sizes = parts.count > 1 ? parts[1].split(separator: ",").compactMap { Int($0) } : []
        let matches = parts.count > 2 ? parts[2].split(separator: ",").compactMap { pair -> Match? in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let phrase = Int(parts[0]), let offset = Int(parts[1]) else { return nil }
            return Match(phrase: phrase, offset: offset)
        } : []
        return Located(tokens: tokens, sizes: sizes, matches: matches)
    }

    /// The passage: the window of `length` tokens holding the most different phrases (then the most matches, then
    /// the earliest), with the matching tokens marked and "…" where text was cut.
    /// If the text's tokens do not line up with FTS5's count (text this tokenizer reads differently), the passage
    /// is the start of the text, unmarked, rather than a wrongly marked one.
    static func snippet(text: String, located: Located, length: Int = length) -> SearchSnippet {
        let tokens = tokenRanges(text)
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
        func add(_ text: Substring, match: Bool) {
            guard !text.isEmpty else { return }
            if let last = parts.last, last.isMatch == match {
                parts[parts.count - 1].text += text
            } else {
                parts.append(.init(text: String(text), isMatch: match))
            }
        }
        if start > 0 { add("…", match: false) }
        for index in start..<end {
            if index > start {
                // The space inside a marked phrase is part of the mark.
                let joined = marked[index - 1] != nil && marked[index - 1] == marked[index]
                add(text[tokens[index - 1].upperBound..<tokens[index].lowerBound], match: joined)
            }
            add(text[tokens[index]], match: marked[index] != nil)
        }
        if end < tokens.count { add(" …", match: false) } else { add(text[tokens[end - 1].upperBound...].prefix(1), match: false) }
        return SearchSnippet(parts: parts)
    }

    /// The ranges of the tokens of `text`, in order. Reads UTF-8 bytes, decoding only non-ASCII characters.
    static func tokenRanges(_ text: String) -> [Range<String.Index>] {
        var bounds: [(Int, Int)] = []
        var text = text
        text.withUTF8 { bytes in
            var tokenStart = -1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isToken: Bool
                let width: Int
                if byte < 0x80 {
                    isToken = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    width = 1
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
                    bounds.append((tokenStart, index))
                    tokenStart = -1
                }
                index += width
            }
            if tokenStart >= 0 { bounds.append((tokenStart, bytes.count)) }
        }
        let utf8 = text.utf8
        return bounds.map { utf8.index(utf8.startIndex, offsetBy: $0.0)..<utf8.index(utf8.startIndex, offsetBy: $0.1) }
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

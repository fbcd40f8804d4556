/// What a reader typed into the search box, read with a small query language that needs no learning:
/// plain words (all must match), `"exact phrases"`, `-excluded` words or phrases, `prefix*`, and the filters
/// `section:world`, `author:jane-doe` and `tag:floods`. Anything else is read as text, so no input is an error.
public struct SearchQuery: Sendable, Hashable {
    /// Longer input is cut: no real query needs more, and long ones cost time.
    public static let maximumLength = 200
    /// Words, phrases and prefixes beyond this many are ignored.
    public static let maximumTerms = 12
    /// A prefix needs this many letters; shorter ones would match most of the archive.
    public static let minimumPrefixLength = 4
    /// Longer prefixes are matched on their first this many letters, which the index keeps ready.
    public static let maximumPrefixLength = 8

    /// The text as it is echoed back in the search box: control characters removed, trimmed, at most `maximumLength`.
    public let text: String
    /// Words that must all appear, lowercased.
    public private(set) var words: [String] = []
    /// Phrases whose words must appear together, in order.
    public private(set) var phrases: [[String]] = []
    /// Word beginnings, each matching any word that starts with it.
    public private(set) var prefixes: [String] = []
    /// Words or phrases that must not appear.
    public private(set) var excluded: [[String]] = []
    /// Slug filters.
    public private(set) var section: String?
    public private(set) var author: String?
    public private(set) var tag: String?

    public init(_ raw: String) {
        text = Self.clean(raw)
        parse()
    }

    /// The query with filters from form fields added where the text names none.
    public func filtered(section: String?, author: String?, tag: String?) -> SearchQuery {
        var query = self
        query.section = query.section ?? section.flatMap(Self.slugValue)
        query.author = query.author ?? author.flatMap(Self.slugValue)
        query.tag = query.tag ?? tag.flatMap(Self.slugValue)
        return query
    }

    /// Whether the query has anything to match text with (filters alone list stories instead).
    public var hasTextTerms: Bool { !words.isEmpty || !phrases.isEmpty || !prefixes.isEmpty }
    public var hasFilters: Bool { section != nil || author != nil || tag != nil }
    public var isEmpty: Bool { !hasTextTerms && !hasFilters }
    /// Every word to look for, for highlighting and simple stores.
    public var allWords: [String] { words + phrases.flatMap { $0 } + prefixes }

    // MARK: - Reading the text

    private static func clean(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.properties.isNoncharacterCodePoint {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        let trimmed = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        return String(trimmed.prefix(maximumLength)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Splits text into lowercased words: runs of letters, digits and combining marks.
    static func wordsOf<S: StringProtocol>(_ text: S) -> [String] {
        var words: [String] = []
        var current = ""
        // Full-width forms ("ｐｉｅｒ") are read as the letters they stand for.
        for character in String(text).folding(options: .widthInsensitive, locale: nil).lowercased() {
            if character.isLetter || character.isNumber || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { String($0.prefix(64)) }
    }

    private static func slugValue(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        return Slug.isValid(value) ? value : nil
    }

    private var termCount: Int { words.count + phrases.count + prefixes.count + excluded.count }

    private mutating func parse() {
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            let negated = rest.first == "-"
            let body = negated ? rest.dropFirst() : rest
            if body.first == "\"", let close = body.dropFirst().firstIndex(of: "\"") {
                let phrase = Self.wordsOf(body[body.index(after: body.startIndex)..<close])
                add(phrase: phrase, negated: negated)
                rest = body[body.index(after: close)...]
                continue
            }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            read(token: rest[..<end])
            rest = rest[end...]
        }
    }

    private mutating func read(token: Substring) {
        // An unbalanced quote is just punctuation.
        let token = token.filter { $0 != "\"" }[...]
        if token.hasPrefix("-"), token.count > 1 {
            add(phrase: Self.wordsOf(token.dropFirst()), negated: true)
            return
        }
        if let colon = token.firstIndex(of: ":") {
            let key = token[..<colon].lowercased()
            let value = Self.slugValue(String(token[token.index(after: colon)...]))
            if let value, ["section", "author", "tag"].contains(key) {
                switch key {
                case "section": section = section ?? value
                case "author": author = author ?? value
                default: tag = tag ?? value
                }
                return
            }
        }
        let parts = Self.wordsOf(token)
        if token.hasSuffix("*"), let last = parts.last, last.count >= Self.minimumPrefixLength {
            for word in parts.dropLast() { add(word: word) }
            let prefix = String(last.prefix(Self.maximumPrefixLength))
            if termCount < Self.maximumTerms, !prefixes.contains(prefix) { prefixes.append(prefix) }
            return
        }
        for word in parts { add(word: word) }
    }

    private mutating func add(word: String) {
        guard termCount < Self.maximumTerms, !words.contains(word) else { return }
        words.append(word)
    }

    private mutating func add(phrase: [String], negated: Bool) {
        guard !phrase.isEmpty, termCount < Self.maximumTerms else { return }
        if negated {
            if !excluded.contains(phrase) { excluded.append(phrase) }
        } else if phrase.count == 1 {
            add(word: phrase[0])
        } else if !phrases.contains(phrase) {
            phrases.append(phrase)
        }
    }
}

import Foundation

/// What a reader typed into the search box, cleaned so that any input is safe to pass on.
public struct SearchQuery: Sendable, Hashable {
    /// Longer input is cut: no real query needs more, and long ones cost time.
    public static let maximumLength = 200
    /// More words than this are ignored.
    public static let maximumTerms = 12

    /// The text as it is echoed back in the search box.
    public let text: String
    /// The words to match: letters and digits only, lowercased, at most `maximumTerms`.
    public let terms: [String]

    public init(_ raw: String) {
        let cleaned = String(raw.unicodeScalars.filter { !$0.properties.isNoncharacterCodePoint && $0.value >= 0x20 && $0 != "\u{7F}" }
            .prefix(Self.maximumLength).map(Character.init))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        text = cleaned
        var words: [String] = []
        var current = ""
        for character in cleaned.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var seen = Set<String>()
        terms = Array(words.filter { seen.insert($0).inserted }.prefix(Self.maximumTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }
}

import Foundation

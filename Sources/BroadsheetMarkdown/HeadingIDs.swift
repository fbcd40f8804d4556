import Foundation

/// `id` attributes for headings, so that subheadings can be linked: "Who pays? The 2026 budget" becomes
/// "who-pays-the-2026-budget". Made like Core's slugs (lowercase ASCII letters, digits, single hyphens;
/// diacritics folded, apostrophes dropped) and unique within one document ("-2", "-3", ...).
struct HeadingIDs {
    static let maximumLength = 80
    static let fallback = "section"

    private var used: Set<String> = []
    /// For each slug already used, the number to try next for it.
    private var nextNumber: [String: Int] = [:]

    mutating func id(for text: [UInt8]) -> String {
        let base = Self.slug(text)
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        used.insert(candidate)
        return candidate
    }

    /// Latin letters that folding diacritics leaves as they are.
    private static let latinLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]

    static func slug(_ text: [UInt8]) -> String {
        var bytes = text
        if text.contains(where: { $0 >= 0x80 }) {
            let folded = String(decoding: text, as: UTF8.self)
                .folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            var ascii = ""
            for scalar in folded.unicodeScalars {
                if scalar.isASCII {
                    ascii.unicodeScalars.append(scalar)
                } else if scalar == "\u{2019}" {
                    continue // a typographic apostrophe, dropped like "'"
                } else if let letters = latinLetters[scalar] {
                    ascii += letters
                } else {
                    ascii += " "
                }
            }
            bytes = Array(ascii.utf8)
        }
        var slug: [UInt8] = []
        var pendingHyphen = false
        for c in bytes where slug.count < maximumLength {
            if c == ASCII.apostrophe { continue }
            if ASCII.isAlphanumeric(c) {
                if pendingHyphen, !slug.isEmpty { slug.append(ASCII.hyphen) }
                pendingHyphen = false
                slug.append(ASCII.lowercased(c))
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? fallback : String(decoding: slug, as: UTF8.self)
    }
}

import Foundation

/// Slugs are the readable part of addresses: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    public static let maximumLength = 80

    /// A slug made from a headline or name: "Zōë's Café, 2026!" becomes "zoes-cafe-2026".
    public static func make(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                let hyphen = pendingHyphen && !slug.isEmpty
                if slug.unicodeScalars.count + (hyphen ? 2 : 1) > maximumLength { break }
                if hyphen { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "story" : slug.lowercased()
    }

    /// Whether `text` is already a well-formed slug.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maximumLength, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else {
            return false
        }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

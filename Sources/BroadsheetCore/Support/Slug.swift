import Foundation

/// Slugs are the readable part of addresses: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    public static let maximumLength = 80

    /// A slug made from a headline or name: "Zōë's Café, 2026!" becomes "zoes-cafe-2026". Long text is cut at a word
    /// boundary so that the slug has at most `maxLength` characters.
    public static func make(from text: String, maxLength: Int = Slug.maximumLength) -> String {
        makeIfPossible(from: text, maxLength: maxLength) ?? "story"
    }

    /// The slug, or nil when the text has no letters or digits to make one from ("!!!").
    /// Other scripts are transliterated first: "Москва" becomes "moskva".
    public static func makeIfPossible(from text: String, maxLength: Int = Slug.maximumLength) -> String? {
        let latin = text.unicodeScalars.allSatisfy(\.isASCII) ? text : (text.applyingTransform(.toLatin, reverse: false) ?? text)
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }  // "Eastmere's" becomes "eastmeres"
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        var slug = ""
        for word in words {
            if slug.isEmpty {
                slug = String(word.prefix(maxLength))
            } else if slug.count + 1 + word.count <= maxLength {
                slug += "-" + word
            } else {
                break
            }
        }
        return slug.isEmpty ? nil : slug
    }

    /// Whether `text` is already a well-formed slug.
    public static func isValid(_ text: String) -> Bool {
        // One pass over the bytes (every story page checks its address): lowercase ASCII letters and digits, with
        // single hyphens between them. A slug is ASCII, so its bytes are its characters.
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
        var previous = UInt8(ascii: "-")  // as if after a hyphen: a leading hyphen is refused like a doubled one
        for byte in utf8 {
            if byte == UInt8(ascii: "-") {
                if previous == UInt8(ascii: "-") { return false }
            } else if !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)) {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }
}

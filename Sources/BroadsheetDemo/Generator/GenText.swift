import Foundation

/// Small text helpers for the generator, written for speed (they run for every sentence of 100,000 stories).
enum GenText {
    // MARK: Slugs

    /// A slug from a headline or name: lowercase ASCII letters and digits joined by single hyphens, diacritics folded
    /// ("Zoë Marchetti" becomes "zoe-marchetti"), apostrophes dropped ("Eastmere's" becomes "eastmeres"), cut at a
    /// word boundary so that it is at most `maxLength` characters long. Agrees with BroadsheetCore's `Slug.make`
    /// for the text the generator writes.
    static func slug(_ text: String, maxLength: Int = 80) -> String {
        var words = [String]()
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current); current = "" }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x27 || value == 0x2019 { continue }  // apostrophes join: "Eastmere's" -> "eastmeres"
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    flush()
                }
            } else {
                // Fold a letter with diacritics to its base letter by canonical decomposition ("ō" -> "o" + macron).
                var kept = false
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where part.value < 0x80 {
                    let v = part.value
                    if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                        current.unicodeScalars.append(part); kept = true
                    } else if (0x41...0x5A).contains(v) {
                        current.unicodeScalars.append(Unicode.Scalar(v + 0x20)!); kept = true
                    }
                }
                if !kept { flush() }
            }
        }
        flush()
        var slug = ""
        for word in words {
            let extra = slug.isEmpty ? word.utf8.count : word.utf8.count + 1
            if slug.utf8.count + extra > maxLength { break }
            if !slug.isEmpty { slug.append("-") }
            slug.append(word)
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(maxLength)) }
        return slug.isEmpty ? "story" : slug
    }

    // MARK: Counting words

    /// Words in plain text: runs of non-space characters that contain a letter or a digit ("—" and "-" alone are not words).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inToken = false
        var tokenHasWord = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if inToken, tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
            } else {
                inToken = true
                if !tokenHasWord {
                    // ASCII letters and digits, and the lead bytes of two-byte letters (Latin with diacritics and beyond).
                    if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                        || (byte >= 0xC3 && byte <= 0xDF)
                    {
                        tokenHasWord = true
                    }
                }
            }
        }
        if inToken, tokenHasWord { count += 1 }
        return count
    }

    /// Words in a Broadsheet Markdown body, leaving out markup: image paragraphs, the pull-quote marker, link
    /// addresses, heading, quote and list markers. Used by the tests and available to callers who want the same count.
    static func markdownWordCount(_ markdown: String) -> Int {
        var total = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            var text = Substring(line)
            if text.hasPrefix("> ") { text = text.dropFirst(2) } else if text == ">" { continue }
            if text.hasPrefix("![") || text.hasPrefix("[!pullquote]") { continue }
            if text.hasPrefix("## ") { text = text.dropFirst(3) } else if text.hasPrefix("- ") { text = text.dropFirst(2) }
            total += wordCount(stripLinkTargets(String(text)))
        }
        return total
    }

    /// "[text](address)" becomes "text".
    static func stripLinkTargets(_ text: String) -> String {
        guard text.contains("](") else { return text }
        var out = ""
        var skipping = false
        var previous: Character = " "
        for character in text {
            if skipping {
                if character == ")" { skipping = false }
            } else if character == "(" && previous == "]" {
                skipping = true
            } else if character != "[" && character != "]" {
                out.append(character)
            }
            previous = character
        }
        return out
    }

    // MARK: Numbers

    private static let numberWords = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// Newspaper style: numbers up to ten in words, larger ones in figures with thousands separators.
    static func number(_ value: Int) -> String {
        if value >= 0 && value <= 10 { return numberWords[value] }
        return grouped(value)
    }

    static func word(_ value: Int) -> String {
        value >= 0 && value < numberWords.count ? numberWords[value] : grouped(value)
    }

    /// 1234567 -> "1,234,567".
    static func grouped(_ value: Int) -> String {
        var digits = String(abs(value))
        var out = ""
        while digits.count > 3 {
            let tail = digits.suffix(3)
            out = "," + tail + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }

    /// "£2.4m", "£640,000", "£4,250".
    static func money(_ pounds: Double) -> String {
        if pounds >= 100_000_000 {
            return "£" + String(Int((pounds / 1_000_000).rounded())) + "m"
        }
        if pounds >= 1_000_000 {
            let tenths = Int((pounds / 100_000).rounded())
            return tenths % 10 == 0 ? "£\(tenths / 10)m" : "£\(tenths / 10).\(tenths % 10)m"
        }
        if pounds >= 100_000 {
            return "£" + grouped(Int((pounds / 5_000).rounded()) * 5_000)
        }
        if pounds >= 10_000 {
            return "£" + grouped(Int((pounds / 1_000).rounded()) * 1_000)
        }
        return "£" + grouped(max(10, Int((pounds / 10).rounded()) * 10))
    }

    // MARK: Words

    /// Regular English plurals; the generator's noun lists only hold nouns these rules get right.
    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("z") || noun.hasSuffix("ch") || noun.hasSuffix("sh") {
            return noun + "es"
        }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            return String(noun.dropLast()) + "ies"
        }
        return noun + "s"
    }

    /// "a" or "an" for a following word (by its spelling, which is right for the generator's words).
    static func article(for word: String) -> String {
        guard let first = word.unicodeScalars.first else { return "a" }
        switch first {
        case "a", "e", "i", "o", "u", "A", "E", "I", "O", "U": return "an"
        default: return "a"
        }
    }

    /// Upper-cases the first letter, looking past an opening quotation mark.
    static func capitalizeFirst(_ text: inout String) {
        var index = text.startIndex
        while index < text.endIndex, "“‘\"'([".contains(text[index]) {
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return }
        let character = text[index]
        if character.isLowercase {
            text.replaceSubrange(index...index, with: character.uppercased())
        }
    }

    static func capitalized(_ text: String) -> String {
        var copy = text
        capitalizeFirst(&copy)
        return copy
    }

    /// Whether the text ends with a sentence's closing punctuation (looking past closing quotation marks).
    static func endsSentence(_ text: String) -> Bool {
        for character in text.reversed() {
            if character == "”" || character == "’" || character == "\"" || character == ")" { continue }
            return character == "." || character == "?" || character == "!" || character == ":"
        }
        return false
    }

    // MARK: XML

    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

import Foundation

/// Small text helpers for the generator, written for speed (they run for every sentence of 100,000 stories).
enum GenText {
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
}

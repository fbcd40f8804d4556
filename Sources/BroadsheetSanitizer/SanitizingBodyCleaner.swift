import BroadsheetCore
import Foundation

/// Core's `HTMLBodyCleaning` port: the allow-list sanitizer, then the plain text of what remains (for search,
/// summaries and fingerprints) and its word count.
public struct SanitizingBodyCleaner: HTMLBodyCleaning {
    public let sanitizer: HTMLSanitizer

    public init(sanitizer: HTMLSanitizer = HTMLSanitizer()) {
        self.sanitizer = sanitizer
    }

    /// Elements after which text continues on a new line.
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
        "table", "tr", "td", "th", "hr", "section", "article", "aside", "dd", "dt", "dl",
    ]

    public func clean(html: String, base: URL?) -> RenderedStoryBody {
        let safe = sanitizer.sanitize(html, base: base)
        var text = ""
        var tokenizer = HTMLTokenizer(safe)
        while let token = tokenizer.next() {
            switch token {
            case .text(let part): text += part
            case .startTag(let name, _, _) where Self.blocks.contains(name), .endTag(let name) where Self.blocks.contains(name):
                if !text.isEmpty, text.last != "\n" { text += "\n" }
            default: break
            }
        }
        let lines = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        let plain = lines.joined(separator: "\n")
        let words = plain.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
        return RenderedStoryBody(html: safe, plainText: plain, wordCount: words)
    }
}

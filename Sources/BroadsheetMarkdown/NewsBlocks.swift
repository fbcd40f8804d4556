// Broadsheet's extensions for block quotes: attributed quotations and pull quotes (see docs/markdown.md).

/// How a block quote is to be shown.
struct QuoteLayout {
    enum Style {
        case blockQuote
        /// `<figure class="quotation">`: the quote with its attribution as the caption.
        case quotation
        /// `<aside class="pull-quote">`.
        case pullQuote
    }

    var style: Style
    /// The blocks inside the quote, without the `[!pullquote]` line and the attribution.
    var body: [BlockNode]
    /// The text after the attribution's dash.
    var attribution: ArraySlice<UInt8>?

    static let pullQuoteMarker = Array("[!pullquote]".utf8)

    init(of quote: BlockNode, options: MarkdownRenderer.Options) {
        style = .blockQuote
        body = quote.children
        attribution = nil

        if options.contains(.pullQuotes), let first = body.first, first.kind == .paragraph,
           let rest = Self.removingPullQuoteMarker(first.content) {
            style = .pullQuote
            // The paragraph is this render's own copy of the text, so it can be trimmed in place.
            first.content = Array(rest)
            if rest.allSatisfy(ASCII.isWhitespace) { body.removeFirst() }
        }
        guard style == .pullQuote || options.contains(.quotations) else { return }
        // The attribution is the last paragraph, starting with "— " or "-- ", if the quote has more before it.
        if body.count >= 2, let last = body.last, last.kind == .paragraph, let text = Self.attributionText(last.content) {
            attribution = text
            body.removeLast()
            if style == .blockQuote { style = .quotation }
        }
    }

    /// The paragraph's text after its first line, if that line is exactly `[!pullquote]` (in any case).
    private static func removingPullQuoteMarker(_ text: [UInt8]) -> ArraySlice<UInt8>? {
        let lineEnd = text.firstIndex(of: ASCII.newline) ?? text.count
        let line = text[..<lineEnd].trimmingWhitespace()
        guard line.count == pullQuoteMarker.count,
              zip(line, pullQuoteMarker).allSatisfy({ ASCII.lowercased($0) == $1 }) else { return nil }
        return text[min(lineEnd + 1, text.count)...]
    }

    /// The text after a leading "— " (em dash) or "-- ".
    private static func attributionText(_ text: [UInt8]) -> ArraySlice<UInt8>? {
        let emDash: [UInt8] = [0xE2, 0x80, 0x94]
        let markerLength: Int
        if text.starts(with: emDash) {
            markerLength = 3
        } else if text.starts(with: [ASCII.hyphen, ASCII.hyphen]) {
            markerLength = 2
        } else {
            return nil
        }
        guard markerLength < text.count, ASCII.isSpaceOrTab(text[markerLength]) else { return nil }
        let rest = text[markerLength...].trimmingWhitespace()
        return rest.isEmpty ? nil : rest
    }
}

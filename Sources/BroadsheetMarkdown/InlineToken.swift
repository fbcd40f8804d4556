// The result of parsing a block's inline content: a flat sequence of tokens.
// Emphasis and links are nested properly, but instead of a tree the tokens carry the tags
// that open and close around them, which is all the HTML writer needs. Tokens are plain values
// (no references), so the sequence costs no allocation per node and no reference counting.

struct InlineToken {
    enum Kind: UInt8 {
        /// Literal text (also unmatched brackets and raw HTML, which is shown, escaped, as text).
        case text
        /// `[` or `![` that may still open a link; text if it doesn't.
        case bracket
        /// A run of `*` or `_`: the text left after matching, with emphasis tags around it.
        case delimiter
        case softBreak
        case hardBreak
        case code
        case linkOpen
        case linkClose
        case imageOpen
        case imageClose
        /// `<https://…>` or `<someone@example.org>`: `text` is what is shown, `link` where it points.
        case autolink
    }

    var kind: Kind
    /// The token's text, a range in `InlineContent.text`.
    var start: Int32
    var end: Int32
    /// For links, images and autolinks: the index of the target in `InlineContent.links`.
    var link: Int32 = -1
    /// For a delimiter run: the emphasis it closes, before its remaining text (innermost first),
    /// and the emphasis it opens after it (outermost first); lists in `InlineContent.emphasis`.
    var firstClosing: Int32 = -1
    var lastClosing: Int32 = -1
    var firstOpening: Int32 = -1

    init(_ kind: Kind, start: Int, end: Int, link: Int = -1) {
        self.kind = kind
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.link = Int32(truncatingIfNeeded: link)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}

struct InlineContent {
    var tokens: [InlineToken] = []
    /// The text all tokens refer to, already unescaped.
    var text: [UInt8] = []
    var links: [LinkTarget] = []
    var emphasis: [EmphasisTag] = []

    /// An `<em>` or `<strong>` tag in a list of them.
    struct EmphasisTag {
        var isStrong: Bool
        var next: Int32 = -1
    }

    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        emphasis.removeAll(keepingCapacity: true)
    }

    /// Records emphasis between two delimiter runs: it opens after `opener` (outside what already opens there)
    /// and closes before `closer` (outside what already closes there).
    mutating func addEmphasis(opener: Int, closer: Int, isStrong: Bool) {
        let open = Int32(emphasis.count)
        emphasis.append(EmphasisTag(isStrong: isStrong, next: tokens[opener].firstOpening))
        tokens[opener].firstOpening = open

        let close = Int32(emphasis.count)
        emphasis.append(EmphasisTag(isStrong: isStrong))
        if tokens[closer].lastClosing >= 0 {
            emphasis[Int(tokens[closer].lastClosing)].next = close
        } else {
            tokens[closer].firstClosing = close
        }
        tokens[closer].lastClosing = close
    }

    /// The index of the token that closes the link or image opened by `tokens[index]`.
    func closingIndex(of index: Int) -> Int? {
        let link = tokens[index].link
        let closeKind: InlineToken.Kind = tokens[index].kind == .imageOpen ? .imageClose : .linkClose
        var i = index + 1
        while i < tokens.count {
            if tokens[i].kind == closeKind, tokens[i].link == link { return i }
            i += 1
        }
        return nil
    }
}

import BroadsheetCore

/// Renders a story's Markdown body (CommonMark, with Broadsheet's figures, quotations and pull quotes)
/// to safe HTML: raw HTML is shown as text, and links and images keep only allowed addresses.
/// See docs/markdown.md for what editors can write.
public struct MarkdownRenderer: StoryBodyRendering {
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `#` and `##` both become `<h2>`: the page's headline is its only `<h1>`.
        public static let shiftHeadings = Options(rawValue: 1 << 0)
        /// Headings get an `id` made from their text, unique in the document.
        public static let headingIDs = Options(rawValue: 1 << 1)
        /// A paragraph that is only an image becomes a `<figure>`; the image's title is its caption and credit.
        public static let figures = Options(rawValue: 1 << 2)
        /// A block quote ending in a "— Name" paragraph becomes a `<figure class="quotation">`.
        public static let quotations = Options(rawValue: 1 << 3)
        /// A block quote starting with a `[!pullquote]` line becomes an `<aside class="pull-quote">`.
        public static let pullQuotes = Options(rawValue: 1 << 4)
        /// Images get `loading="lazy"`.
        public static let lazyImages = Options(rawValue: 1 << 5)
        /// `<br>`, `<hr>` and `<img …>` rather than the reference renderer's `<br />`.
        public static let html5VoidElements = Options(rawValue: 1 << 6)

        /// Plain CommonMark, written like the reference implementation (except that raw HTML is escaped and
        /// addresses are checked), for comparing with the specification's examples.
        public static let commonMark: Options = []
        /// What the site uses.
        public static let broadsheet: Options = [
            .shiftHeadings, .headingIDs, .figures, .quotations, .pullQuotes, .lazyImages, .html5VoidElements,
        ]
    }

    public let options: Options

    public init() {
        self.init(options: .broadsheet)
    }

    public init(options: Options) {
        self.options = options
    }

    public func render(markdown: String) -> RenderedStoryBody {
        var source = Array(markdown.utf8)
        if source.contains(0) {
            // U+0000 is replaced by U+FFFD (CommonMark 2.3).
            source = source.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
        }
        var parser = BlockParser(source: source)
        let document = parser.parse()
        var writer = HTMLWriter(options: options, references: parser.references, expectedLength: source.count)
        writer.write(document)
        return RenderedStoryBody(
            html: String(decoding: writer.html, as: UTF8.self),
            plainText: String(decoding: writer.plain, as: UTF8.self),
            wordCount: WordCount.count(writer.plain)
        )
    }
}

// Writes the block tree as HTML, in the layout of CommonMark's reference renderer (one block per line),
// and collects the plain text beside it. Inline content is parsed here, block by block.

struct HTMLWriter {
    let options: MarkdownRenderer.Options
    private var inline: InlineParser
    private(set) var html: [UInt8] = []
    private(set) var plain: [UInt8] = []
    private var plainSeparatorPending = false
    /// Pull quotes repeat the story's own words, so their text is left out of the plain text (and word count).
    private var plainSuspended = false
    private var headingIDs = HeadingIDs()

    init(options: MarkdownRenderer.Options, references: [String: LinkTarget], expectedLength: Int) {
        self.options = options
        inline = InlineParser(references: references)
        html.reserveCapacity(expectedLength + expectedLength / 4)
        plain.reserveCapacity(expectedLength)
    }

    private var isHTML5: Bool { options.contains(.html5VoidElements) }

    /// Starts a new line unless at the start of one.
    private mutating func cr() {
        if let last = html.last, last != ASCII.newline { html.append(ASCII.newline) }
    }

    // MARK: Plain text

    /// The next plain text starts a new paragraph.
    private mutating func beginPlainBlock() {
        plainSeparatorPending = !plain.isEmpty
    }

    private mutating func appendPlain<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard !bytes.isEmpty, !plainSuspended else { return }
        separatePlainBlock()
        plain.append(contentsOf: bytes)
    }

    private mutating func appendPlain(byte: UInt8) {
        guard !plainSuspended else { return }
        separatePlainBlock()
        plain.append(byte)
    }

    private mutating func separatePlainBlock() {
        if plainSeparatorPending {
            plain.append(ASCII.newline)
            plain.append(ASCII.newline)
            plainSeparatorPending = false
        }
    }

    // MARK: Blocks

    mutating func write(_ document: BlockNode) {
        writeBlocks(document.children)
    }

    private mutating func writeBlocks(_ blocks: [BlockNode]) {
        for block in blocks { writeBlock(block) }
    }

    private mutating func writeBlock(_ block: BlockNode, inTightList: Bool = false) {
        switch block.kind {
        case .document:
            writeBlocks(block.children)
        case .paragraph:
            writeParagraph(block.content[...], tight: inTightList)
        case .heading:
            writeHeading(block)
        case .thematicBreak:
            cr()
            html.append(isHTML5 ? "<hr>\n" : "<hr />\n")
        case .codeBlock:
            writeCode(block)
        case .blockQuote:
            writeQuote(block)
        case .list:
            writeList(block)
        case .item:
            writeBlocks(block.children)
        }
    }

    private mutating func writeParagraph(_ text: ArraySlice<UInt8>, tight: Bool) {
        inline.parse(text)
        if options.contains(.figures), writeFigureIfSoleImage() { return }
        if !tight {
            cr()
            html.append("<p>")
        }
        beginPlainBlock()
        writeInlines(inline.content.tokens.indices)
        if !tight { html.append("</p>\n") }
    }

    private mutating func writeHeading(_ block: BlockNode) {
        inline.parse(block.content[...])
        let level = options.contains(.shiftHeadings) ? max(2, block.headingLevel) : block.headingLevel
        cr()
        html.append("<h")
        html.append(UInt8(0x30 + level))
        if options.contains(.headingIDs) {
            var text: [UInt8] = []
            Self.appendText(of: inline.content, to: &text)
            html.append(" id=\"")
            Escaping.appendHTML(Array(headingIDs.id(for: text).utf8), to: &html)
            html.append(ASCII.quote)
        }
        html.append(ASCII.greaterThan)
        beginPlainBlock()
        writeInlines(inline.content.tokens.indices)
        html.append("</h")
        html.append(UInt8(0x30 + level))
        html.append(">\n")
    }

    private mutating func writeCode(_ block: BlockNode) {
        cr()
        html.append("<pre><code")
        let language = block.info.prefix(while: { !ASCII.isWhitespace($0) })
        if !language.isEmpty {
            html.append(" class=\"language-")
            Escaping.appendHTML(language, to: &html)
            html.append(ASCII.quote)
        }
        html.append(ASCII.greaterThan)
        Escaping.appendHTML(block.content, to: &html)
        html.append("</code></pre>\n")
        beginPlainBlock()
        appendPlain(block.content[...].trimmingWhitespace())
    }

    private mutating func writeList(_ list: BlockNode) {
        cr()
        if list.marker.isOrdered {
            if list.marker.start == 1 {
                html.append("<ol>\n")
            } else {
                html.append("<ol start=\"")
                html.append(contentsOf: String(list.marker.start).utf8)
                html.append("\">\n")
            }
        } else {
            html.append("<ul>\n")
        }
        for item in list.children {
            cr()
            html.append("<li>")
            for child in item.children {
                writeBlock(child, inTightList: list.isTight)
            }
            html.append("</li>\n")
        }
        html.append(list.marker.isOrdered ? "</ol>\n" : "</ul>\n")
    }

    private mutating func writeQuote(_ quote: BlockNode) {
        let layout = QuoteLayout(of: quote, options: options)
        cr()
        switch layout.style {
        case .blockQuote:
            html.append("<blockquote>\n")
            writeBlocks(layout.body)
            cr()
            html.append("</blockquote>\n")
        case .quotation:
            html.append("<figure class=\"quotation\">\n<blockquote>\n")
            writeBlocks(layout.body)
            cr()
            html.append("</blockquote>\n<figcaption>— <cite>")
            if let attribution = layout.attribution { writeAttribution(attribution) }
            html.append("</cite></figcaption>\n</figure>\n")
        case .pullQuote:
            let wasSuspended = plainSuspended
            plainSuspended = true
            defer { plainSuspended = wasSuspended }
            html.append("<aside class=\"pull-quote\">\n")
            writeBlocks(layout.body)
            if let attribution = layout.attribution {
                cr()
                html.append("<p class=\"pull-quote-attribution\">— ")
                writeAttribution(attribution)
                html.append("</p>\n")
            }
            cr()
            html.append("</aside>\n")
        }
    }

    private mutating func writeAttribution(_ text: ArraySlice<UInt8>) {
        inline.parse(text)
        beginPlainBlock()
        appendPlain([0xE2, 0x80, 0x94, ASCII.space]) // "— "
        writeInlines(inline.content.tokens.indices)
    }

    // MARK: Figures

    /// A paragraph that is one image (with an allowed address) becomes a figure, its title the caption.
    private mutating func writeFigureIfSoleImage() -> Bool {
        let content = inline.content
        guard content.tokens.count >= 2, content.tokens[0].kind == .imageOpen,
              content.closingIndex(of: 0) == content.tokens.count - 1 else { return false }
        let target = content.links[Int(content.tokens[0].link)]
        guard URLPolicy.allows(target.destination, for: .image) else { return false }

        cr()
        html.append("<figure><img src=\"")
        Escaping.appendURL(target.destination, to: &html)
        html.append("\" alt=\"")
        writeInlines(1..<(content.tokens.count - 1), insideImage: true)
        html.append(ASCII.quote)
        if options.contains(.lazyImages) { html.append(" loading=\"lazy\"") }
        html.append(isHTML5 ? ">" : " />")

        if let title = target.title, !title.allSatisfy(ASCII.isWhitespace) {
            let (caption, credit) = Self.splitCaption(title)
            beginPlainBlock()
            html.append("<figcaption>")
            Escaping.appendHTML(caption, to: &html)
            appendPlain(caption)
            if !credit.isEmpty {
                if !caption.isEmpty {
                    html.append(ASCII.space)
                    appendPlain(byte: ASCII.space)
                }
                html.append("<span class=\"credit\">")
                Escaping.appendHTML(credit, to: &html)
                html.append("</span>")
                appendPlain(credit)
            }
            html.append("</figcaption>")
        }
        html.append("</figure>\n")
        return true
    }

    /// "Caption | Credit": split at the first " | ".
    static func splitCaption(_ title: [UInt8]) -> (caption: ArraySlice<UInt8>, credit: ArraySlice<UInt8>) {
        var i = 0
        while i + 2 < title.count {
            if title[i] == ASCII.space, title[i + 1] == ASCII.pipe, title[i + 2] == ASCII.space {
                return (title[..<i].trimmingWhitespace(), title[(i + 3)...].trimmingWhitespace())
            }
            i += 1
        }
        return (title[...].trimmingWhitespace(), [])
    }

    // MARK: Inlines

    /// Writes tokens as HTML (and their text as plain text). Inside an image only text is written:
    /// it is the alt attribute, or for an image that is not allowed, the text shown instead.
    private mutating func writeInlines(_ range: Range<Int>, insideImage: Bool = false) {
        let content = inline.content
        let text = content.text
        var imageDepth = insideImage ? 1 : 0
        var imageAllowed = insideImage
        for index in range {
            let token = content.tokens[index]
            switch token.kind {
            case .text, .bracket:
                writeText(text[token.range], plainToo: imageDepth == 0)
            case .delimiter:
                var tag = imageDepth == 0 ? Int(token.firstClosing) : -1
                while tag >= 0 {
                    html.append(content.emphasis[tag].isStrong ? "</strong>" : "</em>")
                    tag = Int(content.emphasis[tag].next)
                }
                writeText(text[token.range], plainToo: imageDepth == 0)
                tag = imageDepth == 0 ? Int(token.firstOpening) : -1
                while tag >= 0 {
                    html.append(content.emphasis[tag].isStrong ? "<strong>" : "<em>")
                    tag = Int(content.emphasis[tag].next)
                }
            case .softBreak:
                html.append(ASCII.newline)
                if imageDepth == 0 { appendPlain(byte: ASCII.space) }
            case .hardBreak:
                if imageDepth == 0 {
                    html.append(isHTML5 ? "<br>\n" : "<br />\n")
                    appendPlain(byte: ASCII.newline)
                } else {
                    html.append(ASCII.newline)
                }
            case .code:
                if imageDepth == 0 { html.append("<code>") }
                writeText(text[token.range], plainToo: imageDepth == 0)
                if imageDepth == 0 { html.append("</code>") }
            case .linkOpen:
                let target = content.links[Int(token.link)]
                guard imageDepth == 0, URLPolicy.allows(target.destination, for: .link) else { break }
                html.append("<a href=\"")
                Escaping.appendURL(target.destination, to: &html)
                html.append(ASCII.quote)
                writeTitle(target.title)
                html.append(ASCII.greaterThan)
            case .linkClose:
                let target = content.links[Int(token.link)]
                guard imageDepth == 0, URLPolicy.allows(target.destination, for: .link) else { break }
                html.append("</a>")
            case .imageOpen:
                imageDepth += 1
                guard imageDepth == 1 else { break }
                let target = content.links[Int(token.link)]
                imageAllowed = URLPolicy.allows(target.destination, for: .image)
                if imageAllowed {
                    html.append("<img src=\"")
                    Escaping.appendURL(target.destination, to: &html)
                    html.append("\" alt=\"")
                }
            case .imageClose:
                imageDepth -= 1
                guard imageDepth == 0, imageAllowed else { break }
                html.append(ASCII.quote)
                writeTitle(content.links[Int(token.link)].title)
                if options.contains(.lazyImages) { html.append(" loading=\"lazy\"") }
                html.append(isHTML5 ? ">" : " />")
            case .autolink:
                let target = content.links[Int(token.link)]
                let allowed = imageDepth == 0 && URLPolicy.allows(target.destination, for: .link)
                if allowed {
                    html.append("<a href=\"")
                    Escaping.appendURL(target.destination, to: &html)
                    html.append("\">")
                }
                writeText(text[token.range], plainToo: imageDepth == 0)
                if allowed { html.append("</a>") }
            }
        }
    }

    private mutating func writeText(_ bytes: ArraySlice<UInt8>, plainToo: Bool) {
        Escaping.appendHTML(bytes, to: &html)
        if plainToo { appendPlain(bytes) }
    }

    private mutating func writeTitle(_ title: [UInt8]?) {
        guard let title, !title.isEmpty else { return }
        html.append(" title=\"")
        Escaping.appendHTML(title, to: &html)
        html.append(ASCII.quote)
    }

    /// The text of inline content as a reader sees it, without images (for heading ids).
    private static func appendText(of content: InlineContent, to out: inout [UInt8]) {
        var imageDepth = 0
        for token in content.tokens {
            switch token.kind {
            case .imageOpen: imageDepth += 1
            case .imageClose: imageDepth -= 1
            case .softBreak, .hardBreak: if imageDepth == 0 { out.append(ASCII.space) }
            case .linkOpen, .linkClose: break
            default: if imageDepth == 0 { out.append(contentsOf: content.text[token.range]) }
            }
        }
    }
}

// Phase two of parsing (CommonMark part 6): the text of a paragraph or heading becomes inline tokens.
// One parser is reused for all blocks of a document, so its buffers are allocated once.

struct InlineParser {
    struct Delimiter {
        var token: Int
        var char: UInt8
        /// Delimiters left in the run.
        var count: Int
        var originalCount: Int
        var canOpen: Bool
        var canClose: Bool
        var previous: Int
        var next: Int
    }

    struct Bracket {
        var token: Int
        /// Where the `[` is, for using the link text as a reference label.
        var labelStart: Int
        var isImage: Bool
        var isActive = true
        /// Whether another `[` followed; the text then can't be a reference label.
        var bracketAfter = false
        /// The top of the delimiter stack when the bracket was seen.
        var previousDelimiter: Int
    }

    let references: [String: LinkTarget]
    var content = InlineContent()

    var s: [UInt8] = []
    var pos = 0
    var end = 0
    var delimiters: [Delimiter] = []
    var lastDelimiter = -1
    var brackets: [Bracket] = []
    var openersBottom = [Int](repeating: -1, count: 12)
    /// Where the runs of backticks are, by length, found in one pass when the first code span starts;
    /// with the next candidate for each length, so that searching for closing runs stays linear.
    var backtickRuns: [Int: [Int]] = [:]
    var nextBacktickRun: [Int: Int] = [:]
    var backtickRunsIndexed = false
    /// Raw HTML constructs whose terminator is known not to occur further on (keeps unclosed ones linear).
    var unterminatedHTML = InlineHTML.Unterminated()

    init(references: [String: LinkTarget]) {
        self.references = references
    }

    private static let isSpecial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in [ASCII.newline, ASCII.backslash, ASCII.backtick, ASCII.asterisk, ASCII.underscore,
                  ASCII.leftBracket, ASCII.rightBracket, ASCII.bang, ASCII.lessThan, ASCII.ampersand] {
            table[Int(c)] = true
        }
        return table
    }()

    /// Parses `text` (a block's raw content; leading and trailing whitespace is ignored) into `content`.
    mutating func parse(_ text: ArraySlice<UInt8>) {
        content.removeAll()
        delimiters.removeAll(keepingCapacity: true)
        brackets.removeAll(keepingCapacity: true)
        if backtickRunsIndexed {
            backtickRuns.removeAll(keepingCapacity: true)
            nextBacktickRun.removeAll(keepingCapacity: true)
            backtickRunsIndexed = false
        }
        unterminatedHTML = InlineHTML.Unterminated()
        lastDelimiter = -1
        s.removeAll(keepingCapacity: true)
        s.append(contentsOf: text.trimmingWhitespace())
        pos = 0
        end = s.count

        let isSpecial = Self.isSpecial
        while pos < end {
            let c = s[pos]
            if !isSpecial[Int(c)] {
                var i = pos + 1
                while i < end, !isSpecial[Int(s[i])] { i += 1 }
                appendText(s[pos..<i])
                pos = i
                continue
            }
            switch c {
            case ASCII.newline: parseNewline()
            case ASCII.backslash: parseBackslash()
            case ASCII.backtick: parseCodeSpan()
            case ASCII.asterisk, ASCII.underscore: parseDelimiterRun()
            case ASCII.leftBracket: parseOpenBracket(image: false)
            case ASCII.bang:
                if pos + 1 < end, s[pos + 1] == ASCII.leftBracket {
                    parseOpenBracket(image: true)
                } else {
                    appendText(s[pos..<(pos + 1)])
                    pos += 1
                }
            case ASCII.rightBracket: parseCloseBracket()
            case ASCII.lessThan: parseAngleBracket()
            default: parseCharacterReference()
            }
        }
        processEmphasis(stackBottom: -1)
    }

    // MARK: Text

    mutating func appendText<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let start = content.text.count
        content.text.append(contentsOf: bytes)
        extendText(from: start)
    }

    /// Covers `content.text[start...]` with a text token, extending the previous one if it ends there.
    mutating func extendText(from start: Int) {
        let end = content.text.count
        if let last = content.tokens.indices.last, content.tokens[last].kind == .text, Int(content.tokens[last].end) == start {
            content.tokens[last].end = Int32(truncatingIfNeeded: end)
        } else {
            content.tokens.append(InlineToken(.text, start: start, end: end))
        }
    }

    private mutating func appendToken(_ kind: InlineToken.Kind, text bytes: ArraySlice<UInt8> = [], link: Int = -1) {
        let start = content.text.count
        content.text.append(contentsOf: bytes)
        content.tokens.append(InlineToken(kind, start: start, end: content.text.count, link: link))
    }

    private mutating func skipSpacesAtLineStart() {
        while pos < end, ASCII.isSpaceOrTab(s[pos]) { pos += 1 }
    }

    private mutating func parseNewline() {
        pos += 1
        var isHard = false
        if let last = content.tokens.indices.last, content.tokens[last].kind == .text {
            // Spaces at the end of a line are dropped; two or more make a hard break.
            let start = Int(content.tokens[last].start)
            var trimmed = Int(content.tokens[last].end)
            var spaces = 0
            while trimmed > start, ASCII.isSpaceOrTab(content.text[trimmed - 1]) {
                if content.text[trimmed - 1] == ASCII.space { spaces += 1 }
                trimmed -= 1
            }
            isHard = spaces >= 2
            content.tokens[last].end = Int32(truncatingIfNeeded: trimmed)
        }
        appendToken(isHard ? .hardBreak : .softBreak)
        skipSpacesAtLineStart()
    }

    private mutating func parseBackslash() {
        let next: UInt8 = pos + 1 < end ? s[pos + 1] : 0
        if next == ASCII.newline {
            pos += 2
            appendToken(.hardBreak)
            skipSpacesAtLineStart()
        } else if ASCII.isPunctuation(next) {
            appendText(s[(pos + 1)..<(pos + 2)])
            pos += 2
        } else {
            appendText(s[pos..<(pos + 1)])
            pos += 1
        }
    }

    private mutating func parseCharacterReference() {
        let start = content.text.count
        let length = CharacterReferences.decode(s, at: pos, end: end, into: &content.text)
        if length > 0 {
            extendText(from: start)
            pos += length
        } else {
            appendText(s[pos..<(pos + 1)])
            pos += 1
        }
    }

    // MARK: Code spans

    private mutating func parseCodeSpan() {
        let start = pos
        while pos < end, s[pos] == ASCII.backtick { pos += 1 }
        let length = pos - start
        if let closer = nextBacktickRun(length: length, after: pos) {
            appendCode(s[pos..<closer])
            pos = closer + length
        } else {
            appendText(s[start..<pos])
        }
    }

    /// The start of the first run of exactly `length` backticks at or after `position`.
    private mutating func nextBacktickRun(length: Int, after position: Int) -> Int? {
        if !backtickRunsIndexed {
            backtickRunsIndexed = true
            var i = 0
            while i < end {
                if s[i] != ASCII.backtick { i += 1; continue }
                let runStart = i
                while i < end, s[i] == ASCII.backtick { i += 1 }
                backtickRuns[i - runStart, default: []].append(runStart)
            }
        }
        guard let runs = backtickRuns[length] else { return nil }
        var next = nextBacktickRun[length] ?? 0
        while next < runs.count, runs[next] < position { next += 1 }
        nextBacktickRun[length] = next
        return next < runs.count ? runs[next] : nil
    }

    /// Line endings become spaces; one space is stripped from each side if both have one (and not all are spaces).
    private mutating func appendCode(_ code: ArraySlice<UInt8>) {
        let start = content.text.count
        for c in code { content.text.append(c == ASCII.newline ? ASCII.space : c) }
        var lower = start
        var upper = content.text.count
        if upper - lower >= 2, content.text[lower] == ASCII.space, content.text[upper - 1] == ASCII.space,
           content.text[lower..<upper].contains(where: { $0 != ASCII.space }) {
            lower += 1
            upper -= 1
        }
        content.tokens.append(InlineToken(.code, start: lower, end: upper))
    }

    // MARK: Emphasis delimiters

    private mutating func parseDelimiterRun() {
        let c = s[pos]
        let start = pos
        while pos < end, s[pos] == c { pos += 1 }
        let before = CharacterClass.before(start, in: s)
        let after = CharacterClass.at(pos, in: s, end: end)
        let leftFlanking = after != .whitespace && (after != .punctuation || before != .other)
        let rightFlanking = before != .whitespace && (before != .punctuation || after != .other)
        let canOpen: Bool
        let canClose: Bool
        if c == ASCII.asterisk {
            canOpen = leftFlanking
            canClose = rightFlanking
        } else {
            canOpen = leftFlanking && (!rightFlanking || before == .punctuation)
            canClose = rightFlanking && (!leftFlanking || after == .punctuation)
        }
        let token = content.tokens.count
        appendToken(.delimiter, text: s[start..<pos])
        guard canOpen || canClose else { return }
        let index = delimiters.count
        delimiters.append(Delimiter(token: token, char: c, count: pos - start, originalCount: pos - start,
                                    canOpen: canOpen, canClose: canClose, previous: lastDelimiter, next: -1))
        if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index }
        lastDelimiter = index
    }

    mutating func removeDelimiter(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if previous >= 0 { delimiters[previous].next = next }
        if next >= 0 {
            delimiters[next].previous = previous
        } else {
            lastDelimiter = previous
        }
    }

    // MARK: Links and images

    private mutating func parseOpenBracket(image: Bool) {
        let length = image ? 2 : 1
        if let last = brackets.indices.last { brackets[last].bracketAfter = true }
        brackets.append(Bracket(token: content.tokens.count, labelStart: pos + length - 1, isImage: image,
                                previousDelimiter: lastDelimiter))
        appendToken(.bracket, text: s[pos..<(pos + length)])
        pos += length
    }

    private mutating func parseCloseBracket() {
        pos += 1
        let afterBracket = pos
        guard let opener = brackets.last else {
            appendText(s[(pos - 1)..<pos])
            return
        }
        guard opener.isActive else {
            brackets.removeLast()
            appendText(s[(pos - 1)..<pos])
            return
        }

        var target = inlineLinkTarget()
        if target == nil {
            // A reference: full `[text][label]`, collapsed `[text][]` or shortcut `[text]`.
            let labelLength = LinkSyntax.scanLabel(s, at: pos, end: end)
            var label: Range<Int>?
            if labelLength > 2 {
                label = pos..<(pos + labelLength)
            } else if !opener.bracketAfter, afterBracket - opener.labelStart <= LinkSyntax.maximumLabelLength + 2 {
                label = opener.labelStart..<afterBracket
            }
            if let label, let key = LinkSyntax.normalizedLabel(s[label]), let found = references[key] {
                target = found
                pos += labelLength
            }
        }

        guard let target else {
            brackets.removeLast()
            pos = afterBracket
            appendText(s[(pos - 1)..<pos])
            return
        }
        let link = content.links.count
        content.links.append(target)
        content.tokens[opener.token].kind = opener.isImage ? .imageOpen : .linkOpen
        content.tokens[opener.token].link = Int32(link)
        appendToken(opener.isImage ? .imageClose : .linkClose, link: link)
        processEmphasis(stackBottom: opener.previousDelimiter)
        brackets.removeLast()
        if !opener.isImage {
            // No links in links: earlier `[` can no longer open one. (Those below an inactive one already are.)
            for i in brackets.indices.reversed() where !brackets[i].isImage {
                if !brackets[i].isActive { break }
                brackets[i].isActive = false
            }
        }
    }

    /// `(destination "title")` right after the `]`; on success moves past it.
    private mutating func inlineLinkTarget() -> LinkTarget? {
        guard pos < end, s[pos] == ASCII.leftParen else { return nil }
        var i = pos + 1
        LinkSyntax.skipSpacesAndNewline(s, &i, end: end)
        guard let (destinationLength, destination) = LinkSyntax.scanDestination(s, at: i, end: end) else { return nil }
        i += destinationLength
        let beforeTitle = i
        LinkSyntax.skipSpacesAndNewline(s, &i, end: end)
        var title: [UInt8]?
        if i > beforeTitle, let (titleLength, value) = LinkSyntax.scanTitle(s, at: i, end: end) {
            title = value
            i += titleLength
            LinkSyntax.skipSpacesAndNewline(s, &i, end: end)
        }
        guard i < end, s[i] == ASCII.rightParen else { return nil }
        pos = i + 1
        return LinkTarget(destination: destination, title: title)
    }

    // MARK: Autolinks and raw HTML

    private mutating func parseAngleBracket() {
        if let (length, isEmail) = InlineHTML.scanAutolink(s, at: pos, end: end) {
            let address = s[(pos + 1)..<(pos + length - 1)]
            var destination: [UInt8] = []
            if isEmail { destination.append("mailto:") }
            destination.append(contentsOf: address)
            let link = content.links.count
            content.links.append(LinkTarget(destination: destination, title: nil))
            appendToken(.autolink, text: address, link: link)
            pos += length
        } else if let length = InlineHTML.scanTag(s, at: pos, end: end, unterminated: &unterminatedHTML) {
            // Raw HTML is not passed through: it is kept whole (so nothing inside it is parsed) and shown as text.
            appendText(s[pos..<(pos + length)])
            pos += length
        } else {
            appendText(s[pos..<(pos + 1)])
            pos += 1
        }
    }
}

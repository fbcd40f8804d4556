// Phase one of parsing (CommonMark appendix "A parsing strategy"): lines are consumed one at a time,
// building the tree of blocks. Inline content is parsed later, once all link reference definitions are known.

struct BlockParser {
    enum Continuation { case matched, notMatched, lineConsumed }
    enum Start { case none, container, leaf }

    static let codeIndent = 4
    /// Block quotes and lists nested deeper than this are taken as text, which keeps rendering
    /// (and freeing the tree) from recursing without bound.
    static let maximumDepth = 48

    let source: [UInt8]
    let document: BlockNode
    var references: [String: LinkTarget] = [:]

    // The current line (it ends at `lineEnd`) and the position in it.
    var lineEnd = 0
    var lineNumber = 0
    var offset = 0
    var column = 0
    var nextNonspace = 0
    var nextNonspaceColumn = 0
    var indent = 0
    var isIndented = false
    var isBlank = false
    var partiallyConsumedTab = false

    var tip: BlockNode
    var oldTip: BlockNode
    var lastMatchedContainer: BlockNode
    var allClosed = true

    init(source: [UInt8]) {
        self.source = source
        document = BlockNode(.document, startLine: 1)
        tip = document
        oldTip = document
        lastMatchedContainer = document
    }

    mutating func parse() -> BlockNode {
        let count = source.count
        var position = 0
        while position < count {
            var end = position
            while end < count, source[end] != ASCII.newline, source[end] != ASCII.carriageReturn { end += 1 }
            incorporateLine(start: position, end: end)
            position = end
            if position < count {
                if source[position] == ASCII.carriageReturn, position + 1 < count, source[position + 1] == ASCII.newline {
                    position += 2
                } else {
                    position += 1
                }
            }
        }
        while tip !== document { finalize(tip, endLine: lineNumber) }
        finalize(document, endLine: lineNumber)
        return document
    }

    // MARK: Position in the line

    /// The byte at `index` in the current line, or 0 past its end (NUL never occurs: it was replaced on input).
    @inline(__always) func byte(_ index: Int) -> UInt8 {
        index < lineEnd ? source[index] : 0
    }

    mutating func findNextNonspace() {
        var i = offset
        var columns = column
        var c: UInt8 = 0
        while i < lineEnd {
            c = source[i]
            if c == ASCII.space {
                i += 1; columns += 1
            } else if c == ASCII.tab {
                i += 1; columns += 4 - columns % 4
            } else {
                break
            }
        }
        isBlank = i >= lineEnd
        nextNonspace = i
        nextNonspaceColumn = columns
        indent = columns - column
        isIndented = indent >= Self.codeIndent
    }

    mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
        partiallyConsumedTab = false
    }

    /// Moves forward by `count` characters, or by `count` columns if `columns` (a tab may then be partly consumed).
    mutating func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, offset < lineEnd {
            if source[offset] == ASCII.tab {
                let charsToTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let advance = min(charsToTab, count)
                    column += advance
                    if !partiallyConsumedTab { offset += 1 }
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    // MARK: Lines

    private mutating func incorporateLine(start: Int, end: Int) {
        lineEnd = end
        offset = start
        column = 0
        isBlank = false
        partiallyConsumedTab = false
        lineNumber += 1

        var container = document
        oldTip = tip

        // 1. Which open blocks does this line continue?
        while let last = container.children.last, last.isOpen {
            container = last
            findNextNonspace()
            switch continueBlock(container) {
            case .matched:
                continue
            case .notMatched:
                container = container.parent!
            case .lineConsumed:
                return
            }
            break
        }
        allClosed = container === oldTip
        lastMatchedContainer = container

        // 2. Does it start new blocks?
        var matchedLeaf = container.kind != .paragraph && container.kind.acceptsLines
        while !matchedLeaf {
            findNextNonspace()
            if !isIndented, !Self.maybeSpecial(byte(nextNonspace)) {
                advanceNextNonspace()
                break
            }
            let start = startBlock(in: container)
            if start == .none {
                advanceNextNonspace()
                break
            }
            container = tip
            if start == .leaf { matchedLeaf = true }
        }

        // 3. The rest of the line is text.
        if !allClosed, !isBlank, tip.kind == .paragraph {
            addLine() // lazy continuation of a paragraph
            return
        }
        closeUnmatchedBlocks()
        if isBlank, let last = container.children.last { last.lastLineBlank = true }
        let kind = container.kind
        let lastLineBlank = isBlank
            && kind != .blockQuote && kind != .heading && kind != .thematicBreak
            && !(kind == .codeBlock && container.isFenced)
            && !(kind == .item && container.children.isEmpty && container.startLine == lineNumber)
        container.lastLineBlank = lastLineBlank
        var ancestor = container.parent
        while let block = ancestor {
            block.lastLineBlank = false
            ancestor = block.parent
        }

        if kind.acceptsLines {
            addLine()
        } else if offset < lineEnd, !isBlank {
            addChild(.paragraph)
            advanceNextNonspace()
            addLine()
        }
    }

    /// Characters that can begin a block other than a paragraph (a quick filter before trying each start).
    @inline(__always) static func maybeSpecial(_ c: UInt8) -> Bool {
        switch c {
        case ASCII.hash, ASCII.backtick, ASCII.tilde, ASCII.asterisk, ASCII.plus, ASCII.underscore,
             ASCII.equals, ASCII.greaterThan, ASCII.hyphen:
            return true
        default:
            return ASCII.isDigit(c)
        }
    }

    /// Adds the rest of the line to the tip (a paragraph or code block).
    mutating func addLine() {
        if partiallyConsumedTab {
            offset += 1 // the tab itself; the columns it still covers become spaces
            let charsToTab = 4 - column % 4
            tip.content.append(contentsOf: repeatElement(ASCII.space, count: charsToTab))
        }
        if offset < lineEnd { tip.content.append(contentsOf: source[offset..<lineEnd]) }
        tip.content.append(ASCII.newline)
    }

    // MARK: Opening and closing blocks

    @discardableResult
    mutating func addChild(_ kind: BlockKind) -> BlockNode {
        while !tip.kind.canContain(kind) {
            finalize(tip, endLine: lineNumber - 1)
        }
        let block = BlockNode(kind, startLine: lineNumber)
        tip.append(block)
        tip = block
        return block
    }

    mutating func closeUnmatchedBlocks() {
        guard !allClosed else { return }
        while oldTip !== lastMatchedContainer {
            let parent = oldTip.parent!
            finalize(oldTip, endLine: lineNumber - 1)
            oldTip = parent
        }
        allClosed = true
    }

    mutating func finalize(_ block: BlockNode, endLine: Int) {
        let parent = block.parent
        block.isOpen = false
        switch block.kind {
        case .paragraph:
            let consumed = LinkReferenceDefinition.parseAll(block.content, into: &references)
            if consumed > 0 { block.content.removeFirst(consumed) }
            // A paragraph that held only definitions is no paragraph.
            if block.content.allSatisfy(ASCII.isWhitespace), let parent, parent.children.last === block {
                parent.children.removeLast()
            }
        case .codeBlock:
            finalizeCode(block)
        case .list:
            block.isTight = Self.isTight(block)
        default:
            break
        }
        if let parent { tip = parent }
    }

    private mutating func finalizeCode(_ block: BlockNode) {
        if block.isFenced {
            // The first line is the info string; the rest is the code.
            let newline = block.content.firstIndex(of: ASCII.newline) ?? block.content.count
            block.info = CharacterReferences.unescape(block.content[..<newline].trimmingWhitespace())
            block.content.removeSubrange(..<min(newline + 1, block.content.count))
        } else {
            // Trailing blank lines are not part of an indented code block.
            var end = block.content.count
            while end > 0 {
                var lineStart = end - 1 // the newline ending the last line
                while lineStart > 0, block.content[lineStart - 1] != ASCII.newline { lineStart -= 1 }
                if block.content[lineStart..<(end - 1)].allSatisfy(ASCII.isSpaceOrTab) {
                    end = lineStart
                } else {
                    break
                }
            }
            block.content.removeSubrange(end...)
        }
    }

    /// A list is loose if any of its items are separated by blank lines,
    /// or if any item directly contains two blocks with a blank line between them.
    private static func isTight(_ list: BlockNode) -> Bool {
        for (index, item) in list.children.enumerated() {
            let hasNextItem = index + 1 < list.children.count
            if item.lastLineBlank, hasNextItem { return false }
            for (childIndex, child) in item.children.enumerated() {
                let hasNextChild = childIndex + 1 < item.children.count
                if hasNextItem || hasNextChild, endsWithBlankLine(child) { return false }
            }
        }
        return true
    }

    private static func endsWithBlankLine(_ block: BlockNode) -> Bool {
        var current: BlockNode? = block
        while let block = current {
            if block.lastLineBlank { return true }
            current = block.kind == .list || block.kind == .item ? block.children.last : nil
        }
        return false
    }
}

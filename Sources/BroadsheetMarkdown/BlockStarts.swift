// How each kind of block continues on a new line, and how new blocks start (CommonMark parts 4 and 5).
// HTML blocks are deliberately not recognised: such lines are ordinary paragraph text, shown escaped.

extension BlockParser {
    mutating func continueBlock(_ block: BlockNode) -> Continuation {
        switch block.kind {
        case .document, .list:
            return .matched
        case .blockQuote:
            guard !isIndented, byte(nextNonspace) == ASCII.greaterThan else { return .notMatched }
            advanceNextNonspace()
            advanceOffset(1, columns: false)
            if ASCII.isSpaceOrTab(byte(offset)) { advanceOffset(1, columns: true) }
            return .matched
        case .item:
            if isBlank {
                if block.children.isEmpty { return .notMatched } // a blank line after an empty item ends it
                advanceNextNonspace()
            } else if indent >= block.marker.markerOffset + block.marker.padding {
                advanceOffset(block.marker.markerOffset + block.marker.padding, columns: true)
            } else {
                return .notMatched
            }
            return .matched
        case .heading, .thematicBreak:
            return .notMatched
        case .codeBlock:
            return continueCode(block)
        case .paragraph:
            return isBlank ? .notMatched : .matched
        }
    }

    private mutating func continueCode(_ block: BlockNode) -> Continuation {
        if block.isFenced {
            if indent <= 3, byte(nextNonspace) == block.fenceChar {
                var i = nextNonspace
                while byte(i) == block.fenceChar { i += 1 }
                let length = i - nextNonspace
                while ASCII.isSpaceOrTab(byte(i)) { i += 1 }
                if length >= block.fenceLength, i >= lineEnd {
                    finalize(block, endLine: lineNumber) // the closing fence
                    return .lineConsumed
                }
            }
            var spaces = block.fenceOffset
            while spaces > 0, ASCII.isSpaceOrTab(byte(offset)) {
                advanceOffset(1, columns: true)
                spaces -= 1
            }
            return .matched
        }
        if indent >= Self.codeIndent {
            advanceOffset(Self.codeIndent, columns: true)
        } else if isBlank {
            advanceNextNonspace()
        } else {
            return .notMatched
        }
        return .matched
    }

    /// Tries each kind of block start at the current position, in the order CommonMark gives them precedence.
    mutating func startBlock(in container: BlockNode) -> Start {
        let mayNest = container.depth < Self.maximumDepth
        if !isIndented {
            let c = byte(nextNonspace)
            switch c {
            case ASCII.greaterThan:
                if mayNest { return startBlockQuote() }
            case ASCII.hash:
                if startATXHeading() { return .leaf }
            case ASCII.backtick, ASCII.tilde:
                if startFencedCode() { return .leaf }
            default:
                break
            }
            if c == ASCII.equals || c == ASCII.hyphen, container.kind == .paragraph, startSetextHeading(container) {
                return .leaf
            }
            if c == ASCII.asterisk || c == ASCII.hyphen || c == ASCII.underscore, isThematicBreak(from: nextNonspace) {
                closeUnmatchedBlocks()
                addChild(.thematicBreak)
                advanceOffset(lineEnd - offset, columns: false)
                return .leaf
            }
        }
        if mayNest, !isIndented || container.kind == .list, let marker = parseListMarker(container) {
            closeUnmatchedBlocks()
            if tip.kind != .list || !container.marker.continuesList(marker) {
                let list = addChild(.list)
                list.marker = marker
            }
            let item = addChild(.item)
            item.marker = marker
            return .container
        }
        if isIndented, tip.kind != .paragraph, !isBlank {
            advanceOffset(Self.codeIndent, columns: true)
            closeUnmatchedBlocks()
            addChild(.codeBlock)
            return .leaf
        }
        return .none
    }

    private mutating func startBlockQuote() -> Start {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if ASCII.isSpaceOrTab(byte(offset)) { advanceOffset(1, columns: true) }
        closeUnmatchedBlocks()
        addChild(.blockQuote)
        return .container
    }

    private mutating func startATXHeading() -> Bool {
        var i = nextNonspace
        while byte(i) == ASCII.hash { i += 1 }
        let level = i - nextNonspace
        guard level <= 6, i >= lineEnd || ASCII.isSpaceOrTab(byte(i)) else { return false }
        advanceNextNonspace()
        advanceOffset(level, columns: false)
        closeUnmatchedBlocks()
        let heading = addChild(.heading)
        heading.headingLevel = level

        // The text, without the optional closing sequence of #s (which must follow a space or tab).
        var start = offset
        var end = lineEnd
        while start < end, ASCII.isSpaceOrTab(source[start]) { start += 1 }
        while end > start, ASCII.isSpaceOrTab(source[end - 1]) { end -= 1 }
        var hashes = end
        while hashes > start, source[hashes - 1] == ASCII.hash { hashes -= 1 }
        if hashes < end, hashes == start || ASCII.isSpaceOrTab(source[hashes - 1]) {
            end = hashes
        }
        heading.content.append(contentsOf: source[start..<end])
        advanceOffset(lineEnd - offset, columns: false)
        return true
    }

    private mutating func startFencedCode() -> Bool {
        let fenceChar = byte(nextNonspace)
        var i = nextNonspace
        while byte(i) == fenceChar { i += 1 }
        let length = i - nextNonspace
        guard length >= 3 else { return false }
        if fenceChar == ASCII.backtick {
            // The info string of a backtick fence may not contain backticks.
            var j = i
            while j < lineEnd {
                if source[j] == ASCII.backtick { return false }
                j += 1
            }
        }
        closeUnmatchedBlocks()
        let code = addChild(.codeBlock)
        code.isFenced = true
        code.fenceChar = fenceChar
        code.fenceLength = length
        code.fenceOffset = indent
        advanceNextNonspace()
        advanceOffset(length, columns: false)
        return true
    }

    private mutating func startSetextHeading(_ paragraph: BlockNode) -> Bool {
        let underline = byte(nextNonspace)
        var i = nextNonspace
        while byte(i) == underline { i += 1 }
        while ASCII.isSpaceOrTab(byte(i)) { i += 1 }
        guard i >= lineEnd else { return false }
        closeUnmatchedBlocks()
        // Link reference definitions at the start of the paragraph are not part of the heading.
        let consumed = LinkReferenceDefinition.parseAll(paragraph.content, into: &references)
        if consumed > 0 { paragraph.content.removeFirst(consumed) }
        guard !paragraph.content.allSatisfy(ASCII.isWhitespace), let parent = paragraph.parent else { return false }
        let heading = BlockNode(.heading, startLine: paragraph.startLine)
        heading.headingLevel = underline == ASCII.equals ? 1 : 2
        heading.content = paragraph.content
        parent.children.removeLast()
        parent.append(heading)
        tip = heading
        advanceOffset(lineEnd - offset, columns: false)
        return true
    }

    /// Three or more `*`, `-` or `_` (the same one), with only spaces or tabs between them.
    mutating func isThematicBreak(from start: Int) -> Bool {
        let marker = byte(start)
        var count = 0
        var i = start
        while i < lineEnd {
            let c = source[i]
            if c == marker {
                count += 1
            } else if !ASCII.isSpaceOrTab(c) {
                return false
            }
            i += 1
        }
        return count >= 3
    }

    private mutating func parseListMarker(_ container: BlockNode) -> ListMarker? {
        guard indent < Self.codeIndent else { return nil }
        var marker = ListMarker()
        marker.markerOffset = indent
        let first = byte(nextNonspace)
        var markerLength: Int
        if first == ASCII.asterisk || first == ASCII.plus || first == ASCII.hyphen {
            marker.bulletChar = first
            markerLength = 1
        } else if ASCII.isDigit(first) {
            var i = nextNonspace
            var value = 0
            while ASCII.isDigit(byte(i)), i - nextNonspace < 9 {
                value = value * 10 + Int(byte(i) - 0x30)
                i += 1
            }
            let delimiter = byte(i)
            guard delimiter == ASCII.period || delimiter == ASCII.rightParen else { return nil }
            // Only a list starting at 1 may interrupt a paragraph.
            guard container.kind != .paragraph || value == 1 else { return nil }
            marker.isOrdered = true
            marker.start = value
            marker.delimiter = delimiter
            markerLength = i + 1 - nextNonspace
        } else {
            return nil
        }
        let after = byte(nextNonspace + markerLength)
        guard after == 0 || ASCII.isSpaceOrTab(after) else { return nil }
        if container.kind == .paragraph {
            // An empty item may not interrupt a paragraph.
            var i = nextNonspace + markerLength
            while ASCII.isSpaceOrTab(byte(i)) { i += 1 }
            if i >= lineEnd { return nil }
        }

        advanceNextNonspace()
        advanceOffset(markerLength, columns: true)
        let spacesStartColumn = column
        let spacesStartOffset = offset
        let spacesStartPartialTab = partiallyConsumedTab
        repeat {
            advanceOffset(1, columns: true)
        } while column - spacesStartColumn < 5 && ASCII.isSpaceOrTab(byte(offset))
        let isBlankItem = offset >= lineEnd
        let spacesAfterMarker = column - spacesStartColumn
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || isBlankItem {
            // The content starts one space after the marker (the rest is indentation, e.g. of indented code).
            marker.padding = markerLength + 1
            column = spacesStartColumn
            offset = spacesStartOffset
            partiallyConsumedTab = spacesStartPartialTab
            if ASCII.isSpaceOrTab(byte(offset)) { advanceOffset(1, columns: true) }
        } else {
            marker.padding = markerLength + spacesAfterMarker
        }
        return marker
    }
}

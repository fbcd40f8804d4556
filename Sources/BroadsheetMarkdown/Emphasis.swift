// Matching `*` and `_` runs into emphasis and strong emphasis
// (CommonMark appendix "Process emphasis", rules 1-17 of section 6.4).

extension InlineParser {
    /// Matches the delimiter runs above `stackBottom` (-1: all of them), then removes them from the stack.
    mutating func processEmphasis(stackBottom: Int) {
        guard lastDelimiter != stackBottom else { return }
        for i in openersBottom.indices { openersBottom[i] = stackBottom }

        // The first delimiter above the bottom.
        var closer = lastDelimiter
        while closer >= 0, delimiters[closer].previous != stackBottom { closer = delimiters[closer].previous }

        while closer >= 0 {
            let current = closer
            let closing = delimiters[current]
            guard closing.canClose else {
                closer = closing.next
                continue
            }
            // Look back for the nearest opener of the same kind; the bottoms remember where earlier searches failed.
            let bottomIndex = (closing.char == ASCII.underscore ? 0 : 6) + (closing.canOpen ? 3 : 0) + closing.originalCount % 3
            var opener = closing.previous
            var found = false
            while opener >= 0, opener != stackBottom, opener != openersBottom[bottomIndex] {
                let opening = delimiters[opener]
                // "Rule of three": a run that can both open and close can't pair with one whose length
                // makes the sum a multiple of 3, unless both are multiples of 3.
                let oddMatch = (closing.canOpen || opening.canClose)
                    && closing.originalCount % 3 != 0
                    && (opening.originalCount + closing.originalCount) % 3 == 0
                if opening.char == closing.char, opening.canOpen, !oddMatch {
                    found = true
                    break
                }
                opener = opening.previous
            }

            if found {
                let used = closing.count >= 2 && delimiters[opener].count >= 2 ? 2 : 1
                let openerToken = delimiters[opener].token
                delimiters[opener].count -= used
                delimiters[closer].count -= used
                content.tokens[openerToken].end -= Int32(used)
                content.tokens[closing.token].end -= Int32(used)
                content.addEmphasis(opener: openerToken, closer: closing.token, isStrong: used == 2)

                // Delimiters between the two are now inside the emphasis and plain text.
                delimiters[opener].next = closer
                delimiters[closer].previous = opener

                if delimiters[opener].count == 0 { removeDelimiter(opener) }
                if delimiters[closer].count == 0 {
                    let next = delimiters[closer].next
                    removeDelimiter(closer)
                    closer = next
                }
            } else {
                closer = closing.next
                openersBottom[bottomIndex] = closing.previous
                // A closer that can't open is no use to anything after it.
                if !closing.canOpen { removeDelimiter(current) }
            }
        }

        while lastDelimiter >= 0, lastDelimiter != stackBottom { removeDelimiter(lastDelimiter) }
    }
}

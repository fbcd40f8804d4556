/// One piece of a parsed template.
indirect enum TemplateNode: Sendable, Equatable {
    /// Text written as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case variable(TemplatePath, escaped: Bool)
    /// `{{#name}}...{{/name}}`, or with `inverted` `{{^name}}...{{/name}}`.
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `{{> name}}`: another template, rendered with the same context.
    case partial(String)
    /// `{{< name}}{{$block}}...{{/block}}{{/name}}`: another template, with some of its blocks replaced.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: a place a child template may fill.
    case block(String, [TemplateNode])
}

/// A dotted name (`chrome.searchURL`), `.` for the current value, or `empty(name)`: true when the value is empty text,
/// an empty list or an object without fields.
struct TemplatePath: Sendable, Hashable {
    /// Empty for `.`.
    let names: [String]
    let testsEmptiness: Bool
}

/// A template that cannot be read; the server refuses to start with one.
struct TemplateSyntaxError: Error, CustomStringConvertible, Equatable {
    let template: String
    let line: Int
    let message: String
    var description: String { "\(template).mustache, line \(line): \(message)" }
}

/// Parses Broadsheet's templates: Mustache with the `{{ }}` delimiters, sections, inverted sections, partials,
/// template inheritance (parents and blocks), comments and the one function `empty(...)`. Tags alone on their line
/// (sections, partials, comments, blocks) take the line with them, as the Mustache specification says; partials are
/// not re-indented (the pages are HTML, where that indentation means nothing). Anything else — changed delimiters,
/// pragmas, unknown functions, unclosed or misnested sections — is an error naming the template and line.
struct TemplateParser {
    private let name: String
    private let source: [UInt8]

    private enum FrameKind { case section(TemplatePath, inverted: Bool), block, parent }
    private struct Frame {
        let kind: FrameKind
        let tagName: String
        let line: Int
        var nodes: [TemplateNode] = []
    }

    static func parse(_ text: String, name: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        try TemplateParser(name: name, source: Array(text.utf8)).parse()
    }

    private func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var frames = [Frame(kind: .block, tagName: "", line: 1)]
        var position = 0
        var textStart = 0
        // Whether the text since `textStart` begins a line (the template's start, or just after a removed line).
        var atLineStart = true
        while let open = find("{{", from: position) {
            let line = lineNumber(at: open)
            var tagEnd: Int
            var content: ArraySlice<UInt8>
            var sigil: UInt8 = 0
            if open + 2 < source.count, source[open + 2] == UInt8(ascii: "{") {
                guard let close = find("}}}", from: open + 3) else { throw error(line, "a {{{ tag is never closed") }
                content = source[(open + 3)..<close]
                tagEnd = close + 3
                sigil = UInt8(ascii: "&")
            } else {
                guard let close = find("}}", from: open + 2) else { throw error(line, "a {{ tag is never closed") }
                content = trimmed(source[(open + 2)..<close])
                tagEnd = close + 2
                if let first = content.first, "#^/>!&<$=%".utf8.contains(first) {
                    sigil = first
                    content = content.dropFirst()
                }
            }
            let tagName = String(decoding: trimmed(content), as: UTF8.self)

            // A tag that is not output, alone on its line, removes the line.
            var textEnd = open
            position = tagEnd
            let mayStandAlone = sigil != 0 && sigil != UInt8(ascii: "&")
            if mayStandAlone, let lineEnd = blankThenNewline(from: tagEnd) {
                let lineStart = lastNewline(before: open, notBefore: textStart).map { $0 + 1 }
                let prefixStart = lineStart ?? textStart
                if lineStart != nil || atLineStart, source[prefixStart..<open].allSatisfy(isBlank) {
                    textEnd = prefixStart
                    position = lineEnd
                }
            }
            if textEnd > textStart { frames[frames.count - 1].nodes.append(.text(Array(source[textStart..<textEnd]))) }
            atLineStart = position != tagEnd
            textStart = position

            switch sigil {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                throw error(line, "changing the delimiters is not supported")
            case UInt8(ascii: "%"):
                throw error(line, "pragmas are not supported")
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let path = try self.path(tagName, line: line)
                frames.append(Frame(kind: .section(path, inverted: sigil == UInt8(ascii: "^")), tagName: tagName, line: line))
            case UInt8(ascii: "$"):
                try requireName(tagName, line: line)
                frames.append(Frame(kind: .block, tagName: tagName, line: line))
            case UInt8(ascii: "<"):
                try requireName(tagName, line: line)
                frames.append(Frame(kind: .parent, tagName: tagName, line: line))
            case UInt8(ascii: ">"):
                try requireName(tagName, line: line)
                frames[frames.count - 1].nodes.append(.partial(tagName))
            case UInt8(ascii: "/"):
                guard frames.count > 1, let frame = frames.popLast() else { throw error(line, "{{/\(tagName)}} closes nothing") }
                guard frame.tagName == tagName else {
                    throw error(line, "{{/\(tagName)}} closes {{\(frame.tagName)}}, opened on line \(frame.line)")
                }
                let node: TemplateNode
                switch frame.kind {
                case .section(let path, let inverted): node = .section(path, inverted: inverted, frame.nodes)
                case .block: node = .block(tagName, frame.nodes)
                case .parent:
                    var blocks: [String: [TemplateNode]] = [:]
                    for case .block(let name, let nodes) in frame.nodes { blocks[name] = nodes }
                    node = .parent(tagName, blocks: blocks)
                }
                frames[frames.count - 1].nodes.append(node)
            default:
                frames[frames.count - 1].nodes.append(.variable(try path(tagName, line: line), escaped: sigil == 0))
            }
        }
        if textStart < source.count { frames[frames.count - 1].nodes.append(.text(Array(source[textStart...]))) }
        if frames.count > 1, let open = frames.last {
            throw error(open.line, "{{\(open.tagName)}} is never closed")
        }
        return frames[0].nodes
    }

    private func path(_ text: String, line: Int) throws(TemplateSyntaxError) -> TemplatePath {
        var text = Substring(text)
        var testsEmptiness = false
        if let parenthesis = text.firstIndex(of: "(") {
            guard text[..<parenthesis] == "empty", text.hasSuffix(")") else {
                throw error(line, "unknown function in {{\(text)}}: only empty(name) is supported")
            }
            text = text[text.index(after: parenthesis)..<text.index(before: text.endIndex)]
            testsEmptiness = true
        }
        if text == "." { return TemplatePath(names: [], testsEmptiness: testsEmptiness) }
        let names = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty && !$0.contains(where: { $0.isWhitespace || "{}()#^/!<>$&=%".contains($0) }) }) else {
            throw error(line, "\"\(text)\" is not a name")
        }
        return TemplatePath(names: names, testsEmptiness: testsEmptiness)
    }

    private func requireName(_ name: String, line: Int) throws(TemplateSyntaxError) {
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { throw error(line, "\"\(name)\" is not a template or block name") }
    }

    private func error(_ line: Int, _ message: String) -> TemplateSyntaxError {
        TemplateSyntaxError(template: name, line: line, message: message)
    }

    // MARK: Bytes

    private func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, isBlank(first) || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") { bytes.removeFirst() }
        while let last = bytes.last, isBlank(last) || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, start + count <= source.count else { return nil }
        let first = needle.utf8Start.pointee
        var index = start
        while index + count <= source.count {
            if source[index] == first {
                var matches = true
                for offset in 1..<count where source[index + offset] != needle.utf8Start[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    /// After a tag: where the next line starts, if only blanks follow up to a line break or the end.
    private func blankThenNewline(from start: Int) -> Int? {
        var index = start
        while index < source.count, isBlank(source[index]) { index += 1 }
        if index == source.count { return index }
        if source[index] == UInt8(ascii: "\n") { return index + 1 }
        if source[index] == UInt8(ascii: "\r"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "\n") { return index + 2 }
        return nil
    }

    private func lastNewline(before end: Int, notBefore start: Int) -> Int? {
        var index = end - 1
        while index >= start {
            if source[index] == UInt8(ascii: "\n") { return index }
            index -= 1
        }
        return nil
    }

    private func lineNumber(at offset: Int) -> Int {
        1 + source[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}

import Foundation

/// The parsed templates of a directory (`name.mustache` is `name`), and the renderer that writes them as UTF-8 bytes.
///
/// Rendering walks the parsed nodes once, looks names up in `TemplateValue` dictionaries, and appends to one byte
/// array: text is copied, values are HTML-escaped as they are appended, nothing is reflected or cast.
struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateNode]]

    /// Deeper than any page nests partials; stops a template that includes itself.
    static let maximumDepth = 64

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
    }

    init(sources: [String: String]) throws(TemplateSyntaxError) {
        var templates: [String: [TemplateNode]] = [:]
        for (name, text) in sources { templates[name] = try TemplateParser.parse(text, name: name) }
        self.init(templates: templates)
    }

    init(directory: URL) throws {
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        try self.init(sources: sources)
    }

    var names: [String] { Array(templates.keys) }

    /// Partials and parents that no template of the library defines.
    var missingReferences: [String] {
        var missing = Set<String>()
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name): if templates[name] == nil { missing.insert(name) }
                case .parent(let name, let blocks):
                    if templates[name] == nil { missing.insert(name) }
                    blocks.values.forEach(visit)
                case .section(_, _, let children), .block(_, let children): visit(children)
                case .text, .variable: break
                }
            }
        }
        templates.values.forEach(visit)
        return missing.sorted()
    }

    /// The template `name` rendered with `value`; nil when there is no such template.
    func render(_ name: String, _ value: TemplateValue, sizeHint: Int = 65_536) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = Renderer(templates: templates)
        renderer.output.reserveCapacity(sizeHint)
        renderer.stack.append(value)
        renderer.render(nodes, blocks: [:], depth: 0)
        return renderer.output
    }

    private struct Renderer {
        let templates: [String: [TemplateNode]]
        var output: [UInt8] = []
        var stack: [TemplateValue] = []

        mutating func render(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]], depth: Int) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    output.append(contentsOf: bytes)
                case .variable(let path, let escaped):
                    switch resolve(path) {
                    case .text(let text)?:
                        if escaped { HTMLBytes.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
                    case .number(let number)?: output.append(contentsOf: String(number).utf8)
                    case .bool(let flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
                    case .list?, .object?, nil: break
                    }
                case .section(let path, let inverted, let children):
                    let value = resolve(path)
                    if inverted {
                        if Self.isFalsy(value) { render(children, blocks: blocks, depth: depth) }
                        continue
                    }
                    switch value {
                    case nil, .bool(false)?: break
                    case .bool(true)?: render(children, blocks: blocks, depth: depth)
                    case .list(let items)?:
                        for item in items {
                            stack.append(item)
                            render(children, blocks: blocks, depth: depth)
                            stack.removeLast()
                        }
                    case let other?:
                        stack.append(other)
                        render(children, blocks: blocks, depth: depth)
                        stack.removeLast()
                    }
                case .partial(let name):
                    guard depth < TemplateLibrary.maximumDepth, let partial = templates[name] else { continue }
                    render(partial, blocks: blocks, depth: depth + 1)
                case .parent(let name, let overrides):
                    guard depth < TemplateLibrary.maximumDepth, let parent = templates[name] else { continue }
                    // The most derived template's blocks win: those already in force override this tag's own.
                    render(parent, blocks: overrides.merging(blocks) { _, outer in outer }, depth: depth + 1)
                case .block(let name, let fallback):
                    render(blocks[name] ?? fallback, blocks: blocks, depth: depth)
                }
            }
        }

        /// Inverted sections render for a missing value, false, and an empty list.
        private static func isFalsy(_ value: TemplateValue?) -> Bool {
            switch value {
            case nil, .bool(false)?: true
            case .list(let items)?: items.isEmpty
            default: false
            }
        }

        /// A name is looked for from the innermost context outwards; the rest of a dotted name from there on.
        private func resolve(_ path: TemplatePath) -> TemplateValue? {
            var value: TemplateValue?
            if let first = path.names.first {
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index].field(first) {
                        value = found
                        break
                    }
                    index -= 1
                }
                var rest = path.names.dropFirst()
                while let name = rest.popFirst(), let current = value { value = current.field(name) }
            } else {
                value = stack.last
            }
            guard path.testsEmptiness, let value else { return value }
            switch value {
            case .text(let text): return .bool(text.isEmpty)
            case .list(let items): return .bool(items.isEmpty)
            case .object(let fields): return .bool(fields.isEmpty)
            case .bool, .number: return nil
            }
        }
    }
}

/// HTML escaping straight into a byte buffer: runs without `& < > " '` are copied whole.
enum HTMLBytes {
    /// Bit n set for each byte n that HTML escaping replaces: " (34), & (38), ' (39), < (60), > (62).
    private static let escapedBelow64: UInt64 = (1 << 34) | (1 << 38) | (1 << 39) | (1 << 60) | (1 << 62)

    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                // All five bytes to escape are below 64: one shift and mask rules out nearly every byte of a text.
                let byte = bytes[index]
                guard byte < 64, (escapedBelow64 >> UInt64(byte)) & 1 == 1 else { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}

import Foundation

/// The parsed templates of a directory (`name.mustache` is `name`), and the renderer that writes them as UTF-8 bytes.
///
/// Each template is compiled once, when the library is made: its partials, parents and blocks are put in place, and
/// what is left is one flat list of plain steps (`TemplateStep`: write text, write a value, enter a section) with all
/// text in one byte arena. Rendering walks those steps by index, looks names up in `TemplateValue` objects and appends
/// to one byte array: text is copied, values are HTML-escaped as they are appended, nothing is reflected or cast, and
/// the steps themselves are never retained or released (walking the tree of `TemplateNode`s retained and released
/// every node's payload, about two fifths of a front page's render).
struct TemplateLibrary: Sendable {
    private let templates: [String: [TemplateNode]]
    private let program: TemplateProgram

    /// Deeper than any page nests partials; stops a template that includes itself.
    static let maximumDepth = 64
    /// The most pieces one template may expand to once its partials are in place; more is refused when the library is
    /// made (templates that include each other several times would otherwise grow without end).
    static let maximumPieces = 1_000_000
    /// The most text all templates together may hold once their partials are in place.
    static let maximumTextBytes = 256 << 20

    /// Each template's text, when the library was made from texts.
    private let sources: [String: String]

    init(templates: [String: [TemplateNode]]) throws(TemplateSyntaxError) {
        try self.init(templates: templates, sources: [:])
    }

    private init(templates: [String: [TemplateNode]], sources: [String: String]) throws(TemplateSyntaxError) {
        self.templates = templates
        self.sources = sources
        program = try TemplateProgram(templates: templates)
    }

    init(sources: [String: String]) throws(TemplateSyntaxError) {
        var templates: [String: [TemplateNode]] = [:]
        for (name, text) in sources { templates[name] = try TemplateParser.parse(text, name: name) }
        try self.init(templates: templates, sources: sources)
    }

    init(directory: URL) throws {
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        try self.init(sources: sources)
    }

    var names: [String] { Array(templates.keys) }

    /// The texts of `names` and of every partial and parent they use, each after its name, in name order: what
    /// anything rendered from those templates depends on, whichever of their branches it takes.
    func sourceText(reachableFrom names: [String]) -> String {
        var reached = Set<String>()
        func visit(_ name: String) {
            guard reached.insert(name).inserted, let nodes = templates[name] else { return }
            walk(nodes)
        }
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name): visit(name)
                case .parent(let name, let blocks):
                    visit(name)
                    blocks.values.forEach(walk)
                case .section(_, _, let children), .block(_, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        names.forEach(visit)
        return reached.sorted().map { "\($0)\n\(sources[$0] ?? "")\n" }.joined()
    }

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
        guard let range = program.entries[name] else { return nil }
        return program.steps.withUnsafeBufferPointer { steps in
            program.arena.withUnsafeBufferPointer { arena in
                program.paths.withUnsafeBufferPointer { paths in
                    program.names.withUnsafeBufferPointer { names in
                        var renderer = Renderer(steps: steps, arena: arena, paths: paths, names: names, output: [], stack: [value])
                        renderer.output.reserveCapacity(sizeHint)
                        renderer.run(range.lowerBound, range.upperBound)
                        return renderer.output
                    }
                }
            }
        }
    }

    private struct Renderer {
        let steps: UnsafeBufferPointer<TemplateStep>
        let arena: UnsafeBufferPointer<UInt8>
        let paths: UnsafeBufferPointer<TemplateProgram.Path>
        let names: UnsafeBufferPointer<String>
        var output: [UInt8]
        var stack: [TemplateValue]

        /// Runs the steps `start..<end`; a section's body is the steps after it up to its `end`.
        mutating func run(_ start: Int, _ end: Int) {
            var index = start
            while index < end {
                let step = steps[index]
                switch step.kind {
                case .text:
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: arena[Int(step.first)..<Int(step.first + step.second)]))
                    index += 1
                case .escaped, .raw:
                    switch resolve(Int(step.first)) {
                    case .text(let text)?:
                        if step.kind == .escaped { HTMLBytes.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
                    case .utf8(let bytes)?:
                        if step.kind == .escaped { bytes.withUnsafeBufferPointer { HTMLBytes.appendEscaped($0, to: &output) } } else { output += bytes }
                    case .spliced(let spliced)?:
                        if step.kind == .escaped {
                            var whole: [UInt8] = []
                            spliced.write(to: &whole)
                            whole.withUnsafeBufferPointer { HTMLBytes.appendEscaped($0, to: &output) }
                        } else {
                            spliced.write(to: &output)
                        }
                    case .number(let number)?: output.append(contentsOf: String(number).utf8)
                    case .bool(let flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
                    case .list?, .object?, nil: break
                    }
                    index += 1
                case .section, .inverted:
                    let bodyEnd = Int(step.second)
                    let value = resolve(Int(step.first))
                    if step.kind == .inverted {
                        if Self.isFalsy(value) { run(index + 1, bodyEnd) }
                    } else {
                        switch value {
                        case nil, .bool(false)?: break
                        case .bool(true)?: run(index + 1, bodyEnd)
                        case .list(let items)?:
                            for item in items {
                                stack.append(item)
                                run(index + 1, bodyEnd)
                                stack.removeLast()
                            }
                        case let other?:
                            stack.append(other)
                            run(index + 1, bodyEnd)
                            stack.removeLast()
                        }
                    }
                    index = bodyEnd
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
        private func resolve(_ pathIndex: Int) -> TemplateValue? {
            let path = paths[pathIndex]
            var value: TemplateValue?
            if path.count > 0 {
                let first = Int(path.start)
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index].field(names[first]) {
                        value = found
                        break
                    }
                    index -= 1
                }
                var next = first + 1
                while next < first + Int(path.count), let current = value {
                    value = current.field(names[next])
                    next += 1
                }
            } else {
                value = stack.last
            }
            guard path.testsEmptiness, let value else { return value }
            switch value {
            case .text(let text): return .bool(text.isEmpty)
            case .utf8(let bytes): return .bool(bytes.isEmpty)
            case .spliced(let spliced): return .bool(spliced.isEmpty)
            case .list(let items): return .bool(items.isEmpty)
            case .object(let fields): return .bool(fields.isEmpty)
            case .bool, .number: return nil
            }
        }
    }
}

/// One step of a compiled template: plain values only, so walking a list of them costs no reference counting.
struct TemplateStep: Sendable {
    enum Kind: UInt8, Sendable {
        /// Write `second` bytes of the arena from `first`.
        case text
        /// Write the value at path `first`, HTML-escaped.
        case escaped
        /// Write the value at path `first` as it is.
        case raw
        /// The section at path `first`; its body is the steps after this one, up to `second`.
        case section
        /// The inverted section at path `first`; its body is the steps after this one, up to `second`.
        case inverted
    }

    let kind: Kind
    let first: Int32
    let second: Int32
}

/// Every template of a library compiled into one list of steps, one text arena and one table of names.
struct TemplateProgram: Sendable {
    private(set) var steps: [TemplateStep] = []
    private(set) var arena: [UInt8] = []
    /// A name's place in `names`: `count` names from `start` (none for `.`).
    struct Path: Sendable {
        let start: Int32
        let count: Int32
        let testsEmptiness: Bool
    }

    private(set) var paths: [Path] = []
    private(set) var names: [String] = []
    /// Each template's steps.
    private(set) var entries: [String: Range<Int>] = [:]

    private var pathIndex: [TemplatePath: Int32] = [:]
    /// The text step that the next text may be added to (none after a value or across a section's start or end).
    private var openText: Int?
    /// Pieces of the current template put in place so far, partials included.
    private var pieces = 0

    init(templates: [String: [TemplateNode]]) throws(TemplateSyntaxError) {
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            let start = steps.count
            openText = nil
            pieces = 0
            try emit(nodes, blocks: [:], depth: 0, templates: templates, name: name)
            entries[name] = start..<steps.count
        }
    }

    /// Puts the nodes' steps at the end, partials and parents in place (as deep as `TemplateLibrary.maximumDepth`),
    /// each block filled by the most derived template that fills it.
    private mutating func emit(
        _ nodes: [TemplateNode], blocks: [String: [TemplateNode]], depth: Int, templates: [String: [TemplateNode]], name: String
    ) throws(TemplateSyntaxError) {
        for node in nodes {
            pieces += 1
            // The arena's size is bounded too: its offsets are 32-bit.
            guard pieces <= TemplateLibrary.maximumPieces, arena.count <= TemplateLibrary.maximumTextBytes else {
                throw TemplateSyntaxError(
                    template: name, line: 0,
                    message: "expands to more than \(TemplateLibrary.maximumPieces) pieces or \(TemplateLibrary.maximumTextBytes >> 20) MiB of text "
                        + "once its partials are in place (do partials include each other?)"
                )
            }
            switch node {
            case .text(let bytes):
                guard !bytes.isEmpty else { continue }
                if let open = openText {
                    // Only the latest text step can be open, and its bytes end the arena.
                    let step = steps[open]
                    steps[open] = TemplateStep(kind: .text, first: step.first, second: step.second + Int32(bytes.count))
                } else {
                    steps.append(TemplateStep(kind: .text, first: Int32(arena.count), second: Int32(bytes.count)))
                    openText = steps.count - 1
                }
                arena.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                steps.append(TemplateStep(kind: escaped ? .escaped : .raw, first: index(of: path), second: 0))
                openText = nil
            case .section(let path, let inverted, let children):
                let at = steps.count
                steps.append(TemplateStep(kind: .text, first: 0, second: 0))  // replaced below, once the body's end is known
                openText = nil
                try emit(children, blocks: blocks, depth: depth, templates: templates, name: name)
                steps[at] = TemplateStep(kind: inverted ? .inverted : .section, first: index(of: path), second: Int32(steps.count))
                openText = nil
            case .partial(let partialName):
                guard depth < TemplateLibrary.maximumDepth, let partial = templates[partialName] else { continue }
                try emit(partial, blocks: blocks, depth: depth + 1, templates: templates, name: name)
            case .parent(let parentName, let overrides):
                guard depth < TemplateLibrary.maximumDepth, let parent = templates[parentName] else { continue }
                // The most derived template's blocks win: those already in force override this tag's own.
                try emit(parent, blocks: overrides.merging(blocks) { _, outer in outer }, depth: depth + 1, templates: templates, name: name)
            case .block(let blockName, let fallback):
                try emit(blocks[blockName] ?? fallback, blocks: blocks, depth: depth, templates: templates, name: name)
            }
        }
    }

    private mutating func index(of path: TemplatePath) -> Int32 {
        if let known = pathIndex[path] { return known }
        let index = Int32(paths.count)
        paths.append(Path(start: Int32(names.count), count: Int32(path.names.count), testsEmptiness: path.testsEmptiness))
        names.append(contentsOf: path.names)
        pathIndex[path] = index
        return index
    }
}

/// HTML escaping straight into a byte buffer: runs without `& < > " '` are copied whole.
enum HTMLBytes {
    /// Bit n set for each byte n that HTML escaping replaces: " (34), & (38), ' (39), < (60), > (62).
    private static let escapedBelow64: UInt64 = (1 << 34) | (1 << 38) | (1 << 39) | (1 << 60) | (1 << 62)

    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
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

import BroadsheetCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree of an XML feed: namespaces resolved, text gathered, `xml:base` resolved for every element.
final class XMLElement {
    let namespace: String
    let name: String
    let attributes: [String: String]
    /// The address relative links inside this element resolve against.
    let base: URL?
    var children: [XMLElement] = []
    var text = ""
    weak var parent: XMLElement?

    init(namespace: String, name: String, attributes: [String: String], base: URL?) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.base = base
    }

    func first(_ name: String, in namespaces: Set<String>? = nil) -> XMLElement? {
        children.first { $0.name == name && (namespaces?.contains($0.namespace) ?? true) }
    }

    func all(_ name: String, in namespaces: Set<String>? = nil) -> [XMLElement] {
        children.filter { $0.name == name && (namespaces?.contains($0.namespace) ?? true) }
    }

    func text(_ name: String, in namespaces: Set<String>? = nil) -> String? {
        first(name, in: namespaces).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Text, or the markup inside when a feed put HTML in without escaping it ("naked" markup).
    var content: String { children.isEmpty ? text : innerXML }

    /// The element's content written back as markup (for Atom's inline XHTML).
    var innerXML: String {
        var out = XMLText.escape(text)
        // Text and children are kept apart in this tree; inline XHTML with mixed content keeps its order only
        // through `segments`.
        if !segments.isEmpty {
            out = segments.map { segment in
                switch segment {
                case .text(let text): XMLText.escape(text)
                case .element(let element): element.outerXML
                }
            }.joined()
        }
        return out
    }

    var outerXML: String {
        let attributes = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(XMLText.escape($0.value))\"" }.joined()
        // Empty void elements are written as HTML writes them: "<br></br>" would read as two breaks.
        if segments.isEmpty, ["br", "hr", "img", "wbr", "col", "area", "source", "track"].contains(name) { return "<\(name)\(attributes)>" }
        return "<\(name)\(attributes)>\(innerXML)</\(name)>"
    }

    enum Segment {
        case text(String)
        case element(XMLElement)
    }

    /// Text and child elements in document order.
    var segments: [Segment] = []

    /// An address made absolute against this element's base; nil unless it is http, https or mailto.
    func resolve(_ address: String?) -> String? {
        guard let address = address?.trimmingCharacters(in: .whitespacesAndNewlines), !address.isEmpty else { return nil }
        let resolved: String
        if let base, let url = URL(string: address, relativeTo: base) ?? URL(string: address.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? "", relativeTo: base) {
            resolved = url.absoluteString
        } else {
            resolved = address
        }
        return FeedLinks.isAllowed(resolved) ? resolved : nil
    }
}

/// Builds the tree with Foundation's XML parser, refusing what feeds never need and attackers use: entity
/// declarations (entity expansion "bombs"), external entities (never resolved), and absurd nesting.
/// Which addresses a parsed feed may hand on.
enum FeedLinks {
    static func isAllowed(_ address: String) -> Bool {
        guard let scheme = URL(string: address)?.scheme?.lowercased() else {
            // Still relative (no base to resolve against): a path, not a scheme in disguise.
            return !address.contains(":") || (address.firstIndex(of: "/").map { $0 < address.firstIndex(of: ":")! } ?? false)
        }
        return ["http", "https", "mailto"].contains(scheme)
    }
}

enum XMLTree {
    static let maximumDepth = 256
    static let maximumElements = 200_000
    static let maximumTextBytes = 20 * 1_048_576
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    static func parse(_ data: Data, base: URL?) throws -> (root: XMLElement, warnings: [String]) {
        let (bytes, repairs) = try XMLInput.normalize(data)
        var warnings = repairs
        do {
            return (try build(bytes, base: base), warnings)
        } catch let first as FeedParsingError {
            // HTML's named entities (&nbsp; &eacute;) are not XML's: write them as numbers and try again.
            guard let text = String(data: bytes, encoding: .utf8), let replaced = Self.numericEntities(text), replaced != text else { throw first }
            let root = try build(Data(replaced.utf8), base: base)
            warnings.append("the feed uses HTML entities that XML does not define; read them as HTML")
            return (root, warnings)
        }
    }

    private static func build(_ data: Data, base: URL?) throws -> XMLElement {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = Builder(base: base)
        parser.delegate = builder
        let ok = parser.parse()
        if let problem = builder.problem { throw FeedParsingError(problem) }
        if ok, !builder.stack.isEmpty {
            throw FeedParsingError("the XML ends before <\(builder.stack.last?.name ?? "")> is closed: the file is cut short (not well-formed)")
        }
        guard ok, let root = builder.root else {
            let error = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw FeedParsingError("the XML is not well-formed (line \(parser.lineNumber), column \(parser.columnNumber): \(error))")
        }
        return root
    }

    /// Replaces HTML named references that XML does not define with numeric ones; nil when there were none.
    static func numericEntities(_ text: String) -> String? {
        guard text.contains("&") else { return nil }
        let xmlNames: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var changed = false
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(33).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !xmlNames.contains(name),
                   let value = HTMLEntityTable.value(of: name) {
                    out += value.unicodeScalars.map { "&#\($0.value);" }.joined()
                    changed = true
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return changed ? out : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []
        var problem: String?
        var elements = 0
        var textBytes = 0
        let base: URL?

        init(base: URL?) {
            self.base = base
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements += 1
            guard elements <= XMLTree.maximumElements else {
                problem = "the feed has more than \(XMLTree.maximumElements) elements; refused"
                parser.abortParsing()
                return
            }
            guard stack.count < XMLTree.maximumDepth else {
                problem = "the XML nests deeper than \(XMLTree.maximumDepth) elements; refused"
                parser.abortParsing()
                return
            }
            let parentBase = stack.last?.base ?? base
            var elementBase = parentBase
            if let xmlBase = attributes["xml:base"] {
                elementBase = URL(string: xmlBase, relativeTo: parentBase)?.absoluteURL ?? parentBase
            }
            let element = XMLElement(namespace: namespaceURI ?? "", name: name, attributes: attributes, base: elementBase)
            element.parent = stack.last
            if let parent = stack.last {
                parent.children.append(element)
                parent.segments.append(.element(element))
            } else {
                root = element
            }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let current = stack.last else { return }
            textBytes += string.utf8.count
            guard textBytes <= XMLTree.maximumTextBytes else {
                problem = "the feed holds more than \(XMLTree.maximumTextBytes / 1_048_576) MB of text; refused"
                parser.abortParsing()
                return
            }
            current.text += string
            // Appending in place: the segment is taken out first so that its storage is not shared.
            if case .text(var previous)? = current.segments.last {
                current.segments.removeLast()
                previous += string
                current.segments.append(.text(previous))
            } else {
                current.segments.append(.text(string))
            }
        }

        /// HTML's named entities, which feeds use without declaring them.
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            HTMLEntityTable.value(of: name).map { Data($0.utf8) }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
        }
    }
}

import BroadsheetCore
import Foundation

/// Atom 1.0 (RFC 4287) and its predecessor 0.3.
enum AtomParser {
    static func parse(_ root: XMLElement, warnings: inout [String]) throws -> ParsedFeed {
        let is03 = root.namespace == NS.atom03 || root.attributes["version"] == "0.3"
        let ns: Set<String> = [root.namespace]
        return ParsedFeed(
            format: is03 ? "atom03" : "atom10", title: text(root.first("title", in: ns)),
            link: link(root, rel: "alternate", ns: ns),
            description: text(root.first("subtitle", in: ns) ?? root.first("tagline", in: ns)),
            language: root.attributes["xml:lang"],
            updated: (root.text("updated", in: ns) ?? root.text("modified", in: ns)).flatMap(FeedDates.parse),
            items: root.all("entry", in: ns).map { entry(from: $0, ns: ns, feed: root, warnings: &warnings) }
        )
    }

    static func link(_ element: XMLElement, rel: String, ns: Set<String>) -> String? {
        let links = element.all("link", in: ns)
        let match = links.first { ($0.attributes["rel"] ?? "alternate") == rel && ($0.attributes["type"] ?? "text/html").contains("html") }
            ?? links.first { ($0.attributes["rel"] ?? "alternate") == rel }
        return element.resolve(match?.attributes["href"])
    }

    /// A text construct: plain text, escaped HTML, or inline XHTML (0.3: `mode="escaped"`, `"xml"`, `"base64"`).
    static func text(_ element: XMLElement?) -> String {
        guard let element else { return "" }
        return content(element).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTML of a content or summary element: plain text is escaped, so "x<y" stays text.
    static func html(_ element: XMLElement) -> String {
        let type = element.attributes["type"]?.lowercased() ?? "text"
        if (type == "text" || type == "text/plain"), element.attributes["mode"] != "escaped", element.children.isEmpty {
            return HTMLEscaping.escape(element.text)
        }
        return content(element)
    }

    /// The text or markup of a content, summary or title element.
    static func content(_ element: XMLElement) -> String {
        let type = element.attributes["type"]?.lowercased() ?? "text"
        if element.attributes["mode"] == "base64", let data = Data(base64Encoded: element.text.trimmingCharacters(in: .whitespacesAndNewlines), options: .ignoreUnknownCharacters) {
            return String(decoding: data, as: UTF8.self)
        }
        // Atom 1.0: any other media type that is not XML or text is base64.
        if type.contains("/"), !type.hasPrefix("text/"), !type.hasSuffix("+xml"), !type.hasSuffix("/xml"),
           let data = Data(base64Encoded: element.text.trimmingCharacters(in: .whitespacesAndNewlines), options: .ignoreUnknownCharacters) {
            return String(decoding: data, as: UTF8.self)
        }
        if type == "xhtml" || type == "application/xhtml+xml" || element.attributes["mode"] == "xml" || !element.children.isEmpty {
            // The content is a <div> in the XHTML namespace (1.0) or the markup itself (0.3).
            if let div = element.children.first, div.name == "div", element.children.count == 1 { return div.innerXML }
            return element.innerXML
        }
        if type == "text" || type == "text/plain" {
            return element.text
        }
        return element.text
    }

    static func entry(from entry: XMLElement, ns: Set<String>, feed: XMLElement, warnings: inout [String]) -> ParsedItem {
        var people = entry.all("author", in: ns)
        if people.isEmpty, let source = entry.first("source", in: ns) { people = source.all("author", in: ns) }
        if people.isEmpty { people = feed.all("author", in: ns) }
        let authors = people.map {
            ParsedPerson(name: $0.text("name", in: ns), email: $0.text("email", in: ns), url: $0.resolve($0.text("uri", in: ns) ?? $0.text("url", in: ns)))
        }
        let enclosures = entry.all("link", in: ns).filter { $0.attributes["rel"] == "enclosure" }.compactMap { link -> ParsedEnclosure? in
            guard let url = entry.resolve(link.attributes["href"]) else { return nil }
            return ParsedEnclosure(url: url, type: link.attributes["type"], length: link.attributes["length"].flatMap { Int($0) })
        }
        let publishedText = entry.text("published", in: ns) ?? entry.text("issued", in: ns) ?? entry.text("created", in: ns)
        let updatedText = entry.text("updated", in: ns) ?? entry.text("modified", in: ns)
        let published = publishedText.flatMap(FeedDates.parse)
        if let publishedText, published == nil { warnings.append("an unreadable date: \(publishedText.prefix(40))") }
        let summary = entry.first("summary", in: ns).map(html) ?? ""
        let body = entry.first("content", in: ns).map(html) ?? ""
        let contentBase = entry.first("content", in: ns)?.base ?? entry.base
        return ParsedItem(
            id: entry.text("id", in: ns), title: text(entry.first("title", in: ns)), link: link(entry, rel: "alternate", ns: ns),
            published: published ?? updatedText.flatMap(FeedDates.parse), updated: updatedText.flatMap(FeedDates.parse),
            authors: authors,
            categories: entry.all("category", in: ns).compactMap { $0.attributes["term"] ?? $0.attributes["label"] }
                + entry.all("subject", in: [NS.dc]).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) },
            summaryHTML: summary.trimmingCharacters(in: .whitespacesAndNewlines),
            contentHTML: (body.isEmpty ? summary : body).trimmingCharacters(in: .whitespacesAndNewlines),
            enclosures: enclosures, base: contentBase?.absoluteString
        )
    }
}

import Foundation

/// Reads any feed Broadsheet takes in. The format is found from the content, not the file name or media type:
/// some feeds called ".rss" are Atom, and some "feeds" are web pages.
public enum FeedParser {
    /// Larger inputs are refused before parsing.
    public static let maximumBytes = 10 * 1_048_576

    public static func parse(_ data: Data, url: URL? = nil) throws -> ParsedFeed {
        guard data.count <= maximumBytes else { throw FeedParsingError("the feed is larger than \(maximumBytes / 1_048_576) MB") }
        var warnings: [String] = []
        var feed: ParsedFeed
        switch detect(data) {
        case .empty:
            throw FeedParsingError("the file is empty")
        case .json:
            feed = try JSONFeedParser.parse(data, base: url, warnings: &warnings)
        case .html:
            throw FeedParsingError("this is a web page (HTML), not a feed")
        case .unknown:
            throw FeedParsingError("this is neither XML nor JSON, so not a feed")
        case .xml:
            let (root, xmlWarnings) = try XMLTree.parse(data, base: url)
            warnings += xmlWarnings
            switch (root.namespace, root.name) {
            case (_, "rss"):
                feed = try RSSParser.parse(root, warnings: &warnings)
            case (NS.rdf, "RDF"):
                feed = try RDFParser.parse(root, warnings: &warnings)
            case (NS.atom10, "feed"), (NS.atom03, "feed"):
                feed = try AtomParser.parse(root, warnings: &warnings)
            case (_, "html"), (NS.xhtml, _):
                throw FeedParsingError("this is a web page (XHTML), not a feed")
            case (_, "feed") where root.attributes["version"] != nil || root.namespace.lowercased().contains("atom"):
                warnings.append("an Atom feed in an unexpected namespace (\(root.namespace.isEmpty ? "none" : root.namespace))")
                feed = try AtomParser.parse(root, warnings: &warnings)
            case (_, "feed"):
                throw FeedParsingError("a <feed> outside the Atom namespace; not a feed this reader knows")
            default:
                throw FeedParsingError("not a feed: the document's root element is <\(root.name)>")
            }
        }
        feed.warnings = warnings + feed.warnings
        return feed
    }

    enum Kind { case empty, xml, json, html, unknown }

    /// What the first meaningful characters say the content is.
    static func detect(_ data: Data) -> Kind {
        var bytes = data.prefix(4_096)[...]
        // UTF-16 and UTF-32, by byte-order mark or by how "<" is written: XML (XMLInput decodes them).
        for mark: [UInt8] in [[0xFE, 0xFF], [0xFF, 0xFE], [0x3C, 0x00], [0x00, 0x3C], [0x00, 0x00, 0xFE, 0xFF], [0x00, 0x00, 0x00, 0x3C]]
        where bytes.starts(with: mark) {
            return .xml
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while let first = bytes.first, [0x20, 0x09, 0x0A, 0x0D].contains(first) { bytes = bytes.dropFirst() }
        guard let first = bytes.first else { return .empty }
        if first == UInt8(ascii: "{") { return .json }
        guard first == UInt8(ascii: "<") else { return .unknown }
        let head = String(decoding: bytes.prefix(1_024), as: UTF8.self).lowercased()
        // Skip the declaration, comments and doctype to reach the root element's name.
        var rest = Substring(head)
        while true {
            if rest.hasPrefix("<?") { rest = rest[(rest.range(of: "?>")?.upperBound ?? rest.endIndex)...] }
            else if rest.hasPrefix("<!--") { rest = rest[(rest.range(of: "-->")?.upperBound ?? rest.endIndex)...] }
            else if rest.hasPrefix("<!doctype html") { return .html }
            else if rest.hasPrefix("<!") { rest = rest[(rest.range(of: ">")?.upperBound ?? rest.endIndex)...] }
            else { break }
            rest = rest.drop { $0.isWhitespace }
        }
        if rest.hasPrefix("<html") || rest.hasPrefix("<head") || rest.hasPrefix("<body") { return .html }
        return .xml
    }
}

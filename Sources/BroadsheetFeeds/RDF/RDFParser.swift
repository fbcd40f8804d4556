import Foundation

/// RSS 1.0 and 0.90: RDF documents whose channel, items and image are siblings under `<rdf:RDF>`.
enum RDFParser {
    static func parse(_ root: XMLElement, warnings: inout [String]) throws -> ParsedFeed {
        let namespaces: Set<String> = [NS.rss10, NS.rss090]
        let found = root.first("channel", in: namespaces)
        if found == nil { warnings.append("an RDF feed without a <channel>") }
        let channel = found ?? root
        let format = (found?.namespace ?? root.children.first { namespaces.contains($0.namespace) }?.namespace) == NS.rss090 ? "rss090" : "rss10"
        let items = root.all("item", in: namespaces) + (found?.all("item", in: namespaces) ?? [])
        return ParsedFeed(
            format: format, title: channel.text("title", in: namespaces) ?? "",
            link: channel.resolve(channel.text("link", in: namespaces)),
            description: channel.text("description", in: namespaces) ?? "",
            language: channel.text("language", in: [NS.dc]),
            updated: channel.text("date", in: [NS.dc]).flatMap(FeedDates.parse),
            items: items.map { RSSParser.item(from: $0, warnings: &warnings) }
        )
    }
}

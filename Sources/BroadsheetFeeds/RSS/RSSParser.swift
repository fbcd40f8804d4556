import Foundation

/// RSS 0.90–0.94 and 2.0 (the `<rss>` family), with content:encoded, Dublin Core, Media RSS and atom:link.
enum RSSParser {
    static func parse(_ root: XMLElement, warnings: inout [String]) throws -> ParsedFeed {
        let channel: XMLElement
        if let found = root.first("channel", in: NS.rssCore) {
            channel = found
        } else {
            channel = root
            warnings.append("an RSS feed without a <channel>")
        }
        let version = root.attributes["version"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let format = switch version {
        case "0.90": "rss090"
        case "0.91": "rss091"
        case "0.92": "rss092"
        case "0.93": "rss093"
        case "0.94": "rss094"
        case "2.0", "2.0.1", "2": "rss20"
        default: "rss20"
        }
        if !["0.90", "0.91", "0.92", "0.93", "0.94", "2.0", "2.0.1", "2"].contains(version) {
            warnings.append(version.isEmpty ? "the <rss> element has no version; read as RSS 2.0" : "unknown RSS version \(version); read as RSS 2.0")
        }
        // Items belong in the channel; some feeds put them next to it.
        let items = channel.all("item", in: NS.rssCore) + (channel === root ? [] : root.all("item", in: NS.rssCore))
        return ParsedFeed(
            format: format, title: channel.text("title", in: NS.rssCore) ?? channel.text("title", in: [NS.dc]) ?? "",
            link: channel.resolve(channel.text("link", in: NS.rssCore) ?? atomLink(channel, rel: "alternate")),
            description: (channel.first("description", in: NS.rssCore) ?? channel.first("description", in: [NS.dc]))
                .map { $0.content.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "",
            language: channel.text("language", in: NS.rssCore) ?? channel.text("language", in: [NS.dc]),
            updated: [channel.text("lastBuildDate", in: NS.rssCore), channel.text("pubDate", in: NS.rssCore), channel.text("date", in: [NS.dc])]
                .compactMap { $0.flatMap(FeedDates.parse) }.first,
            items: items.map { item(from: $0, warnings: &warnings) }, warnings: [],
            // A day at most: a partner's ttl must not stop polling for longer.
            timeToLiveMinutes: channel.text("ttl", in: NS.rssCore).flatMap { Int($0) }.map { min(max($0, 0), 1_440) }
        )
    }

    static func atomLink(_ element: XMLElement, rel: String) -> String? {
        element.all("link", in: NS.atom).first { ($0.attributes["rel"] ?? "alternate") == rel }?.attributes["href"]
    }

    /// An `<item>` of RSS 0.9x/1.0/2.0.
    static func item(from item: XMLElement, warnings: inout [String]) -> ParsedItem {
        let guid = item.first("guid", in: NS.rssCore)
        let guidText = guid.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        var link = item.text("link", in: NS.rssCore) ?? atomLink(item, rel: "alternate")
        if link == nil, let guidText, guid?.attributes["isPermaLink"]?.lowercased() != "false", guidText.hasPrefix("http") { link = guidText }
        let about = item.attributes["rdf:about"] ?? item.attributes["about"]
        var authors = (item.all("author", in: NS.rssCore) + item.all("creator", in: [NS.dc]) + item.all("author", in: [NS.dc]))
            .map { ParsedPerson(text: $0.text) }.filter { $0.name != nil || $0.email != nil }
        if authors.isEmpty, let atomAuthor = item.first("author", in: NS.atom) {
            authors = [ParsedPerson(name: atomAuthor.text("name", in: NS.atom), email: atomAuthor.text("email", in: NS.atom), url: atomAuthor.text("uri", in: NS.atom))]
        }
        var enclosures = item.all("enclosure", in: NS.rssCore).compactMap { enclosure -> ParsedEnclosure? in
            guard let url = item.resolve(enclosure.attributes["url"]) else { return nil }
            return ParsedEnclosure(url: url, type: enclosure.attributes["type"], length: enclosure.attributes["length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        }
        let media = item.all("content", in: NS.media) + item.all("group", in: NS.media).flatMap { $0.all("content", in: NS.media) }
        for content in media {
            guard let url = item.resolve(content.attributes["url"]), !enclosures.contains(where: { $0.url == url }) else { continue }
            enclosures.append(ParsedEnclosure(url: url, type: content.attributes["type"], length: content.attributes["fileSize"].flatMap { Int($0) }))
        }
        let description = (item.first("description", in: NS.rssCore) ?? item.first("description", in: [NS.dc]))?.content ?? ""
        let encoded = item.first("encoded", in: [NS.content])?.content ?? ""
        let published = [item.text("pubDate", in: NS.rssCore), item.text("date", in: [NS.dc]), item.text("issued", in: [NS.dcterms])]
            .compactMap { $0 }.first
        let publishedDate = published.flatMap(FeedDates.parse)
        if let published, publishedDate == nil { warnings.append("an unreadable date: \(published.prefix(40))") }
        return ParsedItem(
            id: guidText ?? about,
            title: (item.first("title", in: NS.rssCore) ?? item.first("title", in: [NS.dc])).map { $0.content.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "",
            link: item.resolve(link ?? about),
            published: publishedDate,
            updated: [item.text("modified", in: [NS.dcterms]), item.text("updated", in: NS.atom)].compactMap { $0.flatMap(FeedDates.parse) }.first,
            authors: authors,
            categories: (item.all("category", in: NS.rssCore) + item.all("subject", in: [NS.dc]))
                .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
            summaryHTML: description.trimmingCharacters(in: .whitespacesAndNewlines),
            contentHTML: (encoded.isEmpty ? description : encoded).trimmingCharacters(in: .whitespacesAndNewlines),
            enclosures: enclosures, base: item.base?.absoluteString
        )
    }
}

import BroadsheetCore
import Foundation

/// Writes Atom 1.0 (RFC 4287).
public enum AtomRenderer {
    public static func render(_ feed: SyndicationFeed) -> String {
        render(feed, items: feed.items.map(entry))
    }

    /// The feed around entries already rendered by `entry(_:)` (the feed's own `items` are not looked at).
    public static func render(_ feed: SyndicationFeed, items: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(feed.language))">

            """
        xml.reserveCapacity(items.reduce(1_024) { $0 + $1.utf8.count })
        element("id", feed.selfURL.absoluteString, into: &xml)
        element("title", feed.title, into: &xml)
        if !feed.description.isEmpty { element("subtitle", feed.description, into: &xml) }
        element("updated", InternetDate.rfc3339(feed.updated), into: &xml)
        xml += link(feed.link.absoluteString, rel: "alternate", type: "text/html")
        xml += link(feed.selfURL.absoluteString, rel: "self", type: FeedFormat.atom.linkType)
        if let hub = feed.hubURL { xml += link(hub.absoluteString, rel: "hub", type: nil) }
        if let icon = feed.iconURL { element("icon", icon.absoluteString, into: &xml) }
        // Every entry needs an author; the feed's stands in for entries without one (RFC 4287, section 4.1.1). Always
        // written, so that the feed's head does not depend on its entries (which may come rendered).
        xml += "<author><name>\(XMLText.escape(feed.publisher.isEmpty ? feed.title : feed.publisher))</name></author>\n"
        xml += "<generator>Broadsheet</generator>\n"
        for item in items { xml += item }
        xml += "</feed>\n"
        return xml
    }

    /// One `<entry>`, as `render` writes it.
    public static func entry(_ item: SyndicationItem) -> String {
        var xml = ""
        xml.reserveCapacity(item.contentHTML.utf8.count + 2_048)
        xml += "<entry>\n"
        element("id", item.guid, into: &xml)
        element("title", item.title, into: &xml)
        xml += link(item.link.absoluteString, rel: "alternate", type: "text/html")
        element("published", InternetDate.rfc3339(item.published), into: &xml)
        element("updated", InternetDate.rfc3339(item.updated ?? item.published), into: &xml)
        for author in item.authors {
            xml += "<author><name>\(XMLText.escape(author.name))</name>"
            if let url = author.url { xml += "<uri>\(XMLText.escape(url.absoluteString))</uri>" }
            xml += "</author>\n"
        }
        for category in item.categories {
            xml += "<category term=\"\(XMLText.escape(category))\"/>\n"
        }
        xml += "<summary type=\"text\">\(XMLText.escape(item.summary))</summary>\n"
        xml += "<content type=\"html\">"
        XMLText.appendCDATA(item.contentHTML, to: &xml)
        xml += "</content>\n"
        if let image = item.image {
            xml += "<link rel=\"enclosure\" href=\"\(XMLText.escape(image.url.absoluteString))\" type=\"\(XMLText.escape(image.mediaType))\" length=\"\(image.length)\"/>\n"
        }
        xml += "</entry>\n"
        return xml
    }

    private static func link(_ href: String, rel: String, type: String?) -> String {
        "<link rel=\"\(rel)\" href=\"\(XMLText.escape(href))\"" + (type.map { " type=\"\($0)\"" } ?? "") + "/>\n"
    }

    private static func element(_ name: String, _ text: String, into xml: inout String) {
        xml += "<\(name)>"
        XMLText.appendEscaped(text, to: &xml)
        xml += "</\(name)>\n"
    }
}

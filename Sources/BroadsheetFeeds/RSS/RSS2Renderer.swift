import BroadsheetCore
import Foundation

/// Writes RSS 2.0 with the content, Dublin Core, Media RSS and Atom namespaces.
public enum RSS2Renderer {
    public static let contentType = FeedFormat.rss.contentType

    public static func render(_ feed: SyndicationFeed) -> String {
        render(feed, items: feed.items.map(item))
    }

    /// The feed's channel around items already rendered by `item(_:)` (the feed's own `items` are not looked at).
    public static func render(_ feed: SyndicationFeed, items: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>

            """
        xml.reserveCapacity(items.reduce(1_024) { $0 + $1.utf8.count })
        element("title", feed.title, into: &xml)
        element("link", feed.link.absoluteString, into: &xml)
        element("description", feed.description, into: &xml)
        element("language", feed.language, into: &xml)
        element("lastBuildDate", InternetDate.rfc822(feed.updated), into: &xml)
        element("generator", "Broadsheet", into: &xml)
        xml += "<atom:link href=\"\(XMLText.escape(feed.selfURL.absoluteString))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let hub = feed.hubURL {
            xml += "<atom:link href=\"\(XMLText.escape(hub.absoluteString))\" rel=\"hub\"/>\n"
        }
        if let icon = feed.iconURL {
            xml += "<image><url>\(XMLText.escape(icon.absoluteString))</url><title>\(XMLText.escape(feed.title))</title><link>\(XMLText.escape(feed.link.absoluteString))</link></image>\n"
        }
        for item in items { xml += item }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    /// One `<item>`, as `render` writes it.
    public static func item(_ item: SyndicationItem) -> String {
        var xml = ""
        xml.reserveCapacity(item.contentHTML.utf8.count + 2_048)
        xml += "<item>\n"
        element("title", item.title, into: &xml)
        element("link", item.link.absoluteString, into: &xml)
        xml += "<guid isPermaLink=\"\(item.guidIsPermaLink)\">\(XMLText.escape(item.guid))</guid>\n"
        element("pubDate", InternetDate.rfc822(item.published), into: &xml)
        if let updated = item.updated {
            element("atom:updated", InternetDate.rfc3339(updated), into: &xml)
        }
        for author in item.authors {
            element("dc:creator", author.name, into: &xml)
        }
        for category in item.categories {
            element("category", category, into: &xml)
        }
        element("description", item.summary, into: &xml)
        xml += "<content:encoded>"
        XMLText.appendCDATA(item.contentHTML, to: &xml)
        xml += "</content:encoded>\n"
        if let image = item.image {
            let url = XMLText.escape(image.url.absoluteString)
            xml += "<enclosure url=\"\(url)\" length=\"\(image.length)\" type=\"\(XMLText.escape(image.mediaType))\"/>\n"
            xml += "<media:content url=\"\(url)\" type=\"\(XMLText.escape(image.mediaType))\" fileSize=\"\(image.length)\" medium=\"image\" width=\"\(image.width)\" height=\"\(image.height)\">"
            if !image.caption.isEmpty { xml += "<media:description type=\"plain\">\(XMLText.escape(image.caption))</media:description>" }
            xml += "</media:content>\n"
        }
        xml += "</item>\n"
        return xml
    }

    private static func element(_ name: String, _ text: String, into xml: inout String) {
        xml += "<\(name)>"
        XMLText.appendEscaped(text, to: &xml)
        xml += "</\(name)>\n"
    }
}

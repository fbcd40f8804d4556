import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An independent reading of an RSS 2.0 document with Foundation's XML parser, for checking what the site writes.
struct FeedReader {
    struct Item: Equatable {
        var title = ""
        var link = ""
        var guid = ""
        var guidIsPermaLink: String?
        var pubDate = ""
        var creators: [String] = []
        var categories: [String] = []
        var description = ""
        var content = ""
    }

    var channel: [String: String] = [:]
    var selfLink: String?
    var items: [Item] = []

    /// The feed, or nil if the document is not well-formed XML.
    static func parse(_ xml: String) -> FeedReader? {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.feed
    }

    /// All the text of a document (character data and CDATA sections), or nil if it is not well-formed.
    static func parseText(_ xml: String) -> String? {
        final class TextDelegate: NSObject, XMLParserDelegate {
            var text = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }
        }
        let delegate = TextDelegate()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.text
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var feed = FeedReader()
        var text = ""
        var current: Item?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            if name == "item" { current = Item() }
            if name == "guid" { current?.guidIsPermaLink = attributes["isPermaLink"] }
            if name == "atom:link", attributes["rel"] == "self" { feed.selfLink = attributes["href"] }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "item", let item = current {
                feed.items.append(item)
                current = nil
            } else if current != nil {
                switch name {
                case "title": current?.title = text
                case "link": current?.link = text
                case "guid": current?.guid = text
                case "pubDate": current?.pubDate = text
                case "dc:creator": current?.creators.append(text)
                case "category": current?.categories.append(text)
                case "description": current?.description = text
                case "content:encoded": current?.content = text
                default: break
                }
            } else if name != "channel", name != "rss" {
                feed.channel[name] = text
            }
            text = ""
        }
    }
}

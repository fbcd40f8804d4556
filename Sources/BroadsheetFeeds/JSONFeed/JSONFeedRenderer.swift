import BroadsheetCore
import Foundation

/// Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1): keys sorted, no spaces, slashes unescaped, as
/// `JSONSerialization` writes with `.sortedKeys` and `.withoutEscapingSlashes`. Items are written one by one, so that
/// an item rendered earlier can be put in as it is.
public enum JSONFeedRenderer {
    public static func render(_ feed: SyndicationFeed) -> String {
        render(feed, items: feed.items.map(item))
    }

    /// The feed around items already rendered by `item(_:)` (the feed's own `items` are not looked at).
    public static func render(_ feed: SyndicationFeed, items: [String]) -> String {
        // Fields in the order of their keys.
        var fields: [(String, String)] = [("description", string(feed.description))]
        if let icon = feed.iconURL { fields.append(("favicon", string(icon.absoluteString))) }
        fields.append(("feed_url", string(feed.selfURL.absoluteString)))
        fields.append(("home_page_url", string(feed.link.absoluteString)))
        if let hub = feed.hubURL { fields.append(("hubs", serialized([["type": "WebSub", "url": hub.absoluteString]]))) }
        if let icon = feed.iconURL { fields.append(("icon", string(icon.absoluteString))) }
        fields.append(("items", "[" + items.joined(separator: ",") + "]"))
        fields.append(("language", string(feed.language)))
        fields.append(("title", string(feed.title)))
        fields.append(("version", string("https://jsonfeed.org/version/1.1")))
        var json = ""
        json.reserveCapacity(items.reduce(1_024) { $0 + $1.utf8.count + 1 })
        json += "{"
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { json += "," }
            json += "\"\(key)\":"
            json += value
        }
        json += "}"
        return json
    }

    /// One item, as a JSON object.
    public static func item(_ item: SyndicationItem) -> String {
        var object: [String: Any] = [
            "id": item.guid,
            "url": item.link.absoluteString,
            "title": item.title,
            "summary": item.summary,
            "content_html": item.contentHTML,
            "date_published": InternetDate.rfc3339(item.published),
            "date_modified": InternetDate.rfc3339(item.updated ?? item.published),
            "authors": item.authors.map { author -> [String: String] in
                var entry = ["name": author.name]
                if let url = author.url { entry["url"] = url.absoluteString }
                return entry
            },
            "tags": item.categories,
        ]
        if let image = item.image {
            object["image"] = image.url.absoluteString
            object["attachments"] = [["url": image.url.absoluteString, "mime_type": image.mediaType, "size_in_bytes": image.length]]
        }
        return serialized(object)
    }

    private static func serialized(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A string as a JSON value, escaped as `JSONSerialization` escapes it.
    private static func string(_ text: String) -> String {
        let array = serialized([text])
        return String(array.dropFirst().dropLast())
    }
}

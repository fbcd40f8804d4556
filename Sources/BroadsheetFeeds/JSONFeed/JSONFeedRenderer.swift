import BroadsheetCore
import Foundation

/// Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
public enum JSONFeedRenderer {
    public static func render(_ feed: SyndicationFeed) -> String {
        var object: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed.title,
            "home_page_url": feed.link.absoluteString,
            "feed_url": feed.selfURL.absoluteString,
            "description": feed.description,
            "language": feed.language,
            "items": feed.items.map(item),
        ]
        if let hub = feed.hubURL { object["hubs"] = [["type": "WebSub", "url": hub.absoluteString]] }
        if let icon = feed.iconURL {
            object["icon"] = icon.absoluteString
            object["favicon"] = icon.absoluteString
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func item(_ item: SyndicationItem) -> [String: Any] {
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
        return object
    }
}

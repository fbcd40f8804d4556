import BroadsheetCore
import Foundation

/// JSON Feed 1.0 and 1.1.
enum JSONFeedParser {
    static func parse(_ data: Data, base: URL?, warnings: inout [String]) throws -> ParsedFeed {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else {
            throw FeedParsingError("not valid JSON, or not a JSON object")
        }
        guard let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw FeedParsingError("a JSON document without a JSON Feed version")
        }
        let format = version.hasSuffix("/1") ? "json10" : "json11"
        let home = (object["home_page_url"] as? String).flatMap { URL(string: $0, relativeTo: base)?.absoluteURL }
            .flatMap { FeedLinks.isAllowed($0.absoluteString) ? $0 : nil }
        guard let items = object["items"] as? [[String: Any]] else { throw FeedParsingError("a JSON Feed without an items array") }
        func resolve(_ text: Any?) -> String? {
            guard let text = text as? String, !text.isEmpty else { return nil }
            let resolved = URL(string: text, relativeTo: home ?? base)?.absoluteString ?? text
            return FeedLinks.isAllowed(resolved) ? resolved : nil
        }
        func people(_ value: Any?) -> [ParsedPerson] {
            let list = (value as? [[String: Any]]) ?? ((value as? [String: Any]).map { [$0] } ?? [])
            return list.map { ParsedPerson(name: $0["name"] as? String, email: nil, url: resolve($0["url"])) }
        }
        let feedAuthors = people(object["authors"] ?? object["author"])
        return ParsedFeed(
            format: format, title: object["title"] as? String ?? "", link: home?.absoluteString,
            description: object["description"] as? String ?? "", language: object["language"] as? String,
            items: items.map { item in
                let html = item["content_html"] as? String
                let text = item["content_text"] as? String
                var authors = people(item["authors"] ?? item["author"])
                if authors.isEmpty { authors = feedAuthors }
                let id: String? = (item["id"] as? String) ?? (item["id"] as? NSNumber).map { "\($0)" }
                return ParsedItem(
                    id: id, title: item["title"] as? String ?? "", link: resolve(item["url"]) ?? resolve(item["external_url"]),
                    published: (item["date_published"] as? String).flatMap(FeedDates.parse),
                    updated: (item["date_modified"] as? String).flatMap(FeedDates.parse),
                    authors: authors, categories: item["tags"] as? [String] ?? [],
                    summaryHTML: (item["summary"] as? String).map(HTMLEscaping.escape) ?? "",
                    contentHTML: html ?? text.map { "<p>" + HTMLEscaping.escape($0).replacingOccurrences(of: "\n\n", with: "</p><p>") + "</p>" } ?? "",
                    enclosures: (item["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
                        guard let url = resolve(attachment["url"]) else { return nil }
                        return ParsedEnclosure(url: url, type: attachment["mime_type"] as? String, length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
                    },
                    base: home?.absoluteString ?? base?.absoluteString
                )
            },
            warnings: []
        )
    }
}

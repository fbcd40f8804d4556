import BroadsheetCore
import Foundation

/// Core's `FeedReading` port: any supported format, parsed by `FeedParser`, as intake's model. HTML is passed on
/// unsanitized: intake sanitizes it once, with the item's address as base.
public struct IncomingFeedReader: FeedReading {
    public init() {}

    public func read(_ data: Data, url: URL) throws -> IncomingFeed {
        let feed = try FeedParser.parse(data, url: url)
        let feedLink = feed.link.flatMap(URL.init(string:))
        return IncomingFeed(
            title: feed.title,
            timeToLive: feed.timeToLiveMinutes.map { TimeInterval($0 * 60) },
            items: feed.items.map { item in
                let link = item.link.flatMap(URL.init(string:)).flatMap { ["http", "https"].contains($0.scheme?.lowercased() ?? "") ? $0 : nil }
                return IncomingItem(
                    id: item.id, title: item.title, link: link, published: item.published, updated: item.updated,
                    authorNames: item.authors.compactMap { $0.name ?? $0.email },
                    summaryHTML: item.summaryHTML, contentHTML: item.contentHTML,
                    base: item.base.flatMap(URL.init(string:)) ?? link ?? feedLink ?? url
                )
            }
        )
    }
}

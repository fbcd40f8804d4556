import Foundation

/// A feed to publish, whatever its format: the channel and its items, with absolute URLs throughout.
public struct SyndicationFeed: Sendable, Hashable {
    public var title: String
    /// The page the feed mirrors.
    public var link: URL
    /// The feed's own address, advertised as `rel="self"`; also the feed's permanent id.
    public var selfURL: URL
    public var description: String
    public var language: String
    /// When anything in the feed last changed.
    public var updated: Date
    /// A WebSub hub that subscribers can use instead of polling.
    public var hubURL: URL?
    /// A square raster icon for feed readers.
    public var iconURL: URL?
    /// Who publishes the feed: Atom's feed-level author, which stands for entries without a byline.
    public var publisher: String
    public var items: [SyndicationItem]

    public init(
        title: String, link: URL, selfURL: URL, description: String, language: String, updated: Date, hubURL: URL? = nil,
        iconURL: URL? = nil, publisher: String = "", items: [SyndicationItem]
    ) {
        self.publisher = publisher
        self.title = title
        self.link = link
        self.selfURL = selfURL
        self.description = description
        self.language = language
        self.updated = updated
        self.hubURL = hubURL
        self.iconURL = iconURL
        self.items = items
    }
}

/// A person in a byline.
public struct SyndicationAuthor: Sendable, Hashable {
    public var name: String
    public var url: URL?

    public init(name: String, url: URL?) {
        self.name = name
        self.url = url
    }
}

/// A story's picture, for enclosures and media elements.
public struct SyndicationImage: Sendable, Hashable {
    public var url: URL
    public var mediaType: String
    /// Size in bytes.
    public var length: Int
    public var width: Int
    public var height: Int
    public var caption: String

    public init(url: URL, mediaType: String, length: Int, width: Int, height: Int, caption: String) {
        self.url = url
        self.mediaType = mediaType
        self.length = length
        self.width = width
        self.height = height
        self.caption = caption
    }
}

/// One story in a feed.
public struct SyndicationItem: Sendable, Hashable {
    public var title: String
    public var link: URL
    /// Stable identifier that survives edits; `guidIsPermaLink` says whether it is also the story's address.
    public var guid: String
    public var guidIsPermaLink: Bool
    public var published: Date
    /// Set when the story was updated or corrected after publication.
    public var updated: Date?
    public var authors: [SyndicationAuthor]
    public var categories: [String]
    /// Plain-text summary (the standfirst).
    public var summary: String
    /// The full body as HTML with absolute URLs.
    public var contentHTML: String
    public var image: SyndicationImage?

    public init(
        title: String, link: URL, guid: String, guidIsPermaLink: Bool, published: Date, updated: Date?, authors: [SyndicationAuthor],
        categories: [String], summary: String, contentHTML: String, image: SyndicationImage? = nil
    ) {
        self.title = title
        self.link = link
        self.guid = guid
        self.guidIsPermaLink = guidIsPermaLink
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summary = summary
        self.contentHTML = contentHTML
        self.image = image
    }
}

/// The formats Broadsheet publishes feeds in.
public enum FeedFormat: String, Sendable, CaseIterable {
    case rss
    case atom
    case json

    public var contentType: String {
        switch self {
        case .rss: "application/rss+xml; charset=utf-8"
        case .atom: "application/atom+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }

    /// The media type for `<link rel="alternate" type=...>`.
    public var linkType: String {
        switch self {
        case .rss: "application/rss+xml"
        case .atom: "application/atom+xml"
        case .json: "application/feed+json"
        }
    }

    public var label: String {
        switch self {
        case .rss: "RSS 2.0"
        case .atom: "Atom"
        case .json: "JSON Feed"
        }
    }

    /// Renders the feed, leaving out the oldest items if needed to stay under `maximumBytes`.
    public func render(_ feed: SyndicationFeed, maximumBytes: Int = 1_000_000) -> String {
        render(feed, items: feed.items.map(renderItem), maximumBytes: maximumBytes)
    }

    /// One item as this format writes it inside a feed: what a story's kept feed entry holds.
    public func renderItem(_ item: SyndicationItem) -> String {
        switch self {
        case .rss: RSS2Renderer.item(item)
        case .atom: AtomRenderer.entry(item)
        case .json: JSONFeedRenderer.item(item)
        }
    }

    /// The same feed as `render(_:items:maximumBytes:)`, as UTF-8 pieces from items' bytes (kept items are copied as
    /// they are, never read as text), with their total size, so that a server can write them straight into its own
    /// buffer (a 50-item feed is a quarter of a megabyte: one copy fewer matters). The channel around the items is
    /// rendered once, around two marks (a NUL never appears in the channel's own text: XML and JSON escaping leave
    /// none), and cut there into what comes before the items, between two of them, and after.
    public func feedPieces(_ feed: SyndicationFeed, items: [[UInt8]], maximumBytes: Int = 1_000_000) -> FeedPieces {
        let mark = "\u{0}item\u{0}"
        let frame = Array(render(feed, items: [mark, mark], maximumBytes: .max).utf8)
        let markBytes = Array(mark.utf8)
        // Exactly two marks, or the channel is rendered as text with the items in it (should a renderer ever let a NUL
        // through, a third mark would otherwise cut the channel in the wrong place).
        guard let first = Self.find(markBytes, in: frame, from: 0),
              let second = Self.find(markBytes, in: frame, from: first + markBytes.count),
              Self.find(markBytes, in: frame, from: second + markBytes.count) == nil
        else {
            let text = Array(render(feed, items: items.map { String(decoding: $0, as: UTF8.self) }, maximumBytes: maximumBytes).utf8)
            return FeedPieces(head: text[...], separator: [], tail: [], items: [])
        }
        let head = frame[..<first], separator = frame[(first + markBytes.count)..<second], tail = frame[(second + markBytes.count)...]
        func pieces(_ count: Int) -> FeedPieces { FeedPieces(head: head, separator: separator, tail: tail, items: items.prefix(count)) }
        // As `render` does: drop roughly as many of the oldest items as the excess suggests, at least one.
        var count = items.count
        while count > 0 {
            let total = pieces(count).count
            guard total > maximumBytes else { break }
            let excess = Double(total - maximumBytes) / Double(total)
            count -= min(count, max(1, Int((Double(count) * excess).rounded(.up))))
        }
        return pieces(count)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// The feed around items already rendered by `renderItem` (the feed's own `items` are not looked at), leaving out
    /// the oldest items if needed to stay under `maximumBytes`.
    public func render(_ feed: SyndicationFeed, items: [String], maximumBytes: Int = 1_000_000) -> String {
        var items = items
        while true {
            let text: String = switch self {
            case .rss: RSS2Renderer.render(feed, items: items)
            case .atom: AtomRenderer.render(feed, items: items)
            case .json: JSONFeedRenderer.render(feed, items: items)
            }
            if text.utf8.count <= maximumBytes || items.isEmpty { return text }
            // Drop roughly as many items as the excess suggests, at least one.
            let excess = Double(text.utf8.count - maximumBytes) / Double(text.utf8.count)
            items.removeLast(max(1, Int((Double(items.count) * excess).rounded(.up))))
        }
    }
}

/// A feed as UTF-8 pieces: the channel's head, the items with the separator between two of them, the channel's tail.
public struct FeedPieces: Sendable {
    let head: ArraySlice<UInt8>
    let separator: ArraySlice<UInt8>
    let tail: ArraySlice<UInt8>
    let items: ArraySlice<[UInt8]>

    /// The feed's size in bytes.
    public var count: Int {
        head.count + tail.count + items.reduce(0) { $0 + $1.count } + separator.count * max(0, items.count - 1)
    }

    /// Hands `body` each piece in order.
    public func write(_ body: (UnsafeRawBufferPointer) -> Void) {
        head.withUnsafeBytes(body)
        for (index, item) in items.enumerated() {
            if index > 0 { separator.withUnsafeBytes(body) }
            item.withUnsafeBytes(body)
        }
        tail.withUnsafeBytes(body)
    }
}

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

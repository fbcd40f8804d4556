import Foundation

/// A feed to publish, whatever its format: the channel and its items, with absolute URLs throughout.
public struct SyndicationFeed: Sendable, Hashable {
    public var title: String
    /// The page the feed mirrors.
    public var link: URL
    /// The feed's own address, advertised as `rel="self"`.
    public var selfURL: URL
    public var description: String
    public var language: String
    /// When anything in the feed last changed.
    public var updated: Date
    public var items: [SyndicationItem]

    public init(title: String, link: URL, selfURL: URL, description: String, language: String, updated: Date, items: [SyndicationItem]) {
        self.title = title
        self.link = link
        self.selfURL = selfURL
        self.description = description
        self.language = language
        self.updated = updated
        self.items = items
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
    public var updated: Date?
    public var authors: [String]
    public var categories: [String]
    /// Plain-text summary (the standfirst).
    public var summary: String
    /// The full body as HTML with absolute URLs.
    public var contentHTML: String

    public init(
        title: String, link: URL, guid: String, guidIsPermaLink: Bool, published: Date, updated: Date?, authors: [String],
        categories: [String], summary: String, contentHTML: String
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
    }
}

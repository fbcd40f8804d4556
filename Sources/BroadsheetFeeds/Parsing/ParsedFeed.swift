import Foundation

/// A feed read from a partner, whatever its format: what intake needs, with addresses made absolute where the feed
/// allows. HTML fields are as the feed gave them (not yet sanitized).
public struct ParsedFeed: Sendable, Equatable {
    /// "rss090", "rss091", "rss092", "rss093", "rss094", "rss20", "rss10", "atom03", "atom10", "json10", "json11".
    public var format: String
    public var title: String
    public var link: String?
    public var description: String
    public var language: String?
    public var updated: Date?
    public var items: [ParsedItem]
    /// What was odd but could be read (a wrong encoding, HTML entities, an undated item...).
    public var warnings: [String]
    /// RSS `ttl`, in minutes: how long the feed may be cached.
    public var timeToLiveMinutes: Int?

    public init(format: String, title: String = "", link: String? = nil, description: String = "", language: String? = nil,
                updated: Date? = nil, items: [ParsedItem] = [], warnings: [String] = [], timeToLiveMinutes: Int? = nil) {
        self.timeToLiveMinutes = timeToLiveMinutes
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.items = items
        self.warnings = warnings
    }
}

public struct ParsedItem: Sendable, Equatable {
    /// The feed's own identifier (guid, id), or nil when it gives none.
    public var id: String?
    public var title: String
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [ParsedPerson]
    public var categories: [String]
    /// HTML (or text) of the short form: RSS description, Atom summary, JSON Feed summary.
    public var summaryHTML: String
    /// HTML of the full story, when the feed carries it.
    public var contentHTML: String
    public var enclosures: [ParsedEnclosure]
    /// The address relative links in this item's HTML are resolved against.
    public var base: String?

    public init(id: String? = nil, title: String = "", link: String? = nil, published: Date? = nil, updated: Date? = nil,
                authors: [ParsedPerson] = [], categories: [String] = [], summaryHTML: String = "", contentHTML: String = "",
                enclosures: [ParsedEnclosure] = [], base: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.enclosures = enclosures
        self.base = base
    }
}

public struct ParsedPerson: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var url: String?

    public init(name: String?, email: String?, url: String?) {
        self.name = name
        self.email = email
        self.url = url
    }

    /// "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", "jane@example.com" or "Jane Doe".
    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            let email = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let name = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            self.init(name: name.isEmpty ? nil : name, email: email.contains("@") ? email : nil, url: nil)
            if !email.contains("@"), !email.isEmpty { self.name = trimmed }
        } else if let open = trimmed.firstIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            self.init(name: name.isEmpty ? nil : name, email: email.isEmpty ? nil : email, url: nil)
        } else if trimmed.contains("@"), !trimmed.contains(" ") {
            self.init(name: nil, email: trimmed, url: nil)
        } else {
            self.init(name: trimmed.isEmpty ? nil : trimmed, email: nil, url: nil)
        }
    }
}

public struct ParsedEnclosure: Sendable, Equatable {
    public var url: String
    public var type: String?
    public var length: Int?

    public init(url: String, type: String?, length: Int?) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// Why a file is not a usable feed.
public struct FeedParsingError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

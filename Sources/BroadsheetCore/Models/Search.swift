import Foundation

/// How search results are ordered.
public enum SearchSort: String, Sendable, Hashable, CaseIterable {
    /// Best matches first (headline above standfirst above body), newer first among equals.
    case relevance
    /// Newest first.
    case date
}

/// A search: the query, an optional publication-date range, and the order.
public struct SearchRequest: Sendable, Hashable {
    public var query: SearchQuery
    /// Stories published at or after this instant.
    public var from: Date?
    /// Stories published before this instant.
    public var until: Date?
    public var sort: SearchSort

    public init(query: SearchQuery, from: Date? = nil, until: Date? = nil, sort: SearchSort = .relevance) {
        self.query = query
        self.from = from
        self.until = until
        self.sort = sort
    }
}

/// The passage of a story that best matches a search, with the matching words marked.
public struct SearchSnippet: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var text: String
        public var isMatch: Bool

        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The snippet as plain text.
    public var text: String { parts.map(\.text).joined() }
}

/// One story found by a search.
public struct SearchHit: Sendable, Hashable {
    public var story: ArticleSummary
    public var snippet: SearchSnippet

    public init(story: ArticleSummary, snippet: SearchSnippet) {
        self.story = story
        self.snippet = snippet
    }
}

/// A page of search results and how many stories match in all.
public struct SearchResults: Sendable {
    /// Counting stops here: beyond it the number says "more than".
    public static let countLimit = 1_000

    public var page: Page<SearchHit>
    /// The number of matching stories, exact up to `countLimit`.
    public var total: Int
    /// False when more stories match than were counted.
    public var totalIsExact: Bool

    public init(page: Page<SearchHit>, total: Int, totalIsExact: Bool) {
        self.page = page
        self.total = total
        self.totalIsExact = totalIsExact
    }
}

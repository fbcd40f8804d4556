/// Full-text search over published stories. Each store brings its own index; drafts are never found.
public protocol ArticleSearching: Sendable {
    /// The page of stories matching the request, with a snippet of each, and how many match in all. Throws
    /// `SearchTookTooLong` rather than go on past the store's time limit for one search.
    func search(_ request: SearchRequest, page: PageRequest) async throws -> SearchResults
}

/// A search stopped at the store's time limit: words that are in most stories, many of them at once, or a phrase of
/// common words can ask for more work than one search is allowed.
public struct SearchTookTooLong: Error, Sendable, Equatable {
    public init() {}
}

/// Full-text search over published stories. Each store brings its own index; drafts are never found.
public protocol ArticleSearching: Sendable {
    /// The page of stories matching the request, with a snippet of each, and how many match in all.
    func search(_ request: SearchRequest, page: PageRequest) async throws -> SearchResults
}

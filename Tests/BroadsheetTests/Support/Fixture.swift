import BroadsheetCore
import BroadsheetMarkdown
import BroadsheetStore
import Foundation

/// A small publication written for tests, on a real SQLite file: every value is known, so pages can be checked exactly.
struct Fixture: Sendable {
    /// 2026-11-20 12:00:00 UTC, the moment the tests pretend it is.
    static let now = Date(timeIntervalSince1970: 1_795_176_000)

    let directory: TemporaryDirectory
    let store: SQLiteStore
    let world: Section
    let business: Section
    let emptySection: Section
    let ana: Author
    let ben: Author
    let image: ImageReference

    /// Opens a new database file and creates the sections, authors and an image; no stories yet.
    static func make(
        searchCountLimit: Int = SearchResults.countLimit, searchRankingWindow: Int = 500, searchTimeLimit: Duration = .seconds(2)
    ) async throws -> Fixture {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(
            path: directory.path("test.sqlite"), searchCountLimit: searchCountLimit, searchRankingWindow: searchRankingWindow,
            searchTimeLimit: searchTimeLimit
        )
        try store.migrate()
        let world = try await store.createSection(NewSection(slug: "world", name: "World", description: "News from everywhere", position: 0))
        let business = try await store.createSection(NewSection(slug: "business", name: "Business", description: "Money and work", position: 1))
        let empty = try await store.createSection(NewSection(slug: "letters", name: "Letters", description: "", position: 2))
        let image = try await store.storeImage(Data(Self.svg.utf8), mediaType: .svg, width: 1200, height: 675)
        let ana = try await store.createAuthor(NewAuthor(slug: "ana-ruiz", name: "Ana Ruiz", role: "Courts reporter", bio: "Ana covers the courts.", photo: image))
        let ben = try await store.createAuthor(NewAuthor(slug: "ben-okafor", name: "Ben Okafor", role: "Business editor", bio: "Ben edits the business pages.", photo: nil))
        return Fixture(directory: directory, store: store, world: world, business: business, emptySection: empty, ana: ana, ben: ben, image: image)
    }

    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><title>Test</title><rect width="1200" height="675" fill="#369"/></svg>
        """

    /// A story, published `hoursAgo` before `now` unless another status is given.
    func story(
        _ headline: String, slug: String? = nil, hoursAgo: Double = 1, section: Section? = nil, authors: [Author]? = nil,
        standfirst: String = "A standfirst that sums the story up.", body: String = "First paragraph of the story.\n\nSecond paragraph.",
        tags: [String] = [], status: ArticleStatus = .published, leadImage: Bool = false, source: StorySource? = nil,
        updatedHoursAgo: Double? = nil
    ) -> NewArticle {
        let published = Self.now.addingTimeInterval(-hoursAgo * 3_600)
        return NewArticle(
            status: status, slug: slug ?? Slug.make(from: headline), headline: headline, standfirst: standfirst,
            sectionID: (section ?? world).id, authorIDs: (authors ?? [ana]).map(\.id), tagNames: tags, bodyMarkdown: body,
            body: MarkdownRenderer().render(markdown: body),
            leadImage: leadImage ? LeadImage(image: image, alt: "A test picture", caption: "The caption", credit: "Photo: Test Desk") : nil,
            source: source, createdAt: published.addingTimeInterval(-600),
            publishedAt: status == .published ? published : nil,
            contentUpdatedAt: updatedHoursAgo.map { Self.now.addingTimeInterval(-$0 * 3_600) },
            scheduledFor: status == .scheduled ? Self.now.addingTimeInterval(86_400) : nil
        )
    }

    @discardableResult
    func add(_ stories: NewArticle...) async throws -> [Int64] {
        try await store.createArticles(stories)
    }

    @discardableResult
    func add(contentsOf stories: [NewArticle]) async throws -> [Int64] {
        try await store.createArticles(stories)
    }
}

import Foundation

/// A section to create.
public struct NewSection: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var description: String
    public var position: Int

    public init(slug: String, name: String, description: String, position: Int) {
        self.slug = slug
        self.name = name
        self.description = description
        self.position = position
    }
}

/// An author profile to create.
public struct NewAuthor: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var role: String
    public var bio: String
    public var photo: ImageReference?

    public init(slug: String, name: String, role: String, bio: String, photo: ImageReference?) {
        self.slug = slug
        self.name = name
        self.role = role
        self.bio = bio
        self.photo = photo
    }
}

/// A partner outlet to create.
public struct NewPartner: Sendable, Hashable {
    public var name: String
    public var homepage: URL
    public var feedURL: URL?
    public var intake: IntakeSettings

    public init(name: String, homepage: URL, feedURL: URL?, intake: IntakeSettings = IntakeSettings()) {
        self.name = name
        self.homepage = homepage
        self.feedURL = feedURL
        self.intake = intake
    }
}

/// A story to store, in any workflow state.
public struct NewArticle: Sendable, Hashable {
    public var status: ArticleStatus
    public var slug: String
    public var headline: String
    public var standfirst: String
    public var sectionID: Int64
    /// Byline order is the order of this list.
    public var authorIDs: [Int64]
    /// Tag names; tags that do not exist yet are created.
    public var tagNames: [String]
    /// The body's source: Markdown, or for stories taken in from partners, sanitized HTML (see `bodyFormat`).
    public var bodyMarkdown: String
    public var bodyFormat: StoryBodyFormat
    public var body: RenderedStoryBody
    public var leadImage: LeadImage?
    public var source: StorySource?
    public var partnerID: Int64?
    public var createdAt: Date
    public var publishedAt: Date?
    public var contentUpdatedAt: Date?
    public var scheduledFor: Date?
    /// The account that created the story (kept from the first save).
    public var createdBy: Int64?
    /// The account saving this version, recorded with its revision.
    public var revisedBy: Int64?
    /// When this version was saved; defaults to the latest of the story's times.
    public var modifiedAt: Date
    /// Whether this version changes what a published story says (recorded with the revision).
    public var isSubstantiveEdit: Bool
    /// For updates: the story's current revision must still be this one, or the update is refused as a conflict.
    public var expectedRevisionID: Int64?

    public init(
        status: ArticleStatus, slug: String, headline: String, standfirst: String, sectionID: Int64,
        authorIDs: [Int64], tagNames: [String], bodyMarkdown: String, body: RenderedStoryBody,
        leadImage: LeadImage? = nil, source: StorySource? = nil, partnerID: Int64? = nil,
        createdAt: Date, publishedAt: Date? = nil, contentUpdatedAt: Date? = nil, scheduledFor: Date? = nil,
        createdBy: Int64? = nil, revisedBy: Int64? = nil, modifiedAt: Date? = nil, isSubstantiveEdit: Bool = false,
        expectedRevisionID: Int64? = nil, bodyFormat: StoryBodyFormat = .markdown
    ) {
        self.bodyFormat = bodyFormat
        self.isSubstantiveEdit = isSubstantiveEdit
        self.expectedRevisionID = expectedRevisionID
        self.status = status
        self.slug = slug
        self.headline = headline
        self.standfirst = standfirst
        self.sectionID = sectionID
        self.authorIDs = authorIDs
        self.tagNames = tagNames
        self.bodyMarkdown = bodyMarkdown
        self.body = body
        self.leadImage = leadImage
        self.source = source
        self.partnerID = partnerID
        self.createdAt = createdAt
        self.publishedAt = publishedAt
        self.contentUpdatedAt = contentUpdatedAt
        self.scheduledFor = scheduledFor
        self.createdBy = createdBy
        self.revisedBy = revisedBy
        self.modifiedAt = modifiedAt ?? [createdAt, publishedAt, contentUpdatedAt].compactMap { $0 }.max() ?? createdAt
    }
}

/// Why a write was refused.
public enum PublicationWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another record already uses this slug.
    case duplicateSlug(String)
    /// A referenced section, author or partner does not exist.
    case missingReference(String)
    /// A published story must have a publication time.
    case invalid(String)
    /// The story changed since the version the update was based on.
    case conflict

    public var description: String {
        switch self {
        case .duplicateSlug(let slug): "the slug \"\(slug)\" is already taken"
        case .missingReference(let what): "\(what) does not exist"
        case .invalid(let why): why
        case .conflict: "the story was changed by someone else in the meantime"
        }
    }
}

/// Write access used to build a publication: seeding now, the newsroom and imports later.
public protocol PublicationWriting: Sendable {
    /// Creates a section.
    func createSection(_ section: NewSection) async throws -> Section
    /// Creates an author profile.
    func createAuthor(_ author: NewAuthor) async throws -> Author
    /// Creates a partner outlet.
    func createPartner(_ partner: NewPartner) async throws -> Partner
    /// Stores image bytes under their content hash; storing the same bytes twice returns the same reference.
    func storeImage(_ bytes: Data, mediaType: ImageMediaType, width: Int, height: Int) async throws -> ImageReference
    /// Stores the stories in one transaction, each with its first revision, and returns their ids in order.
    func createArticles(_ articles: [NewArticle]) async throws -> [Int64]
    /// Replaces a story's content, bylines, tags and state, keeping its id, guid and creation time, and records
    /// the new text as a revision. Readers and the search index see the change at once.
    func updateArticle(id: Int64, _ article: NewArticle) async throws
    /// Deletes a story with its bylines, tags, revisions and corrections.
    func deleteArticle(id: Int64) async throws
    /// How many stories exist, in any state.
    func articleCount() async throws -> Int
    /// Whether nothing at all has been created yet: no sections, authors or stories.
    func isEmpty() async throws -> Bool
}

/// Changes to the things stories are filed under. Ids stay the same, so stories and the search index need no change.
public protocol TaxonomyWriting: Sendable {
    /// Renames, re-describes or moves a section.
    func updateSection(id: Int64, _ section: NewSection) async throws
    /// Changes an author profile.
    func updateAuthor(id: Int64, _ author: NewAuthor) async throws
    /// Renames a tag; its address follows the new name.
    func renameTag(id: Int64, name: String) async throws
}

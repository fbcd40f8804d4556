import Foundation

/// A story as the newsroom edits it: every field, in any state.
public struct EditableStory: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var guid: String
    public var status: ArticleStatus
    public var slug: String
    public var headline: String
    public var standfirst: String
    public var sectionID: Int64
    public var authorIDs: [Int64]
    public var tagNames: [String]
    public var bodyMarkdown: String
    public var bodyFormat: StoryBodyFormat
    public var leadImage: LeadImage?
    public var source: StorySource?
    /// The partner it was taken in from, if any.
    public var partnerID: Int64?
    public var createdBy: Int64?
    public var createdAt: Date
    public var modifiedAt: Date
    public var publishedAt: Date?
    public var contentUpdatedAt: Date?
    public var scheduledFor: Date?
    /// The current revision, which holds the Markdown source.
    public var revisionID: Int64?

    public init(
        id: Int64, guid: String, status: ArticleStatus, slug: String, headline: String, standfirst: String, sectionID: Int64,
        authorIDs: [Int64], tagNames: [String], bodyMarkdown: String, leadImage: LeadImage?, source: StorySource?,
        createdBy: Int64?, createdAt: Date, modifiedAt: Date, publishedAt: Date?, contentUpdatedAt: Date?, scheduledFor: Date?,
        revisionID: Int64? = nil, bodyFormat: StoryBodyFormat = .markdown, partnerID: Int64? = nil
    ) {
        self.partnerID = partnerID
        self.bodyFormat = bodyFormat
        self.revisionID = revisionID
        self.id = id
        self.guid = guid
        self.status = status
        self.slug = slug
        self.headline = headline
        self.standfirst = standfirst
        self.sectionID = sectionID
        self.authorIDs = authorIDs
        self.tagNames = tagNames
        self.bodyMarkdown = bodyMarkdown
        self.leadImage = leadImage
        self.source = source
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.publishedAt = publishedAt
        self.contentUpdatedAt = contentUpdatedAt
        self.scheduledFor = scheduledFor
    }

    /// Whether `user` wrote it: created it, or is in its byline.
    public func isOwn(by user: User) -> Bool {
        createdBy == user.id || user.authorID.map(authorIDs.contains) == true
    }

    public func standing(for user: User) -> StoryStanding { StoryStanding(isOwn: isOwn(by: user), status: status) }
}

/// A line of the newsroom's story list.
public struct StoryListItem: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var headline: String
    public var slug: String
    public var status: ArticleStatus
    public var sectionName: String
    public var authorNames: [String]
    public var authorIDs: [Int64]
    public var createdBy: Int64?
    public var modifiedAt: Date
    public var publishedAt: Date?
    public var scheduledFor: Date?

    public init(
        id: Int64, headline: String, slug: String, status: ArticleStatus, sectionName: String, authorNames: [String],
        authorIDs: [Int64], createdBy: Int64?, modifiedAt: Date, publishedAt: Date?, scheduledFor: Date?
    ) {
        self.id = id
        self.headline = headline
        self.slug = slug
        self.status = status
        self.sectionName = sectionName
        self.authorNames = authorNames
        self.authorIDs = authorIDs
        self.createdBy = createdBy
        self.modifiedAt = modifiedAt
        self.publishedAt = publishedAt
        self.scheduledFor = scheduledFor
    }
}

/// Which stories the newsroom list shows.
public struct StoryListFilter: Sendable {
    public var status: ArticleStatus?
    public var sectionID: Int64?
    public var authorID: Int64?
    /// Only stories this account created ("my drafts" with `status: .draft`).
    public var createdBy: Int64?
    /// Words in the headline or standfirst.
    public var text: String?
    /// Only stories this account created or is in the byline of, and published ones.
    public var visibleTo: (userID: Int64, authorID: Int64?)?

    public init(status: ArticleStatus? = nil, sectionID: Int64? = nil, authorID: Int64? = nil, createdBy: Int64? = nil, text: String? = nil) {
        self.status = status
        self.sectionID = sectionID
        self.authorID = authorID
        self.createdBy = createdBy
        self.text = text
    }
}

/// A saved version of a story.
public struct Revision: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var storyID: Int64
    /// Who saved it; nil for versions made by imports and seeding.
    public var userName: String?
    public var createdAt: Date
    public var headline: String
    public var standfirst: String
    public var bodyMarkdown: String
    public var substantive: Bool

    public init(
        id: Int64, storyID: Int64, userName: String?, createdAt: Date, headline: String, standfirst: String, bodyMarkdown: String,
        substantive: Bool
    ) {
        self.id = id
        self.storyID = storyID
        self.userName = userName
        self.createdAt = createdAt
        self.headline = headline
        self.standfirst = standfirst
        self.bodyMarkdown = bodyMarkdown
        self.substantive = substantive
    }
}

/// A correction as the public corrections page lists it.
public struct PublishedCorrection: Sendable, Hashable {
    public var correction: Correction
    public var story: ArticleSummary

    public init(correction: Correction, story: ArticleSummary) {
        self.correction = correction
        self.story = story
    }
}

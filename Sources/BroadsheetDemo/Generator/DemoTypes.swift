import Foundation

// The value types the demo generator hands out. They know nothing of BroadsheetCore: the seeding code
// turns them into the domain's models (and stores the SVG bytes as images).

/// A section of the publication, e.g. News or Sport.
public struct DemoSection: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var description: String

    public init(slug: String, name: String, description: String) {
        self.slug = slug
        self.name = name
        self.description = description
    }
}

/// A member of staff whose byline appears on demo stories.
public struct DemoAuthor: Sendable, Hashable {
    public var slug: String
    public var name: String
    /// Job title, e.g. "Environment correspondent".
    public var role: String
    /// Two to four sentences.
    public var bio: String
    /// A generated square portrait placeholder (initials on a coloured background).
    public var photo: DemoImage

    public init(slug: String, name: String, role: String, bio: String, photo: DemoImage) {
        self.slug = slug
        self.name = name
        self.role = role
        self.bio = bio
        self.photo = photo
    }
}

/// A fictional outlet whose stories the demo publication republishes.
public struct DemoPartner: Sendable, Hashable {
    public var name: String
    /// Always on an `.example` domain.
    public var homepage: URL

    public init(name: String, homepage: URL) {
        self.name = name
        self.homepage = homepage
    }
}

/// A generated SVG image with the words that go with it.
public struct DemoImage: Sendable, Hashable {
    /// A standalone SVG document (UTF-8): no scripts, no external references.
    public var svg: Data
    public var width: Int
    public var height: Int
    /// Describes what the image shows.
    public var alt: String
    public var caption: String
    /// E.g. "Photo: Ana Ruiz / The Eastmere Gazette".
    public var credit: String

    public init(svg: Data, width: Int, height: Int, alt: String, caption: String, credit: String) {
        self.svg = svg
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}

/// Where a demo story is in the newsroom's workflow.
public enum DemoStoryStatus: String, Sendable, Hashable, CaseIterable {
    case draft
    case inReview
    case scheduled
    case published
}

/// One generated story.
public struct DemoStory: Sendable, Hashable {
    /// Unique within a corpus; a well-formed slug (lowercase ASCII letters, digits, single hyphens; at most 80 characters).
    public var slug: String
    /// 6-14 words, sentence case.
    public var headline: String
    /// One or two sentences, 20-45 words.
    public var standfirst: String
    public var sectionSlug: String
    /// One author mostly, sometimes two; slugs of `DemoCorpus.authors`.
    public var authorSlugs: [String]
    /// One to four tag names from a fixed list.
    public var tags: [String]
    /// The body in Broadsheet's Markdown. Inline images are referenced as `demo-image:N`, indexing `inlineImages`.
    public var markdown: String
    public var inlineImages: [DemoImage]
    public var leadImage: DemoImage?
    /// Set when the story is republished from `DemoCorpus.partners[partnerIndex]`.
    public var partnerIndex: Int?
    /// Path of the original on the partner's site, e.g. "/2026/11/ferry-fares-rise"; set with `partnerIndex`.
    public var sourcePath: String?
    public var status: DemoStoryStatus
    /// How long before the anchor time the story was published (or created, for drafts and stories in review).
    /// Negative for a story scheduled in the future.
    public var ageSeconds: Double
    /// If set, the story was updated this many seconds after publication (always less than `ageSeconds`).
    public var updatedAfterSeconds: Double?

    public init(
        slug: String, headline: String, standfirst: String, sectionSlug: String, authorSlugs: [String], tags: [String],
        markdown: String, inlineImages: [DemoImage], leadImage: DemoImage?, partnerIndex: Int?, sourcePath: String?,
        status: DemoStoryStatus, ageSeconds: Double, updatedAfterSeconds: Double?
    ) {
        self.slug = slug
        self.headline = headline
        self.standfirst = standfirst
        self.sectionSlug = sectionSlug
        self.authorSlugs = authorSlugs
        self.tags = tags
        self.markdown = markdown
        self.inlineImages = inlineImages
        self.leadImage = leadImage
        self.partnerIndex = partnerIndex
        self.sourcePath = sourcePath
        self.status = status
        self.ageSeconds = ageSeconds
        self.updatedAfterSeconds = updatedAfterSeconds
    }
}

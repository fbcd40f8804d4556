import Foundation

// MARK: - Fetching

/// A feed request, with the validators of the last full answer for a conditional GET.
public struct FeedRequest: Sendable, Hashable {
    public var url: URL
    public var etag: String?
    public var lastModified: String?

    public init(url: URL, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What a server said about when to ask again.
public struct FeedTiming: Sendable, Hashable {
    /// Cache-Control max-age (or s-maxage).
    public var maxAge: TimeInterval?
    /// Retry-After, on 429 and 503.
    public var retryAfter: TimeInterval?

    public init(maxAge: TimeInterval? = nil, retryAfter: TimeInterval? = nil) {
        self.maxAge = maxAge
        self.retryAfter = retryAfter
    }
}

public enum FeedFetchResult: Sendable {
    /// 304: nothing new since the validators.
    case notModified(FeedTiming)
    /// A full answer: the body (decompressed), the address it finally came from, and new validators.
    case fetched(body: Data, finalURL: URL, etag: String?, lastModified: String?, timing: FeedTiming)
}

/// A fetch that failed, in words an editor understands ("the server answered 500", "the feed is larger than 5 MB",
/// "refused: 10.0.0.5 is a private address").
public struct FeedFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public var timing: FeedTiming

    public init(_ description: String, timing: FeedTiming = FeedTiming()) {
        self.description = description
        self.timing = timing
    }
}

/// Fetches partner feeds politely and safely (timeouts, size and redirect limits, refusal of private addresses).
public protocol FeedFetching: Sendable {
    func fetch(_ request: FeedRequest) async throws(FeedFetchError) -> FeedFetchResult
}

// MARK: - Reading

/// One entry of a partner's feed, already parsed; HTML still untrusted.
public struct IncomingItem: Sendable, Hashable {
    public var id: String?
    public var title: String
    public var link: URL?
    public var published: Date?
    public var updated: Date?
    public var authorNames: [String]
    public var summaryHTML: String
    public var contentHTML: String
    /// Resolves the item's relative links.
    public var base: URL?

    public init(
        id: String?, title: String, link: URL?, published: Date?, updated: Date?, authorNames: [String], summaryHTML: String,
        contentHTML: String, base: URL?
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authorNames = authorNames
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.base = base
    }
}

public struct IncomingFeed: Sendable, Hashable {
    public var title: String
    /// RSS `ttl`: how long the feed may be cached.
    public var timeToLive: TimeInterval?
    public var items: [IncomingItem]

    public init(title: String, timeToLive: TimeInterval?, items: [IncomingItem]) {
        self.title = title
        self.timeToLive = timeToLive
        self.items = items
    }
}

/// Parses any supported feed format; throws an error whose description says why the bytes are not a usable feed.
public protocol FeedReading: Sendable {
    func read(_ data: Data, url: URL) throws -> IncomingFeed
}

// MARK: - Storing

/// One item ready to store, with what recognises it again.
public struct IntakeItem: Sendable, Hashable {
    public var partnerID: Int64
    /// "id:<guid>", else "link:<address>", else "text:<hash>".
    public var key: String
    public var link: URL?
    public var fingerprint: StoryFingerprint
    /// Changes when what the partner sent changes.
    public var contentHash: String
    public var article: NewArticle

    public init(partnerID: Int64, key: String, link: URL?, fingerprint: StoryFingerprint, contentHash: String, article: NewArticle) {
        self.partnerID = partnerID
        self.key = key
        self.link = link
        self.fingerprint = fingerprint
        self.contentHash = contentHash
        self.article = article
    }
}

public enum IntakeOutcome: Sendable, Hashable {
    case created(articleID: Int64)
    /// The partner changed the item: the story has a new revision.
    case updated(articleID: Int64)
    case unchanged(articleID: Int64)
    /// The newsroom edited the story since it was taken in: the partner's change is not applied over it.
    case keptNewsroomEdit(articleID: Int64)
    /// The same story already came in (by link, or nearly the same text); nothing new was stored.
    case duplicate(of: Int64, reason: String)
}

/// Partners and what was taken in from them.
public protocol PartnerIntakeStoring: Sendable {
    func partners() async throws -> [Partner]
    func partner(id: Int64) async throws -> Partner?
    /// Changes a partner's name, addresses and intake settings (not its poll status).
    func updatePartner(id: Int64, _ partner: NewPartner) async throws
    /// Takes the right to poll this partner until `until`, if no one (another server) holds it now.
    func claimPoll(partnerID: Int64, until: Date, now: Date) async throws -> Bool
    /// Stores the outcome of a poll and releases the claim.
    func recordPoll(partnerID: Int64, status: PartnerFeedStatus) async throws
    /// In one transaction: recognises the item (key, then link, then a near-identical fingerprint among recent
    /// imports) and creates, updates or leaves the story. Running it twice for the same item changes nothing.
    func importItem(_ item: IntakeItem, now: Date) async throws -> IntakeOutcome
}

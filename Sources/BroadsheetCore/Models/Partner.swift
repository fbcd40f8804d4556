import Foundation

/// An outlet whose stories Broadsheet republishes with credit, and how its feed is taken in.
public struct Partner: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var homepage: URL
    public var feedURL: URL?
    public var intake: IntakeSettings
    public var status: PartnerFeedStatus

    public init(id: Int64, name: String, homepage: URL, feedURL: URL?, intake: IntakeSettings = IntakeSettings(), status: PartnerFeedStatus = PartnerFeedStatus()) {
        self.id = id
        self.name = name
        self.homepage = homepage
        self.feedURL = feedURL
        self.intake = intake
        self.status = status
    }
}

/// What the newsroom decides about a partner's feed.
public struct IntakeSettings: Sendable, Hashable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Imported stories wait as drafts for an editor.
        case draft
        /// Imported stories are published at once.
        case publish
    }

    /// Stories land here unless the newsroom moves them.
    public var defaultSectionID: Int64?
    /// The licence or usage terms agreed with the partner, shown to editors.
    public var licenceNote: String
    public var mode: Mode
    /// How often to look at the feed; the feed's own hints (ttl, Cache-Control, Retry-After) may lengthen it.
    public var pollInterval: TimeInterval

    public static let pollIntervalRange: ClosedRange<TimeInterval> = 60...86_400

    public init(defaultSectionID: Int64? = nil, licenceNote: String = "", mode: Mode = .draft, pollInterval: TimeInterval = 900) {
        self.defaultSectionID = defaultSectionID
        self.licenceNote = licenceNote
        self.mode = mode
        self.pollInterval = pollInterval
    }
}

/// Where a partner's feed stands: what the newsroom sees, and what the next request sends.
public struct PartnerFeedStatus: Sendable, Hashable {
    public var lastPolledAt: Date?
    public var lastSuccessAt: Date?
    /// The last failure, in words; nil once a poll succeeds.
    public var lastError: String?
    public var nextPollAt: Date?
    public var consecutiveFailures: Int
    /// Validators from the last full answer, sent back for a conditional GET.
    public var etag: String?
    public var lastModified: String?

    public init(
        lastPolledAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, nextPollAt: Date? = nil,
        consecutiveFailures: Int = 0, etag: String? = nil, lastModified: String? = nil
    ) {
        self.lastPolledAt = lastPolledAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.nextPollAt = nextPollAt
        self.consecutiveFailures = consecutiveFailures
        self.etag = etag
        self.lastModified = lastModified
    }
}

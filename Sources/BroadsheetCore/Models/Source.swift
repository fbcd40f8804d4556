import Foundation

/// Where a republished story first appeared: the outlet to credit and the original's address.
public struct StorySource: Sendable, Hashable {
    public var outletName: String
    public var url: URL
    /// The original's author, as the partner's feed names them.
    public var originalAuthor: String?
    /// When the partner first published it.
    public var originalPublishedAt: Date?

    public init(outletName: String, url: URL, originalAuthor: String? = nil, originalPublishedAt: Date? = nil) {
        self.outletName = outletName
        self.url = url
        self.originalAuthor = originalAuthor
        self.originalPublishedAt = originalPublishedAt
    }
}

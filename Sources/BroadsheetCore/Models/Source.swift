import Foundation

/// Where a republished story first appeared: the outlet to credit and the original's address.
public struct StorySource: Sendable, Hashable {
    public var outletName: String
    public var url: URL

    public init(outletName: String, url: URL) {
        self.outletName = outletName
        self.url = url
    }
}

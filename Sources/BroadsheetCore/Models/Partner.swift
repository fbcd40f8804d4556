import Foundation

/// An outlet whose stories Broadsheet republishes with credit.
public struct Partner: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var homepage: URL
    public var feedURL: URL?

    public init(id: Int64, name: String, homepage: URL, feedURL: URL?) {
        self.id = id
        self.name = name
        self.homepage = homepage
        self.feedURL = feedURL
    }
}

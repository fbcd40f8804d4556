import Foundation

/// What a newsroom account may do, from most to least.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Everything, including accounts and settings.
    case admin
    /// Edits and publishes any story; manages sections, tags and author profiles; adds corrections.
    case editor
    /// Writes and publishes their own stories.
    case writer
    /// Writes drafts and submits them for review; cannot publish.
    case contributor

    public var label: String { rawValue.capitalized }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank > rhs.rank }
}

/// A newsroom account.
public struct User: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    /// The byline profile that is this person, if any: their stories are the ones under it.
    public var authorID: Int64?
    public var createdAt: Date
    public var disabledAt: Date?

    public init(id: Int64, email: String, name: String, role: Role, authorID: Int64?, createdAt: Date, disabledAt: Date?) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    public var isDisabled: Bool { disabledAt != nil }
}

/// A signed-in browser: which account, and the token its forms must carry.
public struct NewsroomSession: Sendable, Hashable {
    public var user: User
    /// Sent with every state-changing form and checked against this value.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(user: User, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

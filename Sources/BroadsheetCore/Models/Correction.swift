import Foundation

/// A dated note appended to a published story when something in it was wrong or unclear.
public struct Correction: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case correction
        case clarification
    }

    public var id: Int64
    public var kind: Kind
    public var text: String
    public var createdAt: Date

    public init(id: Int64, kind: Kind, text: String, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.text = text
        self.createdAt = createdAt
    }
}

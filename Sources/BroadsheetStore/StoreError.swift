/// Why the database could not be used. Start-up stops with this message.
public struct StoreOpeningError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot use the database at \(path): \(reason)" }
}

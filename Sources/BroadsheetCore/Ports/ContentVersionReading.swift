/// A number that changes whenever anything readers see changes (stories, bodies, corrections, sections, authors,
/// tags), whichever process or server made the change. Page caches compare it to know when to drop what they keep.
public protocol ContentVersionReading: Sendable {
    func contentVersion() async throws -> Int64
}

/// Upkeep of a store's full-text index. An index that follows every change by itself grows in pieces: each change
/// adds a small one, and the store merges a few of them at a time as it goes. A search reads every piece, so an
/// index in many pieces answers more slowly than the same index in one; merging them all is a rewrite of the whole
/// index, done in bounded steps so that the newsroom's saves are never held up for long.
public protocol SearchIndexMaintaining: Sendable {
    /// How many pieces the index is in now.
    func searchIndexSegments() async throws -> Int
    /// One step of merging all the pieces into one, writing about `pages` pages of the index; false when there was
    /// nothing left to merge. Steps can be interrupted at any point: the next one goes on from there.
    func mergeSearchIndex(pages: Int) async throws -> Bool
}

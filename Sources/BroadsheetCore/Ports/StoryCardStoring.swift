/// Where stories' rendered cards are kept. The store drops a story's card itself, in the same transaction, whenever
/// anything the card shows changes (the story, its byline, its authors' names, its section, its picture); a renderer
/// then fills in the missing cards. A page reads a story's card with the story, or renders it itself when it has none.
public protocol StoryCardStoring: Sendable {
    /// Keeps the cards if they were rendered in `format` (a fingerprint of the templates and settings that shape them);
    /// otherwise deletes every card and records `format`. Returns whether cards were deleted.
    @discardableResult
    func useStoryCardFormat(_ format: String) async throws -> Bool
    /// The next stories noted as needing a card: up to `limit` noted ids below `id` (all, when nil), highest first;
    /// of those, the published stories without a card, with their bylines; the content version (see
    /// `ContentVersionReading`) of the state they were read in; and the noted ids looked at, highest first (the last
    /// is the `id` for the next batch; none when nothing was left to look at).
    func storiesWithoutCards(limit: Int, below id: Int64?) async throws -> (version: Int64, stories: [ArticleSummary], noted: [Int64])
    /// Stores the cards if the content version is still `version`, and clears the notes of `noted` stories that
    /// got a card or need none (not published); if anything readers see changed since the stories were read, stores
    /// nothing (a card could show what is no longer true) and returns false.
    func saveStoryCards(_ cards: [Int64: RenderedCard], noted: [Int64], readAt version: Int64) async throws -> Bool
}

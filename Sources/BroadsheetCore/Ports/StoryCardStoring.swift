/// Where stories' rendered cards and feed entries are kept. The store drops a story's card and entries itself, in the
/// same transaction, whenever anything they show changes (the story, its body, byline, tags, corrections, its
/// authors' names, its section, its picture); a renderer then fills in the missing cards, and feeds keep the entries
/// they had to render. A page or a feed reads a story's kept card or entry with the story, or renders it itself when
/// there is none.
public protocol StoryCardStoring: Sendable {
    /// Keeps the cards if they were rendered in `format` (a fingerprint of the templates and settings that shape them);
    /// otherwise deletes every card and records `format`. Returns whether cards were deleted.
    @discardableResult
    func useStoryCardFormat(_ format: String) async throws -> Bool
    /// The format last recorded by `useStoryCardFormat`, by whichever process; nil before any.
    func storyCardFormat() async throws -> String?
    /// The next stories noted as needing a card: up to `limit` noted ids below `id` (all, when nil), highest first;
    /// of those, the published stories without a card, with their bylines; the content version (see
    /// `ContentVersionReading`) of the state they were read in; and the noted ids looked at, highest first (the last
    /// is the `id` for the next batch; none when nothing was left to look at).
    func storiesWithoutCards(limit: Int, below id: Int64?) async throws -> (version: Int64, stories: [ArticleSummary], noted: [Int64])
    /// Stores the cards if the content version is still `version` and the recorded format is still `cardFormat`, and
    /// clears the notes of `noted` stories that got a card or need none (not published); if anything readers see
    /// changed since the stories were read, stores nothing (a card could show what is no longer true) and returns
    /// false. Likewise when another process has recorded another format since (a newer release started beside this
    /// one): what this process renders is then no longer what is kept.
    func saveStoryCards(_ cards: [Int64: RenderedCard], noted: [Int64], readAt version: Int64, inFormat cardFormat: String) async throws -> Bool
    /// Keeps stories' entries in the feed format named `format`, by story id, if the content version is still
    /// `version` (as `saveStoryCards`), and only for stories whose card is kept: entries go when their card goes.
    /// Returns false, keeping nothing, when anything readers see changed since the entries' stories were read, or the
    /// recorded card format is no longer `cardFormat` (as `saveStoryCards`).
    func saveFeedItems(_ items: [Int64: String], format: String, readAt version: Int64, inFormat cardFormat: String) async throws -> Bool
}


import BroadsheetCore
import Logging

/// Keeps the entries a feed had to render (its stories had none kept in that format), so the next request for any feed
/// with those stories puts the kept entries together instead of reading and rendering each story's body again. Only
/// stories that appear in feeds get entries, not every story the site has (an entry is as long as the story).
///
/// Saving starts while the response is built and goes on without it: the store keeps the entries only if nothing readers see changed
/// since the feed read its stories, and only for stories whose card is kept, since entries are dropped with cards.
actor FeedItemKeeper {
    private let store: any StoryCardStoring
    /// The card format this process renders in (`StoryCards.format`): entries are kept only while it is the recorded one.
    private let cardFormat: String
    private let logger: Logger
    /// Entries being saved, by format and story: a burst of requests for one feed saves each entry once.
    private var saving: Set<String> = []
    /// The newest content version a save was refused at: entries read at it or before are refused too, so while the
    /// newsroom keeps changing things, feeds do not write in vain on every request.
    private var refusedAt: Int64 = .min

    init(store: any StoryCardStoring, cardFormat: String, logger: Logger) {
        self.store = store
        self.cardFormat = cardFormat
        self.logger = logger
    }

    /// Starts keeping the entries, without waiting for it.
    nonisolated func keep(_ items: [Int64: String], format: String, readAt version: Int64) {
        guard !items.isEmpty else { return }
        Task { await save(items, format: format, readAt: version) }
    }

    func save(_ items: [Int64: String], format: String, readAt version: Int64) async {
        let fresh = items.filter { !saving.contains("\(format) \($0.key)") }
        guard !fresh.isEmpty, version > refusedAt else { return }
        let keys = fresh.keys.map { "\(format) \($0)" }
        saving.formUnion(keys)
        defer { saving.subtract(keys) }
        do {
            if try await store.saveFeedItems(fresh, format: format, readAt: version, inFormat: cardFormat) == false {
                refusedAt = max(refusedAt, version)
                logger.debug("Feed entries not kept: stories changed since they were read, or another card format is in use", metadata: ["format": "\(format)"])
            }
        } catch {
            logger.warning("Could not keep feed entries", metadata: ["error": "\(error)"])
        }
    }
}

import BroadsheetCore
import Logging
import ServiceLifecycle

/// Renders the cards of stories that have none (new, published, or changed since their card was made) and keeps them
/// with the stories, so that lists put kept cards together instead of rendering each one per request. Runs at
/// start-up, then whenever the content version moves. The store drops a card in the same transaction as the change
/// that makes it wrong, so a page never shows a stale card: a story without one is rendered per request meanwhile.
struct StoryCardFiller: Service {
    let store: any StoryCardStoring
    let cards: StoryCards
    let versions: (any ContentVersionReading)?
    let logger: Logger
    var interval: Duration = .seconds(1)
    /// Stories rendered and saved together: small enough that a write holds the database for milliseconds.
    var batchSize = 100
    /// The first wait before asking the store again to record the format, when it could not be asked (it doubles, up
    /// to a minute).
    var formatRetry: Duration = .seconds(1)

    func run() async throws {
        // The format must be recorded before anything else: until it is, pieces kept by an earlier release (or with
        // other settings) stay, and this server's saves are all refused. A busy or unreachable database is asked again.
        var wait = formatRetry
        while !(await useFormat()) {
            let pause = wait
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            wait = min(wait * 2, .seconds(60))
        }
        // A service that returns ends the application: one with nothing to do waits for the shutdown instead.
        guard cards.relativeWrapper != nil else {
            if cards.relativeWrapper == nil {
                logger.warning("The card template cannot be cut around its relative time; story cards are rendered per request")
            }
            return try await gracefulShutdown()
        }
        var filledAt: Int64?
        while !Task.isCancelled {
            let version = try? await versions?.contentVersion()
            if version == nil || version != filledAt {
                do {
                    let report = try await fill()
                    if report.saved > 0 { logger.debug("Story cards rendered", metadata: ["count": "\(report.saved)"]) }
                    switch report.outcome {
                    case .complete: filledAt = version
                    case .interrupted: break
                    case .unsplittable:
                        logger.warning("A story's card would not split like the sample; story cards are rendered per request")
                        return try await gracefulShutdown()
                    case .superseded:
                        logger.warning("""
                            Another server sharing this database keeps story cards in another format (another release, or \
                            other settings: --base-url, --time-zone, --language); this server stops keeping them
                            """)
                        return try await gracefulShutdown()
                    }
                } catch {
                    logger.warning("Could not render story cards", metadata: ["error": "\(error)"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
        }
    }

    /// Records this process's card format, dropping whatever was kept in another (cards, feed entries, leads, story
    /// page parts), even when this process cannot keep cards itself: pieces rendered by an earlier release must not
    /// outlive it. False when the store could not be asked (`run` asks again).
    func useFormat() async -> Bool {
        do {
            if try await store.useStoryCardFormat(cards.format) { logger.info("Story cards: new format \(cards.format), all to be rendered again") }
            return true
        } catch {
            logger.warning("Could not record the story cards' format; trying again shortly", metadata: ["error": "\(error)"])
            return false
        }
    }

    enum Outcome: Sendable, Equatable {
        /// Every published story has its card.
        case complete
        /// Content changed under a batch (which was not kept), or the batch limit was reached: try again later.
        case interrupted
        /// A card would not cut where the sample's did: cards cannot be kept with this template.
        case unsplittable
        /// Another server recorded another format since this one started (a newer release beside this one, or a
        /// server with other settings): this one's cards are no longer what is kept.
        case superseded
    }

    /// Renders and keeps cards until every published story has one, at most `maxBatches` batches.
    @discardableResult
    func fill(maxBatches: Int = 10_000) async throws -> (saved: Int, outcome: Outcome) {
        var saved = 0
        // Down the ids, each batch from where the last stopped. A story above the cursor that loses its card meanwhile
        // moves the content version, so `run` goes round again from the top.
        var below: Int64?
        for _ in 0..<maxBatches {
            let (version, stories, noted) = try await store.storiesWithoutCards(limit: batchSize, below: below)
            guard let next = noted.last else { return (saved, .complete) }
            below = next
            var rendered: [Int64: RenderedCard] = Dictionary(minimumCapacity: stories.count)
            for story in stories {
                guard let card = cards.rendered(story) else { return (saved, .unsplittable) }
                rendered[story.id] = card
            }
            guard try await store.saveStoryCards(rendered, noted: noted, readAt: version, inFormat: cards.format) else {
                return (saved, try await store.storyCardFormat() == cards.format ? .interrupted : .superseded)
            }
            saved += rendered.count
            await Task.yield()
        }
        return (saved, .interrupted)
    }
}

import BroadsheetCore
import BroadsheetFeeds
import Foundation
import Logging
import ServiceLifecycle

/// Tells the WebSub hub which feeds changed when a story is published, edited, corrected or unpublished.
///
/// `storyChanged` only queues the story and returns at once, so the editor never waits for the hub. In the
/// background each change becomes the set of feeds the story was in before and is in after (a story moved to
/// another section leaves one feed and joins another); feeds waiting to be announced are merged, so a burst of
/// changes (a scheduled batch, an editor saving twice) announces each feed once; at most `concurrency` notices are
/// in flight; a refused notice is retried after each of `retryDelays`, then given up and logged.
final class FeedChangeNotifier: Service, Sendable {
    struct Change: Sendable {
        let storyID: Int64
        let before: [URL]
    }

    private let hub: URL?
    private let publisher: any HubPublishing
    private let stories: any NewsroomStories
    private let taxonomy: any TaxonomyReading
    private let links: Links
    private let logger: Logger
    let retryDelays: [Duration]
    /// How long a feed waits before its notice goes, so that changes close together are announced once.
    let gathering: Duration
    let concurrency: Int
    private let queue: AsyncStream<Change>
    private let continuation: AsyncStream<Change>.Continuation

    init(
        hub: URL?, publisher: any HubPublishing, stories: any NewsroomStories, taxonomy: any TaxonomyReading, links: Links,
        logger: Logger, retryDelays: [Duration], gathering: Duration = .milliseconds(500), concurrency: Int = 4
    ) {
        self.hub = hub
        self.publisher = publisher
        self.stories = stories
        self.taxonomy = taxonomy
        self.links = links
        self.logger = logger
        self.retryDelays = retryDelays
        self.gathering = gathering
        self.concurrency = max(1, concurrency)
        (queue, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(10_000))
    }

    convenience init(configuration: Configuration, dependencies: WebDependencies) {
        self.init(
            hub: configuration.websubHub, publisher: dependencies.hubPublisher, stories: dependencies.newsroom.stories,
            taxonomy: dependencies.taxonomy, links: Links(configuration: configuration), logger: dependencies.logger,
            retryDelays: dependencies.hubRetryDelays
        )
    }

    var isEnabled: Bool { hub != nil }

    /// The feeds a story is in now; call before changing it, and pass the answer to `storyChanged`.
    func feeds(ofStory id: Int64) async -> [URL] {
        guard hub != nil else { return [] }
        return (try? await topics(storyID: id)) ?? []
    }

    /// Queues a changed story; returns immediately.
    func storyChanged(id: Int64, before: [URL] = []) {
        guard hub != nil else { return }
        continuation.yield(Change(storyID: id, before: before))
    }

    func run() async throws {
        // A service must run until shutdown; without a hub there is nothing else to do.
        guard let hub else { return try await gracefulShutdown() }
        let pending = PendingNotices()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.send(pending, to: hub) }
                for await change in queue {
                    do {
                        let after = try await topics(storyID: change.storyID)
                        await pending.add(Set(change.before).union(after), due: .now + gathering)
                    } catch {
                        logger.error("Could not work out which feeds changed", metadata: ["story": "\(change.storyID)", "error": "\(error)"])
                    }
                }
                // Shutting down: notices still waiting give up.
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.continuation.finish()
        }
    }

    /// Every feed the story appears in: the site's, its section's, its authors' and its tags', in every format.
    /// Nothing for a story readers never saw (a draft or a scheduled one).
    func topics(storyID: Int64) async throws -> [URL] {
        guard let story = try await stories.editableStory(id: storyID), story.status == .published || story.status == .unpublished else {
            return []
        }
        async let sections = taxonomy.sections()
        async let authors = taxonomy.authors()
        async let tags = taxonomy.tags()
        var scopes: [FeedScope] = [.site]
        scopes += try await sections.filter { $0.id == story.sectionID }.map { .section($0.slug) }
        let authorIDs = Set(story.authorIDs)
        scopes += try await authors.filter { authorIDs.contains($0.id) }.map { .author($0.slug) }
        let tagNames = Set(story.tagNames.map { $0.lowercased() })
        scopes += try await tags.filter { tagNames.contains($0.name.lowercased()) }.map { .tag($0.slug) }
        return scopes.flatMap { scope in FeedFormat.allCases.compactMap { URL(string: links.absolute(.feed(scope, $0))) } }
    }

    /// Sends notices as they fall due, `concurrency` at a time, until cancelled.
    private func send(_ pending: PendingNotices, to hub: URL) async {
        while !Task.isCancelled {
            let due = await pending.takeDue(now: .now)
            if due.isEmpty {
                do { try await Task.sleep(for: .milliseconds(100)) } catch { return }
                continue
            }
            await withTaskGroup(of: (URL, Int, Bool).self) { group in
                var waiting = due[...]
                func start() {
                    guard let (topic, attempt) = waiting.popFirst() else { return }
                    group.addTask {
                        do {
                            try await self.publisher.publish(topic: topic, to: hub)
                            return (topic, attempt, true)
                        } catch {
                            self.logger.warning("The WebSub hub did not take the notice", metadata: ["topic": "\(topic)", "error": "\(error)"])
                            return (topic, attempt, false)
                        }
                    }
                }
                for _ in 0..<concurrency { start() }
                while let (topic, attempt, sent) = await group.next() {
                    if !sent {
                        if attempt < retryDelays.count {
                            await pending.retry(topic, attempt: attempt + 1, due: .now + retryDelays[attempt])
                        } else {
                            logger.error("Giving up telling the WebSub hub about a feed", metadata: ["topic": "\(topic)"])
                        }
                    }
                    start()
                }
            }
        }
    }
}

/// Feeds waiting to be announced, each once, with how many times it has been tried.
private actor PendingNotices {
    private var entries: [URL: (attempt: Int, due: ContinuousClock.Instant)] = [:]

    /// New changes: a feed already waiting goes at the earlier time, and a retry becomes a fresh first try.
    func add(_ topics: Set<URL>, due: ContinuousClock.Instant) {
        for topic in topics {
            if let known = entries[topic], known.attempt == 0, known.due <= due { continue }
            entries[topic] = (0, min(due, entries[topic]?.due ?? due))
        }
    }

    func retry(_ topic: URL, attempt: Int, due: ContinuousClock.Instant) {
        // A new change since this try was taken supersedes the retry.
        if entries[topic] != nil { return }
        entries[topic] = (attempt, due)
    }

    func takeDue(now: ContinuousClock.Instant) -> [(URL, Int)] {
        let due = entries.filter { $0.value.due <= now }
        for topic in due.keys { entries[topic] = nil }
        return due.map { ($0.key, $0.value.attempt) }.sorted { $0.0.absoluteString < $1.0.absoluteString }
    }
}

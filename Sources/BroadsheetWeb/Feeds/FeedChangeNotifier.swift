import BroadsheetCore
import BroadsheetFeeds
import Foundation
import Logging
import ServiceLifecycle

/// Tells the WebSub hub which feeds changed when a story is published, edited, corrected or unpublished.
/// `storyChanged` only queues the story and returns at once, so the editor never waits for the hub; the queue is
/// worked through in the background, each feed's notice retried with growing pauses when the hub fails.
final class FeedChangeNotifier: Service, Sendable {
    private let hub: URL?
    private let publisher: any HubPublishing
    private let stories: any NewsroomStories
    private let taxonomy: any TaxonomyReading
    private let links: Links
    private let logger: Logger
    /// Pauses before each retry; one attempt more than there are pauses.
    let retryDelays: [Duration]
    private let queue: AsyncStream<Int64>
    private let continuation: AsyncStream<Int64>.Continuation

    init(
        hub: URL?, publisher: any HubPublishing, stories: any NewsroomStories, taxonomy: any TaxonomyReading, links: Links,
        logger: Logger, retryDelays: [Duration]
    ) {
        self.hub = hub
        self.publisher = publisher
        self.stories = stories
        self.taxonomy = taxonomy
        self.links = links
        self.logger = logger
        self.retryDelays = retryDelays
        // A hub that is down for long must not make the queue grow without bound: keep the newest changes.
        (queue, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(10_000))
    }

    convenience init(configuration: Configuration, dependencies: WebDependencies) {
        self.init(
            hub: configuration.websubHub, publisher: dependencies.hubPublisher, stories: dependencies.newsroom.stories,
            taxonomy: dependencies.taxonomy, links: Links(configuration: configuration), logger: dependencies.logger,
            retryDelays: dependencies.hubRetryDelays
        )
    }

    /// Queues a changed story; returns immediately.
    func storyChanged(id: Int64) {
        guard hub != nil else { return }
        continuation.yield(id)
    }

    func run() async throws {
        // A service must run until shutdown; without a hub there is nothing else to do.
        guard let hub else { return try await gracefulShutdown() }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await id in queue {
                    do {
                        for topic in try await topics(storyID: id) {
                            group.addTask { await self.notify(topic: topic, hub: hub) }
                        }
                    } catch {
                        logger.error("Could not work out which feeds changed", metadata: ["story": "\(id)", "error": "\(error)"])
                    }
                }
                // Shutting down: notices still waiting to retry give up.
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

    private func notify(topic: URL, hub: URL) async {
        for attempt in 0...retryDelays.count {
            do {
                try await publisher.publish(topic: topic, to: hub)
                return
            } catch {
                guard attempt < retryDelays.count else {
                    logger.error("The WebSub hub did not take the notice; giving up", metadata: ["topic": "\(topic)", "error": "\(error)"])
                    return
                }
                logger.warning("The WebSub hub did not take the notice; will retry", metadata: ["topic": "\(topic)", "error": "\(error)"])
                do { try await Task.sleep(for: retryDelays[attempt]) } catch { return }
            }
        }
    }
}

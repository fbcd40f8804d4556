import BroadsheetCore
import Logging
import ServiceLifecycle

/// Merges the search index into one piece about once a day. Each change adds a piece to the index and the store
/// merges pieces a few at a time as it goes, so a live index is in anything from one to about twenty pieces; a
/// search reads every one (in twenty, a two-word search on 10,000 stories served about 30% fewer pages than in one).
/// A whole merge rewrites the whole index (about 1.6 s of work and 100 MB written with 10,000 stories), so it runs
/// at most once per `spacing`, in steps of `pagesPerStep` pages with a pause between them: saves in the newsroom
/// wait at most one step (10-25 ms). Every `interval` the job looks; it merges when the index is in more than
/// `mostSegments` pieces and the last merge on this server was at least `spacing` ago. Several servers may run it
/// together; their steps simply continue one another's merge.
struct SearchIndexUpkeep: Service {
    let index: any SearchIndexMaintaining
    let logger: Logger
    var interval: Duration = .seconds(3_600)
    var spacing: Duration = .seconds(20 * 3_600)
    var mostSegments = 4
    var pagesPerStep = 200
    var pause: Duration = .milliseconds(50)

    func run() async throws {
        var lastMerge: ContinuousClock.Instant?
        while !Task.isCancelled {
            // Not at start-up: a server that has just started has pages to serve first.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            if let lastMerge, ContinuousClock.now - lastMerge < spacing { continue }
            do {
                if try await upkeep() > 0 { lastMerge = .now }
            } catch is CancellationError {
                break
            } catch {
                logger.error("Merging the search index failed; will try again", metadata: ["error": "\(error)"])
            }
        }
    }

    /// One round: the steps taken (none when the index is in few enough pieces). Stops early, leaving the rest of
    /// the merge for the next round, when the server shuts down.
    func upkeep() async throws -> Int {
        let segments = try await index.searchIndexSegments()
        guard segments > mostSegments else { return 0 }
        let started = ContinuousClock.now
        var steps = 0
        while try await index.mergeSearchIndex(pages: pagesPerStep) {
            steps += 1
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            try? await Task.sleep(for: pause)
        }
        logger.notice("Merged the search index", metadata: [
            "pieces before": "\(segments)", "steps": "\(steps)", "duration": "\(ContinuousClock.now - started)",
        ])
        return steps
    }
}

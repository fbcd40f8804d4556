import BroadsheetCore
import Logging
import ServiceLifecycle

/// Polls partners' feeds in the background: every 30 seconds it polls the partners whose next poll is due. With
/// several servers, each partner is claimed by one of them at a time (`FeedIntake` asks the store).
struct FeedPolling: Service {
    let intake: FeedIntake
    let logger: Logger
    let shutdown: @Sendable () async -> Void
    /// Called with the stories a round created or updated, when there are any.
    var changed: @Sendable ([Int64]) -> Void = { _ in }
    var interval: Duration = .seconds(30)

    func run() async throws {
        while !Task.isCancelled {
            do {
                let reports = try await intake.pollDue()
                let changedIDs = reports.flatMap(\.changedStoryIDs)
                if !changedIDs.isEmpty { changed(changedIDs) }
                for report in reports where report.result != "skipped" {
                    if report.result == "failed" {
                        logger.warning("Partner feed poll failed", metadata: ["partner": "\(report.partnerID)", "report": "\(report)"])
                    } else {
                        logger.info("Partner feed polled", metadata: ["partner": "\(report.partnerID)", "report": "\(report)"])
                    }
                }
            } catch {
                logger.error("Polling partner feeds failed; will retry", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
        }
        await shutdown()
    }
}

import BroadsheetCore
import Logging
import ServiceLifecycle

/// Publishes scheduled stories when their time comes: checks every 20 seconds, so within a minute of the time,
/// and at start-up, so that stories due while the server was down go out at once. Several servers may run it
/// together; the store publishes each story once.
struct ScheduledPublishing: Service {
    let stories: any NewsroomStories
    let clock: any WallClock
    let logger: Logger
    /// Called with the stories each round published.
    var published: @Sendable ([Int64]) -> Void = { _ in }
    var interval: Duration = .seconds(20)

    func run() async throws {
        while !Task.isCancelled {
            do {
                let published = try await stories.publishDueStories(at: clock.now())
                if !published.isEmpty {
                    logger.notice("Published scheduled stories", metadata: ["ids": "\(published)"])
                    self.published(published)
                }
            } catch {
                logger.error("Publishing scheduled stories failed; will retry", metadata: ["error": "\(error)"])
            }
            // Stop promptly when the server shuts down, even in the middle of the wait.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
        }
    }
}

import BroadsheetCore
import Logging
import ServiceLifecycle

/// What a page cache needs to hear: "something readers see has changed". Changes made through this server's
/// newsroom and jobs say so at once; `ContentVersionWatch` catches the others (another server, a command in another
/// process) within a second. With several servers, a broadcast would implement this too.
protocol PageCacheInvalidating: Sendable {
    func invalidateAll()
    /// Invalidates when `version` differs from the last one seen.
    func observe(version: Int64)
}

extension PageCache: PageCacheInvalidating {}

/// Reads the store's content version every `interval` and invalidates the cache when it moved.
struct ContentVersionWatch: Service {
    let versions: any ContentVersionReading
    let cache: any PageCacheInvalidating
    let logger: Logger
    var interval: Duration = .seconds(1)

    func run() async throws {
        if let version = try? await versions.contentVersion() { cache.observe(version: version) }
        while !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            do {
                cache.observe(version: try await versions.contentVersion())
            } catch {
                logger.warning("Could not read the content version; dropping cached pages to be safe", metadata: ["error": "\(error)"])
                cache.invalidateAll()
            }
        }
    }
}

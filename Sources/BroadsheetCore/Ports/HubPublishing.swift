import Foundation

/// Tells a WebSub hub that a feed changed (W3C WebSub: a `hub.mode=publish` request naming the topic).
public protocol HubPublishing: Sendable {
    /// Throws when the hub could not be reached or did not accept the notice (any status outside 2xx).
    func publish(topic: URL, to hub: URL) async throws
}

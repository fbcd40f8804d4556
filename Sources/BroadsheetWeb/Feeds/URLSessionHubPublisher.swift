import BroadsheetCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends WebSub publish notices with Foundation's HTTP client: a form POST of `hub.mode=publish` and `hub.url`.
public struct URLSessionHubPublisher: HubPublishing {
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    public func publish(topic: URL, to hub: URL) async throws {
        var request = URLRequest(url: hub, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("Broadsheet", forHTTPHeaderField: "User-Agent")
        request.httpBody = Data(("hub.mode=publish&hub.url=" + Self.formEncode(topic.absoluteString)).utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HubRefused(status: 0) }
        guard (200..<300).contains(http.statusCode) else { throw HubRefused(status: http.statusCode) }
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// The hub answered with an error status.
public struct HubRefused: Error, CustomStringConvertible {
    public let status: Int
    public var description: String { "the hub answered \(status)" }
}

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
        let response = try await Self.send(request)
        guard let http = response as? HTTPURLResponse else { throw HubRefused(status: 0) }
        guard (200..<300).contains(http.statusCode) else { throw HubRefused(status: http.statusCode) }
    }

    /// The response to `request`.
    ///
    /// Not Foundation's async `data(for:)`: on Linux its cancellation handler cancels the transfer synchronously on the
    /// session's queue while holding the task's lock, and a transfer finishing at that moment resumes the same task from
    /// that queue, so each waits for the other for ever (it hung CI once: a hub notice cancelled at shutdown as its
    /// answer arrived). Here the transfer reports through a completion handler, and cancelling it is handed to another
    /// queue, outside the task's lock.
    static func send(_ request: URLRequest) async throws -> URLResponse {
        let transfer = Transfer()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = URLSession.shared.dataTask(with: request) { _, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: response)
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                transfer.start(task)
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    /// A transfer that may be cancelled before or after it starts; cancelling runs on a global queue.
    final class Transfer: @unchecked Sendable {
        private let lock = NSLock()
        private var task: URLSessionDataTask?
        private var cancelled = false

        func start(_ task: URLSessionDataTask) {
            let cancelled = lock.withLock {
                self.task = task
                return self.cancelled
            }
            task.resume()
            if cancelled { DispatchQueue.global().async { task.cancel() } }
        }

        func cancel() {
            let task = lock.withLock {
                cancelled = true
                return self.task
            }
            if let task { DispatchQueue.global().async { task.cancel() } }
        }
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

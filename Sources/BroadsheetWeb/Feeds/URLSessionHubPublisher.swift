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
    /// Foundation's URLSession on Linux is fragile when a transfer is cancelled as it finishes: its async `data(for:)`
    /// cancels synchronously on the session's queue under the task's lock while that queue resumes the same task (a
    /// deadlock that hung CI once), and `URLSessionTask.cancel()` racing the completion stops the program ("a task that
    /// is not in the registry"). So the transfer is never cancelled: a cancelled notice stops waiting at once, and the
    /// transfer, bounded by the request's timeout, finishes on its own with nobody listening.
    static func send(_ request: URLRequest) async throws -> URLResponse {
        let waiter = Waiter()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard waiter.wait(continuation) else { return }
                URLSession.shared.dataTask(with: request) { _, response, error in
                    if let error {
                        waiter.finish(.failure(error))
                    } else if let response {
                        waiter.finish(.success(response))
                    } else {
                        waiter.finish(.failure(URLError(.badServerResponse)))
                    }
                }.resume()
            }
        } onCancel: {
            waiter.finish(.failure(CancellationError()))
        }
    }

    /// The one answer a notice waits for: the transfer's, or cancellation's, whichever comes first.
    final class Waiter: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<URLResponse, Error>?
        private var result: Result<URLResponse, Error>?

        /// False when the answer is already in (cancelled before the transfer started): the continuation is resumed.
        func wait(_ continuation: CheckedContinuation<URLResponse, Error>) -> Bool {
            let early: Result<URLResponse, Error>? = lock.withLock {
                if let result { return result }
                self.continuation = continuation
                return nil
            }
            guard let early else { return true }
            continuation.resume(with: early)
            return false
        }

        /// The first answer resumes the waiting notice; later ones are dropped.
        func finish(_ answer: Result<URLResponse, Error>) {
            let waiting: CheckedContinuation<URLResponse, Error>? = lock.withLock {
                guard result == nil else { return nil }
                result = answer
                defer { continuation = nil }
                return continuation
            }
            waiting?.resume(with: answer)
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

import AsyncHTTPClient
import BroadsheetCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Core's `FeedFetching` port over AsyncHTTPClient: a conditional GET with gzip, connect and read timeouts and an
/// overall deadline, a size limit on the (decompressed) body, redirects followed here — at most `maximumRedirects`,
/// http and https only, each new host checked against the address policy — and the server's timing hints kept
/// (Cache-Control max-age, Retry-After on 429 and 503).
public final class HTTPFeedFetcher: FeedFetching {
    public struct Limits: Sendable {
        public var connectTimeout: TimeInterval = 5
        public var readTimeout: TimeInterval = 15
        /// For the whole exchange, redirects included.
        public var deadline: TimeInterval = 30
        public var maximumBytes = 5 * 1_048_576
        public var maximumRedirects = 5

        public init() {}
    }

    public static let userAgent = "Broadsheet feed intake (+https://github.com/broadsheet)"

    private let client: HTTPClient
    private let policy: AddressPolicy
    private let limits: Limits

    public init(policy: AddressPolicy = AddressPolicy(), limits: Limits = Limits()) {
        self.policy = policy
        self.limits = limits
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(limits.connectTimeout * 1000)), read: .milliseconds(Int64(limits.readTimeout * 1000))),
            decompression: .enabled(limit: .size(limits.maximumBytes))
        )
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the client's connections; call once, when done with the fetcher.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func fetch(_ feedRequest: FeedRequest) async throws(FeedFetchError) -> FeedFetchResult {
        let deadline = NIODeadline.now() + .milliseconds(Int64(limits.deadline * 1000))
        var url = feedRequest.url
        var redirects = 0
        while true {
            guard let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty else {
                throw FeedFetchError("only http and https addresses can be fetched (\(url.absoluteString))")
            }
            do {
                try await policy.check(host: host)
            } catch {
                throw FeedFetchError(error.description)
            }
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "User-Agent", value: Self.userAgent)
            request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1")
            // Validators belong to the address that gave them.
            if url == feedRequest.url {
                if let etag = feedRequest.etag { request.headers.add(name: "If-None-Match", value: etag) }
                if let lastModified = feedRequest.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
            }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch {
                throw FeedFetchError(Self.describe(error, limits: limits))
            }
            let timing = FeedTiming(maxAge: Self.maxAge(response.headers), retryAfter: Self.retryAfter(response.headers))
            switch response.status.code {
            case 200:
                if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maximumBytes {
                    throw FeedFetchError("the feed is larger than \(limits.maximumBytes / 1_048_576) MB (\(length) bytes)", timing: timing)
                }
                let body: ByteBuffer
                do {
                    body = try await response.body.collect(upTo: limits.maximumBytes)
                } catch {
                    throw FeedFetchError(Self.describe(error, limits: limits), timing: timing)
                }
                guard body.readableBytes > 0 else { throw FeedFetchError("the server sent an empty answer", timing: timing) }
                return .fetched(
                    body: Data(body.readableBytesView), finalURL: url, etag: response.headers.first(name: "ETag"),
                    lastModified: response.headers.first(name: "Last-Modified"), timing: timing
                )
            case 304:
                return .notModified(timing)
            case 301, 302, 303, 307, 308:
                redirects += 1
                guard redirects <= limits.maximumRedirects else {
                    throw FeedFetchError("more than \(limits.maximumRedirects) redirects", timing: timing)
                }
                guard let location = response.headers.first(name: "Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw FeedFetchError("a redirect (\(response.status.code)) without a usable Location", timing: timing)
                }
                url = next
            case 429:
                throw FeedFetchError("the server asked us to slow down (429)", timing: timing)
            default:
                throw FeedFetchError("the server answered \(response.status.code) \(response.status.reasonPhrase)", timing: timing)
            }
        }
    }

    static func describe(_ error: Error, limits: Limits) -> String {
        switch error {
        case is NIOTooManyBytesError:
            return "the feed is larger than \(limits.maximumBytes / 1_048_576) MB"
        case NIOHTTPDecompression.DecompressionError.limit:
            return "the feed is larger than \(limits.maximumBytes / 1_048_576) MB once decompressed"
        case let error as NIOHTTPDecompression.DecompressionError:
            return "the compressed answer could not be read (\(error))"
        case let error as HTTPClientError:
            switch error {
            case .deadlineExceeded: return "no complete answer within \(Int(limits.deadline)) seconds"
            case .readTimeout: return "the server stopped sending for \(Int(limits.readTimeout)) seconds"
            case .connectTimeout: return "could not connect within \(Int(limits.connectTimeout)) seconds"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return "the request failed: \(error)"
            }
        default:
            let text = String(describing: error)
            if text.localizedCaseInsensitiveContains("connection refused") { return "the connection was refused" }
            return "the request failed: \(text)"
        }
    }

    /// Cache-Control max-age (s-maxage wins); nothing for no-store / no-cache.
    static func maxAge(_ headers: HTTPHeaders) -> TimeInterval? {
        let directives = headers[canonicalForm: "Cache-Control"].map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        if directives.contains(where: { $0 == "no-store" || $0 == "no-cache" }) { return nil }
        func value(_ name: String) -> TimeInterval? {
            directives.first { $0.hasPrefix(name + "=") }.flatMap { TimeInterval($0.dropFirst(name.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
        }
        return (value("s-maxage") ?? value("max-age")).map { min(max($0, 0), 86_400) }
    }

    /// Retry-After as seconds or an HTTP date, at most a day.
    static func retryAfter(_ headers: HTTPHeaders) -> TimeInterval? {
        guard let text = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = TimeInterval(text) { return min(max(seconds, 0), 86_400) }
        if let date = InternetDate.parseHTTPDate(text) { return min(max(date.timeIntervalSinceNow, 0), 86_400) }
        return nil
    }
}

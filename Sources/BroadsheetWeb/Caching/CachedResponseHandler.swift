import BroadsheetCore
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Answers anonymous readers' plain GET requests for pages that are fresh in the `PageCache` straight from the
/// connection's channel pipeline: the cached head and bytes are written on the event loop, without the router, the
/// middleware chain or a Swift concurrency task. Everything else — a miss, a stale entry, conditional and HEAD
/// requests, anything with credentials or `Connection: close`, the newsroom — goes on to the application as usual
/// (whose `PageCacheMiddleware` fills the cache). While an earlier request on the connection is still being answered
/// by the application, requests go on too, so that answers never overtake each other.
final class CachedResponseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let cache: PageCache
    /// Requests passed on whose answers have not ended yet.
    private var inFlight = 0
    /// No answer from the application is being written: `CachedBytesHandler` may answer the next request.
    var isIdle: Bool { inFlight == 0 }
    /// Request heads that came through the decoder, answered here or passed on. `CachedBytesHandler` checks that a
    /// request it passed on arrived: one the decoder refused (or swallowed, after an upgrade) never does.
    private(set) var headsSeen = 0
    /// The current request was answered here: its body and end are dropped.
    private var answered = false

    init(cache: PageCache) {
        self.cache = cache
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let request):
            headsSeen &+= 1
            // A connection that cannot take more bytes waits in the application, which holds back its reads.
            if inFlight == 0, context.channel.isWritable, let entry = freshEntry(for: request) {
                answered = true
                var headers = entry.headers
                headers[.date] = HTTPDateCache.current()
                headers[.server] = broadsheetServerName
                context.write(wrapOutboundOut(.head(HTTPResponse(status: entry.status, headerFields: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(entry.body)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            answered = false
            inFlight += 1
            context.fireChannelRead(data)
        case .body:
            if !answered { context.fireChannelRead(data) }
        case .end:
            if answered {
                answered = false
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), inFlight > 0 { inFlight -= 1 }
        context.write(data, promise: promise)
    }

    private func freshEntry(for request: HTTPRequest) -> PageCache.Entry? {
        guard request.method == .get, let target = request.path else { return nil }
        let headers = request.headerFields
        guard headers[.ifNoneMatch] == nil, headers[.ifModifiedSince] == nil, headers[.connection]?.lowercased().contains("close") != true,
              let key = PageCache.readerKey(
                  path: target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[..<$0]) } ?? target, target: target, headers: headers
              )
        else { return nil }
        return cache.freshEntry(key)
    }
}

/// The name every answer gives in its `Server` field.
let broadsheetServerName = "Broadsheet"

/// The `Date` header's text, made once a second; with it, the end of a cached answer's head.
enum HTTPDateCache {
    private struct Second {
        var second = 0
        var text = ""
        /// "Date: ...\r\nServer: Broadsheet\r\n\r\n"
        var headTail = ByteBuffer()
    }

    private static let state = Mutex(Second())

    static func current() -> String {
        now { $0.text }
    }

    /// The `Date` and `Server` lines and the empty line that ends a head, as `CachedBytesHandler` writes them.
    static func headTail() -> ByteBuffer {
        now { $0.headTail }
    }

    private static func now<T>(_ read: (Second) -> T) -> T {
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        return state.withLock { cached in
            if cached.second != second {
                cached.second = second
                cached.text = InternetDate.rfc822(now)
                var tail = ByteBuffer()
                tail.writeString("Date: \(cached.text)\r\nServer: \(broadsheetServerName)\r\n\r\n")
                cached.headTail = tail
            }
            return read(cached)
        }
    }
}

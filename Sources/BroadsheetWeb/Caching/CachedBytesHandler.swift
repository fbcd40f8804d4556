import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The first handler on a reader's connection, before NIO's HTTP decoder. A read that holds exactly one plain GET
/// from an anonymous reader, for a page that is fresh in the `PageCache`, is answered here with the entry's bytes as
/// they are: its ready-made head, the `Date`/`Server` lines and the body, three buffers in one vectored write. The
/// request is never decoded into header objects, and the answer is never encoded from them.
///
/// Everything else goes on to the decoder, and from there to `CachedResponseHandler` and the application, which
/// answer as before. Answers must not overtake each other, and the decoder must never be left holding half a request
/// when a read is answered here, so:
/// - while the application is still answering an earlier request on the connection, reads go on;
/// - a read that is not exactly one request without a body (part of one, several pipelined, one with a body to
///   follow) goes on, and so does every later read on that connection.
/// - a request the decoder does not pass on (it refused it) leaves the connection passing everything on too.
/// A connection that cannot take more bytes right now (a reader not reading its answers) goes on too, to the
/// application's path, which waits for it.
final class CachedBytesHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let cache: PageCache
    /// The handler after the decoder, which knows whether the application is answering a request.
    private let lane: CachedResponseHandler
    private var passingThrough = false

    init(cache: PageCache, lane: CachedResponseHandler) {
        self.cache = cache
        self.lane = lane
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !passingThrough else {
            context.fireChannelRead(data)
            return
        }
        switch RawRequestScan(unwrapInboundIn(data)) {
        case .readerGet(let request):
            if lane.isIdle, context.channel.isWritable, let key = request.cacheKey, let entry = cache.freshEntry(key) {
                context.write(wrapOutboundOut(entry.wireHead), promise: nil)
                context.write(wrapOutboundOut(HTTPDateCache.headTail()), promise: nil)
                context.writeAndFlush(wrapOutboundOut(entry.body), promise: nil)
                return
            }
        case .whole:
            break
        case .other:
            passingThrough = true
            context.fireChannelRead(data)
            return
        }
        // One whole request goes on. If the decoder did not pass its head along (it refused the request, or stopped
        // parsing after an upgrade), the connection is no longer in a state this handler can judge.
        let heads = lane.headsSeen
        context.fireChannelRead(data)
        if lane.headsSeen == heads { passingThrough = true }
    }
}

/// Hummingbird's HTTP/1 child channel with the page cache's two handlers in its pipeline: `CachedBytesHandler` first,
/// before the decoder, and `CachedResponseHandler` after it.
struct CachingHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let cache: PageCache

    init(responder: @escaping HTTPChannelHandler.Responder, cache: PageCache) {
        http1 = HTTP1Channel(
            responder: responder,
            configuration: .init(additionalChannelHandlers: [CachedResponseHandler(cache: cache)])
        )
        self.cache = cache
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let cache = cache
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let lane = try pipeline.handler(type: CachedResponseHandler.self)
            try pipeline.addHandler(CachedBytesHandler(cache: cache, lane: lane), position: .first)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

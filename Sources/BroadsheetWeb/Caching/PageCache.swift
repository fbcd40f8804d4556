import Foundation
import HTTPTypes
import NIOCore
import Synchronization

/// Full responses for anonymous readers, kept in memory up to a byte limit (least recently used first out), keyed by
/// address, text size and content encoding.
///
/// Invalidation is by generation: `invalidateAll()` (after any change to what pages show) makes every entry stale at
/// once. A stale entry is rebuilt by the first request that finds it; requests that arrive while it is being rebuilt
/// get the stale copy instead of rendering again (stale-while-revalidate), and requests for an address with nothing
/// cached wait for the one render in flight (single flight). Only a render begun in the current generation is shared
/// or waited for: a request after a change never gets a page rendered before it. A rebuild that gives nothing to
/// keep (the story was unpublished: a 404; a redirect; an error) removes the stale copy, so it is served no more.
///
/// An entry also goes stale `freshFor` after it was stored (a minute by default), even when nothing changed: pages say
/// how long ago stories were published ("3 minutes ago"), and a page kept for hours would still say so to readers
/// without JavaScript. It is then rebuilt the same way, by one request while the others get the copy.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        let target: String
        let textSize: String
        let gzip: Bool
    }

    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let generation: UInt64
        /// When it was stored (the cache's clock, nanoseconds).
        var storedAt: UInt64 = 0
        /// The status line and header fields as HTTP/1.1 sends them, without `Date` and `Server` (which change) and
        /// without the empty line that ends the head: `CachedBytesHandler` writes these bytes as they are.
        let wireHead: ByteBuffer

        init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer, generation: UInt64) {
            self.status = status
            self.headers = headers
            self.body = Self.compact(body)
            self.generation = generation
            var head = ByteBuffer()
            head.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n")
            for field in headers where field.name != .date && field.name != .server {
                head.writeString(field.name.rawName)
                head.writeStaticString(": ")
                head.writeString(field.value)
                head.writeStaticString("\r\n")
            }
            wireHead = head
        }

        /// Bytes held for it under `key`: its body and head as allocated (NIO rounds a buffer's storage up to a power
        /// of two), the head's fields, and the key's address, which a long query string makes large.
        func cost(_ key: Key) -> Int { body.capacity + wireHead.capacity + wireHead.readableBytes + key.target.utf8.count + 160 }

        /// The body in storage of its own size: a rendered page grows its buffer by doubling, and a gzip body comes in
        /// a buffer sized for the page it was made from (a fifth of it filled), so kept as they came, the cache held
        /// nearly twice the bytes it counted.
        static func compact(_ body: ByteBuffer) -> ByteBuffer {
            let size = body.readableBytes
            var fitting = 1
            while fitting < size { fitting <<= 1 }
            guard body.capacity > fitting else { return body }
            var copy = ByteBufferAllocator().buffer(capacity: size)
            copy.writeImmutableBuffer(body)
            return copy
        }
    }

    enum Lookup: Sendable {
        /// Up to date: serve it.
        case fresh(Entry)
        /// Out of date and someone else is rebuilding it: serve it anyway.
        case stale(Entry)
        /// Nothing usable; another request is rendering it: wait for that.
        case wait(Flight)
        /// This request renders it, then must call `finish` with the ticket whatever happens.
        case render(Ticket)
    }

    /// A render this request owns: the generation it began in (its entry carries it) and the flight others share.
    struct Ticket: Sendable {
        let generation: UInt64
        fileprivate let flight: Flight
    }

    /// One render in flight, which waiting requests share.
    final class Flight: Sendable {
        let generation: UInt64

        init(generation: UInt64) {
            self.generation = generation
        }

        private let state = Mutex<(done: Bool, entry: Entry?, waiters: [CheckedContinuation<Entry?, Never>])>((false, nil, []))

        /// The entry rendered, or nil if the response could not be cached (the waiter then renders for itself).
        func value() async -> Entry? {
            await withCheckedContinuation { continuation in
                let ready: Entry?? = state.withLock { state in
                    if state.done { return .some(state.entry) }
                    state.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }

        func complete(_ entry: Entry?) {
            let waiters = state.withLock { state in
                state.done = true
                state.entry = entry
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: entry) }
        }
    }

    private struct State {
        var generation: UInt64 = 1
        var version: Int64?
        var lru = LRUMap<Key, Entry>()
        var bytes = 0
        var rendering: [Key: Flight] = [:]
        var hits = 0
        var misses = 0
    }

    let capacity: Int
    /// How long an entry stays fresh, in nanoseconds.
    let freshNanoseconds: UInt64
    /// A monotonic clock in nanoseconds (tests pass their own).
    private let clock: @Sendable () -> UInt64
    private let state = Mutex(State())

    /// `capacity` in bytes.
    init(capacity: Int, freshFor: Duration = .seconds(60), clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        self.capacity = max(0, capacity)
        let (seconds, attoseconds) = freshFor.components
        freshNanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
        self.clock = clock
    }

    /// Up to date: stored in the current generation, less than `freshFor` ago.
    @inline(__always)
    private func isFresh(_ entry: Entry, generation: UInt64, now: UInt64) -> Bool {
        entry.generation == generation && now &- entry.storedAt < freshNanoseconds
    }

    var generation: UInt64 { state.withLock { $0.generation } }
    var byteCount: Int { state.withLock { $0.bytes } }
    var entryCount: Int { state.withLock { $0.lru.count } }
    /// The storage the entries' bodies hold, as allocated (for tests of the bound).
    var allocatedBodyBytes: Int { state.withLock { $0.lru.allValues.reduce(0) { $0 + $1.body.capacity } } }
    var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// Makes every entry stale.
    func invalidateAll() {
        state.withLock { $0.generation &+= 1 }
    }

    /// Makes every entry stale if the store's content version is not the one last seen (see `ContentVersionReading`).
    func observe(version: Int64) {
        state.withLock { state in
            guard state.version != version else { return }
            state.version = version
            state.generation &+= 1
        }
    }

    /// The entry for `key` if it is up to date; nothing else (no render is started).
    func freshEntry(_ key: Key) -> Entry? {
        let now = clock()
        return state.withLock { state in
            guard let entry = state.lru.get(key), isFresh(entry, generation: state.generation, now: now) else { return nil }
            state.hits += 1
            return entry
        }
    }

    /// What to do for `key`.
    func lookup(_ key: Key) -> Lookup {
        let now = clock()
        return state.withLock { state in
            // A render begun before the latest change is not shared: its page may not show the change.
            let flight = state.rendering[key].flatMap { $0.generation == state.generation ? $0 : nil }
            if let entry = state.lru.get(key) {
                if isFresh(entry, generation: state.generation, now: now) {
                    state.hits += 1
                    return .fresh(entry)
                }
                if flight != nil {
                    state.hits += 1
                    return .stale(entry)
                }
            } else if let flight {
                state.hits += 1
                return .wait(flight)
            }
            state.misses += 1
            // Replaces an older generation's flight, if any: its own requests still get its result.
            let ticket = Ticket(generation: state.generation, flight: Flight(generation: state.generation))
            state.rendering[key] = ticket.flight
            return .render(ticket)
        }
    }

    /// Stores what was rendered (if it may be kept), and ends the render `ticket` owns. Without an entry, the answer
    /// was not one to keep: when it settles the address otherwise (`removingStale`: a 404 once a story is
    /// unpublished, a redirect), the copy rendered before is removed, so that it is not served again while the
    /// address is rebuilt; after a failure (a 5xx, a thrown error) the copy stays, to be served while others retry.
    func finish(_ key: Key, ticket: Ticket, entry: Entry?, removingStale: Bool = true) {
        var entry = entry
        entry?.storedAt = clock()
        state.withLock { state in
            if state.rendering[key] === ticket.flight { state.rendering[key] = nil }
            if entry != nil || removingStale { store(key, entry, generation: ticket.generation, in: &state) }
        }
        ticket.flight.complete(entry)
    }

    private func store(_ key: Key, _ entry: Entry?, generation: UInt64, in state: inout State) {
        let kept = state.lru.peek(key)
        // A copy from a later render than this one stays: this one's news is older.
        if let kept, kept.generation > generation { return }
        // A render begun before the latest change never puts back a copy that is gone (a later rebuild removed it:
        // the story was unpublished); it only replaces an older stale one.
        if kept == nil, generation != state.generation { return }
        if let old = state.lru.remove(key) { state.bytes -= old.cost(key) }
        guard let entry, capacity > 0, entry.cost(key) <= capacity / 4 else { return }
        // An entry rendered before a change that came meanwhile carries the older generation: it is kept as stale.
        state.lru.set(key, entry)
        state.bytes += entry.cost(key)
        while state.bytes > capacity, let (evictedKey, evicted) = state.lru.removeOldest() {
            state.bytes -= evicted.cost(evictedKey)
        }
    }
}

/// A dictionary that remembers use order: `get` and `set` make a key the newest, `removeOldest` takes the least
/// recently used. All operations are O(1) (a doubly linked list threaded through arrays).
struct LRUMap<Key: Hashable, Value> {
    private var index: [Key: Int] = [:]
    private var keys: [Key?] = []
    private var values: [Value?] = []
    private var previous: [Int] = []
    private var next: [Int] = []
    private var free: [Int] = []
    private var newest = -1
    private var oldest = -1

    var count: Int { index.count }
    /// Every value, in no particular order.
    var allValues: [Value] { values.compactMap { $0 } }

    mutating func get(_ key: Key) -> Value? {
        guard let slot = index[key] else { return nil }
        moveToNewest(slot)
        return values[slot]
    }

    /// The value, leaving the use order as it is.
    func peek(_ key: Key) -> Value? {
        index[key].flatMap { values[$0] }
    }

    mutating func set(_ key: Key, _ value: Value) {
        if let slot = index[key] {
            values[slot] = value
            moveToNewest(slot)
            return
        }
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            keys[slot] = key
            values[slot] = value
        } else {
            slot = keys.count
            keys.append(key)
            values.append(value)
            previous.append(-1)
            next.append(-1)
        }
        index[key] = slot
        link(slot)
    }

    @discardableResult
    mutating func remove(_ key: Key) -> Value? {
        guard let slot = index.removeValue(forKey: key) else { return nil }
        unlink(slot)
        let value = values[slot]
        keys[slot] = nil
        values[slot] = nil
        free.append(slot)
        return value
    }

    mutating func removeOldest() -> (Key, Value)? {
        guard oldest >= 0, let key = keys[oldest], let value = remove(key) else { return nil }
        return (key, value)
    }

    private mutating func link(_ slot: Int) {
        previous[slot] = newest
        next[slot] = -1
        if newest >= 0 { next[newest] = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let before = previous[slot], after = next[slot]
        if before >= 0 { next[before] = after } else { oldest = after }
        if after >= 0 { previous[after] = before } else { newest = before }
        previous[slot] = -1
        next[slot] = -1
    }

    private mutating func moveToNewest(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        link(slot)
    }
}

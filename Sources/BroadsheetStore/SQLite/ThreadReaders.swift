import Foundation
import GRDB
import Synchronization

/// Read-only connections owned by the threads that use them, for the short reads of readers' pages.
///
/// A read through the pool (`DatabasePool.read`) hands the work to the connection's own dispatch queue and hands
/// the result back: two thread wake-ups, which cost more than the reads of a story page themselves. A page's reads
/// take well under a millisecond and wait for nothing but SQLite, so the thread running the request (one of Swift's
/// cooperative threads, never an event loop) runs them itself, on a connection of its own.
///
/// The pool is not used for this on purpose: its connections are handed out through a semaphore and given back by
/// the awaiting task, so a thread blocked waiting for one can hold up the very task that would give one back. These
/// connections belong to one thread each and are never waited for. `read` returns nil, and the caller uses the
/// pool's asynchronous read, when `limit` threads already have one or this thread's connection could not be opened.
final class ThreadReaders: Sendable {
    /// One thread's connection, and the schema version its statement cache was built against.
    private final class Connection: @unchecked Sendable {
        let queue: DatabaseQueue
        /// Only touched by the owning thread.
        var schemaVersion: Int64 = -1
        init(queue: DatabaseQueue) { self.queue = queue }
    }

    private enum Slot {
        case open(Connection)
        /// Opening failed on this thread: not retried on every read.
        case failed
    }

    private let path: String
    private let limit: Int
    private let configuration: Configuration
    private let slots = Mutex<[UInt: Slot]>([:])

    /// `configuration` is the pool's: these connections read with the same settings, read-only.
    init(path: String, configuration: Configuration, limit: Int) {
        self.path = path
        self.limit = max(0, limit)
        var configuration = configuration
        configuration.readonly = true
        configuration.label = "thread-reader"
        self.configuration = configuration
    }

    /// How many threads have a connection open (for tests).
    var openCount: Int {
        slots.withLock { slots in slots.values.count { if case .open = $0 { true } else { false } } }
    }

    /// `body` run in a read transaction on this thread's connection; nil when this thread has none.
    func read<T>(_ body: (Database) throws -> T) throws -> ReadResult<T> {
        guard let connection = connection() else { return .noConnection }
        return .value(try connection.queue.read { db in
            // What the pool does before each read: statements prepared before a migration (by this process or
            // another) are dropped when the schema changed.
            let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA schema_version")) ?? 0
            if version != connection.schemaVersion {
                if connection.schemaVersion != -1 { db.clearSchemaCache() }
                connection.schemaVersion = version
            }
            return try body(db)
        })
    }

    enum ReadResult<T> {
        case value(T)
        case noConnection
    }

    /// Closes every connection; the store calls it before its pool closes, so the pool's writer is the last
    /// connection and checkpoints the WAL as it closes.
    func closeAll() {
        let closing = slots.withLock { slots in
            defer { slots.removeAll() }
            return slots.values.compactMap { slot -> Connection? in if case .open(let connection) = slot { connection } else { nil } }
        }
        for connection in closing { try? connection.queue.close() }
    }

    private func connection() -> Connection? {
        let thread = UInt(pthread_self())
        // Look up, and reserve a place for this thread if it has none, under one lock.
        let reserved: Bool = slots.withLock { slots in
            switch slots[thread] {
            case .open?, .failed?: return false
            case nil:
                guard slots.count < limit else { return false }
                slots[thread] = .failed  // the place, until the connection is open
                return true
            }
        }
        if !reserved {
            return slots.withLock { slots in if case .open(let connection)? = slots[thread] { connection } else { nil } }
        }
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        let connection = Connection(queue: queue)
        slots.withLock { $0[thread] = .open(connection) }
        return connection
    }
}

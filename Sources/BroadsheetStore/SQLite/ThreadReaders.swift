import Foundation
import GRDB
import Synchronization

/// Read-only connections owned by the threads that use them, for the reads of readers' pages.
///
/// A read through the pool (`DatabasePool.read`) hands the work to the connection's own dispatch queue and hands
/// the result back: two thread wake-ups, which cost more than the reads of a story page themselves. A page's reads
/// take well under a millisecond and never wait for anything but SQLite, so the thread that serves the request runs
/// them itself, on a connection of its own: no hand-off, no pool to wait for.
///
/// The pool is not used for this on purpose: its connections are handed out through a semaphore and given back by
/// the awaiting task, so a thread blocked waiting for one can hold up the very task that would give one back. These
/// connections belong to one thread each and are never waited for. Past `limit` threads, `read` returns nil and the
/// caller falls back to the pool's asynchronous read.
final class ThreadReaders: Sendable {
    private let path: String
    private let limit: Int
    private let prepare: @Sendable (Database) throws -> Void
    private let connections = Mutex<[UInt: DatabaseQueue]>([:])

    init(path: String, limit: Int = 16, prepare: @escaping @Sendable (Database) throws -> Void) {
        self.path = path
        self.limit = limit
        self.prepare = prepare
    }

    /// `body` run in a read transaction on this thread's connection; nil when this thread may not have one.
    func read<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let connection = try connection() else { return nil }
        // A plain deferred transaction: the connection is read-only, so GRDB's `read`, which also switches
        // `query_only` on and off around every read, would only add two statements.
        return try connection.inDatabase { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    private func connection() throws -> DatabaseQueue? {
        let thread = UInt(pthread_self())
        if let existing = connections.withLock({ $0[thread] }) { return existing }
        guard connections.withLock({ $0.count }) < limit else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "reader-thread"
        let prepare = prepare
        configuration.prepareDatabase { db in try prepare(db) }
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        return connections.withLock { connections in
            if let raced = connections[thread] { return raced }
            connections[thread] = connection
            return connection
        }
    }
}

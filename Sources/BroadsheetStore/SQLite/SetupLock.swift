import Foundation

/// An exclusive lock between processes (and between stores in one process) on a file beside the database, held while
/// the database is set up: migrated, or filled with the demo publication. `flock` locks belong to the open file, so
/// a process that dies lets go of its lock. The file is left in place: removing it would let one process lock a new
/// file while another still holds the old one.
final class SetupLock: Sendable {
    let path: String
    private let descriptor: Int32

    /// The lock file of the database at `databasePath`.
    static func path(forDatabase databasePath: String) -> String { databasePath + "-setup.lock" }

    /// Opens (creating if needed) the lock file; the lock is not taken yet.
    init(databasePath: String) throws(StoreOpeningError) {
        path = Self.path(forDatabase: databasePath)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreOpeningError(path: databasePath, reason: "cannot open the setup lock \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Waits for the lock, blocking the thread.
    func lock() throws(StoreOpeningError) {
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure() }
        }
    }

    /// Takes the lock if no one holds it.
    func tryLock() throws(StoreOpeningError) -> Bool {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK || errno == EINTR { return false }
        throw failure()
    }

    func unlock() { flock(descriptor, LOCK_UN) }

    private func failure() -> StoreOpeningError {
        StoreOpeningError(path: path, reason: "cannot lock \(path): \(String(cString: strerror(errno)))")
    }
}

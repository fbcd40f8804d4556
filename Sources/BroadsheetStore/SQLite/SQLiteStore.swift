import BroadsheetCore
import Foundation
import CSQLiteTuning
import GRDB
import GRDBSQLite

/// Broadsheet's storage on one SQLite file: WAL mode, one writer and a pool of concurrent readers.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool
    public let path: String
    /// Searches count matches up to this many (see `SearchResults.countLimit`).
    let searchCountLimit: Int
    /// Relevance ranking considers the newest this many matches of a query.
    let searchRankingWindow: Int
    /// The most time one search may take (`SearchTookTooLong` past it), in nanoseconds.
    let searchTimeLimitNanoseconds: UInt64
    let documentFrequencies = DocumentFrequencies()
    /// The sections as last read, for pages' reads (see `SectionsMemo`).
    let sectionsMemo = SectionsMemo()

    /// Opens (creating if needed) the database file. Throws `StoreOpeningError` with a readable reason.
    public init(
        path: String, searchCountLimit: Int = SearchResults.countLimit, searchRankingWindow: Int = 500, searchTimeLimit: Duration = .seconds(2)
    ) throws {
        _ = Self.processSettings
        self.path = path
        self.searchCountLimit = max(1, searchCountLimit)
        self.searchRankingWindow = max(1, searchRankingWindow)
        // Up to a day: longer is as good as no limit, and the arithmetic stays in range.
        let (seconds, attoseconds) = searchTimeLimit.components
        searchTimeLimitNanoseconds = UInt64(min(max(0, seconds), 86_400)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
        try Self.checkWritable(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // No connection maps the file: every page a mapping touched stayed counted as the server's resident
            // memory, once per connection that touched it (1.3 GiB with 100,000 stories after a few thousand distinct
            // pages; see docs/benchmarks.md, stop 26). Pages are read into each connection's own cache (SQLite's
            // default, 2 MiB a connection), the rest stays in the operating system's file cache.
            try db.execute(sql: "PRAGMA mmap_size = 0")
            SearchRanking.register(db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreOpeningError(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// SQLite's process-wide settings, made once, before the first connection opens: allocation statistics off.
    /// SQLite counts every allocation under one process-wide mutex while they are on, and readers in parallel queue
    /// on it (full-text search allocates for each posting list it reads: the mutex was 7% of an uncached search's
    /// time at 16 connections). Nothing reads those statistics here.
    private static let processSettings: Void = {
        _ = broadsheet_sqlite_disable_memory_statistics()
    }()

    /// Whether SQLite still counts its allocations in this process: false once a store has opened first (true only
    /// if something started SQLite before).
    public static var countsAllocations: Bool { broadsheet_sqlite_memory_statistics_enabled() != 0 }

    /// The SQLite library's version, as in "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// Brings the schema up to date. Safe to run on every start and from several processes.
    ///
    /// GRDB reads which migrations are applied before it takes the write lock, so two processes starting together on
    /// a file that needs a migration both ran it, and the second failed ("index ... already exists"). Migrating is
    /// done holding the setup lock (`setupLockPath`); a process that waited for it then finds nothing left to apply.
    /// A database already up to date takes no lock.
    public func migrate() throws {
        do {
            guard try needsMigration() else { return }
            let lock = try SetupLock(databasePath: path)
            try lock.lock()
            defer { lock.unlock() }
            try SQLiteMigrations.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreOpeningError(path: path, reason: "migration failed: \(error.message ?? "\(error)")")
        }
    }

    /// The file locked while the database is set up (see `SetupLock`).
    public var setupLockPath: String { SetupLock.path(forDatabase: path) }

    /// Runs `body` holding the setup lock, so that processes starting together on one file set it up one after
    /// another: the demo publication is created once, by the first, and the others find the database not empty.
    /// The lock is polled every 20 ms rather than waited for on a thread of the cooperative pool.
    public func whileHoldingSetupLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let lock = try SetupLock(databasePath: path)
        while try !lock.tryLock() { try await Task.sleep(for: .milliseconds(20)) }
        defer { lock.unlock() }
        return try await body()
    }

    /// Whether migrations remain to be applied.
    public func needsMigration() throws -> Bool {
        try pool.read { db in try !SQLiteMigrations.migrator.hasCompletedMigrations(db) }
    }

    private static func checkWritable(path: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreOpeningError(path: path, reason: "it is a directory") }
            if !fileManager.isWritableFile(atPath: path) { throw StoreOpeningError(path: path, reason: "the file is not writable") }
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let parent = directory.isEmpty ? "." : directory
        if !fileManager.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw StoreOpeningError(path: path, reason: "the directory \(parent) does not exist")
        }
        if !fileManager.isWritableFile(atPath: parent) {
            throw StoreOpeningError(path: path, reason: "the directory \(parent) is not writable")
        }
    }
}

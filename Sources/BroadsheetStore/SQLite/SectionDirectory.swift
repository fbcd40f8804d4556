import BroadsheetCore
import Foundation
import GRDB

/// The sections, by id, for the story rows of one read.
///
/// A story row carries its section's id only: joining `sections` into every row cost a lookup and three strings per
/// story, and a list page already reads all the sections for its navigation. The directory takes those (or reads the
/// few sections once, on the first row that needs them) and hands out the same values for every row. The sections
/// are read at most once per read, in navigation order, whichever asks first: a story page's row and its navigation
/// used to read them twice.
final class SectionDirectory {
    private let db: Database
    private let memo: SectionsMemo?
    private var ordered: [Section]?
    private var byID: [Int64: Section] = [:]

    /// With a memo, the sections come from the memo when the content version has not moved since they were read.
    init(db: Database, memo: SectionsMemo? = nil) {
        self.db = db
        self.memo = memo
    }

    /// Every section in navigation order (position, then name), read on the first call of this read.
    func all() throws -> [Section] {
        if let ordered { return ordered }
        let read = try memo?.sections(db) ?? Self.read(db)
        ordered = read.ordered
        byID = read.byID
        return read.ordered
    }

    /// The sections as they are in this read.
    static func read(_ db: Database) throws -> (ordered: [Section], byID: [Int64: Section]) {
        var sections: [Section] = []
        try db.cachedStatement(sql: Self.navigationOrder)
            .forEachRow(arguments: []) { sections.append(RowDecoding.section($0)) }
        return (sections, Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Every section, in navigation order (the index `sections_navigation` is that order).
    static let navigationOrder = "SELECT id, slug, name, description, position FROM sections ORDER BY position, name"

    /// Story rows reference sections by foreign key, so an unknown id means the database is damaged.
    func section(id: Int64) throws -> Section {
        if ordered == nil { _ = try all() }
        guard let section = byID[id] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a story names section \(id), which does not exist")
        }
        return section
    }
}

/// The sections as last read, with the content version they were read at: every page reads them for its navigation,
/// and they change rarely. A read takes them from here when the content version in its own snapshot is the one they
/// were read at; every change to `sections` moves the version (a trigger in the database, whichever process or tool
/// makes the change), so a read never gets sections other than its snapshot's. One row read instead of every section
/// and its texts (about 4% of an uncached front page).
final class SectionsMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var memo: (version: Int64, ordered: [Section], byID: [Int64: Section])?

    func sections(_ db: Database) throws -> (ordered: [Section], byID: [Int64: Section]) {
        let version = try ContentVersionSQL.read(db)
        if let known = lock.withLock({ memo }), known.version == version { return (known.ordered, known.byID) }
        let read = try SectionDirectory.read(db)
        lock.withLock {
            // Kept unless a read of a later version got here first.
            if (memo?.version ?? .min) <= version { memo = (version, read.ordered, read.byID) }
        }
        return read
    }
}

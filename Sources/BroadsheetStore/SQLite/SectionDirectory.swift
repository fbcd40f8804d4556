import BroadsheetCore
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
    private var ordered: [Section]?
    private var byID: [Int64: Section] = [:]

    init(db: Database) { self.db = db }

    /// Every section in navigation order (position, then name), read on the first call of this read.
    func all() throws -> [Section] {
        if let ordered { return ordered }
        var sections: [Section] = []
        try db.cachedStatement(sql: Self.navigationOrder)
            .forEachRow(arguments: []) { sections.append(RowDecoding.section($0)) }
        ordered = sections
        byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return sections
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

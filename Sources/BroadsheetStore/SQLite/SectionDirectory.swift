import BroadsheetCore
import GRDB

/// The sections, by id, for the story rows of one read.
///
/// A story row carries its section's id only: joining `sections` into every row cost a lookup and three strings per
/// story, and a list page already reads all the sections for its navigation. The directory takes those (or reads the
/// few sections once, on the first row that needs them) and hands out the same values for every row.
final class SectionDirectory {
    private let db: Database
    private var byID: [Int64: Section]?

    init(db: Database) { self.db = db }

    /// Sections just read in the same transaction.
    func remember(_ sections: [Section]) {
        byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Story rows reference sections by foreign key, so an unknown id means the database is damaged.
    func section(id: Int64) throws -> Section {
        if byID == nil {
            var sections: [Section] = []
            try db.cachedStatement(sql: "SELECT id, slug, name, description, position FROM sections")
                .forEachRow(arguments: []) { sections.append(RowDecoding.section($0)) }
            remember(sections)
        }
        guard let section = byID?[id] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a story names section \(id), which does not exist")
        }
        return section
    }
}

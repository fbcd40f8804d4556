import Foundation
import GRDB
import Testing

@testable import BroadsheetStore

@Suite("Reading columns straight from SQLite")
struct ColumnReaderTests {
    private func parse(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { ColumnReader.parseStoredDate($0) }
    }

    @Test("stored dates read the same as GRDB reads them, across leap days, centuries and before 1970 (Gregorian dates: Foundation counts Julian ones before 1582)")
    func datesMatchGRDB() throws {
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, -1, 951_782_400, 951_868_799.999, 4_107_542_400, -2_208_988_800, 1_795_176_000.5, 253_402_300_799]
        for _ in 0..<3_000 { instants.append(Double(Int64.random(in: -11_676_096_000_000...253_402_300_799_000, using: &generator)) / 1_000) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            guard case .string(let stored) = date.databaseValue.storage else { Issue.record("GRDB stored \(date) as a non-text value"); continue }
            let ours = try #require(parse(stored), "\(stored)")
            let grdb = try #require(Date.fromDatabaseValue(stored.databaseValue))
            // Stored to the millisecond; GRDB's own reading goes through date components and drifts by up to about
            // 30 µs on large timestamps. Less than half a millisecond apart means the same stored instant.
            #expect(abs(ours.timeIntervalSince1970 - grdb.timeIntervalSince1970) < 0.000_5, "\(stored)")
        }
    }

    @Test("anything not in the stored form is left to GRDB: nil here")
    func oddForms() {
        for text in ["", "2026-11-20", "2026-11-20T12:00:00", "2026-13-01 00:00:00", "2026-11-20 25:00:00", "2026-11-20 12:00:00.5",
                     "2026-11-20 12:00:00+01:00", "20x6-11-20 12:00:00", "2026-11-20 12:00:00.abc"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse("2026-11-20 12:00:00")?.timeIntervalSince1970 == 1_795_176_000)
    }

    @Test("rows read by position hold what GRDB reads by name, NULLs included")
    func rowsMatchGRDB() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (i INTEGER, s TEXT, d TEXT)")
            try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?)", arguments: [42, "Zōr 🗞️ \u{1}x", Date(timeIntervalSince1970: 1_795_176_000.25)])
            try db.execute(sql: "INSERT INTO t VALUES (NULL, NULL, NULL)")
            try db.execute(sql: "INSERT INTO t VALUES (-7, '', '2026-11-20T12:00:00Z')")
            var ours: [(Int?, String?, Date?)] = []
            try db.cachedStatement(sql: "SELECT i, s, d FROM t ORDER BY rowid").forEachRow(arguments: []) { row in
                ours.append((row.optionalInt(0), row.optionalText(1), row.optionalDate(2)))
            }
            let theirs = try Row.fetchAll(db, sql: "SELECT i, s, d FROM t ORDER BY rowid").map { row -> (Int?, String?, Date?) in
                (row["i"], row["s"], row["d"])
            }
            #expect(ours.count == 3 && theirs.count == 3)
            for (a, b) in zip(ours, theirs) {
                #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2)
            }
            #expect(ours[0].1 == "Zōr 🗞️ \u{1}x")
            #expect(ours[2].2 == Date(timeIntervalSince1970: 1_795_176_000), "an ISO 8601 form goes through GRDB's decoding")
        }
    }
}

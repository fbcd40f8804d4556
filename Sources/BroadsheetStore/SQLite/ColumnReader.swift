import BroadsheetCore
import Foundation
import GRDB
import GRDBSQLite

/// Reads the current row of a statement straight from SQLite, by column position.
///
/// For the lists readers load on every uncached page: GRDB's generic decoding (`row[index]`) looks up generic
/// metadata and goes through `DatabaseValueConvertible` for each column, and `Row.fetchAll` copies every row first;
/// together that was half of an uncached front page. Only valid while the cursor that produced the row is on it.
struct ColumnReader {
    let statement: SQLiteStatement

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    /// The column as text; NULL reads as "".
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

    /// The column's bytes (a text's UTF-8, unchecked), copied out; nil for NULL.
    func optionalBytes(_ index: Int32) -> [UInt8]? {
        isNull(index) ? nil : blob(index) { Array($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// How many bytes the column's value has (a text's UTF-8; 0 for NULL).
    func byteCount(_ index: Int32) -> Int { Int(sqlite3_column_bytes(statement, index)) }

    /// The column's bytes, read in place by `body` (empty for NULL).
    func blob<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = sqlite3_column_blob(statement, index)
        return body(UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(statement, index))))
    }

    /// A date as GRDB stores it ("yyyy-MM-dd HH:mm:ss.SSS", UTC); any other form is handed to GRDB's own decoding.
    func optionalDate(_ index: Int32) -> Date? {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let bytes = sqlite3_column_text(statement, index) else { return nil }
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index)))
            if let date = Self.parseStoredDate(buffer) { return date }
            return Date.fromDatabaseValue(DatabaseValue(sqliteStatement: statement, index: index))
        default:
            return Date.fromDatabaseValue(DatabaseValue(sqliteStatement: statement, index: index))
        }
    }

    /// A date the schema requires (NOT NULL); a missing or unreadable one reads as 1970 in release builds.
    func date(_ index: Int32) -> Date {
        guard let date = optionalDate(index) else {
            assertionFailure("column \(index) holds no readable date")
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    /// "yyyy-MM-dd HH:mm:ss" with an optional ".SSS", in UTC; nil for anything else.
    static func parseStoredDate(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        guard text.count == 19 || text.count == 23 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for offset in start..<(start + length) {
                let digit = Int(text[offset]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x20, text[13] == 0x3A, text[16] == 0x3A,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var milliseconds = 0
        if text.count == 23 {
            guard text[19] == 0x2E, let fraction = number(20, 3) else { return nil }
            milliseconds = fraction
        }
        let days = InternetDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(((days * 24 + hour) * 60 + minute) * 60 + second) + Double(milliseconds) / 1000
        return Date(timeIntervalSince1970: seconds)
    }
}

extension Statement {
    /// Runs the statement and hands each row to `body` as a `ColumnReader`.
    ///
    /// Steps SQLite directly once GRDB has bound the arguments: a GRDB cursor builds a `Row` for the statement on
    /// every call, which cost more than stepping through the few rows of a list.
    func forEachRow(arguments: StatementArguments, _ body: (ColumnReader) throws -> Void) throws {
        try setArguments(arguments)
        let statement = sqliteStatement
        defer { sqlite3_reset(statement) }
        let reader = ColumnReader(statement: statement)
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: try body(reader)
            case SQLITE_DONE: return
            case let code:
                let message = sqlite3_db_handle(statement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql, arguments: arguments)
            }
        }
    }
}

import BroadsheetCore
import Foundation
import GRDB

extension SQLiteStore: ImageReading {
    public func image(sha256: String) async throws -> ImageData? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT sha256, media_type, width, height, byte_size, bytes FROM images WHERE sha256 = ?"),
                arguments: [sha256]
            ), let reference = RowDecoding.image(row) else { return nil }
            return ImageData(reference: reference, bytes: row["bytes"])
        }
    }
}

extension SQLiteStore {
    /// How many images are stored (for tests and the operator).
    public func imageCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM images") ?? 0 }
    }
}

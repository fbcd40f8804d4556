import BroadsheetCore
import Foundation
import GRDB

/// Keeps the search index in step with the stories. Every write that changes what a published story says or how
/// it is filed calls `unindex` before the change and `index` after it, in the same transaction: FTS5 removes a
/// document's words by being given the exact text it indexed, so that text must still be there when it is removed.
enum SearchIndexing {
    /// Keys put stories in publication order: seconds since 1970, then the story's id to keep keys unique.
    static let keysPerSecond: Int64 = 100_000_000

    static func key(publishedAt: Date, articleID: Int64) -> Int64 {
        seconds(publishedAt, .down) * keysPerSecond + articleID % keysPerSecond
    }

    /// The smallest key of a story published at or after `date`.
    static func firstKey(atOrAfter date: Date) -> Int64 {
        seconds(date, .up) * keysPerSecond
    }

    /// The most seconds from 1970 a key can hold either way (about 2,900 years): times beyond are taken as that far.
    static let maximumSeconds = Int64.max / keysPerSecond - 1

    /// Seconds since 1970, rounded, within what a key can hold: a date far ahead (a search filter for the year 9999)
    /// must not overflow the key's arithmetic, which would stop the process.
    static func seconds(_ date: Date, _ rule: FloatingPointRoundingRule) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(rule)
        guard !seconds.isNaN else { return 0 }
        return Int64(min(max(seconds, Double(-maximumSeconds)), Double(maximumSeconds)))
    }

    /// Filter tokens, matched in the index's facets column. Ids, not slugs: slugs hold hyphens, which split tokens.
    static func sectionToken(_ id: Int64) -> String { "zzsection\(id)" }
    static func authorToken(_ id: Int64) -> String { "zzauthor\(id)" }
    static func tagToken(_ id: Int64) -> String { "zztag\(id)" }

    /// Adds the story to the index if it is published.
    static func index(_ db: Database, articleID: Int64) throws {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT status, published_at, section_id FROM articles WHERE id = ?"), arguments: [articleID]
        ), row["status"] as String == ArticleStatus.published.rawValue, let publishedAt = row["published_at"] as Date? else { return }
        var facets = [sectionToken(row["section_id"])]
        facets += try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT author_id FROM article_authors WHERE article_id = ? ORDER BY position"), arguments: [articleID]
        ).map(authorToken)
        facets += try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY tag_id"), arguments: [articleID]
        ).map(tagToken)
        let key = key(publishedAt: publishedAt, articleID: articleID)
        try db.cachedStatement(sql: "INSERT INTO search_documents (key, article_id, facets) VALUES (?, ?, ?)")
            .execute(arguments: [key, articleID, facets.joined(separator: " ")])
        try db.cachedStatement(sql: """
            INSERT INTO search_index (rowid, headline, standfirst, body_text, facets)
            SELECT key, headline, standfirst, body_text, facets FROM search_source WHERE key = ?
            """
        ).execute(arguments: [key])
    }

    /// Removes the story from the index, if it is there.
    static func unindex(_ db: Database, articleID: Int64) throws {
        guard let key = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT key FROM search_documents WHERE article_id = ?"), arguments: [articleID]
        ) else { return }
        try db.cachedStatement(sql: """
            INSERT INTO search_index (search_index, rowid, headline, standfirst, body_text, facets)
            SELECT 'delete', key, headline, standfirst, body_text, facets FROM search_source WHERE key = ?
            """
        ).execute(arguments: [key])
        try db.cachedStatement(sql: "DELETE FROM search_documents WHERE key = ?").execute(arguments: [key])
    }
}

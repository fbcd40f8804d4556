import BroadsheetCore
import GRDB

/// Completes summaries into full stories (body, tags, corrections) with one query per kind for the whole list.
enum ArticleDetails {
    static func attach(_ db: Database, to summaries: [ArticleSummary]) throws -> [Article] {
        guard !summaries.isEmpty else { return [] }
        let ids = SummaryQuery.jsonList(summaries)
        var bodies: [Int64: (guid: String, html: String, words: Int)] = [:]
        try db.cachedStatement(sql: """
            SELECT a.id, a.guid, b.body_html, a.word_count FROM articles a JOIN article_bodies b ON b.article_id = a.id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """)
            .forEachRow(arguments: [ids]) { row in bodies[row.int64(0)] = (row.text(1), row.text(2), row.int(3)) }
        var tags: [Int64: [Tag]] = [:]
        try db.cachedStatement(sql: """
            SELECT at.article_id, t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name
            """)
            .forEachRow(arguments: [ids]) { row in
                tags[row.int64(0), default: []].append(Tag(id: row.int64(1), slug: row.text(2), name: row.text(3)))
            }
        var corrections: [Int64: [Correction]] = [:]
        try db.cachedStatement(sql: """
            SELECT article_id, id, kind, text, created_at FROM corrections
            WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id
            """)
            .forEachRow(arguments: [ids]) { row in
                corrections[row.int64(0), default: []].append(
                    Correction(id: row.int64(1), kind: Correction.Kind(rawValue: row.text(2)) ?? .correction, text: row.text(3), createdAt: row.date(4))
                )
            }
        return summaries.compactMap { summary in
            guard let body = bodies[summary.id] else { return nil }
            return Article(
                summary: summary, guid: body.guid, bodyHTML: body.html, wordCount: body.words,
                tags: tags[summary.id] ?? [], corrections: corrections[summary.id] ?? []
            )
        }
    }
}

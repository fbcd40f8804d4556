import BroadsheetCore
import GRDB

/// Completes summaries into full stories (body, tags, corrections) with one query per kind for the whole list.
enum ArticleDetails {
    static func attach(_ db: Database, to summaries: [ArticleSummary]) throws -> [Article] {
        guard !summaries.isEmpty else { return [] }
        let ids = SummaryQuery.jsonList(summaries)
        var bodies: [Int64: Row] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT a.id, a.guid, b.body_html, a.word_count FROM articles a JOIN article_bodies b ON b.article_id = a.id
                WHERE a.id IN (SELECT value FROM json_each(?))
                """),
            arguments: [ids]
        ) {
            bodies[row["id"]] = row
        }
        var tags: [Int64: [Tag]] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT at.article_id, t.id, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name
                """),
            arguments: [ids]
        ) {
            tags[row["article_id"], default: []].append(RowDecoding.tag(row))
        }
        var corrections: [Int64: [Correction]] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT article_id, id, kind, text, created_at FROM corrections
                WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id
                """),
            arguments: [ids]
        ) {
            corrections[row["article_id"], default: []].append(
                Correction(id: row["id"], kind: Correction.Kind(rawValue: row["kind"]) ?? .correction, text: row["text"], createdAt: row["created_at"])
            )
        }
        return summaries.compactMap { summary in
            guard let body = bodies[summary.id] else { return nil }
            return Article(
                summary: summary, guid: body["guid"], bodyHTML: body["body_html"], wordCount: body["word_count"],
                tags: tags[summary.id] ?? [], corrections: corrections[summary.id] ?? []
            )
        }
    }
}

import BroadsheetCore
import GRDB

/// Completes summaries into full stories (body, tags, corrections) with one query per kind for the whole list.
enum ArticleDetails {
    /// How a statement picks its stories: one id bound as is, or several as a JSON array walked with `json_each` (so
    /// that one cached statement serves any number; see `SummaryQuery.fromIDs`). A story page asks for one, and
    /// `json_each` cost a few microseconds a statement there.
    private enum Match {
        case one, many

        /// `FROM tables WHERE key` picks the stories.
        func from(_ tables: String, key: String) -> String {
            switch self {
            case .one: "FROM \(tables) WHERE \(key) = ?"
            case .many: "\(SummaryQuery.fromIDs) \(tables) WHERE \(key) = ids.value"
            }
        }
    }

    /// The stories' bodies, tags and corrections, for lists (feeds).
    static func attach(_ db: Database, to summaries: [ArticleSummary]) throws -> [Article] {
        guard !summaries.isEmpty else { return [] }
        let ids = SummaryQuery.jsonList(ids: SummaryQuery.distinct(summaries.map(\.id)))
        var bodies: [Int64: (guid: String, html: String, words: Int)] = [:]
        try db.cachedStatement(sql: bodiesForMany)
            .forEachRow(arguments: [ids]) { row in bodies[row.int64(0)] = (row.text(1), row.text(2), row.int(3)) }
        let tags = try tags(db, .many, [ids])
        let corrections = try corrections(db, .many, [ids])
        return summaries.compactMap { summary in
            guard let body = bodies[summary.id] else { return nil }
            return Article(
                summary: summary, guid: body.guid, bodyHTML: body.html, wordCount: body.words,
                tags: tags[summary.id] ?? [], corrections: corrections[summary.id] ?? []
            )
        }
    }

    /// One story whose body was read with its row: its tags and corrections.
    static func complete(_ db: Database, _ summary: ArticleSummary, guid: String, bodyHTML: String, wordCount: Int) throws -> Article {
        let arguments: StatementArguments = [summary.id]
        return Article(
            summary: summary, guid: guid, bodyHTML: bodyHTML, wordCount: wordCount,
            tags: try tags(db, .one, arguments)[summary.id] ?? [], corrections: try corrections(db, .one, arguments)[summary.id] ?? []
        )
    }

    private static func tagsSQL(_ match: Match) -> String {
        "SELECT at.article_id, t.id, t.slug, t.name \(match.from("article_tags at JOIN tags t ON t.id = at.tag_id", key: "at.article_id")) ORDER BY t.name"
    }

    private static func correctionsSQL(_ match: Match) -> String {
        "SELECT c.article_id, c.id, c.kind, c.text, c.created_at \(match.from("corrections c", key: "c.article_id")) ORDER BY c.created_at, c.id"
    }

    private static let bodiesForMany = """
        SELECT a.id, a.guid, b.body_html, a.word_count \(Match.many.from("articles a JOIN article_bodies b ON b.article_id = a.id", key: "a.id"))
        """

    /// Built once each: statements are cached by their text, which is hashed on every use.
    private static let tagsForOne = tagsSQL(.one), tagsForMany = tagsSQL(.many)
    private static let correctionsForOne = correctionsSQL(.one), correctionsForMany = correctionsSQL(.many)

    private static func tags(_ db: Database, _ match: Match, _ arguments: StatementArguments) throws -> [Int64: [Tag]] {
        var tags: [Int64: [Tag]] = [:]
        try db.cachedStatement(sql: match == .one ? tagsForOne : tagsForMany).forEachRow(arguments: arguments) { row in
            tags[row.int64(0), default: []].append(Tag(id: row.int64(1), slug: row.text(2), name: row.text(3)))
        }
        return tags
    }

    private static func corrections(_ db: Database, _ match: Match, _ arguments: StatementArguments) throws -> [Int64: [Correction]] {
        var corrections: [Int64: [Correction]] = [:]
        try db.cachedStatement(sql: match == .one ? correctionsForOne : correctionsForMany).forEachRow(arguments: arguments) { row in
            corrections[row.int64(0), default: []].append(
                Correction(id: row.int64(1), kind: Correction.Kind(rawValue: row.text(2)) ?? .correction, text: row.text(3), createdAt: row.date(4))
            )
        }
        return corrections
    }
}

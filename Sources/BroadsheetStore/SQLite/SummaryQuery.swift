import BroadsheetCore
import Foundation
import GRDB

/// What the rows of a list are read as: the columns selected (from `SummaryQuery.tables`), the story's id first, and
/// how one row becomes one item.
struct RowShape<Item> {
    let columns: String
    /// The tables, as a FROM clause.
    let from: String
    let decode: (ColumnReader) throws -> Item

    /// Whole summaries, without bylines.
    static func summaries(_ sections: SectionDirectory) -> RowShape<ArticleSummary> {
        RowShape<ArticleSummary>(columns: SummaryQuery.columns, from: SummaryQuery.from) { try RowDecoding.summary($0, sections: sections) }
    }

    /// Stories as lists show them: the kept card, when there is one (a story without one has its summary read after).
    static var listed: RowShape<ListedRow> {
        RowShape<ListedRow>(columns: SummaryQuery.listedColumns, from: SummaryQuery.listedFrom) { RowDecoding.listed($0) }
    }
}

/// A row of `SummaryQuery.listedColumns`.
struct ListedRow: Identifiable {
    let id: Int64
    let sectionID: Int64
    let publishedAt: Date
    let hasLeadImage: Bool
    let card: RenderedCard?
}

/// The SQL that lists published stories, shared by every list (front page, section, author, tag, search).
enum SummaryQuery {
    /// Columns decoded by `RowDecoding.summary`, by position (keep the two in step), from `articles a` and lead image
    /// `li`. The section comes from a `SectionDirectory` by id.
    static let columns = """
        a.id, a.slug, a.headline, a.standfirst, a.published_at, a.content_updated_at,
        a.lead_image_alt, a.lead_image_caption, a.lead_image_credit, a.source_name, a.source_url,
        a.source_author, a.source_published_at, a.section_id,
        li.sha256 AS lead_sha256, li.media_type AS lead_media_type, li.width AS lead_width, li.height AS lead_height,
        li.byte_size AS lead_byte_size
        """
    /// How many columns `columns` names; a query may add its own after them.
    static let columnCount: Int32 = 19

    /// Columns decoded by `RowDecoding.listed`, by position, from `listedFrom`: what a list needs of a story whose
    /// card is kept (its card, and what the page fills in or picks by), for `ReaderSnapshot.listedStories`.
    /// A lead picture counts as `RowDecoding.summary` counts it: one of a known type. (Compared one by one: an `IN`
    /// list of constants makes SQLite build a temporary table on every run of the statement, a few percent of a
    /// front page.)
    static let listedColumns = """
        a.id, a.section_id, a.published_at,
        li.sha256 IS NOT NULL AND (\(ImageMediaType.allCases.map { "li.media_type = '\($0.rawValue)'" }.joined(separator: " OR "))),
        sc.head, sc.tail
        """

    /// The story and its lead picture.
    static let tables = "articles a LEFT JOIN images li ON li.id = a.lead_image_id"
    static let from = "FROM \(tables)"
    /// The same with the story's kept card (`story_cards`, when it has one), for `listedColumns`.
    static let listedFrom = "\(from) LEFT JOIN story_cards sc ON sc.article_id = a.id"

    /// The start of a statement over stories (or their rows in another table) picked by ids bound as one JSON array:
    /// `json_each` walked in order, each id looked up by its key (`... WHERE a.id = ids.value`). The form
    /// `IN (SELECT value FROM json_each(?))` first builds a temporary index of the ids, which was about half of what
    /// a list's bylines cost. The ids must be distinct, or rows repeat.
    static let fromIDs = "FROM json_each(?) ids CROSS JOIN"

    static let newestFirst = "ORDER BY a.published_at DESC, a.id DESC"
    /// Most recently published or updated (substantively, or by a correction) first: the order of feeds.
    static let lastChangedFirst = "ORDER BY a.changed_at DESC, a.id DESC"

    /// Fetches rows, attaches bylines (unless the caller does it for several pages at once), and reports whether
    /// more rows follow the page.
    static func page(
        _ db: Database, sections: SectionDirectory, where condition: String, arguments: StatementArguments, page: PageRequest,
        order: String = newestFirst, attachingAuthors: Bool = true
    ) throws -> Page<ArticleSummary> {
        var result = try self.page(db, shape: .summaries(sections), where: condition, arguments: arguments, page: page, order: order)
        if attachingAuthors { result.items = try attachAuthors(db, to: result.items) }
        return result
    }

    /// A page of rows read as `shape` says, and whether more rows follow it. Without bylines.
    static func page<Item>(
        _ db: Database, shape: RowShape<Item>, where condition: String, arguments: StatementArguments, page: PageRequest,
        order: String = newestFirst
    ) throws -> Page<Item> {
        // The row after the page is read only to tell whether there is more: it is counted, not decoded.
        let (rows, included) = try rows(
            db, shape: shape, where: condition, arguments: arguments, order: order, limit: page.size + 1, offset: page.offset,
            decoding: 0..<page.size
        )
        return Page(items: rows, request: page, hasMore: included > page.size)
    }

    /// Other stories from the story's section, newest first, at most `limit` (1 to 20): a list that shows no "more"
    /// link, so no row past the limit is read. Without bylines.
    static func page<Item>(_ db: Database, shape: RowShape<Item>, related article: ArticleSummary, limit: Int) throws -> [Item] {
        let limit = max(1, min(limit, 20))
        return try rows(
            db, shape: shape, where: "a.section_id = ? AND a.id <> ?", arguments: [article.section.id, article.id], order: newestFirst,
            limit: limit, offset: 0, decoding: 0..<limit
        ).items
    }

    /// The most rows `page(excluding:)` reads to fill a page; past that, a `NOT IN` lets SQLite skip the rows.
    static let filteredReadLimit = 200

    /// A page of the list without the stories in `excluded`, of which at most `excludable` can be in the list: the
    /// first rows of the list, enough that after leaving those out the page and one more remain, filtered here
    /// rather than with a `NOT IN` over the ids bound as JSON. Only the page's rows are decoded: a front page's
    /// section lists read about twice the stories they show, and decoding the others' cards was wasted. Without
    /// bylines.
    static func page<Item>(
        _ db: Database, shape: RowShape<Item>, where condition: String, arguments: StatementArguments, page: PageRequest,
        excluding excluded: Set<Int64>, excludable: Int
    ) throws -> Page<Item> {
        let wanted = page.offset + page.size + 1
        let (items, included) = try rows(
            db, shape: shape, where: condition, arguments: arguments, order: newestFirst, limit: wanted + excludable, offset: 0,
            excluding: excluded, decoding: page.offset..<(page.offset + page.size)
        )
        return Page(items: items, request: page, hasMore: included >= wanted)
    }

    /// Reads up to `limit` rows of the list from `offset` on. A row whose id (the shape's first column) is in
    /// `excluded` is left out; of the rows left, those at the positions in `decoding` are decoded and returned, and
    /// the others only counted. Returns the decoded rows, in order, and how many rows were left.
    private static func rows<Item>(
        _ db: Database, shape: RowShape<Item>, where condition: String, arguments: StatementArguments, order: String, limit: Int, offset: Int,
        excluding excluded: Set<Int64> = [], decoding wanted: Range<Int>
    ) throws -> (items: [Item], included: Int) {
        let sql = listSQL(columns: shape.columns, from: shape.from, where: condition, order: order)
        var items: [Item] = []
        items.reserveCapacity(min(wanted.count, 128))
        var included = 0
        try db.cachedStatement(sql: sql).forEachRow(arguments: arguments + [limit, offset]) { row in
            if !excluded.isEmpty, excluded.contains(row.int64(0)) { return }
            if wanted.contains(included) { items.append(try shape.decode(row)) }
            included += 1
        }
        return (items, included)
    }

    /// The statement that reads a list's rows; its arguments are the condition's, then the limit and the offset.
    static func listSQL(columns: String, from: String, where condition: String, order: String) -> String {
        "SELECT \(columns) \(from) WHERE a.status = 'published' AND \(condition) \(order) LIMIT ? OFFSET ?"
    }

    /// The published stories with these ids, in the order of `ids`, with bylines.
    static func summaries(_ db: Database, sections: SectionDirectory, ids: [Int64]) throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let list = jsonList(ids: distinct(ids))
        var rows: [ArticleSummary] = []
        rows.reserveCapacity(ids.count)
        try db.cachedStatement(sql: summariesByID)
            .forEachRow(arguments: [list]) { rows.append(try RowDecoding.summary($0, sections: sections)) }
        var byID: [Int64: ArticleSummary] = [:]
        for summary in try attachAuthors(db, to: rows) { byID[summary.id] = summary }
        return ids.compactMap { byID[$0] }
    }

    private static let summariesByID = "SELECT \(columns) \(fromIDs) \(tables) WHERE a.id = ids.value AND a.status = 'published'"

    /// The ids in their first order, each once.
    static func distinct(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>(minimumCapacity: ids.count)
        return ids.filter { seen.insert($0).inserted }
    }

    /// The stories' ids as a JSON array, bound as one parameter and read with `json_each` so the statement can be cached.
    static func jsonList(_ summaries: [ArticleSummary]) -> String {
        jsonList(ids: summaries.map(\.id))
    }

    static func jsonList(ids: [Int64]) -> String {
        // Written in place: a front page binds seven of these, and building them from `String(id)` pieces was a few
        // percent of its reads. Ids are rowids, never negative; were one negative, the plain way still serves.
        guard ids.allSatisfy({ $0 >= 0 }) else { return "[" + ids.map { String($0) }.joined(separator: ",") + "]" }
        return ASCIIWriter.string(capacity: 2 + ids.count * 20) { out in  // 19 digits and a comma at most per id
            out.text("[")
            for (index, id) in ids.enumerated() {
                if index > 0 { out.text(",") }
                out.number(Int(id))
            }
            out.text("]")
        }
    }

    /// Fills in each story's byline, in byline order, with one query for the whole list.
    static func attachAuthors(_ db: Database, to summaries: [ArticleSummary]) throws -> [ArticleSummary] {
        var summaries = summaries
        let bylines = try bylines(db, ids: summaries.map(\.id))
        for index in summaries.indices { summaries[index].authors = bylines[summaries[index].id] ?? [] }
        return summaries
    }

    /// The bylines of these stories, each in byline order: which authors, then each author once. A list names the
    /// same few authors many times over, and reading an author's columns (the bio, the photo) for every byline cost
    /// a front page twice as much as the two statements do.
    static func bylines(_ db: Database, ids: [Int64]) throws -> [Int64: [Author]] {
        guard !ids.isEmpty else { return [:] }
        var pairs: [(article: Int64, position: Int64, author: Int64)] = []
        pairs.reserveCapacity(ids.count)
        try db.cachedStatement(sql: bylinePairs)
            .forEachRow(arguments: [jsonList(ids: distinct(ids))]) { row in pairs.append((row.int64(0), row.int64(1), row.int64(2))) }
        guard !pairs.isEmpty else { return [:] }
        // In byline order, sorted here: an ORDER BY would sort them in a temporary table (a few dozen pairs).
        pairs.sort { ($0.article, $0.position, $0.author) < ($1.article, $1.position, $1.author) }
        var authors: [Int64: Author] = [:]
        try db.cachedStatement(sql: authorsByID)
            .forEachRow(arguments: [jsonList(ids: distinct(pairs.map { $0.author }))]) { row in
                let author = RowDecoding.author(row, at: 0)
                authors[author.id] = author
            }
        var byArticle: [Int64: [Author]] = Dictionary(minimumCapacity: ids.count)
        for pair in pairs {
            // The foreign key forbids a byline without its author; a damaged row is left out rather than shown empty.
            if let author = authors[pair.author] { byArticle[pair.article, default: []].append(author) }
        }
        return byArticle
    }

    /// One story's byline, in order, in one statement.
    static func byline(_ db: Database, id: Int64) throws -> [Author] {
        var byline: [Author] = []
        try db.cachedStatement(sql: bylineOfOne)
            .forEachRow(arguments: [id]) { row in byline.append(RowDecoding.author(row, at: 0)) }
        return byline
    }

    /// Columns decoded by `RowDecoding.author(_:at:)`, from `authors au` and its photo.
    private static let authorSelect = """
        SELECT au.id, au.slug, au.name, au.role, au.bio,
               p.sha256 AS photo_sha256, p.media_type AS photo_media_type, p.width AS photo_width, p.height AS photo_height
        """
    private static let authorTables = "authors au LEFT JOIN images p ON p.id = au.photo_image_id"
    static let authorColumns = "\(authorSelect) FROM \(authorTables)"

    // Statements, their text built once (statements are found in the cache by their text).
    private static let bylinePairs = "SELECT aa.article_id, aa.position, aa.author_id \(fromIDs) article_authors aa WHERE aa.article_id = ids.value"
    private static let authorsByID = "\(authorSelect) \(fromIDs) \(authorTables) WHERE au.id = ids.value"
    private static let bylineOfOne = "\(authorColumns) JOIN article_authors aa ON aa.author_id = au.id WHERE aa.article_id = ? ORDER BY aa.position"
    static let authorBySlug = "\(authorColumns) WHERE au.slug = ?"
}

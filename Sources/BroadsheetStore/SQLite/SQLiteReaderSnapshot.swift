import BroadsheetCore
import GRDB

/// Core's `ReaderSnapshot` over one database connection inside one read transaction. The store's async reads wrap
/// these in a read of their own; a page's `readSnapshot` makes several in one.
struct SQLiteReaderSnapshot: ReaderSnapshot {
    let db: Database
    /// The sections of this read, for its story rows.
    let directory: SectionDirectory

    /// `sections`: the store's memo of the sections, for pages' reads.
    init(db: Database, sections: SectionsMemo? = nil) {
        self.db = db
        directory = SectionDirectory(db: db, memo: sections)
    }

    /// On every page, for the navigation; the page's story rows then take their sections from these.
    func sections() throws -> [Section] {
        try directory.all()
    }

    func authors() throws -> [Author] {
        var authors: [Author] = []
        try db.cachedStatement(sql: "\(SummaryQuery.authorColumns) ORDER BY au.name").forEachRow(arguments: []) { row in
            authors.append(RowDecoding.author(row, at: 0))
        }
        return authors
    }

    func section(slug: String) throws -> Section? {
        var found: Section?
        try db.cachedStatement(sql: "SELECT id, slug, name, description, position FROM sections WHERE slug = ?")
            .forEachRow(arguments: [slug]) { found = RowDecoding.section($0) }
        return found
    }

    func author(slug: String) throws -> Author? {
        var found: Author?
        try db.cachedStatement(sql: SummaryQuery.authorBySlug)
            .forEachRow(arguments: [slug]) { found = RowDecoding.author($0, at: 0) }
        return found
    }

    func tag(slug: String) throws -> Tag? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, slug, name FROM tags WHERE slug = ?"), arguments: [slug])
            .map(RowDecoding.tag)
    }

    func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) throws -> Page<ArticleSummary> {
        let (condition, arguments) = Self.condition(for: filter)
        return try SummaryQuery.page(db, sections: directory, where: condition, arguments: arguments, page: page)
    }

    func publishedArticleLists(_ lists: [ArticleListRequest]) throws -> [Page<ArticleSummary>] {
        var pages = try read(lists, as: .summaries(directory)) { $0.section.id }
        // Every list's bylines in one query, filled in where the stories already are.
        let bylines = try SummaryQuery.bylines(db, ids: pages.flatMap { $0.items.map(\.id) })
        for page in pages.indices {
            for index in pages[page].items.indices { pages[page].items[index].authors = bylines[pages[page].items[index].id] ?? [] }
        }
        return pages
    }

    func listedStories(_ lists: [ArticleListRequest]) throws -> [Page<ListedStory>] {
        let pages = try read(lists, as: .listed) { $0.sectionID }
        return try zip(pages, completed(pages.map(\.items))).map { Page(items: $1, request: $0.request, hasMore: $0.hasMore) }
    }

    /// Lists of rows as stories: kept cards as they are; the stories without one whole, in one read (with their
    /// bylines). In this snapshot, every one is there.
    private func completed(_ lists: [[ListedRow]]) throws -> [[ListedStory]] {
        var summaries: [Int64: ArticleSummary] = [:]
        let unkept = lists.flatMap { $0.filter { $0.card == nil }.map(\.id) }
        for summary in try SummaryQuery.summaries(db, sections: directory, ids: unkept) { summaries[summary.id] = summary }
        return lists.map { rows in
            rows.compactMap { row in
                guard let card = row.card else { return summaries[row.id].map(ListedStory.init) }
                return ListedStory(id: row.id, sectionID: row.sectionID, publishedAt: row.publishedAt, hasLeadImage: row.hasLeadImage, shown: .kept(card))
            }
        }
    }

    func publishedSummaries(ids: [Int64]) throws -> [ArticleSummary] {
        try SummaryQuery.summaries(db, sections: directory, ids: ids)
    }

    /// The lists, each read as `shape` says, without bylines; a list that leaves out the earlier lists' stories
    /// leaves them out here.
    private func read<Item: Identifiable>(
        _ lists: [ArticleListRequest], as shape: RowShape<Item>, section: (Item) -> Int64
    ) throws -> [Page<Item>] where Item.ID == Int64 {
        var shown: [(id: Int64, section: Int64)] = []
        return try lists.map { list in
            let (condition, arguments) = Self.condition(for: list.filter)
            let result: Page<Item>
            if list.excludingEarlierLists, !shown.isEmpty {
                // Of the stories already shown, only those in the section can turn up in a section's list.
                let excludable = if case .section(let id) = list.filter { shown.count { $0.section == id } } else { shown.count }
                if list.page.offset + list.page.size + 1 + excludable <= SummaryQuery.filteredReadLimit {
                    result = try SummaryQuery.page(
                        db, shape: shape, where: condition, arguments: arguments, page: list.page,
                        excluding: Set(shown.map { $0.id }), excludable: excludable
                    )
                } else {
                    // A deep page or many stories to leave out: SQLite skips them, rather than every row being read here.
                    result = try SummaryQuery.page(
                        db, shape: shape, where: condition + " AND a.id NOT IN (SELECT value FROM json_each(?))",
                        arguments: arguments + [SummaryQuery.jsonList(ids: shown.map { $0.id })], page: list.page
                    )
                }
            } else {
                result = try SummaryQuery.page(db, shape: shape, where: condition, arguments: arguments, page: list.page)
            }
            shown += result.items.map { ($0.id, section($0)) }
            return result
        }
    }

    /// The SQL condition on `articles a` that selects a list's stories.
    static func condition(for filter: ArticleListFilter) -> (String, StatementArguments) {
        switch filter {
        case .all: ("1", [])
        case .section(let id): ("a.section_id = ?", [id])
        // EXISTS lets SQLite walk the newest-first index and stop after one page; IN would sort all of an author's stories.
        case .author(let id): ("EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = ?)", [id])
        case .tag(let id): ("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ?)", [id])
        }
    }

    func articleMoved(fromSlug slug: String) throws -> ArticleSummary? {
        guard let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT article_id FROM slug_redirects WHERE old_slug = ?"), arguments: [slug]
        ) else { return nil }
        return try SummaryQuery.summaries(db, sections: directory, ids: [id]).first
    }

    func publishedCorrections(page: PageRequest) throws -> Page<PublishedCorrection> {
        var rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT c.id, c.article_id, c.kind, c.text, c.created_at FROM corrections c
                JOIN articles a ON a.id = c.article_id AND a.status = 'published'
                ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?
                """),
            arguments: [page.size + 1, page.offset]
        )
        let hasMore = rows.count > page.size
        if hasMore { rows.removeLast() }
        var stories: [Int64: ArticleSummary] = [:]
        for story in try SummaryQuery.summaries(db, sections: directory, ids: Array(Set(rows.map { $0["article_id"] as Int64 }))) { stories[story.id] = story }
        let items = rows.compactMap { row -> PublishedCorrection? in
            guard let story = stories[row["article_id"]] else { return nil }
            let correction = Correction(id: row["id"], kind: Correction.Kind(rawValue: row["kind"]) ?? .correction, text: row["text"], createdAt: row["created_at"])
            return PublishedCorrection(correction: correction, story: story)
        }
        return Page(items: items, request: page, hasMore: hasMore)
    }

    /// Built once: a statement is found in the cache by its text, so a page should not build the text each time.
    private static let storyBySlug = """
        SELECT \(SummaryQuery.columns), a.guid, b.body_html, a.word_count \(SummaryQuery.from)
        JOIN article_bodies b ON b.article_id = a.id
        WHERE a.slug = ? AND a.status = 'published'
        """

    /// The story with its body in one row, then its byline, tags and corrections: four statements, each with the id
    /// bound as is.
    func publishedArticle(slug: String) throws -> Article? {
        var found: (summary: ArticleSummary, guid: String, bodyHTML: String, wordCount: Int)?
        try db.cachedStatement(sql: Self.storyBySlug)
            .forEachRow(arguments: [slug]) { row in
                let next = SummaryQuery.columnCount
                found = (try RowDecoding.summary(row, sections: directory), row.text(next), row.text(next + 1), row.int(next + 2))
            }
        guard var found else { return nil }
        found.summary.authors = try SummaryQuery.byline(db, id: found.summary.id)
        return try ArticleDetails.complete(db, found.summary, guid: found.guid, bodyHTML: found.bodyHTML, wordCount: found.wordCount)
    }

    private static let storyPageBySlug = """
        SELECT \(SummaryQuery.columns), fi.item, sc.article_id IS NOT NULL \(SummaryQuery.from)
        LEFT JOIN story_cards sc ON sc.article_id = a.id
        LEFT JOIN story_feed_items fi ON fi.article_id = a.id AND fi.format = ?
        WHERE a.slug = ? AND a.status = 'published'
        """

    /// The story's row with its kept page parts, in one statement; without them, the story whole (four more).
    func storyPage(slug: String, keptAs format: String) throws -> StoryPage? {
        var found: (summary: ArticleSummary, kept: String?, hasCard: Bool)?
        try db.cachedStatement(sql: Self.storyPageBySlug)
            .forEachRow(arguments: [format, slug]) { row in
                let next = SummaryQuery.columnCount
                found = (try RowDecoding.summary(row, sections: directory), row.optionalText(next), row.int64(next + 1) != 0)
            }
        guard let found else { return nil }
        if let kept = found.kept { return StoryPage(summary: found.summary, shown: .kept(kept)) }
        // Parts rendered from this read can be kept only beside a kept card, and only at this content version.
        let version = found.hasCard ? try contentVersion() : nil
        guard let article = try publishedArticle(slug: slug) else { return nil }
        return StoryPage(summary: article.summary, shown: .whole(article, keepAt: version))
    }

    func keptItem(storyID: Int64, format: String) throws -> String? {
        var item: String?
        try db.cachedStatement(sql: "SELECT item FROM story_feed_items WHERE article_id = ? AND format = ?")
            .forEachRow(arguments: [storyID, format]) { item = $0.text(0) }
        return item
    }

    func contentVersion() throws -> Int64 {
        try ContentVersionSQL.read(db)
    }

    func relatedArticles(to article: ArticleSummary, limit: Int) throws -> [ArticleSummary] {
        try SummaryQuery.attachAuthors(db, to: SummaryQuery.page(db, shape: .summaries(directory), related: article, limit: limit))
    }

    func relatedStories(to article: ArticleSummary, limit: Int) throws -> [ListedStory] {
        try completed([SummaryQuery.page(db, shape: .listed, related: article, limit: limit)])[0]
    }
}

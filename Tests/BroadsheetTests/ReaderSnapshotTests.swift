import BroadsheetCore
import Foundation
import GRDB
import Testing

@testable import BroadsheetStore

@Suite("A reader's page reads in one snapshot")
struct ReaderSnapshotTests {
    @Test("a snapshot holds what the separate reads return")
    func sameAsSeparateReads() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("First story", hoursAgo: 3, tags: ["Harbour"]),
            fixture.story("Second story", hoursAgo: 2, section: fixture.business, authors: [fixture.ana, fixture.ben]),
            fixture.story("Third story", hoursAgo: 1)
        )
        let (article, related, relatedCards, sections) = try await fixture.store.readSnapshot { snapshot in
            let article = try #require(try snapshot.publishedArticle(slug: "first-story"))
            return (
                article, try snapshot.relatedArticles(to: article.summary, limit: 4), try snapshot.relatedStories(to: article.summary, limit: 4),
                try snapshot.sections()
            )
        }
        let separate = try #require(try await fixture.store.publishedArticle(slug: "first-story"))
        #expect(article.summary == separate.summary)
        #expect(article.bodyHTML == separate.bodyHTML)
        #expect(article.tags.map(\.name) == ["Harbour"])
        #expect(related.map(\.headline) == ["Third story"])
        // No card is kept in this store: the same story comes whole as a card to render.
        #expect(relatedCards.map(\.shown) == related.map { .summary($0) })
        #expect(sections == (try await fixture.store.sections()))
        #expect(sections.map(\.slug) == ["world", "business", "letters"])
    }

    @Test("a story read alone (its id bound as is) equals the same story read in a list (ids as JSON): byline order, photo, tags, corrections")
    func oneStoryEqualsListedStory() async throws {
        let fixture = try await Fixture.make()
        // Ben was created after Ana, so a byline "Ben, Ana" is not in id order; only Ana has a photo.
        try await fixture.add(
            fixture.story("Two bylines", hoursAgo: 3, authors: [fixture.ben, fixture.ana], tags: ["Zebra crossings", "Harbour"]),
            fixture.story("One byline", hoursAgo: 2, authors: [fixture.ana], leadImage: true),
            fixture.story("Other order", hoursAgo: 1, authors: [fixture.ana, fixture.ben]),
            // A republished partner story may carry no byline of ours.
            fixture.story("No byline", hoursAgo: 4, authors: [])
        )
        let corrected = try #require(try await fixture.store.publishedArticle(slug: "two-bylines"))
        _ = try await fixture.store.addCorrection(storyID: corrected.id, kind: .correction, text: "A name was misspelt.", at: Fixture.now)
        _ = try await fixture.store.addCorrection(storyID: corrected.id, kind: .clarification, text: "The date was unclear.", at: Fixture.now.addingTimeInterval(60))

        let listed = try await fixture.store.feedArticles(.all, limit: 10)
        #expect(listed.map(\.summary.headline) == ["Two bylines", "Other order", "One byline", "No byline"])
        let (alone, lists) = try await fixture.store.readSnapshot { snapshot in
            let alone = try ["two-bylines", "one-byline", "other-order", "no-byline"].map { try #require(try snapshot.publishedArticle(slug: $0)) }
            return (alone, try snapshot.publishedArticleLists([ArticleListRequest(.all, page: PageRequest(number: 1, size: 10)!)]))
        }
        for article in alone {
            #expect(listed.first { $0.id == article.id } == article)
            #expect(lists[0].items.first { $0.id == article.id } == article.summary)
        }
        #expect(alone[0].summary.authors.map(\.slug) == ["ben-okafor", "ana-ruiz"])
        #expect(alone[0].summary.authors.map { $0.photo != nil } == [false, true])
        #expect(alone[0].summary.authors[1].bio == "Ana covers the courts.")
        #expect(alone[2].summary.authors.map(\.slug) == ["ana-ruiz", "ben-okafor"])
        #expect(alone[0].tags.map(\.name) == ["Harbour", "Zebra crossings"])
        #expect(alone[0].corrections.map(\.text) == ["A name was misspelt.", "The date was unclear."])
        #expect(alone[1].tags.isEmpty && alone[1].corrections.isEmpty && alone[1].summary.leadImage != nil)
        #expect(alone[3].summary.authors.isEmpty)
    }

    @Test("a story in two lists of one read has its byline once in each, in byline order (ids are bound once each)")
    func storyInTwoLists() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Shared", hoursAgo: 1, section: fixture.business, authors: [fixture.ben, fixture.ana], tags: ["Harbour"]),
            fixture.story("Elsewhere", hoursAgo: 2, authors: [fixture.ana])
        )
        let shared = try #require(try await fixture.store.publishedArticle(slug: "shared"))
        _ = try await fixture.store.addCorrection(storyID: shared.id, kind: .correction, text: "Once only.", at: Fixture.now)
        let page = PageRequest(number: 1, size: 5)!
        let lists = try await fixture.store.readSnapshot { snapshot in
            try snapshot.publishedArticleLists([
                ArticleListRequest(.all, page: page), ArticleListRequest(.section(id: fixture.business.id), page: page),
                ArticleListRequest(.author(id: fixture.ben.id), page: page),
            ])
        }
        #expect(lists.map { $0.items.map(\.headline) } == [["Shared", "Elsewhere"], ["Shared"], ["Shared"]])
        for list in lists { #expect(list.items[0].authors.map(\.slug) == ["ben-okafor", "ana-ruiz"]) }
        // Search reads its stories by id too.
        let found = try await fixture.store.search(SearchRequest(query: SearchQuery("shared")), page: page)
        #expect(found.page.items.map(\.story.authors.count) == [2])
        let feed = try await fixture.store.feedArticles(.all, limit: 5)
        #expect(feed.first { $0.id == shared.id }.map { ($0.tags.count, $0.corrections.count, $0.summary.authors.count) }! == (1, 1, 2))
    }

    @Test("the story columns' count, kept by hand for the columns a story page reads after them, matches the column list")
    func summaryColumnCount() async throws {
        let fixture = try await Fixture.make()
        let count = try await fixture.store.pool.read { db in
            try db.makeStatement(sql: "SELECT \(SummaryQuery.columns) \(SummaryQuery.from)").columnCount
        }
        #expect(count == Int(SummaryQuery.columnCount))
    }

    @Test("a snapshot sees every write made before it: a new section, a new story")
    func seesEveryEarlierWrite() async throws {
        let fixture = try await Fixture.make()
        // Read first, so that the reader connections have read before the writes.
        for _ in 0..<3 { #expect(try await fixture.store.readSnapshot { try $0.sections().count } == 3) }
        _ = try await fixture.store.createSection(NewSection(slug: "sport", name: "Sport", description: "Games", position: 3))
        let ids = try await fixture.add(fixture.story("Fresh story"))
        let seen = try await fixture.store.readSnapshot { snapshot in
            (try snapshot.sections().map(\.slug), try snapshot.publishedArticle(slug: "fresh-story")?.id)
        }
        #expect(seen.0 == ["world", "business", "letters", "sport"])
        #expect(seen.1 == ids.first)
    }

    @Test("a snapshot whose reads fail leaves its connection out of any transaction: the next snapshots read as usual")
    func failedSnapshotLeavesNoTransaction() async throws {
        struct Abandoned: Error {}
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Kept story"))
        for _ in 0..<10 {
            await #expect(throws: Abandoned.self) {
                try await fixture.store.readSnapshot { snapshot -> Int in
                    _ = try snapshot.sections()
                    throw Abandoned()
                }
            }
            await #expect(throws: DatabaseError.self) {
                try await fixture.store.readSnapshot { snapshot in
                    try (snapshot as? SQLiteReaderSnapshot)?.db.execute(sql: "SELECT * FROM no_such_table")
                }
            }
        }
        // Sequential reads reuse the pool's first free reader, so these run on connections that saw the failures; a
        // transaction left open would keep their snapshot from seeing the new story.
        _ = try await fixture.add(fixture.story("Later story", hoursAgo: 0.5))
        for _ in 0..<5 {
            let slugs = try await fixture.store.readSnapshot { try $0.publishedArticles(.all, page: PageRequest(number: 1, size: 10)!).items.map(\.slug) }
            #expect(slugs == ["later-story", "kept-story"])
        }
    }

    @Test("many concurrent snapshots alongside the pool's own reads all finish")
    func concurrentReadsFinish() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(contentsOf: (0..<20).map { fixture.story("Story \($0)", hoursAgo: Double($0 + 1)) })
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        return try await fixture.store.readSnapshot { try $0.publishedArticles(.all, page: PageRequest(number: 1, size: 5)!).items.count }
                    }
                    return try await fixture.store.publishedArticles(.all, page: PageRequest(number: 1, size: 5)!).items.count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 200)
        #expect(counts.allSatisfy { $0 == 5 })
    }

    @Test("a statement that fails while stepping throws SQLite's message and can be run again")
    func steppingErrors() throws {
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: "SELECT value FROM json_each(?)")
            #expect {
                try statement.forEachRow(arguments: ["not json"]) { _ in }
            } throws: { error in
                (error as? DatabaseError)?.message?.contains("JSON") == true
            }
            var values: [Int64] = []
            try statement.forEachRow(arguments: ["[4,5,6]"]) { values.append($0.int64(0)) }
            #expect(values == [4, 5, 6])
            // Wrong argument counts are refused before anything runs.
            #expect(throws: DatabaseError.self) { try statement.forEachRow(arguments: []) { _ in } }
        }
    }
}

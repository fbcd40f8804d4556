import BroadsheetCore
@testable import BroadsheetStore
import GRDB
import Foundation
import Synchronization
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("migrating twice is harmless and the file is created on disk")
    func migrations() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("fresh.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(try store.needsMigration())
        try store.migrate()
        try store.migrate()
        #expect(try !store.needsMigration())
        #expect(FileManager.default.fileExists(atPath: path))
        // A second process-like opening of the same file sees the same schema.
        #expect(try !SQLiteStore(path: path).needsMigration())
    }

    @Test("no connection maps the file into memory, so pages read are not left counted as the server's resident memory")
    func memoryMap() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("mapped.sqlite"))
        try store.migrate()
        let read = try await store.pool.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") }
        let written = try await store.pool.write { try Int.fetchOne($0, sql: "PRAGMA mmap_size") }
        #expect(read == 0)
        #expect(written == 0)
    }

    @Test("a path that cannot be written stops with a message naming the path and the reason")
    func unwritable() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("no/such/dir/db.sqlite")
        #expect {
            try SQLiteStore(path: missing)
        } throws: { error in
            "\(error)".contains(missing) && "\(error)".contains("does not exist")
        }
        #expect {
            try SQLiteStore(path: directory.url.path)
        } throws: { error in
            "\(error)".contains("is a directory")
        }
        // A "directory" that is really a file cannot hold a database, whoever runs the tests (root included).
        let file = directory.path("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            try SQLiteStore(path: file + "/db.sqlite")
        } throws: { error in
            "\(error)".contains("does not exist")
        }
    }

    @Test("a file that is not a database is refused with a clear error")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try Data(repeating: 0x41, count: 4_096).write(to: URL(fileURLWithPath: path))
        #expect {
            let store = try SQLiteStore(path: path)
            try store.migrate()
        } throws: { error in
            "\(error)".contains(path)
        }
    }

    @Test("stories come back with their byline order, section, image, tags and source")
    func roundTrip() async throws {
        let fixture = try await Fixture.make()
        let source = StorySource(outletName: "Valley Ledger", url: URL(string: "https://ledger.example/story")!)
        try await fixture.add(fixture.story(
            "Two bylines", authors: [fixture.ben, fixture.ana], tags: ["Ferries", "Local politics", "Ferries"], leadImage: true, source: source
        ))
        let article = try #require(try await fixture.store.publishedArticle(slug: "two-bylines"))
        #expect(article.summary.authors.map(\.slug) == ["ben-okafor", "ana-ruiz"])
        #expect(article.summary.section.slug == "world")
        #expect(article.summary.leadImage?.image == fixture.image)
        #expect(article.summary.leadImage?.credit == "Photo: Test Desk")
        #expect(article.summary.source == source)
        #expect(article.tags.map(\.name) == ["Ferries", "Local politics"])
        #expect(article.guid.hasPrefix("urn:uuid:"))
        #expect(article.bodyHTML.contains("<p>First paragraph of the story.</p>"))
        #expect(try await fixture.store.tag(slug: "local-politics")?.name == "Local politics")
    }

    @Test("only published stories are visible to readers, newest first, paginated")
    func visibility() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Oldest", hoursAgo: 30), fixture.story("Middle", hoursAgo: 20), fixture.story("Newest", hoursAgo: 10),
            fixture.story("A draft", status: .draft), fixture.story("In review", status: .inReview),
            fixture.story("Scheduled", status: .scheduled), fixture.story("Pulled", status: .unpublished)
        )
        let first = try await fixture.store.publishedArticles(.all, page: PageRequest(number: 1, size: 2)!)
        #expect(first.items.map(\.headline) == ["Newest", "Middle"])
        #expect(first.hasMore)
        let second = try await fixture.store.publishedArticles(.all, page: PageRequest(number: 2, size: 2)!)
        #expect(second.items.map(\.headline) == ["Oldest"])
        #expect(!second.hasMore)
        #expect(try await fixture.store.publishedArticle(slug: "a-draft") == nil)
        #expect(try await fixture.store.publishedArticle(slug: "scheduled") == nil)
        #expect(try await fixture.store.feedArticles(.all, limit: 50).map(\.summary.headline) == ["Newest", "Middle", "Oldest"])
        #expect(try await fixture.store.articleCount() == 7)
    }

    @Test("lists filter by section, author and tag")
    func filters() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("World by Ana", tags: ["Rivers"]),
            fixture.story("Business by Ben", section: fixture.business, authors: [fixture.ben]),
            fixture.story("Business by both", section: fixture.business, authors: [fixture.ana, fixture.ben], tags: ["Rivers"])
        )
        let page = PageRequest(number: 1, size: 20)!
        let rivers = try #require(try await fixture.store.tag(slug: "rivers"))
        #expect(Set(try await fixture.store.publishedArticles(.section(id: fixture.business.id), page: page).items.map(\.headline)) == ["Business by Ben", "Business by both"])
        #expect(Set(try await fixture.store.publishedArticles(.author(id: fixture.ana.id), page: page).items.map(\.headline)) == ["World by Ana", "Business by both"])
        #expect(Set(try await fixture.store.publishedArticles(.tag(id: rivers.id), page: page).items.map(\.headline)) == ["World by Ana", "Business by both"])
    }

    @Test("a duplicate slug is refused and nothing of the failed batch is stored")
    func duplicateSlug() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Same", slug: "same"))
        await #expect(throws: PublicationWriteError.duplicateSlug("same")) {
            try await fixture.add(fixture.story("Fresh one", slug: "fresh-one"), fixture.story("Same again", slug: "same"))
        }
        #expect(try await fixture.store.articleCount() == 1)
        #expect(try await fixture.store.publishedArticle(slug: "fresh-one") == nil)
    }

    @Test("a story that names a missing section or author is refused")
    func missingReferences() async throws {
        let fixture = try await Fixture.make()
        var story = fixture.story("Nowhere")
        story.sectionID = 999
        await #expect(throws: PublicationWriteError.self) { try await fixture.store.createArticles([story]) }
        var orphan = fixture.story("Nobody")
        orphan.authorIDs = [999]
        await #expect(throws: PublicationWriteError.self) { try await fixture.store.createArticles([orphan]) }
        var undated = fixture.story("Undated")
        undated.publishedAt = nil
        await #expect(throws: PublicationWriteError.self) { try await fixture.store.createArticles([undated]) }
        #expect(try await fixture.store.articleCount() == 0)
    }

    @Test("images are stored once under the SHA-256 of their bytes, keeping what they were first stored as")
    func images() async throws {
        let fixture = try await Fixture.make()
        let again = try await fixture.store.storeImage(Data(Fixture.svg.utf8), mediaType: .svg, width: 1200, height: 675)
        #expect(again == fixture.image)
        let relabelled = try await fixture.store.storeImage(Data(Fixture.svg.utf8), mediaType: .png, width: 1, height: 1)
        #expect(relabelled == fixture.image, "the reference names the stored image, so its address works")
        #expect(fixture.image.sha256.count == 64)
        let loaded = try #require(try await fixture.store.image(sha256: fixture.image.sha256))
        #expect(loaded.bytes == Data(Fixture.svg.utf8))
        #expect(try await fixture.store.image(sha256: String(repeating: "0", count: 64)) == nil)
    }

    @Test("malformed slugs, empty names and non-web source addresses are refused before anything is written")
    func validation() async throws {
        let fixture = try await Fixture.make()
        await #expect(throws: PublicationWriteError.self) {
            try await fixture.store.createSection(NewSection(slug: "Bad Slug", name: "Bad", description: "", position: 5))
        }
        await #expect(throws: PublicationWriteError.self) {
            try await fixture.store.createAuthor(NewAuthor(slug: "x", name: "  ", role: "", bio: "", photo: nil))
        }
        await #expect(throws: PublicationWriteError.self) {
            try await fixture.store.createPartner(NewPartner(name: "Evil", homepage: URL(string: "javascript:alert(1)")!, feedURL: nil))
        }
        for address in ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example/x", "/relative"] {
            let source = StorySource(outletName: "Outlet", url: URL(string: address)!)
            await #expect(throws: PublicationWriteError.self, "\(address)") {
                try await fixture.add(fixture.story("Sourced", source: source))
            }
        }
        await #expect(throws: PublicationWriteError.self) {
            try await fixture.add(fixture.story("No outlet", source: StorySource(outletName: " ", url: URL(string: "https://a.example/")!)))
        }
        await #expect(throws: PublicationWriteError.self) { try await fixture.add(fixture.story("Slug", slug: "../etc/passwd")) }
        #expect(try await fixture.store.articleCount() == 0)
        #expect(try await fixture.store.sections().count == 3)
    }

    @Test("a database is empty until anything is created in it")
    func emptiness() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("e.sqlite"))
        try store.migrate()
        #expect(try await store.isEmpty())
        _ = try await store.createSection(NewSection(slug: "news", name: "News", description: "", position: 0))
        #expect(try await !store.isEmpty(), "a section alone makes it non-empty: an interrupted seed is not repeated")
    }

    @Test("every list walks a newest-first index that holds all it reads of a story, and sections need no sort")
    func listPlans() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Indexed", tags: ["Rivers"]), fixture.story("Also indexed", section: fixture.business))
        let rivers = try #require(try await fixture.store.tag(slug: "rivers"))
        let filters: [ArticleListFilter] = [.all, .section(id: fixture.business.id), .author(id: fixture.ana.id), .tag(id: rivers.id)]
        for filter in filters {
            let (condition, arguments) = SQLiteReaderSnapshot.condition(for: filter)
            let sql = SummaryQuery.listSQL(
                columns: SummaryQuery.listedColumns, from: SummaryQuery.listedFrom, where: condition, order: SummaryQuery.newestFirst
            )
            let plan = try await fixture.store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments + [20, 0]).map { $0["detail"] as String }
            }
            let stories = try #require(plan.first { $0.contains(" a ") || $0.hasSuffix(" a") }, "\(filter): \(plan)")
            #expect(stories.contains("USING COVERING INDEX articles_"), "\(filter) reads story rows: \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(filter) sorts: \(plan)")
        }
        let sections = try await fixture.store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SectionDirectory.navigationOrder).map { $0["detail"] as String }
        }
        #expect(sections.contains { $0.contains("USING INDEX sections_navigation") } && !sections.contains { $0.contains("TEMP B-TREE") }, "\(sections)")
    }

    @Test("pieces kept in the old table are dropped by the move to a table with row ids, then kept again as they are rendered: one per story and format, found through the short key, gone with their story's card")
    func keptPiecesMoveToRowIDTable() async throws {
        let fixture = try await Fixture.make()
        let store = fixture.store
        let ids = try await fixture.add(fixture.story("First kept"), fixture.story("Second kept", hoursAgo: 2))
        #expect(try await store.useStoryCardFormat("test-cards"))
        let version = try await store.storiesWithoutCards(limit: 10).version
        let cards = Dictionary(uniqueKeysWithValues: ids.map { ($0, RenderedCard(head: "<li>\($0)", tail: "</li>")) })
        #expect(try await store.saveStoryCards(cards, noted: ids, readAt: version, inFormat: "test-cards"))
        // Entries longer than a page, as whole stories in a feed are, and not ASCII: kept entries are copied as bytes.
        let long = String(repeating: "Ünïcode “quoted” paragraph of a story carried whole into the feed. ", count: 120)
        let rss = [ids[0]: "<item>first \(long)</item>", ids[1]: "<item>second</item>"]
        #expect(try await store.saveFeedItems(rss, format: "rss", readAt: version, inFormat: "test-cards"))

        // The table as the migration of 2026-12-05 made it, holding these entries, and the move not yet made.
        try await store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE old_items (
                    article_id INTEGER NOT NULL REFERENCES story_cards(article_id) ON DELETE CASCADE,
                    format TEXT NOT NULL,
                    item TEXT NOT NULL,
                    PRIMARY KEY (article_id, format)
                ) WITHOUT ROWID;
                INSERT INTO old_items SELECT article_id, format, item FROM story_feed_items;
                DROP TABLE story_feed_items;
                ALTER TABLE old_items RENAME TO story_feed_items;
                DELETE FROM grdb_migrations WHERE identifier LIKE '2026-12-07 kept pieces in a table with row ids%';
                """)
        }
        func schema() async throws -> String {
            try await store.pool.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'story_feed_items'") ?? "" }
        }
        func kept() async throws -> [String: String] {
            try await store.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT article_id, format, item FROM story_feed_items").map {
                    ("\($0["article_id"] as Int64) \($0["format"] as String)", $0["item"] as String)
                })
            }
        }
        #expect(try await schema().contains("WITHOUT ROWID"))
        #expect(try await kept().count == 2)
        #expect(try store.needsMigration())
        // The move, watched: foreign keys are checked as it goes, not by reading the whole database afterwards.
        let statements = Mutex<[String]>([])
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.trace { event in statements.withLock { $0.append("\(event)") } } }
        try SQLiteMigrations.migrator.migrate(DatabaseQueue(path: store.path, configuration: configuration))
        #expect(statements.withLock { $0.contains { $0.contains("DROP TABLE story_feed_items") } })
        #expect(statements.withLock { !$0.contains { $0.localizedCaseInsensitiveContains("foreign_key_check") } })
        #expect(try !store.needsMigration())
        #expect(try await !schema().contains("WITHOUT ROWID"))
        #expect(try await kept().isEmpty)

        // The next feed renders its stories (their cards are still kept, so their entries may be kept again)...
        let fresh = try await store.feedEntries(.all, limit: 10, format: "rss")
        #expect(fresh.entries.map(\.id) == ids)
        #expect(fresh.entries.allSatisfy { entry in
            if case .article = entry.shown { return entry.keepable } else { return false }
        })
        #expect(try await store.saveFeedItems(rss, format: "rss", readAt: fresh.version, inFormat: "test-cards"))
        #expect(try await store.saveFeedItems([ids[0]: "{\"title\":\"first\"}"], format: "json", readAt: fresh.version, inFormat: "test-cards"))
        #expect(try await kept() == ["\(ids[0]) rss": rss[ids[0]]!, "\(ids[1]) rss": rss[ids[1]]!, "\(ids[0]) json": "{\"title\":\"first\"}"])

        // ...and the one after reads them as kept bytes, each found by its story and format in the unique index.
        let read = try await store.feedEntries(.all, limit: 10, format: "rss")
        #expect(read.entries.map(\.id) == ids)
        for entry in read.entries {
            guard case .kept(let bytes) = entry.shown else {
                Issue.record("story \(entry.id) was not read as a kept entry")
                continue
            }
            #expect(String(decoding: bytes, as: UTF8.self) == rss[entry.id])
        }
        let plan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT item FROM story_feed_items WHERE article_id = ? AND format = ?", arguments: [ids[0], "rss"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX sqlite_autoindex_story_feed_items_1 ") }, "\(plan)")

        // Kept again: replaced, not doubled. A card saved again drops its story's entries in every format; a card
        // deleted (as a change to its story deletes it) takes its entries with it.
        #expect(try await store.saveFeedItems([ids[1]: "<item>second, again</item>"], format: "rss", readAt: fresh.version, inFormat: "test-cards"))
        #expect(try await kept().count == 3)
        #expect(try await kept()["\(ids[1]) rss"] == "<item>second, again</item>")
        #expect(try await store.saveStoryCards([ids[0]: RenderedCard(head: "<li>new", tail: "</li>")], noted: [], readAt: fresh.version, inFormat: "test-cards"))
        #expect(try await kept() == ["\(ids[1]) rss": "<item>second, again</item>"])
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM story_cards WHERE article_id = ?", arguments: [ids[1]]) }
        #expect(try await kept().isEmpty)
    }
}

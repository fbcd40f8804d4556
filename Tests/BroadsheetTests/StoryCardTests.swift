import BroadsheetCore
import BroadsheetStore
@testable import BroadsheetWeb
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Story cards kept with the stories")
struct StoryCardTests {
    /// Stories of every age a card shows differently (just now, hours, days, weeks: no relative time), with a
    /// picture, two authors, a partner's story (its name not ASCII: kept cards are copied as bytes), in two sections.
    static func publication() async throws -> Fixture {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Bridge reopens after repairs", hoursAgo: 0.01, tags: ["Bridges"], leadImage: true),
            fixture.story("Markets rally on harbour deal", hoursAgo: 3, section: fixture.business, authors: [fixture.ben], tags: ["Markets"],
                          source: StorySource(outletName: "The Partner Post & Co — Zürich “Ausgabe” 東京", url: URL(string: "https://partner.example/markets")!)),
            fixture.story("Ferry timetable <changes>", hoursAgo: 30, authors: [fixture.ana, fixture.ben], tags: ["Bridges"]),
            fixture.story("Old inquiry closes", hoursAgo: 400, leadImage: true),
            fixture.story("Unfinished draft", status: .draft)
        )
        return fixture
    }

    static func dependencies(_ fixture: Fixture) -> WebDependencies {
        var dependencies = testDependencies(fixture)
        dependencies.storyCards = fixture.store
        return dependencies
    }

    /// A filler working in batches of three, so that filling these stories takes two; its card format recorded, as
    /// the running service records it before filling.
    static func filler(_ fixture: Fixture) async throws -> StoryCardFiller {
        let dependencies = dependencies(fixture)
        let site = try makeReaderSite(configuration: try testConfiguration(), dependencies: dependencies)
        let filler = StoryCardFiller(store: fixture.store, cards: site.storyCards, versions: fixture.store, logger: dependencies.logger, batchSize: 3)
        #expect(await filler.useFormat())
        return filler
    }

    static func keptCards(_ fixture: Fixture) throws -> [Int64: String] {
        try DatabaseQueue(path: fixture.store.path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT article_id, head || tail AS html FROM story_cards").map { ($0["article_id"], $0["html"]) })
        }
    }

    static func id(_ fixture: Fixture, _ slug: String) async throws -> Int64 {
        try #require(try await fixture.store.publishedArticle(slug: slug)).id
    }

    static let pages = ["/", "/section/world", "/section/business", "/author/ben-okafor", "/tag/bridges", "/search", "/2026/11/20/bridge-reopens-after-repairs"]

    @Test("every list is the same bytes from kept cards as rendered per request, relative times included; kept cards are what pages use")
    func keptCardsMatch() async throws {
        let fixture = try await Self.publication()
        // Without `storyCards`, the application runs no filler of its own: the test fills by hand, when it chooses. No
        // page cache: these are changes made behind the newsroom's back, which a page cache hears of within a second.
        let app = try await makeApp(fixture, configuration: try testConfiguration([.pageCache: "0"]))
        try await app.test(.router) { client in
            var rendered: [String: String] = [:]
            for page in Self.pages {
                let response = try await client.execute(uri: page, method: .get) { $0 }
                #expect(response.status == .ok, "\(page)")
                rendered[page] = response.text
            }
            #expect(rendered["/"]!.contains("<span class=\"relative\" data-relative>just now</span>"))
            #expect(rendered["/"]!.contains("The Partner Post &amp; Co — Zürich “Ausgabe” 東京"))
            #expect(rendered["/"]!.contains("3 hours ago") && rendered["/"]!.contains("yesterday"))

            let report = try await Self.filler(fixture).fill()
            #expect(report.saved == 4 && report.outcome == .complete)
            #expect(try Self.keptCards(fixture).count == 4)
            for page in Self.pages {
                #expect(try await client.execute(uri: page, method: .get) { $0 }.text == rendered[page], "\(page)")
            }
            // Nothing left to do; a kept card, changed behind the store's back, is what the next page shows.
            #expect(try await Self.filler(fixture).fill() == (0, StoryCardFiller.Outcome.complete))
            let ferry = try await Self.id(fixture, "ferry-timetable-changes")
            try await DatabaseQueue(path: fixture.store.path).write { db in
                try db.execute(sql: "UPDATE story_cards SET head = replace(head, 'Ferry', 'Kept ferry') WHERE article_id = ?", arguments: [ferry])
            }
            let front = try await client.execute(uri: "/", method: .get) { $0 }.text
            #expect(front.contains("Kept ferry timetable &lt;changes&gt;"))
            #expect(front.contains("yesterday"))
        }
    }

    @Test("a change to anything a card shows drops it in the same transaction: the very next page shows the change")
    func changesDropCards() async throws {
        let fixture = try await Self.publication()
        // Without `storyCards`, the application runs no filler of its own: the test fills by hand, when it chooses. No
        // page cache: these are changes made behind the newsroom's back, which a page cache hears of within a second.
        let app = try await makeApp(fixture, configuration: try testConfiguration([.pageCache: "0"]))
        let filler = try await Self.filler(fixture)
        let bridge = try await Self.id(fixture, "bridge-reopens-after-repairs")
        let markets = try await Self.id(fixture, "markets-rally-on-harbour-deal")
        let ferry = try await Self.id(fixture, "ferry-timetable-changes")
        let old = try await Self.id(fixture, "old-inquiry-closes")
        try await app.test(.router) { client in
            func front() async throws -> String { try await client.execute(uri: "/section/world", method: .get) { $0 }.text }
            func refill(_ expected: Int) async throws {
                #expect(try await filler.fill() == (expected, StoryCardFiller.Outcome.complete))
                #expect(try Self.keptCards(fixture).count == 4)
            }
            try await refill(4)

            // The story itself.
            try await fixture.store.updateArticle(id: ferry, fixture.story("Ferry timetable settled", slug: "ferry-timetable-changes", hoursAgo: 30, authors: [fixture.ana, fixture.ben]))
            #expect(try Self.keptCards(fixture)[ferry] == nil)
            #expect(try await front().contains("Ferry timetable settled"))
            try await refill(1)

            // An author's name: every story of theirs, and only those.
            try await fixture.store.updateAuthor(id: fixture.ben.id, NewAuthor(slug: "ben-okafor", name: "Benedict Okafor", role: "Business editor", bio: "", photo: nil))
            #expect(Set(try Self.keptCards(fixture).keys) == [bridge, old])
            #expect(try await front().contains("Benedict Okafor"))
            #expect(try await client.execute(uri: "/section/business", method: .get) { $0 }.text.contains("Benedict Okafor"))
            try await refill(2)

            // A section's name: its stories' kickers.
            try await fixture.store.updateSection(id: fixture.business.id, NewSection(slug: "business", name: "Money", description: "", position: 1))
            #expect(Set(try Self.keptCards(fixture).keys) == [bridge, ferry, old])
            #expect(try await client.execute(uri: "/author/ben-okafor", method: .get) { $0 }.text.contains(">Money</a>"))
            try await refill(1)

            // Unpublished: gone from the lists and from the kept cards.
            try await fixture.store.updateArticle(id: bridge, fixture.story("Bridge reopens after repairs", hoursAgo: 0.01, status: .draft))
            #expect(try Self.keptCards(fixture)[bridge] == nil)
            #expect(!(try await front().contains("Bridge reopens")))
            #expect(try await filler.fill() == (0, StoryCardFiller.Outcome.complete))
            #expect(try Self.keptCards(fixture).count == 3)
            _ = markets
        }
    }

    @Test("the navigation shows a section's change on the next page, whoever made it: the sections memo follows the content version")
    func sectionsFollowChanges() async throws {
        let fixture = try await Self.publication()
        let (app, _) = try await Self.keepingApp(fixture)
        try await app.test(.router) { client in
            func navigation(_ uri: String) async throws -> String {
                let page = try await client.execute(uri: uri, method: .get) { $0 }.text
                guard let start = page.range(of: "<nav class=\"sections\""), let end = page[start.upperBound...].range(of: "</nav>") else { return "" }
                return String(page[start.lowerBound..<end.upperBound])
            }
            #expect(try await navigation("/").contains(">Business</a>"))
            #expect(try await navigation("/section/world").contains(">Business</a>"))
            try await fixture.store.updateSection(id: fixture.business.id, NewSection(slug: "business", name: "Money", description: "", position: 1))
            let renamed = try await navigation("/")
            #expect(renamed.contains(">Money</a>") && !renamed.contains(">Business</a>"))
            // Changed behind the store's back, from another connection: the database's own trigger moves the version.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                try db.execute(sql: "UPDATE sections SET name = 'Markets' WHERE id = ?", arguments: [fixture.business.id])
                try db.execute(sql: "INSERT INTO sections (slug, name, description, position) VALUES ('weather', 'Weather', '', 9)")
            }
            let changed = try await navigation("/section/world")
            #expect(changed.contains(">Markets</a>") && changed.contains(">Weather</a>") && !changed.contains(">Money</a>"))
        }
    }

    static let feeds = ["", "/section/world", "/section/business", "/author/ben-okafor", "/tag/bridges"].flatMap { scope in
        ["rss.xml", "atom.xml", "feed.json"].map { "\(scope)/\($0)" }
    }

    /// The application keeping what feeds and pages render, with no card filler of its own (the test fills cards, when
    /// it chooses, with the filler returned) and no page cache (changes are made behind the newsroom's back).
    static func keepingApp(_ fixture: Fixture) async throws -> (some ApplicationProtocol, StoryCardFiller) {
        var dependencies = dependencies(fixture)
        dependencies.fillsStoryCards = false
        let app = try await buildApplication(configuration: try testConfiguration([.pageCache: "0"]), dependencies: dependencies, runsJobs: false)
        return (app, try await filler(fixture))
    }

    static func keptFeedItems(_ fixture: Fixture) throws -> [Int64: [String: String]] {
        try DatabaseQueue(path: fixture.store.path).read { db in
            var items: [Int64: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT article_id, format, item FROM story_feed_items") {
                items[row["article_id"], default: [:]][row["format"]] = row["item"] as String
            }
            return items
        }
    }

    @Test("feeds keep the entries they render (once cards are kept) and are the same bytes from them, in every format; a change to a story's body, topics or corrections drops its entries and the next feed shows it")
    func keptFeedEntries() async throws {
        let fixture = try await Self.publication()
        let (app, filler) = try await Self.keepingApp(fixture)
        let ferry = try await Self.id(fixture, "ferry-timetable-changes")
        let bridge = try await Self.id(fixture, "bridge-reopens-after-repairs")
        try await app.test(.router) { client in
            func get(_ uri: String) async throws -> String {
                let response = try await client.execute(uri: uri, method: .get) { $0 }
                #expect(response.status == .ok, "\(uri)")
                return response.text
            }
            /// Requests every feed, then waits (bounded) until the entries they rendered are kept: saving follows the response.
            func readFeeds(keeping expected: Int) async throws -> [String: String] {
                var texts: [String: String] = [:]
                for feed in Self.feeds { texts[feed] = try await get(feed) }
                for _ in 0..<200 where try Self.keptFeedItems(fixture).values.map(\.count).reduce(0, +) < expected {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(try Self.keptFeedItems(fixture).values.map(\.count).reduce(0, +) == expected)
                return texts
            }
            // No card kept yet: feeds render every entry, and keep none (entries go with cards).
            let rendered = try await readFeeds(keeping: 0)
            #expect(try await filler.fill() == (4, StoryCardFiller.Outcome.complete))
            // Now the feeds keep what they render: each story that appears in a feed, in each format.
            #expect(try await readFeeds(keeping: 12) == rendered)
            let kept = try Self.keptFeedItems(fixture)
            #expect(kept.count == 4 && kept.values.allSatisfy { Set($0.keys) == ["rss", "atom", "json"] })
            // From kept entries: the same bytes.
            for feed in Self.feeds { #expect(try await get(feed) == rendered[feed], "\(feed)") }
            // The JSON feed, put together from kept items, still parses, with every story.
            let json = try JSONSerialization.jsonObject(with: Data(try await get("/feed.json").utf8)) as? [String: Any]
            #expect((json?["items"] as? [[String: Any]])?.count == 4)

            // A kept entry, changed behind the store's back, is what the next feed shows.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                try db.execute(sql: "UPDATE story_feed_items SET item = replace(item, 'Ferry timetable', 'Kept ferry timetable') WHERE article_id = ? AND format = 'rss'", arguments: [ferry])
            }
            #expect(try await get("/rss.xml").contains("<title>Kept ferry timetable &lt;changes&gt;</title>"))
            #expect(!(try await get("/atom.xml").contains("Kept ferry")))

            // A correction: the story's card and entries go in the same transaction; the next feed carries it.
            _ = try await fixture.store.addCorrection(storyID: ferry, kind: .correction, text: "The ferry leaves at nine.", at: Fixture.now)
            #expect(try Self.keptFeedItems(fixture)[ferry] == nil && Self.keptCards(fixture)[ferry] == nil)
            #expect(try await get("/rss.xml").contains("The ferry leaves at nine."))
            #expect(try await filler.fill() == (1, StoryCardFiller.Outcome.complete))
            _ = try await readFeeds(keeping: 12)
            #expect(try Self.keptFeedItems(fixture)[ferry]?["atom"]?.contains("The ferry leaves at nine.") == true)

            // The body, a topic's name, a topic taken off, a correction withdrawn: each drops the entries of the stories it touches, and only those.
            // Which stories each change touches is asked of the tables themselves, before the change.
            let anaStories = "SELECT article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE au.slug = 'ana-ruiz'"
            let changes: [(sql: String, dropped: Set<Int64>?, touched: String?, shows: String)] = [
                ("UPDATE article_bodies SET body_html = '<p>Rewritten body.</p>' WHERE article_id = \(bridge)", [bridge], nil, "Rewritten body."),
                ("UPDATE tags SET name = 'Crossings' WHERE slug = 'bridges'", [bridge, ferry], nil, "<category>Crossings</category>"),
                ("DELETE FROM article_tags WHERE article_id = \(ferry)", [ferry], nil, ""),
                // Straight to the table (the newsroom's correction also touches the story's row): the trigger on its own.
                ("DELETE FROM corrections WHERE article_id = \(ferry)", [ferry], nil, ""),
                ("UPDATE authors SET name = 'Ana R. Ruiz' WHERE slug = 'ana-ruiz'", nil, anaStories, "<dc:creator>Ana R. Ruiz</dc:creator>"),
                ("UPDATE sections SET name = 'Globe' WHERE slug = 'world'", nil, "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.slug = 'world'", "<category>Globe</category>"),
                // A topic added to a story, then deleted: its links go by the foreign key's cascade, whose deletes fire
                // the links' trigger.
                ("""
                 INSERT INTO tags (slug, name) VALUES ('ferry-landing', 'Ferry landing');
                 INSERT INTO article_tags (article_id, tag_id) SELECT \(bridge), id FROM tags WHERE slug = 'ferry-landing'
                 """, [bridge], nil, "<category>Ferry landing</category>"),
                ("DELETE FROM tags WHERE slug = 'ferry-landing'", [bridge], nil, ""),
            ]
            for change in changes {
                let before = Set(try Self.keptFeedItems(fixture).keys)
                var dropped = change.dropped ?? []
                if let touched = change.touched {
                    dropped = try await DatabaseQueue(path: fixture.store.path).read { Set(try Int64.fetchAll($0, sql: touched)) }.intersection(before)
                }
                #expect(!dropped.isEmpty)
                try await DatabaseQueue(path: fixture.store.path).write { try $0.execute(sql: change.sql) }
                #expect(before.subtracting(try Self.keptFeedItems(fixture).keys) == dropped, "\(change.sql)")
                if !change.shows.isEmpty { #expect(try await get("/rss.xml").contains(change.shows), "\(change.sql)") }
                #expect(try await filler.fill() == (dropped.count, StoryCardFiller.Outcome.complete))
                _ = try await readFeeds(keeping: 12)
            }
            #expect(!(try await get("/rss.xml").components(separatedBy: "<item>").first { $0.contains("Ferry timetable") }?.contains("Crossings") ?? true))
            #expect(!(try await get("/rss.xml").contains("Ferry landing")), "the deleted topic is gone")
            // After all that, kept and rendered still agree.
            var now: [String: String] = [:]
            for feed in Self.feeds { now[feed] = try await get(feed) }
            try await DatabaseQueue(path: fixture.store.path).write { try $0.execute(sql: "DELETE FROM story_cards") }
            #expect(try Self.keptFeedItems(fixture).isEmpty, "entries go with their cards")
            for feed in Self.feeds { #expect(try await get(feed) == now[feed], "\(feed)") }
        }
    }

    /// Each story's kept page parts (`StoryPageParts.kept`), by story.
    static func keptStoryParts(_ fixture: Fixture) throws -> [Int64: String] {
        try keptFeedItems(fixture).compactMapValues { $0[StoryPageParts.keptFormat] }
    }

    @Test("story pages keep their story's own part once its card is kept and are the same bytes from it, at every text size; a change to anything it shows drops it and the very next page shows the change; a damaged kept part is rendered again")
    func keptStoryPageParts() async throws {
        let fixture = try await Self.publication()
        let (app, filler) = try await Self.keepingApp(fixture)
        let ferry = try await Self.id(fixture, "ferry-timetable-changes")
        let bridge = try await Self.id(fixture, "bridge-reopens-after-repairs")
        let slugs = ["bridge-reopens-after-repairs", "markets-rally-on-harbour-deal", "ferry-timetable-changes", "old-inquiry-closes"]
        try await app.test(.router) { client in
            // Each story's own address, from the redirect a wrong date gets.
            var paths: [String: String] = [:]
            for slug in slugs {
                let response = try await client.execute(uri: "/2001/01/01/\(slug)", method: .get) { $0 }
                #expect(response.status == .movedPermanently, "\(slug)")
                paths[slug] = try #require(response.headers[.location])
            }
            func get(_ slug: String, textSize: String? = nil) async throws -> String {
                let headers: HTTPFields = textSize.map { [.cookie: "text_size=\($0)"] } ?? [:]
                let response = try await client.execute(uri: paths[slug]!, method: .get, headers: headers) { $0 }
                #expect(response.status == .ok, "\(slug)")
                return response.text
            }
            /// Every story page at two text sizes; then waits (bounded) until the parts they rendered are kept.
            func readPages(keeping expected: Int) async throws -> [String: String] {
                var texts: [String: String] = [:]
                for slug in slugs {
                    for size in ["100", "125"] { texts["\(slug) \(size)"] = try await get(slug, textSize: size) }
                }
                for _ in 0..<200 where try Self.keptStoryParts(fixture).count < expected { try await Task.sleep(for: .milliseconds(10)) }
                #expect(try Self.keptStoryParts(fixture).count == expected)
                return texts
            }
            // No card kept yet: pages render their story every time and keep nothing (parts go with cards).
            let rendered = try await readPages(keeping: 0)
            #expect(rendered["ferry-timetable-changes 125"]!.contains("Text size: <output data-text-size-label aria-live=\"polite\">125%</output>"))
            #expect(try await filler.fill() == (4, StoryCardFiller.Outcome.complete))
            // Now each page keeps its story's part, and pages put together from kept parts are the same bytes.
            #expect(try await readPages(keeping: 4) == rendered)
            #expect(try await readPages(keeping: 4) == rendered)
            let kept = try #require(try Self.keptStoryParts(fixture)[ferry])
            let parts = try #require(StoryPageParts(kept: kept))
            #expect(parts.header.hasPrefix("<header class=\"story-header\">") && parts.body.contains("<div class=\"story-body\">"))
            #expect(parts.jsonLD.hasPrefix("{\"@context\":\"https://schema.org\""))
            #expect(!kept.contains("text_size") && !kept.contains("Text size") && !kept.contains("related-heading"), "what changes per request is not kept")

            // A kept part, changed behind the store's back, is what the next page shows, at every text size.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                let changed = parts.header.replacingOccurrences(of: "Ferry timetable", with: "Kept ferry timetable")
                try db.execute(
                    sql: "UPDATE story_feed_items SET item = ? WHERE article_id = ? AND format = ?",
                    arguments: [StoryPageParts(header: changed, body: parts.body, jsonLD: parts.jsonLD).kept, ferry, StoryPageParts.keptFormat]
                )
            }
            #expect(try await get("ferry-timetable-changes").contains("<h1 class=\"headline\">Kept ferry timetable &lt;changes&gt;</h1>"))
            #expect(try await get("ferry-timetable-changes", textSize: "125").contains("Kept ferry timetable &lt;changes&gt;</h1>"))
            // A damaged kept part is not served: the story is rendered whole again.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                try db.execute(sql: "UPDATE story_feed_items SET item = '99999 3\n<p>broken' WHERE article_id = ? AND format = ?", arguments: [ferry, StoryPageParts.keptFormat])
            }
            #expect(try await get("ferry-timetable-changes") == rendered["ferry-timetable-changes 100"])

            // A correction: the story's card and kept part go in the same transaction; the very next page shows it.
            _ = try await fixture.store.addCorrection(storyID: ferry, kind: .correction, text: "The ferry leaves at nine.", at: Fixture.now)
            #expect(try Self.keptStoryParts(fixture)[ferry] == nil && Self.keptCards(fixture)[ferry] == nil)
            #expect(try await get("ferry-timetable-changes").contains("The ferry leaves at nine."))
            #expect(try await filler.fill() == (1, StoryCardFiller.Outcome.complete))
            _ = try await readPages(keeping: 4)
            #expect(try StoryPageParts(kept: Self.keptStoryParts(fixture)[ferry] ?? "")?.body.contains("The ferry leaves at nine.") == true)

            // The body, a topic's name, an author's role, a section's name, the picture: each drops the parts of the
            // stories it shows on, and only those; the very next page shows the change.
            let anaStories = "SELECT article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE au.slug = 'ana-ruiz'"
            let changes: [(sql: String, dropped: Set<Int64>?, touched: String?, slug: String, shows: String)] = [
                ("UPDATE article_bodies SET body_html = '<p>Rewritten body.</p>' WHERE article_id = \(bridge)", [bridge], nil, "bridge-reopens-after-repairs", "<p>Rewritten body.</p>"),
                ("UPDATE tags SET name = 'Crossings' WHERE slug = 'bridges'", [bridge, ferry], nil, "ferry-timetable-changes", ">Crossings</a></li>"),
                ("UPDATE authors SET role = 'Harbour reporter' WHERE slug = 'ana-ruiz'", nil, anaStories, "ferry-timetable-changes", "Harbour reporter"),
                ("UPDATE sections SET name = 'Globe' WHERE slug = 'world'", nil, "SELECT a.id FROM articles a JOIN sections s ON s.id = a.section_id WHERE s.slug = 'world'", "bridge-reopens-after-repairs", ">Globe</a></p>"),
                ("UPDATE articles SET lead_image_caption = 'The mended span at dawn' WHERE id = \(bridge)", [bridge], nil, "bridge-reopens-after-repairs", "The mended span at dawn"),
            ]
            for change in changes {
                let before = Set(try Self.keptStoryParts(fixture).keys)
                var dropped = change.dropped ?? []
                if let touched = change.touched {
                    dropped = try await DatabaseQueue(path: fixture.store.path).read { Set(try Int64.fetchAll($0, sql: touched)) }.intersection(before)
                }
                #expect(!dropped.isEmpty)
                try await DatabaseQueue(path: fixture.store.path).write { try $0.execute(sql: change.sql) }
                #expect(before.subtracting(try Self.keptStoryParts(fixture).keys) == dropped, "\(change.sql)")
                #expect(try await get(change.slug).contains(change.shows), "\(change.sql)")
                #expect(try await filler.fill() == (dropped.count, StoryCardFiller.Outcome.complete))
                _ = try await readPages(keeping: 4)
                #expect(try await get(change.slug).contains(change.shows), "\(change.sql): from the kept part")
            }
            // After all that, kept and rendered still agree.
            let now = try await readPages(keeping: 4)
            try await DatabaseQueue(path: fixture.store.path).write { try $0.execute(sql: "DELETE FROM story_cards") }
            #expect(try Self.keptStoryParts(fixture).isEmpty, "parts go with their cards")
            #expect(try await readPages(keeping: 0) == now)
        }
    }

    @Test("the front page keeps its lead story once the story's card is kept and is the same bytes from it, relative time included; a change to the story drops it and the very next front page shows the change; a damaged kept lead is rendered again")
    func keptLead() async throws {
        let fixture = try await Self.publication()
        let (app, filler) = try await Self.keepingApp(fixture)
        // The newest story with a picture leads: the bridge, published moments ago.
        let bridge = try await Self.id(fixture, "bridge-reopens-after-repairs")
        try await app.test(.router) { client in
            func front() async throws -> String {
                let response = try await client.execute(uri: "/", method: .get) { $0 }
                #expect(response.status == .ok)
                return response.text
            }
            func keptLeads(_ expected: Int) async throws -> [Int64: String] {
                for _ in 0..<200 where try Self.keptFeedItems(fixture).compactMapValues({ $0[StoryCards.keptLeadFormat] }).count < expected {
                    try await Task.sleep(for: .milliseconds(10))
                }
                let leads = try Self.keptFeedItems(fixture).compactMapValues { $0[StoryCards.keptLeadFormat] }
                #expect(leads.count == expected)
                return leads
            }
            let rendered = try await front()
            #expect(rendered.contains("<section class=\"lead-story\" aria-label=\"Top story\">") && rendered.contains("<h2 class=\"lead-headline\"><a href=\"/2026/11/20/bridge-reopens-after-repairs\">Bridge reopens after repairs</a></h2>"))
            #expect(try await keptLeads(0).isEmpty, "no card kept yet, so no lead either")
            #expect(try await filler.fill() == (4, StoryCardFiller.Outcome.complete))
            #expect(try await front() == rendered)
            let kept = try #require(try await keptLeads(1)[bridge])
            let card = try #require(RenderedCard(kept: kept))
            #expect(!kept.contains("just now"), "the relative time is put in per request")
            #expect(try await front() == rendered, "from the kept lead")

            // A kept lead, changed behind the store's back, is what the next front page shows.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                let changed = RenderedCard(head: card.head.replacingOccurrences(of: ">Bridge reopens", with: ">Kept bridge reopens"), tail: card.tail)
                try db.execute(sql: "UPDATE story_feed_items SET item = ? WHERE article_id = ? AND format = ?", arguments: [changed.kept, bridge, StoryCards.keptLeadFormat])
            }
            let fromKept = try await front()
            #expect(fromKept.contains(">Kept bridge reopens after repairs</a></h2>") && fromKept.contains("just now"))
            // A damaged one is not served: the lead is rendered again.
            try await DatabaseQueue(path: fixture.store.path).write { db in
                try db.execute(sql: "UPDATE story_feed_items SET item = '9999\nbroken' WHERE article_id = ? AND format = ?", arguments: [bridge, StoryCards.keptLeadFormat])
            }
            #expect(try await front() == rendered)

            // The story's headline changes: its card and kept lead go in the same transaction; the very next front page shows it.
            try await fixture.store.updateArticle(id: bridge, fixture.story("Bridge reopens to traffic", slug: "bridge-reopens-after-repairs", hoursAgo: 0.01, tags: ["Bridges"], leadImage: true))
            #expect(try await keptLeads(0).isEmpty)
            let changed = try await front()
            #expect(changed.contains(">Bridge reopens to traffic</a></h2>"))
            #expect(try await filler.fill() == (1, StoryCardFiller.Outcome.complete))
            #expect(try await front() == changed)
            #expect(try await keptLeads(1)[bridge] != nil)
            #expect(try await front() == changed)
        }
    }

    @Test("kept story page parts and kept cards read back as written, and a text that is not one is refused")
    func storyPartsText() throws {
        let parts = StoryPageParts(header: "<header>Café</header>\n", body: "<p>naïve 12 3\n</p>", jsonLD: "{\"a\":\"é\"}")
        #expect(StoryPageParts(kept: parts.kept) == parts)
        #expect(StoryPageParts(kept: StoryPageParts(header: "", body: "", jsonLD: "").kept) == StoryPageParts(header: "", body: "", jsonLD: ""))
        // Lengths past the end, negative, missing, not numbers; a cut inside a character ("é" is two bytes).
        for text in ["", "<p>no lengths</p>", "5 5\nshort", "-1 2\nabc", "3\nabc", "a b\nabc", "1 1\né", "12 0\n<header>Café</header>"] {
            #expect(StoryPageParts(kept: text) == nil, "\(text)")
        }
        // Kept cards (the front page's lead) likewise.
        let card = RenderedCard(head: "<article>Café ", tail: "</article>\n")
        #expect(RenderedCard(kept: card.kept) == card)
        for text in ["", "<p>no length</p>", "99\nshort", "-1\nabc", "x\nabc", "1\né"] { #expect(RenderedCard(kept: text) == nil, "\(text)") }
    }

    @Test("cards read before a change are not kept after it; a new format drops every card, and a process still rendering the old one keeps nothing")
    func versionAndFormat() async throws {
        let fixture = try await Self.publication()
        try await fixture.store.useStoryCardFormat("zero")
        let (version, stories, noted) = try await fixture.store.storiesWithoutCards(limit: 10, below: nil)
        // Every story is noted, the draft too (it is looked at, and left out).
        #expect(noted == [5, 4, 3, 2, 1])
        #expect(stories.map(\.slug) == ["old-inquiry-closes", "ferry-timetable-changes", "markets-rally-on-harbour-deal", "bridge-reopens-after-repairs"])
        // From a cursor: the ids below it only.
        let ferryID = try #require(stories.first { $0.slug == "ferry-timetable-changes" }).id
        #expect(try await fixture.store.storiesWithoutCards(limit: 10, below: ferryID).stories.map(\.slug) == ["markets-rally-on-harbour-deal", "bridge-reopens-after-repairs"])
        #expect(stories.first { $0.slug == "ferry-timetable-changes" }?.authors.map(\.slug) == ["ana-ruiz", "ben-okafor"])
        let cards = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, RenderedCard(head: "<p>\($0.headline)", tail: "</p>")) })
        try await fixture.add(fixture.story("Late story", hoursAgo: 1))
        #expect(try await fixture.store.saveStoryCards(cards, noted: noted, readAt: version, inFormat: "zero") == false)
        #expect(try Self.keptCards(fixture).isEmpty)

        let (current, all, notedNow) = try await fixture.store.storiesWithoutCards(limit: 10, below: nil)
        #expect(all.count == 5)
        #expect(try await fixture.store.saveStoryCards(cards, noted: notedNow, readAt: current, inFormat: "zero"))
        #expect(try await fixture.store.storiesWithoutCards(limit: 10, below: nil).stories.map(\.slug) == ["late-story"])
        // Saving clears the kept stories' notes and the draft's; the late story's stays.
        let notes = try await DatabaseQueue(path: fixture.store.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM story_cards_pending") }
        #expect(notes == 1)
        #expect(try await fixture.store.useStoryCardFormat("one"))
        #expect(try Self.keptCards(fixture).isEmpty)
        // A new format also moves the content version: what was read to be kept in the old one is not kept.
        #expect(try await fixture.store.saveStoryCards(cards, noted: notedNow, readAt: current, inFormat: "one") == false)
        let afterFormat = try await fixture.store.storiesWithoutCards(limit: 10, below: nil).version
        #expect(afterFormat > current)
        // A process still rendering the old format (an older release running beside the new one) keeps nothing.
        #expect(try await fixture.store.saveStoryCards(cards, noted: notedNow, readAt: afterFormat, inFormat: "zero") == false)
        #expect(try Self.keptCards(fixture).isEmpty)
        #expect(try await fixture.store.saveStoryCards(cards, noted: notedNow, readAt: afterFormat, inFormat: "one"))
        #expect(try await fixture.store.useStoryCardFormat("one") == false)
        #expect(try Self.keptCards(fixture).count == 4)
        // Feed entries: kept only for stories with a kept card, only at the version they were read at.
        let late = try await Self.id(fixture, "late-story")
        let ferry = try await Self.id(fixture, "ferry-timetable-changes")
        let entries: [Int64: String] = [ferry: "<item>ferry</item>", late: "<item>late</item>"]
        let feedVersion = try await fixture.store.feedEntries(.all, limit: 10, format: "rss").version
        #expect(try await fixture.store.saveFeedItems(entries, format: "rss", readAt: feedVersion - 1, inFormat: "one") == false)
        #expect(try await fixture.store.saveFeedItems(entries, format: "rss", readAt: feedVersion, inFormat: "zero") == false)
        #expect(try Self.keptFeedItems(fixture).isEmpty)
        #expect(try await fixture.store.saveFeedItems(entries, format: "rss", readAt: feedVersion, inFormat: "one"))
        #expect(try Self.keptFeedItems(fixture) == [ferry: ["rss": "<item>ferry</item>"]], "the late story has no card, so no entry")
        let read = try await fixture.store.feedEntries(.all, limit: 10, format: "rss").entries
        #expect(read.first { $0.id == ferry }?.shown == .kept(Array("<item>ferry</item>".utf8)))
        #expect(read.first { $0.id == late }.map { !$0.keepable && { if case .article = $0.shown { true } else { false } }($0) } == true)
        #expect(try await fixture.store.useStoryCardFormat("two"))
        #expect(try Self.keptCards(fixture).isEmpty)
        #expect(try Self.keptFeedItems(fixture).isEmpty, "entries go with their cards")
    }

    @Test("the card template is cut where the relative time goes; the format follows the settings")
    func splitting() async throws {
        let fixture = try await Self.publication()
        let site = try makeReaderSite(configuration: try testConfiguration(), dependencies: Self.dependencies(fixture))
        let wrapper = try #require(site.storyCards.relativeWrapper)
        #expect(wrapper.before == "<span class=\"relative\" data-relative>")
        #expect(wrapper.after == "</span> · ")
        let (_, stories, _) = try await fixture.store.storiesWithoutCards(limit: 10, below: nil)
        for story in stories {
            let card = try #require(site.storyCards.rendered(story))
            #expect(!card.head.contains("\u{1}") && !card.tail.contains("\u{1}"))
            #expect(card.head.hasSuffix("\">") && card.tail.first?.isNumber == true, "\(card.head.suffix(20)) | \(card.tail.prefix(20))")
        }
        // The same format for the same settings; another zone, another format.
        let again = try makeReaderSite(configuration: try testConfiguration(), dependencies: Self.dependencies(fixture))
        let elsewhere = try makeReaderSite(configuration: try testConfiguration([.timeZone: "America/New_York"]), dependencies: Self.dependencies(fixture))
        #expect(again.storyCards.format == site.storyCards.format)
        #expect(elsewhere.storyCards.format != site.storyCards.format)
    }

    /// The shipped templates' texts, by name.
    static func templateSources() throws -> [String: String] {
        let directory = try webResourcesDirectory().appendingPathComponent("templates")
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        return sources
    }

    @Test("the card format covers the texts of the templates kept pieces are rendered from, branches no sample takes included; other templates leave it alone")
    func formatCoversTemplates() async throws {
        let fixture = try await Self.publication()
        let site = try makeReaderSite(configuration: try testConfiguration(), dependencies: Self.dependencies(fixture))
        let sources = try Self.templateSources()
        func format(_ sources: [String: String]) throws -> String {
            StoryCards(templates: try TemplateLibrary(sources: sources), links: site.links, time: site.time, configuration: site.configuration, storyPages: site.storyPages).format
        }
        func format(changing name: String, _ edit: (String) -> String) throws -> String {
            var changed = sources
            changed[name] = edit(try #require(sources[name]))
            return try format(changed)
        }
        let standard = try format(sources)
        #expect(standard == site.storyCards.format)
        // A branch only a story without authors takes.
        #expect(try format(changing: "byline") { $0 + "{{#empty(byline)}}<span class=\"byline\">Staff</span>{{/empty(byline)}}" } != standard)
        // A branch no story takes today.
        #expect(try format(changing: "card-meta") { $0 + "{{#noSuchField}}<b>new</b>{{/noSuchField}}" } != standard)
        #expect(try format(changing: "story-header") { $0 + "{{#noSuchField}}<b>new</b>{{/noSuchField}}" } != standard)
        // A template no kept piece is rendered from.
        #expect(try format(changing: "about") { $0 + "<!-- new -->" } == standard)
    }

    @Test("a filler whose format another server has replaced since stops: superseded, not a change to retry")
    func superseded() async throws {
        let fixture = try await Self.publication()
        let filler = try await Self.filler(fixture)
        try await fixture.store.useStoryCardFormat("a newer release")
        let report = try await filler.fill()
        #expect(report.saved == 0)
        #expect(report.outcome == .superseded)
        #expect(try Self.keptCards(fixture).isEmpty)
        #expect(try await fixture.store.storyCardFormat() == "a newer release")
    }

    @Test("the filler asks the store again until it has recorded its format, and only then fills cards")
    func formatRecordedAfterFailures() async throws {
        let fixture = try await Self.publication()
        try await fixture.store.useStoryCardFormat("earlier release")
        let (version, stories, noted) = try await fixture.store.storiesWithoutCards(limit: 10, below: nil)
        let old = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, RenderedCard(head: "<p>old ", tail: "</p>")) })
        #expect(try await fixture.store.saveStoryCards(old, noted: noted, readAt: version, inFormat: "earlier release"))

        let site = try makeReaderSite(configuration: try testConfiguration(), dependencies: Self.dependencies(fixture))
        let store = RefusingFormat(store: fixture.store, refusals: 3)
        var filler = StoryCardFiller(store: store, cards: site.storyCards, versions: fixture.store, logger: Logger(label: "test"))
        filler.formatRetry = .milliseconds(10)
        let group = ServiceGroup(services: [filler], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var filled = false
            for _ in 0..<200 where !filled {
                let kept = try Self.keptCards(fixture)
                filled = !kept.isEmpty && kept.values.allSatisfy { !$0.contains("<p>old ") }
                if !filled { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(filled, "the earlier release's cards are replaced by this server's")
            #expect(store.attempts.withLock { $0 } == 4)
            #expect(try await fixture.store.storyCardFormat() == site.storyCards.format)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("a server whose card template cannot be cut still records its card format at start-up: what an earlier release kept goes")
    func unsplittableTemplateStillChecksFormat() async throws {
        let fixture = try await Self.publication()
        try await fixture.store.useStoryCardFormat("earlier release")
        let (version, stories, noted) = try await fixture.store.storiesWithoutCards(limit: 10, below: nil)
        let old = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, RenderedCard(head: "<p>old ", tail: "</p>")) })
        #expect(try await fixture.store.saveStoryCards(old, noted: noted, readAt: version, inFormat: "earlier release"))
        #expect(!(try Self.keptCards(fixture).isEmpty))

        let site = try makeReaderSite(configuration: try testConfiguration(), dependencies: Self.dependencies(fixture))
        var sources = try Self.templateSources()
        // The relative time written twice: the card cannot be cut in one place around it.
        sources["card-meta"] = try #require(sources["card-meta"]).replacingOccurrences(
            of: "{{published.relative}}</span>", with: "{{published.relative}}</span><span hidden>{{published.relative}}</span>"
        )
        let cards = StoryCards(templates: try TemplateLibrary(sources: sources), links: site.links, time: site.time, configuration: site.configuration, storyPages: site.storyPages)
        #expect(cards.relativeWrapper == nil)
        let group = ServiceGroup(
            services: [StoryCardFiller(store: fixture.store, cards: cards, versions: fixture.store, logger: Logger(label: "test"))],
            logger: Logger(label: "test")
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var dropped = false
            for _ in 0..<100 where !dropped {
                dropped = try Self.keptCards(fixture).isEmpty
                if !dropped { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(dropped, "the earlier release's cards are dropped")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

/// The store, except that recording the card format fails the first `refusals` times (a busy database).
private final class RefusingFormat: StoryCardStoring {
    let store: any StoryCardStoring
    let refusals: Int
    let attempts = Mutex(0)

    init(store: any StoryCardStoring, refusals: Int) {
        self.store = store
        self.refusals = refusals
    }

    func useStoryCardFormat(_ format: String) async throws -> Bool {
        let attempt = attempts.withLock { count -> Int in
            count += 1
            return count
        }
        guard attempt > refusals else { throw CancellationError() }
        return try await store.useStoryCardFormat(format)
    }

    func storyCardFormat() async throws -> String? { try await store.storyCardFormat() }

    func storiesWithoutCards(limit: Int, below id: Int64?) async throws -> (version: Int64, stories: [ArticleSummary], noted: [Int64]) {
        try await store.storiesWithoutCards(limit: limit, below: id)
    }

    func saveStoryCards(_ cards: [Int64: RenderedCard], noted: [Int64], readAt version: Int64, inFormat cardFormat: String) async throws -> Bool {
        try await store.saveStoryCards(cards, noted: noted, readAt: version, inFormat: cardFormat)
    }

    func saveFeedItems(_ items: [Int64: String], format: String, readAt version: Int64, inFormat cardFormat: String) async throws -> Bool {
        try await store.saveFeedItems(items, format: format, readAt: version, inFormat: cardFormat)
    }
}

import BroadsheetCore
import BroadsheetFeeds
import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BroadsheetWeb

/// Runs a program and returns its status and what it printed, without holding a Swift concurrency thread.
func runTool(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await blocking { try runToolNow(executable, arguments) }
}

/// Runs a program and returns its status and what it printed (blocking: for quick checks only).
func runToolNow(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The tools the checks below read our output with. CI installs them; elsewhere these tests are skipped, not passed.
enum IndependentReaders {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Feeds")
    static var feedparser: Bool { (try? runToolNow("python3", ["-c", "import feedparser"]).status) == 0 }
    static var xmllint: Bool { (try? runToolNow("xmllint", ["--version"]).status) == 0 }
}

/// One feed as the independent parsers read it (Tests/Feeds/read_feeds.py).
struct ReadBackFeed: Decodable {
    struct Entry: Decodable {
        struct Enclosure: Decodable, Equatable {
            let url: String?
            let type: String?
            let length: Int
        }

        let id: String?
        let title: String?
        let link: String?
        let published: Int?
        let updated: Int?
        let authors: [String]
        let authorURLs: [String]
        let tags: [String]
        let summary: String?
        let content: String?
        let enclosures: [Enclosure]
        let media: [Enclosure]
    }

    let version: String
    let wellFormed: Bool
    let problem: String
    let title: String?
    let link: String?
    let selfLink: String?
    let hub: String?
    let entries: [Entry]
    let requiredMissing: [String]
}

@Suite("Feeds, sitemaps and web standards")
struct FeedStandardsTests {
    static let base = "https://news.example.test"
    static let hub = "https://hub.example.test/"

    /// A small publication: stories in two sections by two authors with tags, a picture, a republished story,
    /// a corrected one, a draft and a scheduled one.
    static func publication() async throws -> (Fixture, [String: Article]) {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Bridge reopens after repairs", hoursAgo: 3, tags: ["Bridges", "Transport"], leadImage: true, updatedHoursAgo: 1),
            fixture.story("Markets rally on harbour deal", hoursAgo: 5, section: fixture.business, authors: [fixture.ben], tags: ["Markets"],
                          source: StorySource(outletName: "The Partner Post", url: URL(string: "https://partner.example/markets-rally")!)),
            fixture.story("Ferry timetable changes", hoursAgo: 60, authors: [fixture.ana, fixture.ben], tags: ["Transport"]),
            fixture.story("Unfinished draft", tags: ["Embargoed"], status: .draft),
            fixture.story("Tomorrow's piece", status: .scheduled)
        )
        var articles: [String: Article] = [:]
        for slug in ["bridge-reopens-after-repairs", "markets-rally-on-harbour-deal", "ferry-timetable-changes"] {
            articles[slug] = try #require(try await fixture.store.publishedArticle(slug: slug))
        }
        return (fixture, articles)
    }

    static func url(_ article: Article) -> String {
        let day = article.summary.publishedAt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return base + String(format: "/%04d/%02d/%02d/", parts.year!, parts.month!, parts.day!) + article.summary.slug
    }

    @Test("every feed (site, section, author, tag, search) in RSS, Atom and JSON Feed holds exactly its stories, field by field, as independent parsers read it",
          .enabled(if: IndependentReaders.feedparser, "needs python3 with feedparser"))
    func feedsReadBack() async throws {
        let (fixture, articles) = try await Self.publication()
        let bridge = articles["bridge-reopens-after-repairs"]!, markets = articles["markets-rally-on-harbour-deal"]!
        let ferry = articles["ferry-timetable-changes"]!
        // path stem, page, title, stories in order
        let scopes: [(String, String, String, [Article])] = [
            ("/", "/", "The Test Chronicle", [bridge, markets, ferry]),
            ("/section/world/", "/section/world", "The Test Chronicle: World", [bridge, ferry]),
            ("/section/business/", "/section/business", "The Test Chronicle: Business", [markets]),
            ("/section/letters/", "/section/letters", "The Test Chronicle: Letters", []),
            ("/author/ana-ruiz/", "/author/ana-ruiz", "The Test Chronicle: stories by Ana Ruiz", [bridge, ferry]),
            ("/author/ben-okafor/", "/author/ben-okafor", "The Test Chronicle: stories by Ben Okafor", [markets, ferry]),
            ("/tag/transport/", "/tag/transport", "The Test Chronicle: Transport", [bridge, ferry]),
            ("/tag/markets/", "/tag/markets", "The Test Chronicle: Markets", [markets]),
        ]
        let files = [(FeedFormat.rss, "rss.xml"), (.atom, "atom.xml"), (.json, "feed.json")]
        let directory = try TemporaryDirectory()
        typealias Written = (path: String, feedURL: String, page: String, title: String, stories: [Article], format: FeedFormat, search: Bool)
        let app = try await buildApplication(
            configuration: try testConfiguration([.websubHub: Self.hub]), dependencies: testDependencies(fixture), runsJobs: false
        )
        let written: [Written] = try await app.test(.router) { client in
            var written: [Written] = []
            func save(_ response: TestResponse, _ format: FeedFormat) throws -> String {
                let name = directory.path("\(written.count).\(format == .json ? "json" : "xml")")
                try Data(buffer: response.body).write(to: URL(fileURLWithPath: name))
                return name
            }
            for (stem, page, title, stories) in scopes {
                for (format, file) in files {
                    let response = try await client.execute(uri: stem + file, method: .get) { $0 }
                    #expect(response.status == .ok, "\(stem + file)")
                    #expect(response.headers[.contentType] == format.contentType)
                    #expect(response.headers[.link]?.contains("<\(Self.hub)>; rel=\"hub\"") == true)
                    written.append((try save(response, format), Self.base + stem + file, Self.base + page, title, stories, format, false))
                }
            }
            for format in FeedFormat.allCases {
                let path = "/search" + format.fileSuffix(scope: .search) + "?q=bridge"
                let response = try await client.execute(uri: path, method: .get) { $0 }
                #expect(response.status == .ok, "\(path)")
                written.append((try save(response, format), Self.base + path, Self.base + "/search?q=bridge",
                                "The Test Chronicle: search results for “bridge”", [bridge], format, true))
            }
            return written
        }
        let result = try await runTool("python3", [IndependentReaders.folder.appendingPathComponent("read_feeds.py").path] + written.map(\.path))
        try #require(result.status == 0, "\(result.output)")
        let parsed = try JSONDecoder().decode([String: ReadBackFeed].self, from: Data(result.output.utf8))
        for feed in written {
            let label = "\(feed.feedURL)"
            let read = try #require(parsed[feed.path], "\(label)")
            #expect(read.wellFormed, "\(label): \(read.problem)")
            #expect(read.version == ["rss": "rss20", "atom": "atom10", "json": "json11"][feed.format.rawValue], "\(label)")
            #expect(read.requiredMissing.isEmpty, "\(label): \(read.requiredMissing)")
            #expect(read.title == feed.title, "\(label)")
            #expect(read.link == feed.page, "\(label)")
            #expect(read.selfLink == feed.feedURL, "\(label)")
            #expect(read.hub == (feed.search ? nil : Self.hub), "\(label)")
            #expect(read.entries.map(\.title) == feed.stories.map(\.summary.headline), "\(label)")
            for (entry, article) in zip(read.entries, feed.stories) {
                let story = article.summary
                let where_ = "\(label) \(story.slug)"
                #expect(entry.link == Self.url(article), "\(where_)")
                // A search feed names stories by their address; the others by the guid that never changes.
                #expect(entry.id == (feed.search ? Self.url(article) : article.guid), "\(where_)")
                #expect(entry.published == Int(story.publishedAt.timeIntervalSince1970), "\(where_)")
                if feed.format != .rss {
                    #expect(entry.updated == Int(story.lastChangedAt.timeIntervalSince1970), "\(where_)")
                }
                #expect(entry.authors == story.authors.map(\.name), "\(where_)")
                if feed.format != .rss {
                    #expect(entry.authorURLs == story.authors.map { Self.base + "/author/" + $0.slug }, "\(where_)")
                }
                #expect(Set(entry.tags) == Set([story.section.name] + (feed.search ? [] : article.tags.map(\.name))), "\(where_)")
                #expect(entry.summary == story.standfirst, "\(where_)")
                let content = try #require(entry.content, "\(where_)")
                if !feed.search {
                    #expect(content.contains("First paragraph of the story."), "\(where_)")
                    #expect(!content.contains("src=\"/"), "relative address in \(where_)")
                }
                if story.leadImage != nil {
                    let image = Enclosure(url: Self.base + "/images/\(fixture.image.sha256).svg", type: "image/svg+xml", length: Fixture.svg.utf8.count)
                    #expect(entry.enclosures == [image], "\(where_)")
                    if !feed.search { #expect(content.contains("src=\"\(image.url!)\""), "\(where_)") }
                    if feed.format == .rss { #expect(entry.media == [image], "\(where_)") }
                } else {
                    #expect(entry.enclosures.isEmpty, "\(where_)")
                }
                if let source = story.source, !feed.search {
                    #expect(content.contains("Originally published by <a href=\"\(source.url.absoluteString)\">\(source.outletName)</a>"), "\(where_)")
                }
            }
        }
    }

    typealias Enclosure = ReadBackFeed.Entry.Enclosure

    @Test("feed links are the routes' patterns with the slug filled in, for every scope and format")
    func feedPathsFollowPatterns() {
        for format in FeedFormat.allCases {
            let scopes: [FeedScope] = [.site, .section("local-news"), .author("ana-ruiz"), .tag("harbour")]
            for scope in scopes {
                let pattern = SiteRoute.Kind.feed(scope.kind, format).pattern
                #expect(SiteRoute.feed(scope, format).path == pattern.replacingOccurrences(of: ":slug", with: scope.slug ?? ""))
            }
        }
        #expect(SiteRoute.feed(.section("sport"), .rss).path == "/section/sport/rss.xml")
        #expect(SiteRoute.feed(.site, .json).path == "/feed.json")
    }

    @Test("a corrected story keeps its guid in every feed and carries the correction's time as its update")
    func correctionKeepsGuid() async throws {
        let (fixture, articles) = try await Self.publication()
        let ferry = articles["ferry-timetable-changes"]!
        let correctedAt = Fixture.now.addingTimeInterval(-600)
        _ = try await fixture.store.addCorrection(storyID: ferry.summary.id, kind: .correction, text: "The ferry leaves at 9:15, not 9:50.", at: correctedAt)
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/atom.xml", method: .get) { response in
                let xml = response.text
                // Back at the top, under the same id, updated at the correction.
                let first = try #require(xml.firstRange(of: "<entry>").map { xml[$0.upperBound...] })
                #expect(first.hasPrefix("\n<id>\(ferry.guid)</id>\n<title>Ferry timetable changes</title>"))
                #expect(first.contains("<updated>\(InternetDate.rfc3339(correctedAt))</updated>"))
                #expect(first.contains("The ferry leaves at 9:15, not 9:50."))
            }
            try await client.execute(uri: "/feed.json", method: .get) { response in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let items = try #require(object["items"] as? [[String: Any]])
                #expect(items.first?["id"] as? String == ferry.guid)
                #expect(items.first?["date_modified"] as? String == InternetDate.rfc3339(correctedAt))
            }
        }
    }

    @Test("sitemap index, story, section, author and tag sitemaps and the news sitemap validate against their schemas and list what they should",
          .enabled(if: IndependentReaders.xmllint, "needs xmllint (libxml2-utils)"))
    func sitemaps() async throws {
        let (fixture, articles) = try await Self.publication()
        let directory = try TemporaryDirectory()
        typealias Document = (path: String, name: String, text: String)
        let documents: [Document] = try await makeApp(fixture).test(.router) { client in
            var documents: [Document] = []
            var names = ["/sitemap.xml", "/news-sitemap.xml"]
            let index = try await client.execute(uri: "/sitemap.xml", method: .get) { $0 }
            let listed = index.text.matches(of: /<loc>([^<]+)<\/loc>/).map { String($0.1) }
            #expect(listed == ["stories-1", "sections", "authors", "tags"].map { Self.base + "/sitemaps/\($0).xml" })
            names += listed.map { String($0.dropFirst(Self.base.count)) }
            for name in names {
                let response = try await client.execute(uri: name, method: .get) { $0 }
                #expect(response.status == .ok, "\(name)")
                let path = directory.path("\(documents.count).xml")
                try Data(buffer: response.body).write(to: URL(fileURLWithPath: path))
                documents.append((path, name, response.text))
            }
            let robots = try await client.execute(uri: "/robots.txt", method: .get) { $0 }.text
            #expect(robots.contains("Sitemap: \(Self.base)/sitemap.xml\n"))
            #expect(robots.contains("Sitemap: \(Self.base)/news-sitemap.xml\n"))
            #expect(robots.contains("Disallow: /newsroom/\n"))
            return documents
        }
        let schema = IndependentReaders.folder.appendingPathComponent("sitemap.xsd").path
        for document in documents {
            let result = try await runTool("xmllint", ["--noout", "--schema", schema, document.path])
            #expect(result.status == 0, "\(document.name): \(result.output)")
        }
        func locations(_ name: String) -> [String] {
            documents.first { $0.name == name }.map { $0.text.matches(of: /<loc>([^<]+)<\/loc>/).map { String($0.1) } } ?? []
        }
        // Every story whose home is here once, in the order they were written, with its last change; nothing
        // unpublished, and not the republished story, whose canonical address is its original's.
        let published = [articles["bridge-reopens-after-repairs"]!, articles["ferry-timetable-changes"]!]
        #expect(locations("/sitemaps/stories-1.xml") == published.map(Self.url))
        let stories = documents.first { $0.name == "/sitemaps/stories-1.xml" }!.text
        for article in published {
            #expect(stories.contains("<loc>\(Self.url(article))</loc><lastmod>\(InternetDate.rfc3339(article.summary.lastChangedAt))</lastmod>"))
        }
        #expect(locations("/sitemaps/sections.xml") == ["/", "/section/world", "/section/business", "/section/letters"].map { Self.base + $0 })
        #expect(locations("/sitemaps/authors.xml") == ["/author/ana-ruiz", "/author/ben-okafor"].map { Self.base + $0 })
        // Only topics with published stories: "Embargoed" is on a draft.
        #expect(locations("/sitemaps/tags.xml") == ["/tag/bridges", "/tag/markets", "/tag/transport"].map { Self.base + $0 })
        // The news sitemap: the last 48 hours only (the ferry story is 60 hours old), newest first.
        let news = documents.first { $0.name == "/news-sitemap.xml" }!.text
        #expect(locations("/news-sitemap.xml") == [articles["bridge-reopens-after-repairs"]!].map(Self.url))
        #expect(news.contains("<news:name>The Test Chronicle</news:name><news:language>en</news:language>"))
        #expect(news.contains("<news:title>Bridge reopens after repairs</news:title>"))
    }

    @Test("the sitemap index gives each listing file the newest lastmod inside it; the feeds page lists the sitemaps' authors and topics")
    func sitemapIndexTimes() async throws {
        let (fixture, _) = try await Self.publication()
        // A story changed later than every other, by the author and with the topic that change last: the index's
        // times must follow it, not the newest story of every kind.
        try await fixture.add(fixture.story("Late letter", hoursAgo: 2, section: fixture.emptySection, authors: [fixture.ben], tags: ["Markets"], updatedHoursAgo: 0.5))
        try await makeApp(fixture).test(.router) { client in
            let index = try await client.execute(uri: "/sitemap.xml", method: .get) { $0 }.text
            let times = Dictionary(uniqueKeysWithValues: index.matches(of: /<sitemap><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/sitemap>/).map {
                (String($0.1.dropFirst(Self.base.count)), $0.2.map(String.init))
            })
            for part in ["sections", "authors", "tags"] {
                let file = try await client.execute(uri: "/sitemaps/\(part).xml", method: .get) { $0 }.text
                // RFC 3339 in UTC, all written alike: the newest is the greatest text.
                let newest = try #require(file.matches(of: /<lastmod>([^<]+)<\/lastmod>/).map { String($0.1) }.max())
                #expect(times["/sitemaps/\(part).xml"] == .some(newest), "\(part)")
            }
            let feeds = try await client.execute(uri: "/feeds", method: .get) { $0 }.text
            for (part, kind) in [("authors", "author"), ("tags", "tag")] {
                let file = try await client.execute(uri: "/sitemaps/\(part).xml", method: .get) { $0 }.text
                let inSitemap = file.matches(of: /<loc>[^<]+\/(author|tag)\/([^<]+)<\/loc>/).map { String($0.2) }
                let onFeedsPage = feeds.matches(of: /href="\/(author|tag)\/([^"]+)"/).filter { $0.1 == kind }.map { String($0.2) }
                #expect(!inSitemap.isEmpty)
                #expect(onFeedsPage == inSitemap, "\(part)")
            }
        }
    }

    @Test("each section, author and topic in the sitemaps carries the last change of its most recently changed published story")
    func listingTimes() async throws {
        let fixture = try await Fixture.make()
        // Ana's newest-changed story is old and updated late; Ben's latest is newer but never updated; a draft by
        // both with a topic of its own must not count; Letters stays empty.
        try await fixture.add(
            fixture.story("Old inquiry", hoursAgo: 200, authors: [fixture.ana], tags: ["Courts"], updatedHoursAgo: 2),
            fixture.story("Harbour figures", hoursAgo: 5, section: fixture.business, authors: [fixture.ben], tags: ["Markets", "Courts"]),
            fixture.story("Quiet week", hoursAgo: 30, authors: [fixture.ana, fixture.ben], tags: ["Markets"]),
            fixture.story("Rare topic", hoursAgo: 400, section: fixture.business, authors: [fixture.ben], tags: ["Lighthouses"]),
            fixture.story("Desk draft", hoursAgo: 1, authors: [fixture.ana, fixture.ben], tags: ["Embargoed"], status: .draft)
        )
        var stories: [ArticleSummary] = []
        for slug in ["old-inquiry", "harbour-figures", "quiet-week", "rare-topic"] {
            stories.append(try #require(try await fixture.store.publishedArticle(slug: slug)).summary)
        }
        func newest(_ matching: (ArticleSummary) -> Bool) -> Date? { stories.filter(matching).map(\.lastChangedAt).max() }
        let tags = try await fixture.store.publishedArticle(slug: "rare-topic").map { $0.tags.map(\.name) }
        #expect(tags == ["Lighthouses"])

        let sections = try await fixture.store.sectionListings()
        #expect(sections.map(\.slug) == ["world", "business", "letters"])
        #expect(sections.map(\.lastChangedAt) == [newest { $0.section.slug == "world" }, newest { $0.section.slug == "business" }, nil])
        let authors = try await fixture.store.authorListings()
        #expect(authors.map(\.slug) == ["ana-ruiz", "ben-okafor"])
        #expect(authors.map(\.lastChangedAt) == ["ana-ruiz", "ben-okafor"].map { slug in newest { $0.authors.contains { $0.slug == slug } } })
        let byTag: [String: [String]] = ["Courts": ["old-inquiry", "harbour-figures"], "Lighthouses": ["rare-topic"], "Markets": ["harbour-figures", "quiet-week"]]
        let topics = try await fixture.store.tagListings()
        #expect(topics.map(\.name) == ["Courts", "Lighthouses", "Markets"])
        #expect(topics.map(\.lastChangedAt) == topics.map { topic in newest { byTag[topic.name]!.contains($0.slug) } })
        // The same times in the index, without the walk.
        let times = try await fixture.store.listingsLastChanged()
        #expect(times == SitemapListingTimes(sections: sections.compactMap(\.lastChangedAt).max(), authors: authors.compactMap(\.lastChangedAt).max(), tags: topics.compactMap(\.lastChangedAt).max()))
        #expect(try await fixture.store.authorsWithStories().map(\.slug) == authors.map(\.slug))
        #expect(try await fixture.store.tagsWithStories().map(\.name) == topics.map(\.name))
    }

    @Test("with no published story carrying a byline or a topic, the index leaves out the authors and tags files and the feeds page those groups")
    func sitemapIndexWithoutListings() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Unsigned notice", hoursAgo: 1, authors: []),
            fixture.story("Signed draft", tags: ["Embargoed"], status: .draft)
        )
        try await makeApp(fixture).test(.router) { client in
            let index = try await client.execute(uri: "/sitemap.xml", method: .get) { $0 }.text
            let listed = index.matches(of: /<loc>([^<]+)<\/loc>/).map { String($0.1) }
            #expect(listed == ["stories-1", "sections"].map { Self.base + "/sitemaps/\($0).xml" })
            #expect(index.contains("sections.xml</loc><lastmod>"))
            let feeds = try await client.execute(uri: "/feeds", method: .get) { $0 }.text
            #expect(feeds.contains("<h2>Sections</h2>") && !feeds.contains("<h2>Authors</h2>") && !feeds.contains("<h2>Topics</h2>"))
        }
    }

    @Test("the news sitemap stops at 1,000 stories and story sitemaps are numbered from 1; unknown files are 404")
    func sitemapLimits() async throws {
        let fixture = try await Fixture.make()
        let many = (0..<1_005).map { fixture.story("Story number \($0)", slug: "story-\($0)", hoursAgo: Double($0) * 0.04) }
        _ = try await fixture.store.createArticles(many)
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/news-sitemap.xml", method: .get) { response in
                #expect(response.text.matches(of: /<url>/).count == 1_000)
                #expect(response.text.contains("/story-0</loc>"))
                #expect(!response.text.contains("/story-1004</loc>"))
            }
            for missing in ["/sitemaps/stories-0.xml", "/sitemaps/stories-2.xml", "/sitemaps/stories-999999999999.xml", "/sitemaps/../robots.txt", "/sitemaps/people.xml"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
        }
    }

    @Test("pages advertise their feeds and carry Open Graph, Twitter card and JSON-LD NewsArticle data")
    func discoveryAndStructuredData() async throws {
        let (fixture, articles) = try await Self.publication()
        _ = try await fixture.store.addCorrection(
            storyID: articles["markets-rally-on-harbour-deal"]!.summary.id, kind: .clarification, text: "The deal is not final.", at: Fixture.now
        )
        try await makeApp(fixture).test(.router) { client in
            func alternates(_ html: String) -> [String] {
                html.matches(of: /<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">/).map { "\($0.1) \($0.2)" }
            }
            let site = ["application/rss+xml \(Self.base)/rss.xml", "application/atom+xml \(Self.base)/atom.xml", "application/feed+json \(Self.base)/feed.json"]
            try await client.execute(uri: "/", method: .get) { response in
                #expect(alternates(response.text) == site)
            }
            for (page, stem) in [("/section/world", "/section/world/"), ("/author/ben-okafor", "/author/ben-okafor/"), ("/tag/transport", "/tag/transport/")] {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(alternates(response.text) == site + [
                        "application/rss+xml \(Self.base)\(stem)rss.xml", "application/atom+xml \(Self.base)\(stem)atom.xml",
                        "application/feed+json \(Self.base)\(stem)feed.json",
                    ], "\(page)")
                    #expect(response.text.contains("<link rel=\"canonical\" href=\"\(Self.base)\(page)\">"))
                }
            }
            try await client.execute(uri: "/search?q=bridge", method: .get) { response in
                #expect(alternates(response.text).last == "application/feed+json \(Self.base)/search.json?q=bridge")
            }
            for path in ["/tag/embargoed", "/tag/embargoed/rss.xml"] {
                #expect(try await client.execute(uri: path, method: .get) { $0.status } == .notFound, "a topic only on drafts is not public: \(path)")
            }
            try await client.execute(uri: "/feeds", method: .get) { response in
                #expect(!response.text.contains("mbargoed"), "a topic only on drafts is not public")
                for path in ["/rss.xml", "/atom.xml", "/feed.json", "/section/letters/rss.xml", "/author/ana-ruiz/atom.xml", "/tag/bridges/feed.json"] {
                    #expect(response.text.contains("href=\"\(Self.base)\(path)\""), "\(path)")
                }
            }

            let bridge = articles["bridge-reopens-after-repairs"]!
            let bridgePath = String(Self.url(bridge).dropFirst(Self.base.count))
            try await client.execute(uri: bridgePath, method: .get) { response in
                let html = response.text
                let image = "\(Self.base)/images/\(fixture.image.sha256).svg"
                for meta in [
                    "<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"Bridge reopens after repairs\">",
                    "<meta property=\"og:url\" content=\"\(Self.url(bridge))\">", "<meta property=\"og:image\" content=\"\(image)\">",
                    "<meta property=\"og:site_name\" content=\"The Test Chronicle\">",
                    "<meta property=\"article:published_time\" content=\"\(InternetDate.rfc3339(bridge.summary.publishedAt))\">",
                    "<meta name=\"twitter:card\" content=\"summary_large_image\">", "<meta name=\"twitter:image\" content=\"\(image)\">",
                    "<link rel=\"canonical\" href=\"\(Self.url(bridge))\">",
                ] {
                    #expect(html.contains(meta), "\(meta)")
                }
                let ld = try #require(Self.jsonLD(html))
                #expect(ld["@type"] as? String == "NewsArticle")
                #expect(ld["headline"] as? String == "Bridge reopens after repairs")
                #expect(ld["image"] as? [String] == [image])
                #expect(ld["datePublished"] as? String == InternetDate.rfc3339(bridge.summary.publishedAt))
                #expect(ld["dateModified"] as? String == InternetDate.rfc3339(bridge.summary.lastChangedAt))
                let authors = try #require(ld["author"] as? [[String: Any]])
                #expect(authors.map { $0["url"] as? String } == ["\(Self.base)/author/ana-ruiz"])
                let publisher = try #require(ld["publisher"] as? [String: Any])
                #expect(publisher["name"] as? String == "The Test Chronicle")
                #expect(((publisher["logo"] as? [String: Any])?["url"] as? String)?.hasPrefix(Self.base + "/assets/") == true)
                #expect(ld["isBasedOn"] == nil)
            }

            let markets = articles["markets-rally-on-harbour-deal"]!
            try await client.execute(uri: String(Self.url(markets).dropFirst(Self.base.count)), method: .get) { response in
                let html = response.text
                #expect(html.contains("<link rel=\"canonical\" href=\"https://partner.example/markets-rally\">"))
                #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
                #expect(!html.contains("og:image"))
                let ld = try #require(Self.jsonLD(html))
                #expect(ld["isBasedOn"] as? String == "https://partner.example/markets-rally")
                #expect((ld["sourceOrganization"] as? [String: Any])?["name"] as? String == "The Partner Post")
                let corrections = try #require(ld["correction"] as? [[String: Any]])
                #expect(corrections.map { $0["text"] as? String } == ["Clarification: The deal is not final."])
            }
        }
    }

    static func jsonLD(_ html: String) -> [String: Any]? {
        guard let match = html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/.dotMatchesNewlines()) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(String(match.1).utf8))) as? [String: Any]
    }

    @Test("If-Match and If-Unmodified-Since that fail get a 412 no cache keeps, from a rendered page and from the page cache alike")
    func failedPreconditions() async throws {
        let (fixture, _) = try await Self.publication()
        for pageCache in ["0", "16"] {
            let clock = TestClock(Fixture.now)
            let app = try await buildApplication(
                configuration: try testConfiguration([.pageCache: pageCache]), dependencies: testDependencies(fixture, clock: clock), runsJobs: false
            )
            try await app.test(.router) { client in
                for path in ["/", "/rss.xml"] {
                    let first = try await client.execute(uri: path, method: .get) { $0 }
                    let tag = try #require(first.headers[.eTag])
                    let modified = try #require(first.headers[.lastModified])
                    let since = try #require(InternetDate.parseHTTPDate(modified))
                    clock.advance(by: 30)
                    let cases: [(HTTPFields, HTTPResponse.Status)] = [
                        // The tags are weak: If-Match compares strongly, so only `*` passes.
                        ([.ifMatch: tag], .preconditionFailed), ([.ifMatch: "\"nope\""], .preconditionFailed), ([.ifMatch: "*"], .ok),
                        ([.ifMatch: "\"a\", *"], .ok),
                        ([.ifUnmodifiedSince: InternetDate.rfc822(since.addingTimeInterval(-1))], .preconditionFailed),
                        ([.ifUnmodifiedSince: modified], .ok), ([.ifUnmodifiedSince: "not a date"], .ok),
                        // If-Match decides over If-Unmodified-Since; a passing precondition leaves If-None-Match to decide.
                        ([.ifMatch: "*", .ifUnmodifiedSince: InternetDate.rfc822(since.addingTimeInterval(-1))], .ok),
                        ([.ifMatch: "*", .ifNoneMatch: tag], .notModified), ([.ifMatch: "\"nope\"", .ifNoneMatch: tag], .preconditionFailed),
                    ]
                    for (headers, status) in cases {
                        try await client.execute(uri: path, method: .get, headers: headers) { response in
                            #expect(response.status == status, "cache \(pageCache) \(path) \(headers)")
                            if status == .preconditionFailed {
                                #expect(response.body.readableBytes == 0)
                                #expect(response.headers[.cacheControl] == "no-store")
                            }
                            if status == .ok { #expect(response.body == first.body, "\(path) \(headers)") }
                        }
                    }
                }
            }
        }
    }

    @Test("pages and feeds carry validators; a matching conditional GET gets 304; a changed page gets a new ETag; gzip when accepted")
    func conditionalRequestsAndCompression() async throws {
        let (fixture, articles) = try await Self.publication()
        let clock = TestClock(Fixture.now)
        let app = try await buildApplication(
            // The HTTP layer's own validators, with edits written straight to the store; the page cache has its own tests.
            configuration: try testConfiguration([.cacheMaxAge: "300", .pageCache: "0"]), dependencies: testDependencies(fixture, clock: clock), runsJobs: false
        )
        try await app.test(.router) { client in
            for path in ["/", "/rss.xml", "/feed.json", "/section/world", "/sitemap.xml", String(Self.url(articles["bridge-reopens-after-repairs"]!).dropFirst(Self.base.count))] {
                let firstSeen = clock.now()
                let first = try await client.execute(uri: path, method: .get) { $0 }
                #expect(first.status == .ok, "\(path)")
                let tag = try #require(first.headers[.eTag], "\(path)")
                let modified = try #require(first.headers[.lastModified], "\(path)")
                #expect(InternetDate.parseHTTPDate(modified) == firstSeen, "\(path)")
                #expect(first.headers[.cacheControl] == "public, max-age=300", "\(path)")
                #expect(first.headers[.contentEncoding] == nil)
                #expect(first.headers[.vary]?.contains("Accept-Encoding") == true)
                let plain = first.body
                clock.advance(by: 120)
                // The same version later keeps its Last-Modified.
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.headers[.eTag] == tag)
                    #expect(response.headers[.lastModified] == modified, "\(path)")
                }
                for headers: HTTPFields in [[.ifNoneMatch: tag], [.ifNoneMatch: "\"other\", \(tag)"], [.ifNoneMatch: "*"], [.ifModifiedSince: modified],
                                            [.ifModifiedSince: InternetDate.rfc822(firstSeen.addingTimeInterval(60))]] {
                    try await client.execute(uri: path, method: .get, headers: headers) { response in
                        #expect(response.status == .notModified, "\(path) \(headers)")
                        #expect(response.body.readableBytes == 0)
                        #expect(response.headers[.eTag] == tag)
                    }
                }
                // If-None-Match decides when present, even with a matching date; an older date means "send it".
                for headers: HTTPFields in [[.ifNoneMatch: "W/\"stale\"", .ifModifiedSince: modified],
                                            [.ifModifiedSince: InternetDate.rfc822(firstSeen.addingTimeInterval(-1))],
                                            [.ifModifiedSince: "yesterday-ish"]] {
                    try await client.execute(uri: path, method: .get, headers: headers) { response in
                        #expect(response.status == .ok, "\(path) \(headers)")
                    }
                }
                try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8"]) { response in
                    // Small bodies are not worth compressing.
                    guard plain.readableBytes >= 1_024 else {
                        #expect(response.headers[.contentEncoding] == nil, "\(path)")
                        return
                    }
                    #expect(response.headers[.contentEncoding] == "gzip", "\(path)")
                    // The compressed bytes are another representation, with a validator of their own.
                    #expect(response.headers[.eTag] == String(tag.dropLast()) + "-gz\"")
                    var body = response.body
                    #expect(body.readableBytes < plain.readableBytes)
                    let inflated = try body.decompress(with: .gzip())
                    #expect(inflated == plain, "\(path)")
                }
                try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"]) { response in
                    #expect(response.headers[.contentEncoding] == nil)
                }
                if plain.readableBytes >= 1_024 {
                    // Holding the plain form, asking for gzip: a different representation, so the full answer.
                    try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]) { response in
                        #expect(response.status == .ok, "\(path)")
                    }
                    let gzipTag = String(tag.dropLast()) + "-gz\""
                    try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: gzipTag]) { response in
                        #expect(response.status == .notModified, "\(path)")
                        #expect(response.headers[.eTag] == gzipTag)
                    }
                }
            }

            // An edit changes the story's page and the feeds: the old validator no longer matches.
            let oldTag = try await client.execute(uri: "/rss.xml", method: .get) { $0 }.headers[.eTag] ?? ""
            let tag0 = oldTag
            let bridge = articles["bridge-reopens-after-repairs"]!
            var edited = fixture.story("Bridge reopens after long repairs", slug: bridge.summary.slug, hoursAgo: 3, tags: ["Bridges"], leadImage: true)
            edited.contentUpdatedAt = clock.now()
            try await fixture.store.updateArticle(id: bridge.summary.id, edited)
            clock.advance(by: 60)
            try await client.execute(uri: "/rss.xml", method: .get, headers: [.ifNoneMatch: oldTag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != oldTag)
                #expect(response.headers[.lastModified] == InternetDate.rfc822(clock.now()))
                #expect(response.text.contains("Bridge reopens after long repairs"))
            }
            // HEAD answers with the same validators and length as GET, and no body.
            let get = try await client.execute(uri: "/rss.xml", method: .get) { $0 }
            try await client.execute(uri: "/rss.xml", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == get.headers[.eTag])
                #expect(response.headers[.lastModified] == get.headers[.lastModified])
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
                #expect(response.body.readableBytes == 0)
            }

            // Changed back to an earlier version: Last-Modified moves forward again, so a client that remembers only
            // the date of the version in between is not told "not modified".
            let between = try await client.execute(uri: "/rss.xml", method: .get) { $0 }
            var reverted = fixture.story("Bridge reopens after repairs", slug: bridge.summary.slug, hoursAgo: 3, tags: ["Bridges", "Transport"], leadImage: true, updatedHoursAgo: 1)
            reverted.contentUpdatedAt = bridge.summary.contentUpdatedAt
            try await fixture.store.updateArticle(id: bridge.summary.id, reverted)
            clock.advance(by: 60)
            try await client.execute(uri: "/rss.xml", method: .get, headers: [.ifModifiedSince: between.headers[.lastModified] ?? ""]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == tag0)
                #expect(response.headers[.lastModified] == InternetDate.rfc822(clock.now()))
            }
            // The newsroom is never given validators or a public lifetime.
            try await client.execute(uri: "/newsroom/login", method: .get) { response in
                #expect(response.headers[.eTag] == nil)
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test("Accept-Encoding, If-None-Match and HTTP dates are read as HTTP says")
    func headerReading() {
        typealias Caching = HTTPCachingMiddleware<AppRequestContext>
        for (header, accepts) in [("gzip", true), ("GZIP", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false), ("*", true),
                                  ("*;q=0", false), ("br", false), ("", false), ("x-gzip", true), ("gzip;q=0, *", false), ("identity, *;q=0.1", true)] {
            #expect(Caching.acceptsGzip(header) == accepts, "\(header)")
        }
        #expect(!Caching.acceptsGzip(nil))
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(InternetDate.rfc822(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(InternetDate.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(InternetDate.parseHTTPDate(InternetDate.rfc822(Fixture.now)) == Fixture.now)
        // The two obsolete forms RFC 9110 asks recipients to read too; a two-digit year is the one within 50 years.
        let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026
        #expect(InternetDate.parseHTTPDate("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == date)
        #expect(InternetDate.parseHTTPDate("Sun Nov  6 08:49:37 1994", now: now) == date)
        #expect(InternetDate.parseHTTPDate("Thursday, 19-Nov-26 08:00:00 GMT", now: now) == InternetDate.parseHTTPDate("Thu, 19 Nov 2026 08:00:00 GMT"))
        for bad in ["", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                    "Sunday, 06-Nov-1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 PST", "Sun, 06-Nov-94 08:49:37 GMT", "Sun Nov 6 08:49:37 94",
                    "Sun Nov 006 08:49:37 1994", "Sun, Nov  6 08:49:37 1994", String(repeating: "9", count: 10_000)] {
            #expect(InternetDate.parseHTTPDate(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test("Last-Modified: the gzip and plain forms keep their own dates; a version first seen in the same second as the one before gets none")
    func lastModifiedDates() {
        let versions = VersionTimes()
        let t0 = Date(timeIntervalSince1970: 1_796_000_000.2)
        // Plain and gzip requests for one page, alternating, a few seconds apart: the dates stay put.
        let plain = versions.since(url: "/rss.xml", variant: "", gzip: false, tag: "W/\"a\"", now: t0)
        let zipped = versions.since(url: "/rss.xml", variant: "", gzip: true, tag: "W/\"a-gz\"", now: t0 + 3)
        #expect(plain == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(zipped == Date(timeIntervalSince1970: 1_796_000_003))
        #expect(versions.since(url: "/rss.xml", variant: "", gzip: false, tag: "W/\"a\"", now: t0 + 6) == plain)
        #expect(versions.since(url: "/rss.xml", variant: "", gzip: true, tag: "W/\"a-gz\"", now: t0 + 9) == zipped)

        // A change within the same second: the new version has no date (an If-Modified-Since of that second would
        // tell the holder of the older one that nothing changed), and keeps none; the next change a second later has one.
        let page = (url: "/", variant: "", gzip: false)
        let first = versions.since(url: page.url, variant: page.variant, gzip: page.gzip, tag: "v1", now: t0)
        #expect(first != nil)
        #expect(versions.since(url: page.url, variant: page.variant, gzip: page.gzip, tag: "v2", now: t0 + 0.5) == nil)
        #expect(versions.since(url: page.url, variant: page.variant, gzip: page.gzip, tag: "v2", now: t0 + 5) == nil)
        #expect(versions.since(url: page.url, variant: page.variant, gzip: page.gzip, tag: "v3", now: t0 + 6) == Date(timeIntervalSince1970: 1_796_000_006))

        // Without a date, only the entity tag decides.
        typealias Caching = HTTPCachingMiddleware<AppRequestContext>
        let asks: HTTPFields = [.ifModifiedSince: "Sun, 06 Nov 2050 08:49:37 GMT"]
        #expect(Caching.isNotModified(request: asks, tag: "W/\"v2\"", lastModified: first))
        #expect(!Caching.isNotModified(request: asks, tag: "W/\"v2\"", lastModified: nil))
        #expect(Caching.isNotModified(request: [.ifNoneMatch: "W/\"v2\""], tag: "W/\"v2\"", lastModified: nil))
    }

    @Test("a feed stays under its byte limit by leaving out its oldest items")
    func sizeCap() throws {
        let long = String(repeating: "<p>A long paragraph of reporting that goes on.</p>\n", count: 600)
        let items = (0..<60).map { number in
            SyndicationItem(
                title: "Story \(number)", link: URL(string: "https://n.example/\(number)")!, guid: "urn:test:\(number)", guidIsPermaLink: false,
                published: Date(timeIntervalSince1970: Double(1_000_000 - number)), updated: nil, authors: [], categories: [], summary: "S",
                contentHTML: long
            )
        }
        let feed = SyndicationFeed(
            title: "T", link: URL(string: "https://n.example/")!, selfURL: URL(string: "https://n.example/rss.xml")!, description: "D",
            language: "en", updated: Date(timeIntervalSince1970: 1_000_000), items: items
        )
        for format in FeedFormat.allCases {
            let text = format.render(feed)
            #expect(text.utf8.count <= 1_000_000, "\(format)")
            let kept = text.matches(of: /Story [0-9]+/).count
            #expect(kept > 20 && kept < 60, "\(format): \(kept)")
            // The newest stay.
            #expect(text.contains("Story 0") && !text.contains("Story 59"), "\(format)")
        }
        #expect(FeedFormat.rss.render(feed, maximumBytes: 10).contains("<channel>"))
    }

    @Test("a feed written from its items' bytes is byte for byte the feed written from their texts, size limit included")
    func bytesAsTexts() throws {
        let items = (0..<12).map { number in
            SyndicationItem(
                title: "Story \(number) — Zürich “Ausgabe” 東京 & <co>", link: URL(string: "https://n.example/\(number)")!, guid: "urn:test:\(number)",
                guidIsPermaLink: false, published: Date(timeIntervalSince1970: Double(1_000_000 - number)), updated: nil, authors: [], categories: ["Ä"],
                summary: "S", contentHTML: String(repeating: "<p>Café \(number)</p>", count: 20 * (number + 1))
            )
        }
        let feed = SyndicationFeed(
            title: "T “quoted” \u{1}", link: URL(string: "https://n.example/")!, selfURL: URL(string: "https://n.example/rss.xml")!, description: "D",
            language: "de", updated: Date(timeIntervalSince1970: 1_000_000), items: []
        )
        for format in FeedFormat.allCases {
            let texts = items.map(format.renderItem)
            for limit in [1_000_000, 20_000, 5_000, 10] {
                let expected = Array(format.render(feed, items: texts, maximumBytes: limit).utf8)
                // As the feed controller writes them into the response.
                let written = FeedController<AppRequestContext>.bytes(format.feedPieces(feed, items: texts.map { Array($0.utf8) }, maximumBytes: limit))
                #expect(Array(buffer: written) == expected, "\(format) \(limit)")
            }
            let empty = FeedController<AppRequestContext>.bytes(format.feedPieces(feed, items: []))
            #expect(Array(buffer: empty) == Array(format.render(feed, items: []).utf8), "\(format)")
        }
    }

    @Test("a story without a byline still makes a valid Atom entry: the feed names the publication as author")
    func atomWithoutByline() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Notice to readers", authors: []))
        try await makeApp(fixture).test(.router) { client in
            let xml = try await client.execute(uri: "/atom.xml", method: .get) { $0 }.text
            let entry = try #require(xml.range(of: "<entry>"))
            let head = String(xml[..<entry.lowerBound]), rest = String(xml[entry.upperBound...])
            #expect(head.contains("<author><name>The Test Chronicle</name></author>"))
            #expect(!rest.contains("<author>"))
        }
    }

    @Test("the configured number of stories per feed")
    func itemCap() async throws {
        let fixture = try await Fixture.make()
        _ = try await fixture.store.createArticles((0..<12).map { fixture.story("Story \($0)", slug: "story-\($0)", hoursAgo: Double($0 + 1)) })
        let app = try await buildApplication(configuration: try testConfiguration([.feedItems: "5"]), dependencies: testDependencies(fixture), runsJobs: false)
        try await app.test(.router) { client in
            for path in ["/rss.xml", "/atom.xml", "/section/world/feed.json"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.text.matches(of: /Story [0-9]+/).count == 5, "\(path)")
                }
            }
        }
    }
}

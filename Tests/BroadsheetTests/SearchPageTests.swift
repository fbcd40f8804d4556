import BroadsheetCore
import BroadsheetStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Search as readers, feed readers and apps reach it: through the real router.
@Suite("Search pages, feed and API")
struct SearchPageTests {
    static func publication() async throws -> Fixture {
        let fixture = try await Fixture.make()
        var stories = (0..<25).map { index in
            fixture.story(
                "Ferry timetable change \(index)", hoursAgo: Double(index + 1), section: index.isMultiple(of: 2) ? fixture.world : fixture.business,
                body: "The new ferry timetable starts on Monday. Passengers on the harbour crossing will see changes."
            )
        }
        stories.append(fixture.story("Harbour <b>news</b> & views", hoursAgo: 40, standfirst: "Quiet week on the ferry.", body: "Nothing."))
        stories.append(fixture.story("Ferry draft", status: .draft))
        _ = try await fixture.store.createArticles(stories)
        return fixture
    }

    @Test("the results page shows the count, linked headlines, sections, bylines, dates and marked snippets")
    func resultsPage() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/search?q=Ferry+timetable", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("25 stories found."))
                #expect(html.contains(#"<input type="search" id="site-search-q" name="q" value="Ferry timetable""#))
                #expect(html.contains(#"<input type="search" id="search-page-q" name="q" value="Ferry timetable""#))
                #expect(html.contains(#"<a href="/2026/11/20/ferry-timetable-change-0">Ferry timetable change 0</a>"#))
                #expect(html.contains("<mark>ferry</mark> <mark>timetable</mark>") || html.contains("<mark>Ferry</mark> <mark>timetable</mark>"))
                #expect(html.contains(#"<a href="/author/ana-ruiz" rel="author">Ana Ruiz</a>"#))
                #expect(html.contains(#"<a href="/search?q=Ferry%20timetable&amp;page=2" rel="next">"#))
                #expect(html.contains(#"<link rel="alternate" type="application/rss+xml" title="Search results for “Ferry timetable” (RSS 2.0)" href="https://news.example.test/search.rss?q=Ferry%20timetable">"#))
                #expect(!html.contains("Ferry draft"))
            }
            try await client.execute(uri: "/search?q=Ferry+timetable&page=3", method: .get) { response in
                #expect(response.text.contains("Ferry timetable change 24"))
                #expect(!response.text.contains(#"rel="next""#))
            }
            try await client.execute(uri: "/search?q=Ferry+timetable&page=4", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/search?q=harbour+views", method: .get) { response in
                #expect(response.text.contains("1 story found."))
                #expect(response.text.contains("Harbour &lt;b&gt;news&lt;/b&gt; &amp; views"))
            }
        }
    }

    @Test("filters from the form and the order are applied and carried into the next page's link")
    func formFilters() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/search?q=timetable&section=business&sort=date", method: .get) { response in
                let html = response.text
                #expect(html.contains("12 stories found."))
                #expect(html.contains(#"<option value="business" selected>Business</option>"#))
                #expect(html.contains(#"<option value="date" selected>Newest first</option>"#))
                let first = try #require(html.firstMatch(of: /Ferry timetable change ([0-9]+)<\/a><\/h3>/)?.1)
                #expect(first == "1", "newest business story first")
                #expect(html.contains(#"href="/search?q=timetable&amp;section=business&amp;sort=date&amp;page=2" rel="next""#))
            }
            try await client.execute(uri: "/search?q=timetable&author=ana-ruiz&sort=date", method: .get) { response in
                #expect(response.text.contains("25 stories found."))
                #expect(response.text.contains(#"href="/search?q=timetable&amp;author=ana-ruiz&amp;sort=date&amp;page=2" rel="next""#))
            }
            try await client.execute(uri: "/search?q=section:world+timetable", method: .get) { response in
                #expect(response.text.contains("13 stories found."))
            }
            try await client.execute(uri: "/search?q=timetable&from=2026-11-20&to=2026-11-20", method: .get) { response in
                #expect(response.text.contains("12 stories found."), "stories published on 20 November: 00:00 to 11:00")
            }
        }
    }

    @Test("malformed dates and orders are a 400 that says what is wrong", arguments: [
        "/search?q=a&from=yesterday", "/search?q=a&to=2026-02-30", "/search?q=a&from=2026-1-1", "/search?q=a&sort=random",
        "/api/search?q=a&from=%00", "/search.rss?q=a&sort=best",
        // Far enough ahead to overflow the index's keys: once a crash of the whole server.
        "/search?q=harbour&from=9999-01-01", "/search?q=harbour&to=5000-01-01", "/api/search?q=a&from=4893-01-01",
        "/search.rss?q=a&from=9999-12-31", "/search?q=a&from=0999-12-31",
    ])
    func badFields(uri: String) async throws {
        let fixture = try await Fixture.make()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("YYYY-MM-DD") || response.text.contains("relevance or by date"))
            }
        }
    }

    @Test("a search that would run past the store's time limit stops with a 503 that says so, not a 500; the index is unharmed")
    func searchTimeLimit() async throws {
        let fixture = try await Fixture.make(searchTimeLimit: .zero)
        for batch in 0..<3 {
            try await fixture.add(contentsOf: (0..<100).map { fixture.story("Harbour works \(batch * 100 + $0)", hoursAgo: Double(batch * 100 + $0) / 10 + 1) })
        }
        let request = SearchRequest(query: SearchQuery("harbour works"))
        await #expect(throws: SearchTookTooLong()) { try await fixture.store.search(request, page: PageRequest(number: 1, size: 20)!) }
        try await makeApp(fixture).test(.router) { client in
            for uri in ["/search?q=harbour+works", "/api/search?q=harbour+works", "/search.rss?q=harbour+works"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.retryAfter] == "5")
                    #expect(response.text.contains("The search took too long"))
                }
            }
        }
        // With the usual limit, the same search on the same file finds them.
        let usual = try SQLiteStore(path: fixture.store.path)
        #expect(try await usual.search(request, page: PageRequest(number: 1, size: 20)!).total == 300)
    }

    @Test("the same results come as RSS 2.0 and as JSON")
    func feedAndJSON() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/search.rss?q=harbour+crossing&sort=date", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/rss+xml; charset=utf-8")
                let feed = try #require(FeedReader.parse(response.text))
                #expect(feed.items.count == 20, "25 stories match; a feed carries the newest 20 (the default length)")
                #expect(feed.items.first?.title == "Ferry timetable change 0")
                #expect(feed.items.last?.title == "Ferry timetable change 19", "the newest 20, newest first")
                #expect(feed.items.first?.link == "https://news.example.test/2026/11/20/ferry-timetable-change-0")
                #expect(feed.items.first?.content.contains("<mark>harbour</mark> <mark>crossing</mark>") == true)
                #expect(feed.selfLink == "https://news.example.test/search.rss?q=harbour%20crossing&sort=date")
            }
            try await client.execute(uri: "/api/search?q=ferry&page=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                #expect(json["total"] as? Int == 26)
                #expect(json["total_is_exact"] as? Bool == true)
                #expect(json["page"] as? Int == 3)
                #expect(json["has_more"] as? Bool == false)
                let hits = try #require(json["hits"] as? [[String: Any]])
                #expect(hits.count == 6)
                let hit = try #require(hits.first)
                for key in ["id", "url", "headline", "standfirst", "section", "authors", "published", "snippet"] {
                    #expect(hit[key] != nil, "\(key)")
                }
                #expect((hit["url"] as? String)?.hasPrefix("https://news.example.test/2026/") == true)
                #expect((hit["section"] as? [String: Any])?["slug"] != nil)
                #expect((hit["authors"] as? [[String: Any]])?.first?["name"] as? String == "Ana Ruiz")
                #expect((hit["published"] as? String)?.hasSuffix("Z") == true)
                #expect((hit["snippet"] as? String)?.contains("<mark>") == true)
            }
        }
    }

    @Test("an empty query shows the form and the latest stories")
    func emptyQuery() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            for uri in ["/search", "/search?q=", "/search?q=%20%20", "/search?q=%22%22"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("Latest stories"), "\(uri)")
                    #expect(!response.text.contains("stories found"))
                }
            }
        }
    }

    @Test("hostile queries never produce a 500 on the page, the feed or the API")
    func hostile() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            for text in SearchTests.hostileQueries {
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for path in ["/search", "/search.rss", "/api/search"] {
                    try await client.execute(uri: "\(path)?q=\(encoded)", method: .get) { response in
                        #expect(response.status.code < 500, "\(path) \(text.prefix(30))")
                        #expect(!response.text.contains("fts5"), "no database error shown")
                        #expect(!response.text.contains("SQLite"))
                    }
                }
            }
        }
    }
}

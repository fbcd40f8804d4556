import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Reader pages through the real router")
struct ReaderPagesTests {
    /// A publication with enough stories for every page kind.
    static func publication() async throws -> Fixture {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story(
                "Council approves new bridge", hoursAgo: 3, authors: [fixture.ana, fixture.ben],
                standfirst: "The vote ends a decade of argument over the crossing.",
                body: """
                    Councillors voted 9 to 2 on Tuesday.

                    ## What happens next

                    > We have waited long enough for this bridge.
                    >
                    > — Dana Whitlock, harbour master

                    - Work starts in spring
                    - It opens in 2028
                    """,
                tags: ["Bridges", "Local politics"], leadImage: true, updatedHoursAgo: 1
            ),
            fixture.story("Market stalls return", hoursAgo: 5, section: fixture.business, authors: [fixture.ben]),
            fixture.story(
                "Partner story on tides", hoursAgo: 8,
                source: StorySource(outletName: "Harbour Courier", url: URL(string: "https://courier.example/2026/11/tides")!)
            ),
            fixture.story("Unfinished draft", status: .draft)
        )
        return fixture
    }

    @Test("the front page shows the masthead, search box, lead story, latest stories, section blocks and feed link")
    func frontPage() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                let html = response.text
                #expect(html.contains(#"<a class="site-name" href="/">The Test Chronicle</a>"#))
                #expect(html.contains("All the news that fits the tests"))
                #expect(html.contains(#"<form class="site-search" role="search" method="get" action="/search">"#))
                #expect(html.contains(#"<link rel="alternate" type="application/rss+xml""#))
                #expect(html.contains(#"href="https://news.example.test/rss.xml""#))
                #expect(html.contains(#"<section class="lead-story""#))
                #expect(html.contains(#"<a href="/2026/11/20/council-approves-new-bridge">Council approves new bridge</a>"#))
                #expect(html.contains(#"<a href="/section/business">Business</a>"#))
                #expect(html.contains("3 hours ago"))
                #expect(html.contains(#"<time datetime="2026-11-20T09:00:00Z""#))
                #expect(html.contains(#"<a href="/author/ana-ruiz" rel="author">Ana Ruiz</a> and <a href="/author/ben-okafor" rel="author">Ben Okafor</a>"#))
                #expect(html.contains("via Harbour Courier"))
                #expect(html.contains(#"href="/about""#) && html.contains(#"href="/contact""#) && html.contains(#"href="/feeds""#))
                #expect(!html.contains("Unfinished draft"))
                #expect(html.contains(#"<a class="lead-image" href="/2026/11/20/council-approves-new-bridge" tabindex="-1" aria-hidden="true"><img src="/images/\#(fixture.image.sha256).svg""#))
                #expect(html.contains("3 hours ago</span> · 20 Nov 2026, 09:00</time>"), "relative and absolute time")
                #expect(html.firstMatch(of: /<(script|link|img)[^>]+(src|href)="(https?:)?\/\/(?!news\.example\.test)/) == nil, "no external resources")
            }
        }
    }

    @Test("an article page has everything a reader expects")
    func articlePage() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/2026/11/20/council-approves-new-bridge", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.vary] == "Cookie, Accept-Encoding")
                let html = response.text
                #expect(html.contains(#"<h1 class="headline">Council approves new bridge</h1>"#))
                #expect(html.contains(#"<p class="standfirst">The vote ends a decade of argument over the crossing.</p>"#))
                #expect(html.contains(#"By <a href="/author/ana-ruiz" rel="author">Ana Ruiz</a><span class="role">, Courts reporter</span> and <a href="/author/ben-okafor" rel="author">Ben Okafor</a>"#))
                #expect(html.contains(#"Published <time datetime="2026-11-20T09:00:00Z">20 November 2026, 09:00 GMT</time>"#))
                #expect(html.contains(#"Updated <time datetime="2026-11-20T11:00:00Z">20 November 2026, 11:00 GMT</time>"#))
                #expect(html.contains(#"<button type="submit" name="change" value="smaller""#) && html.contains(">Smaller text</button>"))
                #expect(html.contains(">Larger text</button>"))
                #expect(html.contains(">Reset text size</button>"))
                #expect(html.contains(#"<output data-text-size-label aria-live="polite">100%</output>"#))
                #expect(html.contains(#"<a class="rss-link" href="/rss.xml">RSS 2.0</a>"#))
                #expect(html.contains(#"<figure class="lead-figure">"#) && html.contains(#"alt="A test picture""#))
                #expect(html.contains(#"<figcaption>The caption <span class="credit">Photo: Test Desk</span></figcaption>"#))
                #expect(html.contains(#"<h2 id="what-happens-next">What happens next</h2>"#))
                #expect(html.contains("<blockquote>") && html.contains("<cite>Dana Whitlock, harbour master</cite>"))
                #expect(html.contains("<li>Work starts in spring</li>"))
                #expect(html.contains(#"<a href="/tag/bridges">Bridges</a>"#))
                #expect(html.contains(#"<a href="/section/world">World</a>"#))
                #expect(html.contains(#"<link rel="canonical" href="https://news.example.test/2026/11/20/council-approves-new-bridge">"#))
                #expect(html.contains("More from World") && html.contains("Partner story on tides"))
                #expect(html.contains(#"<input type="search" id="site-search-q" name="q" value="""#))
            }
        }
    }

    @Test("a republished story credits its outlet and points its canonical link at the original")
    func republished() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/2026/11/20/partner-story-on-tides", method: .get) { response in
                let html = response.text
                #expect(html.contains(#"Originally published by <a href="https://courier.example/2026/11/tides">Harbour Courier</a>"#))
                #expect(html.contains(#"<link rel="canonical" href="https://courier.example/2026/11/tides">"#))
                #expect(!html.contains("Updated <time"))
            }
        }
    }

    @Test("a story reached by a wrong date is redirected to its address; drafts and unknown slugs are 404")
    func articleAddresses() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/2025/01/01/council-approves-new-bridge", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/2026/11/20/council-approves-new-bridge")
            }
            for uri in ["/2026/11/20/unfinished-draft", "/2026/11/20/no-such-story", "/2026/11/20/Bad_Slug", "/2026/11/20/%3Cscript%3E"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("The Test Chronicle"), "the 404 page looks like the site")
                    #expect(response.text.contains("Page not found"))
                }
            }
        }
    }

    @Test("section, author and tag pages list their stories")
    func listPages() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/section/business", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Business</h1>"))
                #expect(response.text.contains("Market stalls return"))
                #expect(!response.text.contains("Council approves new bridge</a></h3>"))
                #expect(response.text.contains(#"<a href="/section/business" aria-current="page">Business</a>"#))
            }
            try await client.execute(uri: "/author/ana-ruiz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Ana Ruiz</h1>"))
                #expect(response.text.contains(#"<p class="profile-role">Courts reporter</p>"#))
                #expect(response.text.contains("Ana covers the courts."))
                #expect(response.text.contains(#"<img class="profile-photo" src="/images/\#(fixture.image.sha256).svg""#))
                #expect(response.text.contains("Council approves new bridge"))
                #expect(!response.text.contains("Market stalls return"))
            }
            try await client.execute(uri: "/tag/local-politics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Local politics</h1>"))
                #expect(response.text.contains("Council approves new bridge"))
            }
            try await client.execute(uri: "/section/letters", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No stories here yet."))
            }
            for uri in ["/section/nope", "/author/nobody", "/tag/nothing"] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .notFound, "\(uri)") }
            }
        }
    }

    @Test("lists are paginated with older and newer links, and a page past the end is 404")
    func pagination() async throws {
        let fixture = try await Fixture.make()
        let stories = (0..<25).map { fixture.story("Story number \($0)", hoursAgo: Double($0 + 1)) }
        _ = try await fixture.store.createArticles(stories)
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/section/world", method: .get) { response in
                #expect(response.text.contains(#"<a href="/section/world?page=2" rel="next">Older stories"#))
                #expect(!response.text.contains(#"rel="prev""#))
                #expect(response.text.contains("Story number 19") && !response.text.contains("Story number 20<"))
            }
            try await client.execute(uri: "/section/world?page=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<a href="/section/world" rel="prev">"#))
                #expect(!response.text.contains(#"rel="next""#))
                #expect(response.text.contains("Story number 24"))
            }
            try await client.execute(uri: "/section/world?page=3", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/?page=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Older stories"))
                #expect(response.text.contains("Story number 12"))
                #expect(!response.text.contains(#"<section class="lead-story""#))
            }
            try await client.execute(uri: "/?page=3", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/?page=4", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test("search keeps the query in the box, finds published stories, and shows the latest for an empty query")
    func search() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/search?q=bridge", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<input type="search" id="site-search-q" name="q" value="bridge""#))
                #expect(response.text.contains("Search results for “bridge”"))
                #expect(response.text.contains("Council approves new bridge"))
                #expect(response.text.contains(#"<meta name="robots" content="noindex">"#))
            }
            try await client.execute(uri: "/search?q=unfinished", method: .get) { response in
                #expect(response.text.contains("No stories match “unfinished”"))
            }
            try await client.execute(uri: "/search", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Latest stories"))
                #expect(response.text.contains("Market stalls return"))
            }
        }
    }

    @Test("about, contact and feeds pages exist and link the feed")
    func infoPages() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            for uri in ["/about", "/contact", "/feeds"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.text.contains(#"<a class="site-name" href="/">The Test Chronicle</a>"#))
                }
            }
            try await client.execute(uri: "/feeds", method: .get) { response in
                #expect(response.text.contains("https://news.example.test/rss.xml"))
            }
        }
    }

    @Test("images and assets are served with their type and a year-long cache")
    func media() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: fixture.image.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(response.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
                #expect(response.text == Fixture.svg)
            }
            try await client.execute(uri: "/images/\(fixture.image.sha256).png", method: .get) { response in
                #expect(response.status == .notFound)
            }
            let html = try await client.execute(uri: "/", method: .get) { $0.text }
            let stylesheet = try #require(html.firstMatch(of: /href="(\/assets\/site\.[0-9a-f]+\.css)"/)?.1)
            try await client.execute(uri: String(stylesheet), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(response.text.contains("prefers-color-scheme: dark"))
                #expect(response.text.contains("@media print"))
                #expect(!response.text.contains("@import") && !response.text.contains("url(http"))
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test("every page forbids outside scripts and styles")
    func securityHeaders() async throws {
        let fixture = try await Self.publication()
        try await makeApp(fixture).test(.router) { client in
            for uri in ["/", "/no-such-page", "/rss.xml"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                }
            }
        }
    }

    @Test("every page and feed answers with its status, content type and cache policy")
    func headers() async throws {
        let fixture = try await Self.publication()
        let html = "text/html; charset=utf-8"
        let cases: [(String, Int, String, String)] = [
            ("/", 200, html, "public, max-age=60"),
            ("/2026/11/20/council-approves-new-bridge", 200, html, "public, max-age=60"),
            ("/2020/01/01/council-approves-new-bridge", 301, "", "public, max-age=60"),
            ("/section/world", 200, html, "public, max-age=60"),
            ("/author/ana-ruiz", 200, html, "public, max-age=60"),
            ("/tag/bridges", 200, html, "public, max-age=60"),
            ("/search?q=bridge", 200, html, "public, max-age=60"),
            ("/about", 200, html, "public, max-age=60"),
            ("/rss.xml", 200, "application/rss+xml; charset=utf-8", "public, max-age=60"),
            ("/atom.xml", 200, "application/atom+xml; charset=utf-8", "public, max-age=60"),
            ("/feed.json", 200, "application/feed+json; charset=utf-8", "public, max-age=60"),
            ("/section/world/rss.xml", 200, "application/rss+xml; charset=utf-8", "public, max-age=60"),
            ("/author/ana-ruiz/atom.xml", 200, "application/atom+xml; charset=utf-8", "public, max-age=60"),
            ("/tag/bridges/feed.json", 200, "application/feed+json; charset=utf-8", "public, max-age=60"),
            ("/search.json?q=bridge", 200, "application/feed+json; charset=utf-8", "public, max-age=60"),
            ("/section/nowhere/rss.xml", 404, html, "public, max-age=60"),
            ("/sitemap.xml", 200, "application/xml; charset=utf-8", "public, max-age=60"),
            ("/sitemaps/stories-1.xml", 200, "application/xml; charset=utf-8", "public, max-age=60"),
            ("/sitemaps/stories-2.xml", 404, html, "public, max-age=60"),
            ("/sitemaps/stories-x.xml", 404, html, "public, max-age=60"),
            ("/news-sitemap.xml", 200, "application/xml; charset=utf-8", "public, max-age=60"),
            ("/robots.txt", 200, "text/plain; charset=utf-8", "public, max-age=60"),
            ("/feeds", 200, html, "public, max-age=60"),
            ("/nothing-here", 404, html, "public, max-age=60"),
            ("/?page=zero", 400, html, "no-store"),
        ]
        try await makeApp(fixture).test(.router) { client in
            for (uri, status, type, cache) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code == status, "\(uri)")
                    if !type.isEmpty { #expect(response.headers[.contentType] == type, "\(uri)") }
                    #expect(response.headers[.cacheControl] == cache, "\(uri)")
                }
            }
        }
    }

    @Test("addresses and times follow the publication's time zone")
    func timeZone() async throws {
        let fixture = try await Fixture.make()
        // 03:30 UTC on 1 July 2026 is 23:30 on 30 June in New York (EDT, UTC-4).
        var story = fixture.story("Late night vote")
        story.publishedAt = Date(timeIntervalSince1970: 1_782_876_600)
        try await fixture.add(story)
        let configuration = try testConfiguration([.timeZone: "America/New_York", .language: "en-US"])
        try await makeApp(fixture, configuration: configuration).test(.router) { client in
            try await client.execute(uri: "/section/world", method: .get) { response in
                #expect(response.text.contains(#"href="/2026/06/30/late-night-vote""#))
            }
            try await client.execute(uri: "/2026/06/30/late-night-vote", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<time datetime="2026-07-01T03:30:00Z">30 June 2026, 23:30 EDT</time>"#))
            }
            try await client.execute(uri: "/2026/07/01/late-night-vote", method: .get) { response in
                #expect(response.status == .movedPermanently)
            }
        }
    }
}

import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import BroadsheetWeb

@Suite("Text size controls")
struct TextSizeTests {
    static let article = "/2026/11/20/a-long-read"

    static func post(_ change: String, cookie: String?, returnTo: String = article, client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = "text_size=\(cookie)" }
        let body = "return=\(returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&change=\(change)"
        return try await client.execute(uri: "/preferences/text-size", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("without JavaScript: the form sets a cookie, returns the reader to the controls, and the page renders that size")
    func roundTrip() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("A long read"))
        try await makeApp(fixture).test(.router) { client in
            let response = try await Self.post("larger", cookie: nil, client: client)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == Self.article + "#article-tools")
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("text_size=112.5"))
            #expect(setCookie.contains("Path=/"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("HttpOnly"), "the script must be able to keep the same cookie")

            try await client.execute(uri: Self.article, method: .get, headers: [.cookie: "text_size=112.5"]) { page in
                #expect(page.text.contains(#"<html lang="en-GB" class="text-size-2">"#))
                #expect(page.text.contains(#"<output data-text-size-label aria-live="polite">112.5%</output>"#))
                #expect(!page.text.contains(#"value="reset" data-change="reset" disabled"#))
            }
        }
    }

    @Test("steps run from 87.5% to 175%, stop at both ends, and reset to 100%")
    func steps() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("A long read"))
        try await makeApp(fixture).test(.router) { client in
            var size: String? = nil
            var seen: [String] = []
            for _ in 0..<8 {
                let response = try await Self.post("larger", cookie: size, client: client)
                size = response.headers[.setCookie]?.firstMatch(of: /text_size=([0-9.]+)/).map { String($0.1) }
                seen.append(size ?? "?")
            }
            #expect(seen == ["112.5", "125", "137.5", "150", "175", "175", "175", "175"])
            try await client.execute(uri: Self.article, method: .get, headers: [.cookie: "text_size=175"]) { page in
                #expect(page.text.contains(#"value="larger" data-change="larger" disabled"#))
                #expect(page.text.contains("175%"))
            }
            let smallest = try await Self.post("smaller", cookie: "87.5", client: client)
            #expect(smallest.headers[.setCookie]?.contains("text_size=87.5") == true)
            try await client.execute(uri: Self.article, method: .get, headers: [.cookie: "text_size=87.5"]) { page in
                #expect(page.text.contains(#"class="text-size-0""#))
                #expect(page.text.contains(#"value="smaller" data-change="smaller" disabled"#))
            }
            let reset = try await Self.post("reset", cookie: "150", client: client)
            #expect(reset.headers[.setCookie]?.contains("text_size=100;") == true)
        }
    }

    @Test("a forged or unknown cookie renders the standard size")
    func forgedCookie() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("A long read"))
        try await makeApp(fixture).test(.router) { client in
            for cookie in ["text_size=9000", "text_size=%3Cscript%3E", "text_size=", "text_size=112.50001"] {
                try await client.execute(uri: Self.article, method: .get, headers: [.cookie: cookie]) { page in
                    #expect(page.status == .ok)
                    #expect(page.text.contains(#"class="text-size-1""#), "\(cookie)")
                }
            }
        }
    }

    @Test("the return address must be a path on this site", arguments: [
        ("https://evil.example/", "/"), ("//evil.example/x", "/"), ("/\\evil.example", "/"), ("javascript:alert(1)", "/"),
        ("/section/world?page=2", "/section/world?page=2"), ("", "/"),
    ])
    func openRedirects(returnTo: String, expected: String) async throws {
        let fixture = try await Fixture.make()
        try await makeApp(fixture).test(.router) { client in
            let response = try await Self.post("larger", cookie: nil, returnTo: returnTo, client: client)
            #expect(response.headers[.location] == expected + "#article-tools")
        }
    }

    @Test("story text is sized in rem scaled by the reader's choice, so browser settings still apply")
    func stylesheet() throws {
        let css = try String(contentsOf: try #require(assetURL("site.css")), encoding: .utf8)
        #expect(css.contains(".story-body {") && css.contains("font-size: calc(1.125rem * var(--text-scale));"))
        #expect(TextSize.steps.count >= 5 && TextSize.steps.first == 87.5 && TextSize.steps.last! >= 150)
        for (index, percent) in TextSize.steps.enumerated() {
            let scale = percent / 100
            let written = scale == scale.rounded() ? String(Int(scale)) : String(scale)
            #expect(css.contains(".text-size-\(index) { --text-scale: \(written); }"), "the stylesheet has every step the server knows")
        }
    }
}

/// A file of the web target's bundled assets, read as the server reads it.
func assetURL(_ name: String) -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Sources/BroadsheetWeb/Resources/assets/\(name)")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}

@Suite("Template values")
struct TemplateValuesTests {
    @Test("hand-built template dictionaries hold exactly what reflection finds, so templates see the same names")
    func handBuiltMatchesReflection() throws {
        let section = Section(id: 1, slug: "world", name: "World", description: "", position: 0)
        let author = Author(id: 2, slug: "ana", name: "Ana", role: "Reporter", bio: "", photo: nil)
        let image = ImageReference(sha256: String(repeating: "a", count: 64), mediaType: .svg, width: 10, height: 5)
        var story = ArticleSummary(
            id: 3, slug: "a-story", headline: "A story", standfirst: "Sums it up.", section: section, authors: [author, author],
            publishedAt: Date(timeIntervalSince1970: 1_795_176_000), contentUpdatedAt: nil,
            leadImage: LeadImage(image: image, alt: "Alt", caption: "", credit: ""),
            source: StorySource(outletName: "Courier", url: URL(string: "https://c.example/")!)
        )
        let configuration = try testConfiguration()
        let time = ReaderTime(timeZone: configuration.timeZone, language: configuration.language, clock: FixedClock(Fixture.now))
        for variant in 0..<2 {
            if variant == 1 { story.leadImage = nil; story.source = nil }
            let card = StoryCard(story, links: Links(configuration: configuration), time: time)
            #expect(TemplateValues.reflect(card) == card.templateValue)
        }
    }

    @Test("a story page's hand-built values (the page, the story's own part) hold what reflection finds, with and without image, source, tags, corrections and update")
    func handBuiltArticlePage() async throws {
        let fixture = try await Fixture.make()
        let source = StorySource(outletName: "Courier", url: URL(string: "https://c.example/a")!, originalAuthor: "Kim", originalPublishedAt: Fixture.now)
        try await fixture.add(
            fixture.story("Full story", hoursAgo: 2, authors: [fixture.ana, fixture.ben], tags: ["Courts", "Budget"], leadImage: true, source: source, updatedHoursAgo: 1),
            fixture.story("Bare story", hoursAgo: 3, authors: []),
            fixture.story("Other story", hoursAgo: 4)
        )
        let full = try #require(try await fixture.store.publishedArticle(slug: "full-story"))
        _ = try await fixture.store.addCorrection(storyID: full.summary.id, kind: .correction, text: "An earlier version erred.", at: Fixture.now)
        let configuration = try testConfiguration()
        let dependencies = testDependencies(fixture)
        let resources = try webResourcesDirectory()
        let site = ReaderSite(
            configuration: configuration, dependencies: dependencies, links: Links(configuration: configuration),
            time: ReaderTime(timeZone: configuration.timeZone, language: configuration.language, clock: dependencies.clock),
            renderer: try PageRenderer(directory: resources.appendingPathComponent("templates")),
            assets: try Assets(directory: resources.appendingPathComponent("assets"))
        )
        var checked = 0
        for slug in ["full-story", "bare-story"] {
            let story = try #require(try await fixture.store.publishedArticle(slug: slug))
            guard case .page(let page) = try await ArticlePage.load(site: site, slug: slug, requestedPath: site.links.path(for: story.summary), textSize: .standard) else {
                Issue.record("no page for \(slug)"); continue
            }
            let view = site.storyPages.view(try #require(try await fixture.store.publishedArticle(slug: slug)))
            if slug == "full-story" { #expect(view.source != nil && view.leadImage != nil && view.updated != nil && !view.corrections.isEmpty && !view.tags.isEmpty) }
            #expect(TemplateValues.reflect(view) == view.templateValue)
            #expect(TemplateValues.reflect(page) == page.templateValue)
            checked += 1
        }
        #expect(checked == 2)
        // The front page (first and a later page), and the section, author and topic lists.
        // Enough newer stories in one section that the other's stories fall below the latest list into its block.
        try await fixture.add(contentsOf: (0..<(FrontPage.pageSize + 4)).map {
            fixture.story("Filler \($0)", hoursAgo: 0.5 - Double($0) / 100, section: fixture.business)
        })
        for pageNumber in [1, 2] {
            let front = try await FrontPage.load(site: site, pageNumber: pageNumber)
            if pageNumber == 1 { #expect(!front.sectionBlocks.isEmpty && front.lead != nil) }
            #expect(TemplateValues.reflect(front) == front.templateValue)
        }
        let lists = [
            try await StoryListPage.section(site: site, slug: "world", pageNumber: 1),
            try await StoryListPage.author(site: site, slug: "ana-ruiz", pageNumber: 1),
            try await StoryListPage.tag(site: site, slug: "courts", pageNumber: 1),
        ]
        #expect(lists[1].profile?.photo != nil)
        for list in lists { #expect(TemplateValues.reflect(list) == list.templateValue) }
        // The search page: with results (and filters set), with none, and without a query (the latest stories).
        var checkedSearches = 0
        var filtered = SearchParameters(q: "filler")
        filtered.section = "business"
        filtered.from = "2026-01-01"
        filtered.sort = .date
        for parameters in [filtered, SearchParameters(q: "nothingmatchesthis"), SearchParameters(q: "")] {
            let search = try await SearchPage.load(site: site, parameters: parameters, pageNumber: 1)
            switch parameters.q {
            case "": #expect(!search.hasQuery && !search.latest.isEmpty)
            case "nothingmatchesthis": #expect(search.noResults)
            default: #expect(!search.results.isEmpty && search.form.sortsByDate && search.form.sections.contains { $0.isSelected })
            }
            #expect(TemplateValues.reflect(search) == search.templateValue)
            checkedSearches += 1
        }
        #expect(checkedSearches == 3)
    }

    @Test("the hand-built chrome, head, navigation, pagination and option values hold what reflection finds")
    func handBuiltPageParts() throws {
        let social = [
            SocialMeta(type: "article", title: "T", description: "D", url: "https://x.test/a", siteName: "S", ogImage: "https://x.test/i.png",
                       imageAlt: "Alt", ogPublished: "2026-11-24T10:00:00Z", ogModified: "2026-11-25T10:00:00Z", ogSection: "World",
                       twitterCard: "summary_large_image"),
            SocialMeta(type: "website", title: "T", description: "D", url: "https://x.test/", siteName: "S", ogImage: nil, imageAlt: "S",
                       ogPublished: nil, ogModified: nil, ogSection: nil, twitterCard: "summary"),
        ]
        for meta in social {
            let head = PageHead(title: "T", description: "D", canonicalURL: "https://x.test/", noIndex: true,
                                feeds: [FeedAlternate(title: "F", url: "/rss.xml", type: "application/rss+xml")], social: meta)
            #expect(TemplateValues.reflect(head) == head.templateValue)
        }
        let chrome = SiteChrome(
            name: "N", tagline: "T", language: "en", homeURL: "/", sections: [NavigationItem(name: "World", url: "/section/world", isCurrent: true)],
            searchQuery: "q", stylesheetURL: "/s.css", scriptURL: "/s.js", iconURL: "/i.svg", rssURL: "/rss.xml", aboutURL: "/about",
            contactURL: "/contact", feedsURL: "/feeds", correctionsURL: "/corrections", searchURL: "/search", year: 2026, textSizeClass: "text-100"
        )
        #expect(TemplateValues.reflect(chrome) == chrome.templateValue)
        for (hasPrevious, hasMore) in [(false, false), (true, true)] {
            let request = try #require(PageRequest(number: hasPrevious ? 2 : 1, size: 10))
            let pagination = PaginationView(page: Page(items: [1], request: request, hasMore: hasMore)) { .home(page: $0) }
            #expect(TemplateValues.reflect(pagination) == pagination.templateValue)
        }
        let option = SearchPage.Option(value: "v", label: "L", isSelected: true)
        #expect(TemplateValues.reflect(option) == option.templateValue)
        let link = FeedLinkView(label: "RSS", url: "/rss.xml")
        #expect(TemplateValues.reflect(link) == link.templateValue)
    }
}

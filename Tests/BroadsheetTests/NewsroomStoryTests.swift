import BroadsheetCore
import BroadsheetStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BroadsheetWeb

@Suite("Newsroom stories: editing, workflow, revisions, corrections, uploads")
struct NewsroomStoryTests {
    static func storyFields(_ fixture: Fixture, headline: String = "Harbour wall repaired", action: String = "save", extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("headline", headline), ("standfirst", "The wall held through the storm."), ("section", String(fixture.world.id)),
            ("authors", String(fixture.ana.id)), ("tags", "Harbour, Storms"), ("body", "First paragraph.\n\n> Quoted words.\n>\n> — Dana Whitlock"),
            ("action", action),
        ] + extra
    }

    @Test("a save that fails validation returns the form with everything typed and says what to fix")
    func failedSaveKeepsInput() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer, author: fixture.ana)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("writer@example.test", password)
            let body = "A long body with <tags> & \"quotes\"\nthat must come back exactly."
            let response = try await browser.postMultipart("/newsroom/stories", [
                ("headline", ""), ("standfirst", "Kept standfirst"), ("slug", "Bad Slug!"), ("section", String(fixture.world.id)),
                ("tags", "Kept, Tags"), ("body", body), ("source_name", "Courier"), ("source_url", "javascript:alert(1)"), ("action", "publish"),
            ])
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("The story was not saved. Fix what is marked below; everything you typed is kept."))
            #expect(html.contains("Write a headline of 1 to 200 characters."))
            #expect(html.contains("Use lowercase letters, digits and single hyphens"))
            #expect(html.contains("A republished story needs both the outlet"))
            #expect(html.contains(">Kept standfirst</textarea>"))
            #expect(html.contains(#"value="Kept, Tags""#))
            #expect(html.contains(#"value="Bad Slug!""#))
            #expect(html.contains("A long body with &lt;tags&gt; &amp; &quot;quotes&quot;\nthat must come back exactly.</textarea>"))
            #expect(html.contains(#"value="javascript:alert(1)""#), "even the bad address is given back to be fixed")
            #expect(try await fixture.store.articleCount() == 0)
        }
    }

    @Test("a writer's story goes from draft to published; the published time is set once and an Updated time only when marked")
    func workflow() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer, author: fixture.ana)
        let clock = TestClock()
        try await makeApp(fixture, clock: clock).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("writer@example.test", password)
            let created = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture))
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasSuffix("?notice=saved"))
            let path = String(location.split(separator: "?")[0])
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            #expect(try await fixture.store.editableStory(id: id)?.status == .draft)
            #expect(try await client.execute(uri: "/2026/11/20/harbour-wall-repaired", method: .get) { $0.status } == .notFound)

            _ = try await browser.get(path)
            clock.advance(by: 600)
            #expect(try await browser.postMultipart(path, Self.storyFields(fixture, action: "publish")).status == .seeOther)
            let published = try #require(try await fixture.store.editableStory(id: id))
            #expect(published.status == .published)
            #expect(published.publishedAt == Fixture.now.addingTimeInterval(600))
            try await client.execute(uri: "/2026/11/20/harbour-wall-repaired", method: .get) { page in
                #expect(page.status == .ok)
                #expect(!page.text.contains("Updated <time"))
            }

            clock.advance(by: 3_600)
            _ = try await browser.get(path)
            #expect(try await browser.postMultipart(path, Self.storyFields(fixture, headline: "Harbour wall repaired again")).status == .seeOther)
            #expect(try await fixture.store.editableStory(id: id)?.contentUpdatedAt == nil, "an edit not marked substantive shows no Updated time")
            #expect(try await fixture.store.editableStory(id: id)?.publishedAt == Fixture.now.addingTimeInterval(600), "published time kept")

            clock.advance(by: 600)
            #expect(try await browser.postMultipart(path, Self.storyFields(fixture, headline: "Harbour wall repaired again", extra: [("substantive", "1")])).status == .seeOther)
            #expect(try await fixture.store.editableStory(id: id)?.contentUpdatedAt == Fixture.now.addingTimeInterval(4_800))
            try await client.execute(uri: "/2026/11/20/harbour-wall-repaired", method: .get) { page in
                #expect(page.text.contains("Updated <time"), "the story keeps its address and now shows when it was updated")
            }
        }
    }

    @Test("changing a published story's slug keeps a permanent redirect from the old address")
    func slugRedirect() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let ids = try await fixture.add(fixture.story("Old name of the story"))
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            _ = try await browser.get("/newsroom/stories/\(ids[0])")
            let saved = try await browser.postMultipart("/newsroom/stories/\(ids[0])", Self.storyFields(fixture, headline: "New name", extra: [("slug", "new-name")]))
            #expect(saved.status == .seeOther)
            try await client.execute(uri: "/2026/11/20/old-name-of-the-story", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/2026/11/20/new-name")
            }
            try await client.execute(uri: "/2026/11/20/new-name", method: .get) { #expect($0.status == .ok) }
            // The old address stays reserved for the moved story.
            _ = try await browser.get("/newsroom/stories/new")
            let clash = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture, extra: [("slug", "old-name-of-the-story")]))
            #expect(clash.status == .unprocessableContent)
            #expect(clash.text.contains("Another story already uses the address"))
        }
    }

    @Test("a contributor submits for review but cannot publish; an editor publishes it")
    func contributorAndEditor() async throws {
        let fixture = try await Fixture.make()
        let (_, contributorPassword) = try await fixture.account(.contributor, author: fixture.ben)
        let (_, editorPassword) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let contributor = NewsroomBrowser(client)
            try await contributor.logIn("contributor@example.test", contributorPassword)
            let page = try await contributor.get("/newsroom/stories/new")
            #expect(!page.text.contains(#"value="publish""#), "no Publish button for a contributor")
            #expect(try await contributor.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "publish")).status == .forbidden)
            #expect(try await fixture.store.articleCount() == 0)
            let submitted = try await contributor.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "submit"))
            #expect(submitted.status == .seeOther)
            let id = try #require(try await fixture.store.listStories(StoryListFilter(), page: PageRequest(number: 1, size: 5)!).items.first?.id)
            #expect(try await fixture.store.editableStory(id: id)?.status == .inReview)

            let editor = NewsroomBrowser(client)
            try await editor.logIn("editor@example.test", editorPassword)
            let queue = try await editor.get("/newsroom?status=in_review")
            #expect(queue.text.contains("Harbour wall repaired"))
            _ = try await editor.get("/newsroom/stories/\(id)")
            #expect(try await editor.postMultipart("/newsroom/stories/\(id)", Self.storyFields(fixture, action: "publish")).status == .seeOther)
            #expect(try await fixture.store.editableStory(id: id)?.status == .published)
            // Once published, the contributor can no longer change it.
            _ = try await contributor.get("/newsroom")
            #expect(try await contributor.get("/newsroom/stories/\(id)").status == .forbidden)
        }
    }

    @Test("scheduled stories are published by the background job at their time, also when the server restarts")
    func scheduling() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let clock = TestClock()
        try await makeApp(fixture, clock: clock).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            _ = try await browser.get("/newsroom/stories/new")
            let tooEarly = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "schedule", extra: [("publish_at", "2026-11-20T11:00")]))
            #expect(tooEarly.status == .unprocessableContent)
            #expect(tooEarly.text.contains("Choose a publication time in the future."))
            let scheduled = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "schedule", extra: [("publish_at", "2026-11-20T12:30")]))
            #expect(scheduled.status == .seeOther)
        }
        let id = try #require(try await fixture.store.listStories(StoryListFilter(status: .scheduled), page: PageRequest(number: 1, size: 5)!).items.first?.id)
        #expect(try await fixture.store.publishDueStories(at: Fixture.now.addingTimeInterval(29 * 60)) == [])

        // The server was down at 12:30; a new store on the same file, as after a restart, and the job's first pass.
        let restarted = try SQLiteStore(path: fixture.directory.path("test.sqlite"))
        let later = FixedClock(Fixture.now.addingTimeInterval(45 * 60))
        let job = Task { try await ScheduledPublishing(stories: restarted, clock: later, logger: .init(label: "test"), interval: .milliseconds(50)).run() }
        var published = false
        for _ in 0..<100 where !published {
            try await Task.sleep(for: .milliseconds(20))
            published = try await restarted.editableStory(id: id)?.status == .published
        }
        job.cancel()
        let story = try #require(try await restarted.editableStory(id: id))
        #expect(story.status == .published)
        #expect(story.publishedAt == Fixture.now.addingTimeInterval(30 * 60), "published at its scheduled time")
        #expect(try await restarted.publishDueStories(at: later.now()) == [], "each story is published once")
        #expect(try await restarted.search(SearchRequest(query: SearchQuery("harbour wall")), page: PageRequest(number: 1, size: 10)!).total == 1)
    }

    @Test("every save is a revision; a revision shows its differences from the current text and can be restored")
    func revisions() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            _ = try await browser.get("/newsroom/stories/new")
            let created = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture))
            let path = String(try #require(created.headers[.location]).split(separator: "?")[0])
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            var fields = Self.storyFields(fixture)
            fields[5] = ("body", "First paragraph.\n\nA second paragraph added later.")
            _ = try await browser.postMultipart(path, fields)
            let revisions = try await fixture.store.revisions(storyID: id)
            #expect(revisions.count == 2)
            #expect(revisions.allSatisfy { $0.userName == "Test Editor" })

            let list = try await browser.get("\(path)/revisions")
            #expect(list.status == .ok)
            #expect(list.text.contains("Current"))
            let oldest = try #require(revisions.last)
            let view = try await browser.get("/newsroom/revisions/\(oldest.id)")
            #expect(view.text.contains(#"<span class="diff-added">+ A second paragraph added later.</span>"#))
            #expect(view.text.contains(#"<span class="diff-removed">− &gt; Quoted words.</span>"#))

            #expect(try await browser.post("/newsroom/revisions/\(oldest.id)/restore", []).status == .seeOther)
            let restored = try #require(try await fixture.store.editableStory(id: id))
            #expect(restored.bodyMarkdown == oldest.bodyMarkdown)
            #expect(try await fixture.store.revisions(storyID: id).count == 3, "restoring adds a revision; history is kept")
        }
    }

    @Test("a correction appears on the story, in its JSON-LD, at the top of the feed under the same guid, and on /corrections")
    func corrections() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let (_, writerPassword) = try await fixture.account(.writer, email: "w@example.test")
        let ids = try await fixture.add(fixture.story("Bridge vote", hoursAgo: 30), fixture.story("Newer story", hoursAgo: 2))
        let clock = TestClock()
        try await makeApp(fixture, clock: clock).test(.router) { client in
            let guidBefore = try await client.execute(uri: "/rss.xml", method: .get) { FeedReader.parse($0.text)?.items.last?.guid }
            let writer = NewsroomBrowser(client)
            try await writer.logIn("w@example.test", writerPassword)
            #expect(try await writer.post("/newsroom/stories/\(ids[0])/corrections", [("kind", "correction"), ("text", "x")]).status == .forbidden)

            let editor = NewsroomBrowser(client)
            try await editor.logIn("editor@example.test", password)
            clock.advance(by: 60)
            let added = try await editor.post("/newsroom/stories/\(ids[0])/corrections", [("kind", "correction"), ("text", "The vote was 9 to 2, not 8 to 3.")])
            #expect(added.status == .seeOther)
            #expect(try await editor.post("/newsroom/stories/\(ids[0])/corrections", [("kind", "correction"), ("text", "  ")]).status == .unprocessableContent)

            try await client.execute(uri: "/2026/11/19/bridge-vote", method: .get) { page in
                #expect(page.text.contains("<strong>Correction</strong> (<time datetime=\"2026-11-20T12:01:00Z\">20 November 2026, 12:01 GMT</time>): The vote was 9 to 2, not 8 to 3."))
                let json = try #require(page.text.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.1)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                #expect(object["@type"] as? String == "NewsArticle")
                let correction = try #require((object["correction"] as? [[String: Any]])?.first)
                #expect(correction["@type"] as? String == "CorrectionComment")
                #expect((correction["text"] as? String)?.contains("9 to 2") == true)
                #expect(object["dateModified"] as? String == "2026-11-20T12:01:00Z")
            }
            try await client.execute(uri: "/rss.xml", method: .get) { response in
                let items = try #require(FeedReader.parse(response.text)).items
                #expect(items.first?.title == "Bridge vote", "the corrected story comes back to the top of the feed")
                #expect(items.first?.guid == guidBefore)
                #expect(response.text.contains("<atom:updated>2026-11-20T12:01:00Z</atom:updated>"))
            }
            try await client.execute(uri: "/corrections", method: .get) { page in
                #expect(page.status == .ok)
                #expect(page.text.contains(#"<a href="/2026/11/19/bridge-vote">Bridge vote</a>"#))
                #expect(page.text.contains("The vote was 9 to 2, not 8 to 3."))
            }
        }
    }

    @Test("uploads are checked by content: a PNG named .exe is stored as PNG; text named .jpg and oversized files are refused, nothing stored")
    func uploads() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer, author: fixture.ana)
        try await makeApp(fixture, uploadLimit: 64 * 1_024).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("writer@example.test", password)
            _ = try await browser.get("/newsroom/stories/new")
            let imagesBefore = try await fixture.store.imageCount()

            let text = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture), files: [("lead_image", "photo.jpg", Data("just some text, not a picture".utf8))])
            #expect(text.status == .unprocessableContent)
            #expect(text.text.contains("That file is not a JPEG, PNG, WebP or GIF image."))
            #expect(text.text.contains(#"value="Harbour wall repaired""#), "the rest of the form is kept")

            let big = pngBytes() + Data(repeating: 0, count: 70 * 1_024)
            let oversized = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture), files: [("lead_image", "big.png", big)])
            #expect(oversized.status == .unprocessableContent)
            #expect(oversized.text.contains("The file is larger than"))
            #expect(try await fixture.store.imageCount() == imagesBefore)
            #expect(try await fixture.store.articleCount() == 0)

            let disguised = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "publish", extra: [("lead_caption", "The wall")]),
                                                            files: [("lead_image", "setup.exe", pngBytes(width: 800, height: 450))])
            #expect(disguised.status == .seeOther)
            let story = try #require(try await fixture.store.publishedArticle(slug: "harbour-wall-repaired"))
            let image = try #require(story.summary.leadImage?.image)
            #expect(image.mediaType == .png && image.width == 800 && image.height == 450)
            try await client.execute(uri: image.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            }
        }
    }

    @Test("Preview renders the body with the site's renderer and saves nothing")
    func preview() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.contributor, author: fixture.ana)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("contributor@example.test", password)
            _ = try await browser.get("/newsroom/stories/new")
            let page = try await browser.postMultipart("/newsroom/stories", Self.storyFields(fixture, action: "preview"))
            #expect(page.status == .ok)
            #expect(page.text.contains("<figure class=\"quotation\">\n<blockquote>\n<p>Quoted words.</p>"))
            #expect(page.text.contains("<cite>Dana Whitlock</cite>"))
            #expect(try await fixture.store.articleCount() == 0)
        }
    }

    @Test("editors rename sections and tags and add author profiles with photos; readers see the changes")
    func taxonomy() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await fixture.add(fixture.story("Tide tables", tags: ["Tides"]))
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            _ = try await browser.get("/newsroom/sections")
            #expect(try await browser.post("/newsroom/sections/\(fixture.world.id)", [("name", "Around the world"), ("slug", "world"), ("description", "Far away"), ("position", "0")]).status == .seeOther)
            let clash = try await browser.post("/newsroom/sections/\(fixture.world.id)", [("name", "Business"), ("slug", "business"), ("position", "0")])
            #expect(clash.status == .unprocessableContent)
            #expect(clash.text.contains("is already taken"))
            let tag = try #require(try await fixture.store.tag(slug: "tides"))
            #expect(try await browser.post("/newsroom/tags/\(tag.id)", [("name", "Tides and currents")]).status == .seeOther)
            let created = try await browser.postMultipart("/newsroom/authors", [("name", "Zoë Marchetti"), ("role", "Science writer"), ("bio", "Writes about the river.")],
                                                          files: [("photo", "zoe.png", pngBytes(width: 400, height: 400))])
            #expect(created.status == .seeOther)
            let zoe = try #require(try await fixture.store.author(slug: "zoe-marchetti"))
            #expect(zoe.photo?.mediaType == .png)

            try await client.execute(uri: "/section/world", method: .get) { page in #expect(page.text.contains("<h1>Around the world</h1>")) }
            try await client.execute(uri: "/tag/tides-and-currents", method: .get) { page in #expect(page.text.contains("Tide tables")) }
            try await client.execute(uri: "/author/zoe-marchetti", method: .get) { page in
                #expect(page.status == .ok)
                #expect(page.text.contains("Writes about the river."))
            }
        }
        // The search index still finds the story by its section and tag after the renames.
        #expect(try await fixture.store.search(SearchRequest(query: SearchQuery("tide section:world tag:tides-and-currents")), page: PageRequest(number: 1, size: 10)!).total == 1)
    }
}

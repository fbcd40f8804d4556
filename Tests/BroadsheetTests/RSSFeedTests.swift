import BroadsheetCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("RSS 2.0 feed")
struct RSSFeedTests {
    @Test("the feed lists the latest published stories, newest first, never drafts, with every field")
    func feed() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Older story", hoursAgo: 30, section: fixture.business, authors: [fixture.ben], tags: ["Markets"]),
            fixture.story("Newest story", hoursAgo: 2, authors: [fixture.ana, fixture.ben], body: "See [the section](/section/world).\n\n![A chart](/images/\(fixture.image.sha256).svg \"Prices | Chart: Desk\")", leadImage: true, updatedHoursAgo: 1),
            fixture.story("Secret draft", status: .draft),
            fixture.story("Scheduled piece", status: .scheduled)
        )
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/rss+xml; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                let feed = try #require(FeedReader.parse(response.text))
                #expect(feed.channel["title"] == "The Test Chronicle")
                #expect(feed.channel["link"] == "https://news.example.test/")
                #expect(feed.channel["description"] == "All the news that fits the tests")
                #expect(feed.channel["language"] == "en-GB")
                #expect(feed.channel["lastBuildDate"] == "Fri, 20 Nov 2026 11:00:00 GMT")
                #expect(feed.selfLink == "https://news.example.test/rss.xml")
                #expect(feed.items.map(\.title) == ["Newest story", "Older story"])
                let newest = feed.items[0]
                #expect(newest.link == "https://news.example.test/2026/11/20/newest-story")
                #expect(newest.guid.hasPrefix("urn:uuid:") && newest.guidIsPermaLink == "false")
                #expect(newest.pubDate == "Fri, 20 Nov 2026 10:00:00 GMT")
                #expect(newest.creators == ["Ana Ruiz", "Ben Okafor"])
                #expect(newest.categories == ["World"])
                #expect(newest.description == "A standfirst that sums the story up.")
                #expect(newest.content.contains(#"<a href="https://news.example.test/section/world">the section</a>"#))
                #expect(newest.content.contains(#"src="https://news.example.test/images/\#(fixture.image.sha256).svg""#))
                #expect(!newest.content.contains(#"="/"#), "no site-relative URL is left in content:encoded")
                #expect(feed.items[1].categories == ["Business", "Markets"])
            }
        }
    }

    @Test("each story's guid is fixed at creation: it is not the address, and stays put as more stories arrive")
    func stableGuids() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("First", hoursAgo: 5))
        let app = try await makeApp(fixture)
        let before = try await app.test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { FeedReader.parse($0.text)?.items.first?.guid }
        }
        try await fixture.add(fixture.story("Second", hoursAgo: 1))
        let after = try await app.test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { FeedReader.parse($0.text)?.items.last }
        }
        #expect(after?.title == "First")
        #expect(after?.guid == before)
        #expect(after?.guid != after?.link)
    }

    @Test("editing a story's headline, slug and body keeps its guid and moves its link")
    func guidSurvivesEdits() async throws {
        let fixture = try await Fixture.make()
        let ids = try await fixture.add(fixture.story("Original headline", hoursAgo: 5))
        // The edit is written straight to the store, as another process would; the page cache's part is in PageCacheTests.
        let app = try await makeApp(fixture, configuration: try testConfiguration([.pageCache: "0"]))
        let before = try await app.test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { FeedReader.parse($0.text)?.items.first }
        }
        var edited = fixture.story("A corrected headline", slug: "a-corrected-headline", hoursAgo: 5, body: "New text.", updatedHoursAgo: 1)
        edited.createdAt = fixture.story("x", hoursAgo: 5).createdAt
        try await fixture.store.updateArticle(id: ids[0], edited)
        let after = try await app.test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { FeedReader.parse($0.text)?.items.first }
        }
        #expect(after?.title == "A corrected headline")
        #expect(after?.link == "https://news.example.test/2026/11/20/a-corrected-headline")
        #expect(after?.guid == before?.guid)
        #expect(after?.content.contains("New text.") == true)
    }

    @Test("an empty publication still has a valid feed")
    func empty() async throws {
        let fixture = try await Fixture.make()
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: "/rss.xml", method: .get) { response in
                let feed = try #require(FeedReader.parse(response.text))
                #expect(feed.items.isEmpty)
                // Nothing has changed yet: a fixed date, not the clock, so that the feed's validators stay put.
                #expect(feed.channel["lastBuildDate"] == "Thu, 01 Jan 1970 00:00:00 GMT")
            }
        }
    }
}

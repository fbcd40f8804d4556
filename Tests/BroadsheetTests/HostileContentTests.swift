import BroadsheetCore
import Foundation
import HummingbirdTesting
import Testing

@Suite("Hostile names and headlines are inert everywhere")
struct HostileContentTests {
    static let headline = #"<script>alert("x")</script> & 'quotes' "too""#
    static let name = #"Eve <img src=x onerror=alert(1)> "Mallory""#

    @Test("pages escape headlines, standfirsts, names, bios, tags and search echoes; the feed parses and keeps the text")
    func escaped() async throws {
        let fixture = try await Fixture.make()
        let eve = try await fixture.store.createAuthor(NewAuthor(slug: "eve", name: Self.name, role: "<b>Role</b>", bio: "<iframe src=//evil></iframe>", photo: nil))
        let section = try await fixture.store.createSection(NewSection(slug: "hostile", name: "<svg onload=alert(1)>", description: "\"><script>", position: 9))
        var story = fixture.story(
            Self.headline, slug: "hostile", section: section, authors: [eve], standfirst: "</p><script>alert(2)</script>",
            body: "Text <script>alert(3)</script> and [link](javascript:alert(4)).", tags: ["<b>bold</b>"], leadImage: true,
            source: StorySource(outletName: "<script>alert(5)</script>", url: URL(string: "https://o.example/?a=\"><script>alert(6)</script>")!)
        )
        story.leadImage?.alt = "\" onerror=\"alert(7)"
        story.leadImage?.caption = "<script>alert(8)</script>"
        story.leadImage?.credit = "<img src=x onerror=alert(9)>"
        try await fixture.add(story)
        let configuration = try testConfiguration([.name: "<script>alert(10)</script>", .tagline: "\"><img src=x onerror=alert(11)>"])
        try await makeApp(fixture, configuration: configuration).test(.router) { client in
            for uri in ["/", "/2026/11/20/hostile", "/author/eve", "/section/hostile", "/tag/b-bold-b", "/search?q=%3Cscript%3Ealert", "/search?q=%22%3E%3Cscript%3E"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = response.text
                    #expect(!html.contains("<script>alert"), "\(uri)")
                    #expect(!html.contains("<img src=x"), "\(uri)")
                    #expect(!html.contains("<svg onload"), "\(uri)")
                    #expect(!html.contains("<iframe"), "\(uri)")
                    #expect(!html.contains("javascript:"), "\(uri)")
                    #expect(!html.contains("\"><script>"), "\(uri)")
                    #expect(!html.contains("onerror=\"alert"), "\(uri)")
                    #expect(html.contains("&lt;script&gt;alert(10)&lt;/script&gt;"), "the configured name is escaped on \(uri)")
                }
            }
            try await client.execute(uri: "/2026/11/20/hostile", method: .get) { response in
                #expect(response.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &quot;too&quot;"))
            }
            try await client.execute(uri: "/rss.xml", method: .get) { response in
                let feed = try #require(FeedReader.parse(response.text), "the feed must stay well-formed XML")
                let item = try #require(feed.items.first)
                #expect(item.title == Self.headline)
                #expect(item.creators == [Self.name])
                #expect(item.categories.contains("<svg onload=alert(1)>"))
                #expect(!item.content.contains("<script>"))
                #expect(!item.content.contains("onerror=\""))
                #expect(!item.content.contains("javascript:"))
            }
        }
    }
}

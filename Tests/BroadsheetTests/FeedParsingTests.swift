@testable import BroadsheetFeeds
import BroadsheetCore
import Foundation
import Testing

@Suite("Feed parsing: every format into one model, leniently where the meaning is clear")
struct FeedParsingTests {
    static func parse(_ text: String, url: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(Data(text.utf8), url: url.flatMap(URL.init(string:)))
    }

    static func date(_ text: String) -> Date { Date(timeIntervalSince1970: TimeInterval(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970)) }

    @Test("RSS 2.0 with its extensions")
    func rss2() throws {
        let feed = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Valley Post</title><link>https://valley.example/</link><description>News</description><language>en-gb</language>
            <lastBuildDate>Fri, 20 Nov 2026 12:00:00 +0100</lastBuildDate>
            <item><title>Bridge &amp; road</title><link>https://valley.example/bridge</link><guid isPermaLink="false">vp-1</guid>
            <pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator><author>desk@valley.example (News Desk)</author>
            <category>Roads</category><category>Council</category><description>Short &lt;b&gt;version&lt;/b&gt;</description>
            <content:encoded><![CDATA[<p>Full <a href="/more">story</a>.</p>]]></content:encoded>
            <enclosure url="https://valley.example/a.jpg" length="1234" type="image/jpeg"/>
            <media:content url="https://valley.example/b.jpg" type="image/jpeg" fileSize="99"/></item>
            <item><title>Second</title><guid>https://valley.example/second</guid></item>
            </channel></rss>
            """)
        #expect(feed.format == "rss20")
        #expect(feed.title == "Valley Post" && feed.link == "https://valley.example/" && feed.language == "en-gb")
        #expect(feed.updated == Self.date("2026-11-20T11:00:00Z"))
        let item = try #require(feed.items.first)
        #expect(item.id == "vp-1" && item.title == "Bridge & road" && item.link == "https://valley.example/bridge")
        #expect(item.published == Self.date("2026-11-20T09:30:00Z"))
        #expect(item.authors.count == 2)
        #expect(item.authors.contains(ParsedPerson(name: "News Desk", email: "desk@valley.example", url: nil)))
        #expect(item.authors.contains(ParsedPerson(name: "Ana Ruiz", email: nil, url: nil)))
        #expect(item.categories == ["Roads", "Council"])
        #expect(item.summaryHTML == "Short <b>version</b>")
        #expect(item.contentHTML == "<p>Full <a href=\"/more\">story</a>.</p>")
        #expect(item.enclosures == [ParsedEnclosure(url: "https://valley.example/a.jpg", type: "image/jpeg", length: 1234),
                                    ParsedEnclosure(url: "https://valley.example/b.jpg", type: "image/jpeg", length: 99)])
        // A permalink guid is also the link.
        #expect(feed.items[1].link == "https://valley.example/second")
    }

    @Test("Atom 1.0: xml:base, inline XHTML, people, dates; Atom 0.3 too")
    func atom() throws {
        let feed = try Self.parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/" xml:lang="fr">
            <title type="html">Le &lt;i&gt;blog&lt;/i&gt;</title><subtitle>Sub</subtitle><updated>2026-11-20T10:00:00+01:00</updated>
            <link rel="self" href="feed.xml"/><link href="./"/>
            <author><name>Feed Author</name></author>
            <entry><id>tag:atom.example,2026:1</id><title>One</title><link rel="alternate" href="posts/1"/>
            <published>2026-11-19T08:00:00Z</published><updated>2026-11-20T08:00:00.5Z</updated>
            <category term="news"/><summary>S</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b> &amp; <a href="x">x</a></p></div></content>
            <link rel="enclosure" href="audio.mp3" type="audio/mpeg" length="5"/></entry>
            <entry><id>2</id><title>Two</title><author><name>Own</name><email>own@atom.example</email><uri>/own</uri></author><content type="html">&lt;p&gt;Escaped&lt;/p&gt;</content></entry>
            </feed>
            """)
        #expect(feed.format == "atom10" && feed.title == "Le <i>blog</i>" && feed.description == "Sub" && feed.language == "fr")
        #expect(feed.link == "https://atom.example/blog/")
        #expect(feed.updated == Self.date("2026-11-20T09:00:00Z"))
        let first = feed.items[0]
        #expect(first.id == "tag:atom.example,2026:1" && first.link == "https://atom.example/blog/posts/1")
        #expect(first.published == Self.date("2026-11-19T08:00:00Z"))
        #expect(first.updated.map { $0.timeIntervalSince1970 } == Self.date("2026-11-20T08:00:00Z").timeIntervalSince1970 + 0.5)
        #expect(first.authors == [ParsedPerson(name: "Feed Author", email: nil, url: nil)], "the feed's author stands in")
        #expect(first.contentHTML == "<p>Hello <b>world</b> &amp; <a href=\"x\">x</a></p>")
        #expect(first.base == "https://atom.example/blog/")
        #expect(first.enclosures == [ParsedEnclosure(url: "https://atom.example/blog/audio.mp3", type: "audio/mpeg", length: 5)])
        #expect(feed.items[1].authors == [ParsedPerson(name: "Own", email: "own@atom.example", url: "https://atom.example/own")])
        #expect(feed.items[1].contentHTML == "<p>Escaped</p>")

        let old = try Self.parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><modified>2004-01-02T03:04:05Z</modified>
            <entry><title>E</title><issued>2004-01-01T00:00:00Z</issued><content type="text/html" mode="escaped">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>
            """)
        #expect(old.format == "atom03" && old.items[0].published == Self.date("2004-01-01T00:00:00Z") && old.items[0].contentHTML == "<p>x</p>")
    }

    @Test("RSS 1.0 (RDF), RSS 0.91 and JSON Feed 1.0 and 1.1")
    func otherFormats() throws {
        let rdf = try Self.parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link><description>D</description></channel>
            <item rdf:about="https://r.example/1"><title>I</title><link>https://r.example/1</link><dc:date>2026-11-20</dc:date><dc:creator>C</dc:creator></item>
            </rdf:RDF>
            """)
        #expect(rdf.format == "rss10" && rdf.items.count == 1 && rdf.items[0].id == "https://r.example/1" && rdf.items[0].published == Self.date("2026-11-20T00:00:00Z"))
        let old = try Self.parse("<rss version=\"0.91\"><channel><title>O</title><item><title>T</title><link>https://o.example/t</link><description>d</description></item></channel></rss>")
        #expect(old.format == "rss091" && old.items[0].link == "https://o.example/t")

        let json11 = try Self.parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/", "language": "en",
             "items": [{"id": "1", "url": "/a", "title": "A", "content_html": "<p>A</p>", "date_published": "2026-11-20T10:00:00-05:00",
                        "authors": [{"name": "N", "url": "https://j.example/n"}], "tags": ["t"], "attachments": [{"url": "x.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]},
                       {"id": 2, "content_text": "Plain <text>\\n\\nTwo"}]}
            """)
        #expect(json11.format == "json11" && json11.items[0].link == "https://j.example/a" && json11.items[0].published == Self.date("2026-11-20T15:00:00Z"))
        #expect(json11.items[0].authors == [ParsedPerson(name: "N", email: nil, url: "https://j.example/n")])
        #expect(json11.items[0].enclosures == [ParsedEnclosure(url: "https://j.example/x.mp3", type: "audio/mpeg", length: 10)])
        #expect(json11.items[1].id == "2" && json11.items[1].contentHTML == "<p>Plain &lt;text&gt;</p><p>Two</p>")
        let json10 = try Self.parse(#"{"version": "https://jsonfeed.org/version/1", "title": "J", "author": {"name": "Solo"}, "items": [{"id": "x", "content_text": "t"}]}"#)
        #expect(json10.format == "json10" && json10.items[0].authors == [ParsedPerson(name: "Solo", email: nil, url: nil)])
    }

    @Test("the format comes from the content: an Atom feed in a file called .rss is Atom")
    func detection() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-\(UUID().uuidString).rss")
        try Data("\u{FEFF}\n  <?xml version=\"1.0\"?>\n<!-- a comment --><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FeedParser.parse(Data(contentsOf: url)).format == "atom10")
    }

    @Test("broken but readable: Windows-1252 inside UTF-8, HTML entities in XML, undated items, no channel", arguments: [
        (Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>".utf8) + Data([0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0xE9]) + Data("</title></channel></rss>".utf8),
         "“Q” – é", "Windows-1252"),
        (Data("<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;&mdash; &amp; co</title></channel></rss>".utf8), "Café\u{A0}— & co", "HTML entities"),
    ])
    func lenient(data: Data, title: String, warning: String) throws {
        let feed = try FeedParser.parse(data)
        #expect(feed.title == title)
        #expect(feed.warnings.contains { $0.contains(warning) }, "\(feed.warnings)")
    }

    @Test("UTF-16 feeds, with and without a byte-order mark, and a stray byte in UTF-8 repaired alone")
    func encodings() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Zōr café</title></channel></rss>"
        for (data, label) in [(Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!, "LE with BOM"), (xml.data(using: .utf16LittleEndian)!, "LE"),
                              (Data([0xFE, 0xFF]) + xml.data(using: .utf16BigEndian)!, "BE with BOM")] {
            #expect(try FeedParser.parse(data).title == "Zōr café", "\(label)")
        }
        let mixed = Data("<rss version=\"2.0\"><channel><title>café ".utf8) + Data([0x93, 0x78, 0x94]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(mixed).title == "café “x”", "valid UTF-8 stays, only the stray bytes are read as Windows-1252")
    }

    @Test("Atom plain text stays text: a \"<\" in it does not open a tag")
    func atomText() throws {
        let feed = try Self.parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title><summary>Why x&lt;y matters</summary></entry></feed>")
        #expect(feed.items[0].summaryHTML == "Why x&lt;y matters")
    }

    @Test("links that are not http, https or mailto are dropped")
    func linkSchemes() throws {
        let feed = try Self.parse("<rss version=\"2.0\"><channel><link>javascript:alert(1)</link><item><title>t</title><link>javascript:alert(1)</link><enclosure url=\"data:text/html,x\" type=\"text/html\"/></item></channel></rss>")
        #expect(feed.link == nil && feed.items[0].link == nil && feed.items[0].enclosures.isEmpty)
    }

    @Test("refused with a clear error: empty, a web page, truncated, not a feed, entity bombs, external entities, deep nesting, bad JSON", arguments: [
        ("", "empty"),
        ("   \n ", "empty"),
        ("<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>", "web page"),
        ("<html><body>Hi</body></html>", "web page"),
        ("<rss version=\"2.0\"><channel><title>Cut", "not well-formed"),
        ("<note><to>x</to></note>", "root element is <note>"),
        ("PK\u{3}\u{4} binary", "neither XML nor JSON"),
        ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><rss version=\"2.0\"><channel><title>&lol2;</title></channel></rss>", "declares entities"),
        ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>", "declares entities"),
        ("<?xml version=\"1.0\"?>" + String(repeating: "<!-- padding -->", count: 6_000) + "<!DOCTYPE r [<!ENTITY a \"b\">]><rss version=\"2.0\"><channel><title>&a;</title></channel></rss>", "declares entities"),
        ("<?xml version=\"1.0\" encoding=\"UTF-7\"?><rss version=\"2.0\"><channel><title>+ADw-</title></channel></rss>", "not supported"),
        (String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300), "deeper than"),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": ", "not valid JSON"),
        ("{\"title\": \"no version\", \"items\": []}", "without a JSON Feed version"),
    ])
    func refused(input: String, message: String) {
        #expect {
            try FeedParser.parse(Data(input.utf8))
        } throws: { error in
            (error as? FeedParsingError)?.description.contains(message) == true
        }
    }

    @Test("dates in the forms feeds write them", arguments: [
        ("Fri, 20 Nov 2026 09:30:00 GMT", "2026-11-20T09:30:00Z"), ("Fri, 20 Nov 2026 09:30:00 +0100", "2026-11-20T08:30:00Z"),
        ("20 Nov 2026 09:30 EST", "2026-11-20T14:30:00Z"), ("Friday, 20-Nov-26 09:30:00 GMT", "2026-11-20T09:30:00Z"),
        ("Fri, 20 Nov 2026 09:30:00", "2026-11-20T09:30:00Z"), ("Nov 20 2026", "2026-11-20T00:00:00Z"),
        ("2026-11-20T09:30:00Z", "2026-11-20T09:30:00Z"), ("2026-11-20T09:30:00.250+02:00", "2026-11-20T07:30:00Z"),
        ("2026-11-20T09:30Z", "2026-11-20T09:30:00Z"), ("2026-11-20 09:30:00", "2026-11-20T09:30:00Z"), ("2026-11-20", "2026-11-20T00:00:00Z"),
        ("2026-11", "2026-11-01T00:00:00Z"), ("2026", "2026-01-01T00:00:00Z"), ("20261120T093000Z", "2026-11-20T09:30:00Z"),
        ("20261120T0930Z", "2026-11-20T09:30:00Z"), ("29 Feb 2024 12:00 GMT", "2024-02-29T12:00:00Z"),
    ])
    func dates(text: String, expected: String) {
        #expect(FeedDates.parse(text).map { InternetDate.rfc3339($0) } == expected)
    }

    @Test("dates that mean nothing are nil, not a guess", arguments: [
        "", "yesterday", "Fri, 32 Nov 2026", "2026-13-01", "2026-11-20T25:00:00Z", "0000-01-01", String(repeating: "9", count: 500),
        "Tue, 24 Nov 2026 20:37:-1e300 GMT", "Tue, 24 Nov 2026 20:37:inf GMT", "31 Feb 2026", "2026-02-30", "2026-11-20T24:30:00Z",
        "Fri, 20 Nov 2026 09:30:00 XYZ", "20 Nov -5 10:00", "20261120T9Z",
    ])
    func badDates(text: String) {
        #expect(FeedDates.parse(text) == nil)
    }
}

/// feedparser's own test feeds (`../shared/testdata/feeds/feedparser`): their `Expect:` lines, evaluated over what
/// `broadsheet feed parse` prints (Tests/Feeds/conformance.py).
@Suite("Feed parsing against feedparser's test feeds")
struct FeedParsingConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/feeds/feedparser")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }

    @Test("at least 195 of the applicable expectations hold (198 of 227 when written)", .enabled(if: FeedParsingConformanceTests.available, "needs ../shared/testdata"))
    func conformance() async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Feeds/conformance.py").path
        let directories = ["rss", "atom", "atom10", "rdf"].map { Self.folder.appendingPathComponent($0).path }
        let result = try await runTool("python3", [script, try RunningServer.executable.path] + directories)
        try #require(result.status == 0, "\(result.output)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let applicable = try #require(summary["applicable"] as? Int), passed = try #require(summary["passed"] as? Int)
        #expect(applicable >= 220)
        #expect(passed >= 195, "\(passed) of \(applicable); failing: \(summary["failures"] ?? [])")
    }
}

@Suite("broadsheet feed parse")
struct FeedParseCommandTests {
    @Test("one JSON object per file; sanitized content; an error line and status 1 for a file that is not a feed")
    func command() async throws {
        let directory = try TemporaryDirectory()
        let good = directory.path("good.xml"), bad = directory.path("page.html")
        try Data("""
            <rss version="2.0"><channel><title>T</title><link>https://p.example/</link>
            <item><title>I</title><link>https://p.example/i</link><pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate>
            <description>&lt;p onclick="x()"&gt;Hi &lt;a href="/rel"&gt;r&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item></channel></rss>
            """.utf8).write(to: URL(fileURLWithPath: good))
        try Data("<!doctype html><html><body>Not a feed</body></html>".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try await runTool(try RunningServer.executable.path, ["feed", "parse", good, bad])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        let feed = try #require(lines.first ?? nil)
        #expect(feed["file"] as? String == good && feed["format"] as? String == "rss20" && feed["title"] as? String == "T")
        let item = try #require((feed["items"] as? [[String: Any]])?.first)
        #expect(item["published"] as? String == "2026-11-20T09:30:00Z")
        #expect(item["content_html"] as? String == "<p>Hi <a href=\"https://p.example/rel\" rel=\"noopener noreferrer nofollow\">r</a></p>")
        let error = try #require(lines.last ?? nil)
        #expect(error["file"] as? String == bad && (error["error"] as? String)?.contains("web page") == true)
    }
}

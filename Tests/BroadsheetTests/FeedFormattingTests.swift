import BroadsheetCore
@testable import BroadsheetFeeds
import Foundation
import Testing

@Suite("Feed formatting")
struct FeedFormattingTests {
    @Test("dates are written in RFC 822 (GMT) and RFC 3339 (UTC)")
    func dates() {
        let date = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20 12:00:00 UTC, a Friday
        #expect(InternetDate.rfc822(date) == "Fri, 20 Nov 2026 12:00:00 GMT")
        #expect(InternetDate.rfc3339(date) == "2026-11-20T12:00:00Z")
        #expect(InternetDate.rfc822(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(InternetDate.rfc822(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(InternetDate.rfc3339(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        // Written in place for years 0 to 9999: the same text as Foundation's formatter, from 1600 (before the Gregorian
        // reform Foundation counts Julian days; RFC 3339 and we count Gregorian ones) to 9999.
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        let httpDates = DateFormatter()
        httpDates.locale = Locale(identifier: "en_US_POSIX")
        httpDates.timeZone = TimeZone(identifier: "UTC")
        httpDates.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -11_676_096_000...253_402_300_799, using: &generator)))
            #expect(InternetDate.rfc3339(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
            #expect(InternetDate.rfc822(date) == httpDates.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test("header tokens are found as Foundation finds them, ASCII case folded when asked")
    func headerSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAbBcC, =-")
        func word(_ range: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: range, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for _ in 0..<3_000 {
            let text = word(0...12)
            let needle = word(0...3)
            #expect(ASCIISearch.contains(text, needle) == (needle.isEmpty || text.contains(needle)), "\(text) / \(needle)")
            #expect(ASCIISearch.contains(text, needle, ignoringCase: true) == (needle.isEmpty || text.lowercased().contains(needle.lowercased())),
                    "\(text) / \(needle)")
        }
        #expect(ASCIISearch.contains("public, max-age=31536000, immutable", "immutable"))
        #expect(!ASCIISearch.contains("public, max-age=60", "immutable"))
        #expect(ASCIISearch.contains("Accept-Encoding, Cookie", "cookie", ignoringCase: true))
    }

    @Test("site-relative links and images become absolute; other links are left alone")
    func absoluteLinks() {
        let html = #"<p><a href="/2026/11/20/a">a</a> <a href="https://x.example/">x</a> <a href="//cdn.example/y">y</a> <img src="/images/ab.svg" alt=""></p>"#
        #expect(AbsoluteLinks.resolve(in: html, base: "https://news.example") ==
            #"<p><a href="https://news.example/2026/11/20/a">a</a> <a href="https://x.example/">x</a> <a href="//cdn.example/y">y</a> <img src="https://news.example/images/ab.svg" alt=""></p>"#)
    }

    @Test("XML escaping keeps every other character and drops the ones XML cannot carry")
    func xmlText() {
        #expect(XMLText.escape("Zōr café 😀 \u{FFFE}x\u{FFFF}y\u{EFBF} \u{0}\u{1F}\t\n&<>\"'") == "Zōr café 😀 xy\u{EFBF} \t\n&amp;&lt;&gt;&quot;&apos;")
        #expect(XMLText.escape("plain text") == "plain text")
    }

    @Test("escaping and link resolution give what a plain character-by-character version gives, on 3,000 random texts and every piece at every place in a clean one")
    func randomTexts() {
        let pieces = ["a", " ", "]", "]]", ">", "]]>", "&", "<", ">", "\"", "'", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "ō", "😀", "\u{FFFD}", "\u{FFBE}", "\u{FFEF}",
                      " href=\"/", " src=\"/", " href=\"//", "=\"/", "data-href=\"/", " href=\"https://x/", "/", "\u{EF}"]
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                case "\u{FFFE}", "\u{FFFF}": break
                default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        func referenceLinks(_ html: String, base: String) -> String {
            var out = ""
            var rest = Substring(html)
            while let range = rest.range(of: "=\"/") {
                let before = rest[..<range.lowerBound]
                let after = rest[range.upperBound...]
                out += before + "=\"/"
                if (before.hasSuffix(" href") || before.hasSuffix(" src")) && !after.hasPrefix("/") {
                    out.removeLast()
                    out += base + "/"
                }
                rest = after
            }
            return out + rest
        }
        func referenceCDATA(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter {
                ($0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r") && $0 != "\u{FFFE}" && $0 != "\u{FFFF}"
            }))
        }
        func check(_ text: String) {
            #expect(XMLText.escape(text) == reference(text), "\(Array(text.unicodeScalars))")
            var appended = "prefix "
            XMLText.appendEscaped(text, to: &appended)
            #expect(appended == "prefix " + reference(text))
            #expect(AbsoluteLinks.resolve(in: text, base: "https://n.example") == referenceLinks(text, base: "https://n.example"), "\(text)")
            // As CDATA, an independent parser reads back the text without the characters XML cannot carry.
            var cdata = "<r>"
            XMLText.appendCDATA(text, to: &cdata)
            cdata += "</r>"
            // An XML parser may turn CR LF and lone CR into LF (libxml2 does outside CDATA): compare with line ends alike.
            func lineEnds(_ text: String?) -> String? { text?.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
            let parsed = lineEnds(FeedReader.parseText(cdata))
            #expect(parsed != nil, "well-formed: \(cdata.debugDescription)")
            #expect(parsed == lineEnds(referenceCDATA(text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) }) -> \(cdata.debugDescription)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            check((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        // Each piece, and two of them, at every place in a long text that needs no work: the scans pass over clean
        // runs of eight bytes whole, so what needs work must be found in any position within or across those runs.
        let clean = Array("abcdefghijklmn\u{14D}pqrstuvwxyz 0123456789 ABCDEFGHIJ\u{1F600}KLMNOP")
        for piece in pieces {
            for position in 0...clean.count {
                let text = String(clean[..<position]) + piece + String(clean[position...])
                check(text)
                check(text + "]]>" + piece)
            }
        }
    }

    @Test("the eight-bytes-at-a-time masks mark exactly the bytes below a bound, or equal to a byte, on random words")
    func byteScanMasks() {
        var generator = SystemRandomNumberGenerator()
        // Bytes near the bounds, and any byte, so that words mix both sides of each bound.
        let interesting: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xEF, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            func mask(_ marked: (UInt8) -> Bool) -> UInt64 {
                bytes.enumerated().reduce(UInt64(0)) { marked($1.element) ? $0 | UInt64(0x80) << (8 * UInt64($1.offset)) : $0 }
            }
            for limit: UInt8 in [1, 0x09, 0x20, 0x7F, 0x80] {
                #expect(ByteScan.bytes(word, below: limit) == mask { $0 < limit }, "\(bytes) below \(limit)")
            }
            let target = interesting.randomElement(using: &generator)!
            #expect(ByteScan.bytes(word, equalTo: target) == mask { $0 == target }, "\(bytes) equal to \(target)")
        }
    }

    @Test("RSS escapes markup and drops characters XML cannot carry")
    func escaping() throws {
        let item = SyndicationItem(
            title: "<b>Fish & \"chips\"</b>\u{1}", link: URL(string: "https://n.example/a?x=1&y=2")!, guid: "urn:uuid:1",
            guidIsPermaLink: false, published: Date(timeIntervalSince1970: 0), updated: nil, authors: [SyndicationAuthor(name: "O'Brien <ob@example>", url: nil)],
            categories: ["A&B"], summary: "]]> <![CDATA[", contentHTML: "<p>Body &amp; more</p>"
        )
        let feed = SyndicationFeed(
            title: "T", link: URL(string: "https://n.example")!, selfURL: URL(string: "https://n.example/rss.xml")!,
            description: "D", language: "en", updated: Date(timeIntervalSince1970: 0), items: [item]
        )
        let xml = RSS2Renderer.render(feed)
        #expect(xml.contains("<title>&lt;b&gt;Fish &amp; &quot;chips&quot;&lt;/b&gt;</title>"))
        #expect(!xml.contains("\u{1}"))
        #expect(xml.contains("<link>https://n.example/a?x=1&amp;y=2</link>"))
        #expect(xml.contains("<content:encoded><![CDATA[<p>Body &amp; more</p>]]></content:encoded>"))
        let parsed = try #require(FeedReader.parse(xml))
        #expect(parsed.items.first?.title == "<b>Fish & \"chips\"</b>")
        #expect(parsed.items.first?.creators == ["O'Brien <ob@example>"])
        #expect(parsed.items.first?.content == "<p>Body &amp; more</p>")
    }

    @Test("JSON Feed written field by field is what JSONSerialization writes for the whole object (sorted keys, slashes as they are)")
    func jsonFeedAsSerialization() throws {
        let items = (0..<3).map { index in
            SyndicationItem(
                title: "Ĉu \"quoted\" / slashed \u{1} \(index)", link: URL(string: "https://n.example/2026/a-\(index)")!, guid: "urn:uuid:\(index)",
                guidIsPermaLink: false, published: Date(timeIntervalSince1970: Double(index) * 3_600), updated: nil,
                authors: [SyndicationAuthor(name: "Zoë", url: URL(string: "https://n.example/author/zoe"))],
                categories: ["Ünïcode", "A/B"], summary: "Line\nbreak\ttab", contentHTML: "<p>Body</p>"
            )
        }
        for (hub, icon) in [(URL(string: "https://hub.example/")!, URL(string: "https://n.example/icon.png")!), (nil, nil)] as [(URL?, URL?)] {
            let feed = SyndicationFeed(
                title: "Title / “curly” \\ back", link: URL(string: "https://n.example/")!, selfURL: URL(string: "https://n.example/feed.json")!,
                description: "Déscription\u{7f}", language: "fr", updated: Date(timeIntervalSince1970: 0), hubURL: hub, iconURL: icon, items: items
            )
            var whole: [String: Any] = [
                "version": "https://jsonfeed.org/version/1.1", "title": feed.title, "home_page_url": feed.link.absoluteString,
                "feed_url": feed.selfURL.absoluteString, "description": feed.description, "language": feed.language,
                "items": try items.map { try JSONSerialization.jsonObject(with: Data(JSONFeedRenderer.item($0).utf8)) },
            ]
            if let hub { whole["hubs"] = [["type": "WebSub", "url": hub.absoluteString]] }
            if let icon {
                whole["icon"] = icon.absoluteString
                whole["favicon"] = icon.absoluteString
            }
            let expected = String(decoding: try JSONSerialization.data(withJSONObject: whole, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
            #expect(FeedFormat.json.render(feed) == expected)
            #expect(FeedFormat.json.render(feed).contains("\"title\":\"Title / “curly” \\\\ back\""))
        }
    }
}

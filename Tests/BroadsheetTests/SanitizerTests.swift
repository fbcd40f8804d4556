@testable import BroadsheetSanitizer
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("HTML sanitizer")
struct SanitizerTests {
    static let base = URL(string: "https://partner.example/news/item")!
    static let sanitizer = HTMLSanitizer(ownHosts: ["news.example.test"])

    static func clean(_ html: String) -> String { sanitizer.sanitize(html, base: base) }

    @Test("hostile markup comes out harmless, exactly as expected", arguments: [
        // Scripts, styles and handlers
        ("<p onclick=\"x()\">Hi <script>alert(1)</script></p>", "<p>Hi </p>"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after"),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<style>p{color:red}</style><p style=\"color:red\">t</p>", "<p>t</p>"),
        ("<p ONMOUSEOVER=x() oNcLiCk='y'>t</p>", "<p>t</p>"),
        ("<img src=x onerror=alert(1)>", "<img src=\"https://partner.example/news/x\" loading=\"lazy\">"),
        ("<body onload=alert(1)>text</body>", "text"),
        // URL schemes in every disguise
        ("<a href=\"javascript:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"JaVaScRiPt:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\" \u{1}javascript:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"jav&#x09;ascript:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"jav\tascript:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"&#106avascript:alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"javascript&colon;alert(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"vbscript:msgbox(1)\">a</a>", "<a>a</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">a</a>", "<a>a</a>"),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" loading=\"lazy\">"),
        ("<a href=\"mailto:desk@partner.example\">m</a>", "<a href=\"mailto:desk@partner.example\">m</a>"),
        // Links: resolved, marked when they leave the site
        ("<a href=\"../other\">r</a>", "<a href=\"https://partner.example/other\" rel=\"noopener noreferrer nofollow\">r</a>"),
        ("<a href=\"//cdn.partner.example/x\">s</a>", "<a href=\"https://cdn.partner.example/x\" rel=\"noopener noreferrer nofollow\">s</a>"),
        ("<a href=\"https://news.example.test/2026/a\" rel=\"opener\" target=\"_blank\">own</a>", "<a href=\"https://news.example.test/2026/a\">own</a>"),
        // Elements that are never allowed, with or without their content
        ("<iframe src=\"https://evil.example/\">fallback</iframe>x", "x"),
        ("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" width=\"560\" height=\"315\" onload=\"x\"></iframe>",
         "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" width=\"560\" height=\"315\" sandbox=\"allow-scripts allow-same-origin\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"),
        ("<iframe src=\"//www.youtube.com/embed/abc\"></iframe>",
         "<iframe src=\"https://www.youtube.com/embed/abc\" sandbox=\"allow-scripts allow-same-origin\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"),
        ("<iframe src=\"https://www.youtube.com/redirect?q=https://evil.example\"></iframe>x", "x"),
        ("<frame src=x>after", "after"),
        ("<p>caf&eacute &auml;</p>", "<p>café ä</p>"),
        ("<iframe src=\"http://www.youtube.com/embed/abc\"></iframe>x", "x"),
        ("<object data=\"x.swf\"><param name=a value=b>inner</object>x", "x"),
        ("<embed src=\"x.swf\">x", "x"),
        ("<form action=\"https://evil.example\"><input name=q><button>Go</button></form>", "Go"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:x\"><base href=\"https://evil.example/\">t", "t"),
        ("<link rel=stylesheet href=x.css>t", "t"),
        ("<svg><script>alert(1)</script><a href=\"javascript:x\">s</a></svg>after", "after"),
        ("<svg><style></svg><img src=x onerror=alert(1)>", ""),
        ("<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>after", "after"),
        ("<template><img src=x onerror=y></template>t", "t"),
        ("<textarea><b>t</b></textarea>after", "after"),
        // noscript is raw text (as with scripting on): the img inside the title is a real tag, and loses its handler.
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<img src=\"https://partner.example/news/x\" loading=\"lazy\">\"&gt;"),
        // Comments and CDATA tricks
        ("<!-- <img src=x onerror=y> -->t", "t"),
        ("<!--><img src=x onerror=alert(1)>-->", "<img src=\"https://partner.example/news/x\" loading=\"lazy\">--&gt;"),
        ("<!--->t", "t"),
        ("<![CDATA[<img src=x onerror=y>]]>t", "]]&gt;t"),
        ("<? xml stylesheet ?>t", "t"),
        ("<!DOCTYPE html>t", "t"),
        ("</ 3>t", "t"),
        // Attribute quoting and entities
        ("<p title='a\"b' title=\"second\">t</p>", "<p title=\"a&quot;b\">t</p>"),
        ("<p title=a&amp;b&lt;c>t</p>", "<p title=\"a&amp;b&lt;c\">t</p>"),
        ("<p title=\"&quot;><script>alert(1)</script>\">t</p>", "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</p>"),
        ("<img src=\"x.jpg\" alt=\"<script>\" width=\"100px\" height=\"50\">", "<img src=\"https://partner.example/news/x.jpg\" alt=\"&lt;script&gt;\" height=\"50\" loading=\"lazy\">"),
        ("<p>&amp;&lt;&gt;&copy&notit; &#0; &#x110000; &#150;</p>", "<p>&amp;&lt;&gt;©¬it; \u{FFFD} \u{FFFD} –</p>"),
        // Broken structure
        ("<b><i>misnested</b> text</i>", "<b><i>misnested</i></b> text"),
        ("<p>one<p>two<div>three</p>", "<p>one</p><p>two</p><div>three<p></p></div>"),
        ("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"),
        ("<a href=\"/a\">one<a href=\"/b\">two</a>", "<a href=\"https://partner.example/a\" rel=\"noopener noreferrer nofollow\">one</a><a href=\"https://partner.example/b\" rel=\"noopener noreferrer nofollow\">two</a>"),
        ("<h1>Title</h1>", "<h2>Title</h2>"),
        ("text < 5 and > 3", "text &lt; 5 and &gt; 3"),
        ("<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>"),
        ("<p title=\"never closed>text", ""),
        ("<p", ""),
        ("</p>", "<p></p>"),
        ("<br/>x</br>", "<br>x<br>"),
        ("\u{0}<p\u{0}>x", "\u{FFFD}x"),
    ])
    func hostile(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test("output is a fixed point: cleaning it again changes nothing")
    func idempotent() {
        for input in ["<p>a <b>b <i>c</b></i></p><ul><li>x<li>y", "<a href=\"../x?a=1&b=2\">q</a>", "<p title='&amp;&quot;'>&copy; &lt;</p>"] {
            let once = Self.clean(input)
            #expect(Self.clean(once) == once, "\(input)")
        }
    }

    @Test("nesting is bounded: thousands of open elements do not nest past the policy's depth")
    func depth() {
        let deep = String(repeating: "<div>", count: 5_000) + "core" + String(repeating: "</div>", count: 5_000)
        let output = Self.clean(deep)
        #expect(output.contains("core"))
        #expect(output.components(separatedBy: "<div>").count - 1 == SanitizerPolicy.standard.maximumDepth)
    }

    /// Deterministic pseudo-random numbers (SplitMix64), so a failure can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let fragments = [
        "<", ">", "/", "=", "\"", "'", "`", " ", "\t", "\n", "\u{0}", "&", "#", ";", ":", "-", "!", "?", "[", "]", "x", "1",
        "<script>", "</script>", "<SCRIPT", "<style>", "</style", "<svg>", "</svg>", "<math>", "<img", "<a", "<p>", "</p>", "<b>",
        "</i>", "<table>", "<td>", "<iframe", "</iframe>", "<textarea>", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<!DOCTYPE",
        "<?", " src=", " href=", " onerror=", " onclick=", " style=", " srcdoc=", " formaction=", " xlink:href=", "javascript:",
        "JaVaScRiPt:", "jav&#x61;script:", "&#106;avascript:", "&#x6A", "vbscript:", "data:text/html,", "data:image/png;base64,",
        "&lt;", "&amp;", "&quot;", "&#0;", "&#x110000;", "&notit;", "alert(1)", "https://evil.example/", "//evil.example",
        "\u{202E}", "é", "😀", "<plaintext>", "<xmp>", "<noscript>", "<title>", "<template>", "<object", "<embed", "<base",
        "<meta", "<form", "<input", "<button", "<select>", "<option>", "</", "<br/>", "<p/", "<li>", "<ul>",
    ]

    /// What must never be in the output, whatever the input: a tag the policy does not allow, an attribute it does
    /// not allow (event handlers, styles), or an address that is not http(s), mailto or a data: picture. Text may
    /// say anything: it is escaped.
    static func violations(_ output: String) -> [String] {
        var found: [String] = []
        var tokenizer = HTMLTokenizer(output)
        while let token = tokenizer.next() {
            guard case .startTag(let name, let attributes, _) = token else { continue }
            guard let allowed = SanitizerPolicy.standard.elements[name] else { found.append("<\(name)>"); continue }
            for (attribute, value) in attributes {
                if !allowed.contains(attribute) && !SanitizerPolicy.standard.global.contains(attribute)
                    && !["rel", "loading", "sandbox", "referrerpolicy"].contains(attribute) {
                    found.append("\(name)[\(attribute)]")
                }
                if SanitizerPolicy.standard.urlAttributes.contains(attribute) {
                    let lower = value.lowercased()
                    if !(lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || (name == "img" && lower.hasPrefix("data:image/png;base64,"))) {
                        found.append("\(name)[\(attribute)=\(value)]")
                    }
                }
            }
            if name == "iframe", !(attributes.first { $0.name == "src" }?.value.hasPrefix("https://www.youtube") ?? false) { found.append("iframe") }
        }
        return found
    }

    @Test("randomized hostile input: 20,000 documents from dangerous fragments never yield executable output, never crash, and clean to a fixed point")
    func randomized() {
        var random = Random(state: 20_261_125)
        for round in 0..<20_000 {
            var input = ""
            for _ in 0..<(1 + Int(random.next() % 40)) { input += random.pick(Self.fragments) }
            let output = Self.clean(input)
            let problems = Self.violations(output)
            #expect(problems.isEmpty, "round \(round): \(input.debugDescription) → \(output.debugDescription): \(problems)")
            #expect(Self.clean(output) == output, "round \(round) not a fixed point: \(input.debugDescription)")
            if !problems.isEmpty { break }
        }
    }

    @Test("broadsheet sanitize reads standard input and writes standard output; a bad --base is refused")
    func command() throws {
        let binary = try RunningServer.executable
        func run(_ arguments: [String], input: String) throws -> (Int32, String, String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["sanitize"] + arguments
            let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
        let (status, output, _) = try run(["--base", "https://partner.example/a/b"], input: "<p onclick=x>Hi <a href=\"c\">c</a><script>x</script>")
        #expect(status == 0)
        #expect(output == "<p>Hi <a href=\"https://partner.example/a/c\" rel=\"noopener noreferrer nofollow\">c</a></p>")
        let (badStatus, badOutput, error) = try run(["--base", "javascript:x"], input: "<p>x</p>")
        #expect(badStatus != 0)
        #expect(badOutput.isEmpty)
        #expect(error.contains("--base"))
    }
}

/// The hostile entries of Python feedparser's sanitizer suite (`../shared/testdata/feeds/feedparser/sanitize`):
/// every escaped-HTML field of every file, through our sanitizer, must come out with nothing executable.
@Suite("HTML sanitizer against feedparser's hostile feeds")
struct SanitizerCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/feeds/feedparser/sanitize")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// Text of the fields that carry HTML, read with Foundation's XML parser.
    final class Fields: NSObject, XMLParserDelegate {
        static let names: Set<String> = ["content", "summary", "description", "title", "subtitle", "info", "tagline", "copyright", "rights", "encoded", "body"]
        var values: [String] = []
        var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            current = Self.names.contains(local) && attributes["type"] != "xhtml" ? "" : nil
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, foundCDATA block: Data) { current? += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let value = current, !value.isEmpty { values.append(value) }
            current = nil
        }
    }

    @Test("every hostile field comes out with only allowed tags, attributes and addresses",
          .enabled(if: SanitizerCorpusTests.available, "needs ../shared/testdata"))
    func corpus() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count > 300)
        var checked = 0
        for file in files {
            let parser = XMLParser(contentsOf: Self.folder.appendingPathComponent(file))!
            let fields = Fields()
            parser.delegate = fields
            _ = parser.parse()
            for value in fields.values {
                let output = SanitizerTests.clean(value)
                #expect(SanitizerTests.violations(output).isEmpty, "\(file): \(value.debugDescription) → \(output.debugDescription)")
                #expect(SanitizerTests.clean(output) == output, "\(file)")
                checked += 1
            }
        }
        // Most files carry one hostile field; some are not well-formed XML on purpose.
        #expect(checked > 300, "\(checked) fields")
    }
}

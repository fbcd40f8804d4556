import Testing
@testable import BroadsheetMarkdown
import BroadsheetCore

private func html(_ markdown: String, _ options: MarkdownRenderer.Options = .broadsheet) -> String {
    MarkdownRenderer(options: options).render(markdown: markdown).html
}

@Suite("Markdown renderer: blocks and inlines")
struct MarkdownRendererBlockTests {
    @Test func conformsToCorePort() {
        let renderer: any StoryBodyRendering = MarkdownRenderer()
        let body = renderer.render(markdown: "Hello *world*")
        #expect(body.html == "<p>Hello <em>world</em></p>\n")
        #expect(body.plainText == "Hello world")
        #expect(body.wordCount == 2)
    }

    @Test func headingsStartAtH2AndGetIDs() {
        #expect(html("# Ferry service resumes\n## The first crossing\n### Fares\n###### Notes") == """
            <h2 id="ferry-service-resumes">Ferry service resumes</h2>
            <h2 id="the-first-crossing">The first crossing</h2>
            <h3 id="fares">Fares</h3>
            <h6 id="notes">Notes</h6>

            """)
        #expect(html("Setext one\n===\n\nSetext two\n---") == """
            <h2 id="setext-one">Setext one</h2>
            <h2 id="setext-two">Setext two</h2>

            """)
    }

    @Test func headingIDsAreSlugsAndUnique() {
        #expect(html("## Who pays? The *2026* budget") == "<h2 id=\"who-pays-the-2026-budget\">Who pays? The <em>2026</em> budget</h2>\n")
        #expect(html("## Zoë’s Café, Straße in Łódź") == "<h2 id=\"zoes-cafe-strasse-in-lodz\">Zoë’s Café, Straße in Łódź</h2>\n")
        #expect(html("## 東京") == "<h2 id=\"section\">東京</h2>\n")
        #expect(html("## Fares\n## Fares\n## Fares-2\n## Fares") == """
            <h2 id="fares">Fares</h2>
            <h2 id="fares-2">Fares</h2>
            <h2 id="fares-2-2">Fares-2</h2>
            <h2 id="fares-3">Fares</h2>

            """)
        // Ids are per document.
        let renderer = MarkdownRenderer()
        #expect(renderer.render(markdown: "## A").html == renderer.render(markdown: "## A").html)
    }

    @Test func commonMarkOptionsKeepSpecHeadings() {
        #expect(html("# One\n## Two", .commonMark) == "<h1>One</h1>\n<h2>Two</h2>\n")
    }

    @Test func paragraphs() {
        #expect(html("First line\nsecond line.\n\n\nSecond paragraph.") == "<p>First line\nsecond line.</p>\n<p>Second paragraph.</p>\n")
        #expect(html("Two spaces  \nbreak and backslash\\\nbreak") == "<p>Two spaces<br>\nbreak and backslash<br>\nbreak</p>\n")
        #expect(html("Two spaces  \nbreak", .commonMark) == "<p>Two spaces<br />\nbreak</p>\n")
        #expect(html("***") == "<hr>\n")
    }

    @Test func emphasis() {
        #expect(html("*em* _em_ **strong** __strong__ ***both***") ==
            "<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong> <em><strong>both</strong></em></p>\n")
        #expect(html("snake_case_name and 2*3*4") == "<p>snake_case_name and 2<em>3</em>4</p>\n")
        #expect(html("*not closed and \\*escaped\\*") == "<p>*not closed and *escaped*</p>\n")
        #expect(html("`code with *stars* & <tags>`") == "<p><code>code with *stars* &amp; &lt;tags&gt;</code></p>\n")
    }

    @Test func nestedLists() {
        #expect(html("- one\n- two\n  1. nested *a*\n  2. nested b\n- three") == """
            <ul>
            <li>one</li>
            <li>two
            <ol>
            <li>nested <em>a</em></li>
            <li>nested b</li>
            </ol>
            </li>
            <li>three</li>
            </ul>

            """)
        #expect(html("3. three\n\n4. four") == "<ol start=\"3\">\n<li>\n<p>three</p>\n</li>\n<li>\n<p>four</p>\n</li>\n</ol>\n")
        #expect(html("* a\n\n  more a\n* b") == "<ul>\n<li>\n<p>a</p>\n<p>more a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
    }

    @Test func ordinaryBlockQuotes() {
        #expect(html("> Quoted *text*\ncontinued lazily\n>\n> > nested") == """
            <blockquote>
            <p>Quoted <em>text</em>
            continued lazily</p>
            <blockquote>
            <p>nested</p>
            </blockquote>
            </blockquote>

            """)
        // A single paragraph starting with a dash is not an attribution: there is nothing to attribute.
        #expect(html("> — Mayor Dana Whitlock") == "<blockquote>\n<p>— Mayor Dana Whitlock</p>\n</blockquote>\n")
    }

    @Test func fencedAndIndentedCode() {
        #expect(html("```swift\nlet x = \"<b>\" & y\n```") ==
            "<pre><code class=\"language-swift\">let x = &quot;&lt;b&gt;&quot; &amp; y\n</code></pre>\n")
        #expect(html("~~~ \"><script> extra\ncode\n~~~") ==
            "<pre><code class=\"language-&quot;&gt;&lt;script&gt;\">code\n</code></pre>\n")
        #expect(html("    indented\n\n    code") == "<pre><code>indented\n\ncode\n</code></pre>\n")
    }

    @Test func links() {
        #expect(html("[Council](https://example.gov/council \"Minutes\")") ==
            "<p><a href=\"https://example.gov/council\" title=\"Minutes\">Council</a></p>\n")
        #expect(html("[full][r], [r][] and [r]\n\n[r]: /ref \"Ref\"") ==
            "<p><a href=\"/ref\" title=\"Ref\">full</a>, <a href=\"/ref\" title=\"Ref\">r</a> and <a href=\"/ref\" title=\"Ref\">r</a></p>\n")
        #expect(html("<https://example.com/a?b=1&c=2> and <desk@example.org>") ==
            "<p><a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> and <a href=\"mailto:desk@example.org\">desk@example.org</a></p>\n")
        #expect(html("[a](/caf\u{E9} b) [b](</caf\u{E9} b>) [c](#top) [d](?page=2) [e](story)") ==
            "<p>[a](/café b) <a href=\"/caf%C3%A9%20b\">b</a> <a href=\"#top\">c</a> <a href=\"?page=2\">d</a> <a href=\"story\">e</a></p>\n")
        #expect(html("[no def] and [x](<unclosed)") == "<p>[no def] and [x](&lt;unclosed)</p>\n")
    }

    @Test func inlineImages() {
        #expect(html("Map: ![the route](/maps/r.png \"Route\")") ==
            "<p>Map: <img src=\"/maps/r.png\" alt=\"the route\" title=\"Route\" loading=\"lazy\"></p>\n")
        #expect(html("Map: ![the *route*](/maps/r.png)", .commonMark) ==
            "<p>Map: <img src=\"/maps/r.png\" alt=\"the route\" /></p>\n")
    }

    @Test func entitiesAreDecodedThenEscaped() {
        #expect(html("&copy; &amp; &lt;b&gt; &#x22; &#169; &bogus; &#0;") == "<p>© &amp; &lt;b&gt; &quot; © &amp;bogus; \u{FFFD}</p>\n")
    }

    @Test func rawHTMLIsShownAsText() {
        #expect(html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        #expect(html("Text <span title=\"*x*\">inline</span> <!-- note -->") ==
            "<p>Text &lt;span title=&quot;*x*&quot;&gt;inline&lt;/span&gt; &lt;!-- note --&gt;</p>\n")
        #expect(html("<div>\n*still markdown*\n</div>") == "<p>&lt;div&gt;\n<em>still markdown</em>\n&lt;/div&gt;</p>\n")
        #expect(html("<img src=x onerror=alert(1)>").contains("<img") == false)
        #expect(html("`<script>` and \\<script>") == "<p><code>&lt;script&gt;</code> and &lt;script&gt;</p>\n")
    }

    @Test func nulIsReplaced() {
        #expect(html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }
}

@Suite("Markdown renderer: news extensions")
struct MarkdownRendererNewsTests {
    @Test func figureWithCaptionAndCredit() {
        #expect(html("![A ferry at dawn](/images/ab.svg \"The first crossing of the day | Photo: Ana Ruiz\")") ==
            "<figure><img src=\"/images/ab.svg\" alt=\"A ferry at dawn\" loading=\"lazy\"><figcaption>The first crossing of the day <span class=\"credit\">Photo: Ana Ruiz</span></figcaption></figure>\n")
    }

    @Test func figureWithoutTitleOrCredit() {
        #expect(html("![A ferry](/images/ab.svg)") == "<figure><img src=\"/images/ab.svg\" alt=\"A ferry\" loading=\"lazy\"></figure>\n")
        #expect(html("![A ferry](/images/ab.svg \"Caption only\")") ==
            "<figure><img src=\"/images/ab.svg\" alt=\"A ferry\" loading=\"lazy\"><figcaption>Caption only</figcaption></figure>\n")
        #expect(html("![A ferry](/images/ab.svg \"Caption|not a credit\")") ==
            "<figure><img src=\"/images/ab.svg\" alt=\"A ferry\" loading=\"lazy\"><figcaption>Caption|not a credit</figcaption></figure>\n")
    }

    @Test func figureOnlyForAParagraphThatIsOneImage() {
        #expect(html("See ![map](/m.png)") == "<p>See <img src=\"/m.png\" alt=\"map\" loading=\"lazy\"></p>\n")
        #expect(html("![a](/a.png) ![b](/b.png)") ==
            "<p><img src=\"/a.png\" alt=\"a\" loading=\"lazy\"> <img src=\"/b.png\" alt=\"b\" loading=\"lazy\"></p>\n")
        #expect(html("![A ferry](/images/ab.svg \"Caption | Credit\")", .commonMark) ==
            "<p><img src=\"/images/ab.svg\" alt=\"A ferry\" title=\"Caption | Credit\" /></p>\n")
    }

    @Test func attributedQuotation() {
        #expect(html("> The river is our road.\n>\n> — Mayor Dana Whitlock") == """
            <figure class="quotation">
            <blockquote>
            <p>The river is our road.</p>
            </blockquote>
            <figcaption>— <cite>Mayor Dana Whitlock</cite></figcaption>
            </figure>

            """)
        #expect(html("> First.\n>\n> Second.\n>\n> -- The *Mayor* & <Council>") == """
            <figure class="quotation">
            <blockquote>
            <p>First.</p>
            <p>Second.</p>
            </blockquote>
            <figcaption>— <cite>The <em>Mayor</em> &amp; &lt;Council&gt;</cite></figcaption>
            </figure>

            """)
        // The dash must start the last paragraph, not a line inside it.
        #expect(html("> Quote\n> — not an attribution") == "<blockquote>\n<p>Quote\n— not an attribution</p>\n</blockquote>\n")
        #expect(html("> Quote\n>\n> — Mayor", .commonMark) == "<blockquote>\n<p>Quote</p>\n<p>— Mayor</p>\n</blockquote>\n")
    }

    @Test func pullQuote() {
        #expect(html("> [!pullquote]\n> We will sail again.") == """
            <aside class="pull-quote">
            <p>We will sail again.</p>
            </aside>

            """)
        #expect(html("> [!PullQuote]\n>\n> We will *sail* again.\n>\n> — Captain Ola Berg") == """
            <aside class="pull-quote">
            <p>We will <em>sail</em> again.</p>
            <p class="pull-quote-attribution">— Captain Ola Berg</p>
            </aside>

            """)
        #expect(html("> [!pullquote] not alone on its line") ==
            "<blockquote>\n<p>[!pullquote] not alone on its line</p>\n</blockquote>\n")
    }

    @Test func plainTextAndWordCount() {
        let body = MarkdownRenderer().render(markdown: """
            # Ferry *service* resumes

            The [council](https://example.gov) voted 7–2 on Tuesday.
            A second line — with a dash.

            ![Alt text is not counted](/f.jpg "The crossing | Photo: Ana Ruiz")

            - one
            - two

            > Quote.
            >
            > — Mayor Dana Whitlock

            > [!pullquote]
            > Repeated words are not counted.

            ```
            let code = 1
            ```
            """)
        #expect(body.plainText == """
            Ferry service resumes

            The council voted 7–2 on Tuesday. A second line — with a dash.

            The crossing Photo: Ana Ruiz

            one

            two

            Quote.

            — Mayor Dana Whitlock

            let code = 1
            """)
        #expect(body.wordCount == 29)
        #expect(MarkdownRenderer().render(markdown: "").wordCount == 0)
        #expect(MarkdownRenderer().render(markdown: "— · 42 l'été").wordCount == 2)
    }
}

@Suite("Markdown renderer: safety")
struct MarkdownRendererSafetyTests {
    static let hostileDestinations = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "<  javascript:alert(1)>",
        "<java\tscript:alert(1)>",
        "<\u{1}javascript:alert(1)>",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
        "javascript&colon;alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript\\:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "livescript:alert(1)",
        "<javascript:alert(1) \"title\">",
    ]

    @Test(arguments: hostileDestinations)
    func hostileLinkBecomesText(destination: String) {
        let output = html("[click](\(destination))")
        #expect(!output.contains("<a"), "\(output)")
        #expect(!output.lowercased().contains("href"), "\(output)")
        #expect(output.hasPrefix("<p>click") || output.hasPrefix("<p>[click]"), "\(output)")
    }

    @Test(arguments: hostileDestinations)
    func hostileImageIsDropped(destination: String) {
        let output = html("![alt](\(destination))")
        #expect(!output.contains("<img"), "\(output)")
        #expect(!output.contains("src="), "\(output)")
    }

    @Test(arguments: hostileDestinations)
    func hostileReferenceDefinitionIsDropped(destination: String) {
        let output = html("[click]\n\n[click]: \(destination)")
        #expect(!output.contains("<a"), "\(output)")
    }

    @Test func hostileAutolinksAreText() {
        #expect(html("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n")
        #expect(html("<VBSCRIPT:x>") == "<p>VBSCRIPT:x</p>\n")
        #expect(html("<data:text/html,x>") == "<p>data:text/html,x</p>\n")
    }

    @Test func disallowedImageShowsItsAltText() {
        #expect(html("![A ferry](javascript:alert(1) \"Caption | Credit\")") == "<p>A ferry</p>\n")
        #expect(html("Before ![a *map*](data:image/png;base64,AAAA) after") == "<p>Before a map after</p>\n")
    }

    @Test func allowedDestinations() {
        #expect(html("[a](http://example.com)") == "<p><a href=\"http://example.com\">a</a></p>\n")
        #expect(html("[a](HTTPS://example.com)") == "<p><a href=\"HTTPS://example.com\">a</a></p>\n")
        #expect(html("[a](mailto:desk@example.org)") == "<p><a href=\"mailto:desk@example.org\">a</a></p>\n")
        #expect(html("[a](/path/to?x=1#y)") == "<p><a href=\"/path/to?x=1#y\">a</a></p>\n")
        #expect(html("[a](//cdn.example.com/x)") == "<p><a href=\"//cdn.example.com/x\">a</a></p>\n")
        #expect(html("[a](javascript%3Aalert(1))") == "<p><a href=\"javascript%3Aalert(1)\">a</a></p>\n")
        // Images may not point at mail addresses.
        #expect(html("x ![a](mailto:desk@example.org)") == "<p>x a</p>\n")
    }

    @Test func attributeValuesAreEscaped() {
        #expect(html("[q](/x\"y \"say \\\"hi\\\" <now>\")") ==
            "<p><a href=\"/x%22y\" title=\"say &quot;hi&quot; &lt;now&gt;\">q</a></p>\n")
        #expect(html("x ![a \"quoted\" <alt> & more](/i.png 'it&apos;s \"t\"')") ==
            "<p>x <img src=\"/i.png\" alt=\"a &quot;quoted&quot; &lt;alt&gt; &amp; more\" title=\"it's &quot;t&quot;\" loading=\"lazy\"></p>\n")
        #expect(html("[amp](/x?a=1&b=2&lt;&quot;)") == "<p><a href=\"/x?a=1&amp;b=2%3C%22\">amp</a></p>\n")
        #expect(html("![Boat \"<b>\"](/b.jpg \"Caption \\\"q\\\" <i> | Credit & co\")") ==
            "<figure><img src=\"/b.jpg\" alt=\"Boat &quot;&lt;b&gt;&quot;\" loading=\"lazy\"><figcaption>Caption &quot;q&quot; &lt;i&gt; <span class=\"credit\">Credit &amp; co</span></figcaption></figure>\n")
    }
}

@Suite("Markdown renderer: CommonMark conformance sample")
struct MarkdownRendererConformanceTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let markdown: String
        let html: String

        init(_ name: String, _ markdown: String, _ html: String) {
            self.name = name
            self.markdown = markdown
            self.html = html
        }

        var testDescription: String { name }
    }

    /// Examples written for these tests, one or two for each rule of the specification, with the reference
    /// output of a conforming implementation. (The whole specification is checked by a separate driver.)
    static let examples: [Example] = [
        .init("tab indented code",
              "\tcode\tx\n",
              "<pre><code>code\tx\n</code></pre>\n"),
        .init("tab after spaces",
              "  \tindented code\n",
              "<pre><code>indented code\n</code></pre>\n"),
        .init("tab in list item code",
              "- item\n\n\t\tcode in item\n",
              "<ul>\n<li>\n<p>item</p>\n<pre><code>  code in item\n</code></pre>\n</li>\n</ul>\n"),
        .init("thematic breaks",
              "***\n---\n___\n _ _ _ _\n",
              "<hr />\n<hr />\n<hr />\n<hr />\n"),
        .init("not thematic breaks",
              "+++\n\n--\n\n**\n",
              "<p>+++</p>\n<p>--</p>\n<p>**</p>\n"),
        .init("atx levels",
              "# one\n###### six\n####### seven\n",
              "<h1>one</h1>\n<h6>six</h6>\n<p>####### seven</p>\n"),
        .init("atx needs space",
              "#5 bolt\n\n#hashtag\n",
              "<p>#5 bolt</p>\n<p>#hashtag</p>\n"),
        .init("atx closing sequence",
              "## closed ##\n### trailing \\#\n#### x #y\n",
              "<h2>closed</h2>\n<h3>trailing #</h3>\n<h4>x #y</h4>\n"),
        .init("setext",
              "Title\n=====\n\nSub *em*\n---\n",
              "<h1>Title</h1>\n<h2>Sub <em>em</em></h2>\n"),
        .init("setext multiline",
              "Two\nlines\n===\n",
              "<h1>Two\nlines</h1>\n"),
        .init("indented code keeps blank lines",
              "    a\n\n      b\n    c\n",
              "<pre><code>a\n\n  b\nc\n</code></pre>\n"),
        .init("indented code can't interrupt paragraph",
              "para\n    not code\n",
              "<p>para\nnot code</p>\n"),
        .init("fenced code escapes",
              "```\n<tag> & \"q\"\n```\n",
              "<pre><code>&lt;tag&gt; &amp; &quot;q&quot;\n</code></pre>\n"),
        .init("fenced info string",
              "~~~~ ruby startline=3\ndef\n~~~~\n",
              "<pre><code class=\"language-ruby\">def\n</code></pre>\n"),
        .init("unclosed fence",
              "```\nunclosed\n\nstill code\n",
              "<pre><code>unclosed\n\nstill code\n</code></pre>\n"),
        .init("fence indentation",
              "  ```\n  aaa\n    b\n c\n  ```\n",
              "<pre><code>aaa\n  b\nc\n</code></pre>\n"),
        .init("empty fence",
              "``` js\n```\n",
              "<pre><code class=\"language-js\"></code></pre>\n"),
        .init("reference definition with title",
              "[Foo Bar]: /url 'the title'\n\n[foo bar]\n",
              "<p><a href=\"/url\" title=\"the title\">foo bar</a></p>\n"),
        .init("definition over lines",
              "[a]:\n/dest\n\"title\"\n\n[a]\n",
              "<p><a href=\"/dest\" title=\"title\">a</a></p>\n"),
        .init("first definition wins",
              "[x]: /u\n[x]: /other\n\n[x]\n",
              "<p><a href=\"/u\">x</a></p>\n"),
        .init("unicode case folding",
              "[Ü]: /u\n\n[ü]\n",
              "<p><a href=\"/u\">ü</a></p>\n"),
        .init("paragraph whitespace",
              "aaa\n   bbb\n\n  ccc\n",
              "<p>aaa\nbbb</p>\n<p>ccc</p>\n"),
        .init("block quote with lazy line",
              "> # H\n> text\nlazy\n",
              "<blockquote>\n<h1>H</h1>\n<p>text\nlazy</p>\n</blockquote>\n"),
        .init("two block quotes",
              "> a\n\n> b\n",
              "<blockquote>\n<p>a</p>\n</blockquote>\n<blockquote>\n<p>b</p>\n</blockquote>\n"),
        .init("nested block quotes",
              ">>> deep\n",
              "<blockquote>\n<blockquote>\n<blockquote>\n<p>deep</p>\n</blockquote>\n</blockquote>\n</blockquote>\n"),
        .init("list ends block quote",
              "> - a\n- b\n",
              "<blockquote>\n<ul>\n<li>a</li>\n</ul>\n</blockquote>\n<ul>\n<li>b</li>\n</ul>\n"),
        .init("ordered loose item",
              "1. one\n\n   para\n2. two\n",
              "<ol>\n<li>\n<p>one</p>\n<p>para</p>\n</li>\n<li>\n<p>two</p>\n</li>\n</ol>\n"),
        .init("ordered start and delimiter",
              "10) ten\n11) eleven\n",
              "<ol start=\"10\">\n<li>ten</li>\n<li>eleven</li>\n</ol>\n"),
        .init("nested lists",
              "- a\n  - b\n    - c\n",
              "<ul>\n<li>a\n<ul>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n"),
        .init("loose list",
              "- a\n- b\n\n- c\n",
              "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n"),
        .init("change of bullet starts a list",
              "* a\n+ b\n",
              "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>\n"),
        .init("empty first line of item",
              "-\n  foo\n",
              "<ul>\n<li>foo</li>\n</ul>\n"),
        .init("number in paragraph is not a list",
              "The number\n14. is not a list\n",
              "<p>The number\n14. is not a list</p>\n"),
        .init("code span stripping",
              "`` foo ` bar `` and ` `` `\n",
              "<p><code>foo ` bar</code> and <code>``</code></p>\n"),
        .init("code span line ending",
              "`foo\nbar`\n",
              "<p><code>foo bar</code></p>\n"),
        .init("nested emphasis",
              "*foo**bar**baz*\n",
              "<p><em>foo<strong>bar</strong>baz</em></p>\n"),
        .init("triple delimiters",
              "foo***bar***baz\n",
              "<p>foo<em><strong>bar</strong></em>baz</p>\n"),
        .init("underscore inside word",
              "_foo_bar_ and foo_bar_\n",
              "<p><em>foo_bar</em> and foo_bar_</p>\n"),
        .init("punctuation flanking",
              "*(*foo*)*\n",
              "<p><em>(<em>foo</em>)</em></p>\n"),
        .init("strong with quotes",
              "**foo \"*bar*\" foo**\n",
              "<p><strong>foo &quot;<em>bar</em>&quot; foo</strong></p>\n"),
        .init("overlapping emphasis",
              "*foo _bar* baz_\n",
              "<p><em>foo _bar</em> baz_</p>\n"),
        .init("unmatched delimiters",
              "a * foo bar* and __ x\n",
              "<p>a * foo bar* and __ x</p>\n"),
        .init("inline link",
              "[link](/uri \"title\")\n",
              "<p><a href=\"/uri\" title=\"title\">link</a></p>\n"),
        .init("pointy destination with space",
              "[link](</my uri>)\n",
              "<p><a href=\"/my%20uri\">link</a></p>\n"),
        .init("balanced parentheses",
              "[a](foo(and(bar)))\n",
              "<p><a href=\"foo(and(bar))\">a</a></p>\n"),
        .init("link text with markup",
              "[link *foo **bar** `#`*](/uri)\n",
              "<p><a href=\"/uri\">link <em>foo <strong>bar</strong> <code>#</code></em></a></p>\n"),
        .init("no links in links",
              "[foo [bar](/uri)](/uri2)\n",
              "<p>[foo <a href=\"/uri\">bar</a>](/uri2)</p>\n"),
        .init("full reference",
              "[foo][bar]\n\n[bar]: /url\n",
              "<p><a href=\"/url\">foo</a></p>\n"),
        .init("fragment and query",
              "[f](#frag) [q](?q=1&b=2)\n",
              "<p><a href=\"#frag\">f</a> <a href=\"?q=1&amp;b=2\">q</a></p>\n"),
        .init("image with title",
              "![foo *bar*](/url \"title\")\n",
              "<p><img src=\"/url\" alt=\"foo bar\" title=\"title\" /></p>\n"),
        .init("collapsed image reference",
              "![foo][]\n\n[foo]: /f.png\n",
              "<p><img src=\"/f.png\" alt=\"foo\" /></p>\n"),
        .init("url autolink",
              "<https://example.com/a?b=1&c=2>\n",
              "<p><a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a></p>\n"),
        .init("email autolink",
              "<foo@bar.example.com>\n",
              "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>\n"),
        .init("not an autolink",
              "<https://a.b/c d>\n",
              "<p>&lt;https://a.b/c d&gt;</p>\n"),
        .init("entities",
              "&copy; &#35; &#x22; &nbsp;x &bogus; &#0;\n",
              "<p>© # &quot;  x &amp;bogus; �</p>\n"),
        .init("hard line breaks",
              "foo\\\nbar  \nbaz\n",
              "<p>foo<br />\nbar<br />\nbaz</p>\n"),
        .init("no break in code span",
              "`code  \nspan`\n",
              "<p><code>code   span</code></p>\n"),
        .init("soft break spaces",
              "foo \n baz\n",
              "<p>foo\nbaz</p>\n"),
        .init("backslash escapes",
              "\\*not em\\* \\\\ \\a\n",
              "<p>*not em* \\ \\a</p>\n"),
        .init("code span beats list",
              "- `one\n- two`\n",
              "<ul>\n<li>`one</li>\n<li>two`</li>\n</ul>\n"),
        .init("percent encoding",
              "[a](/föö%20b?x=\"y\")\n",
              "<p><a href=\"/f%C3%B6%C3%B6%20b?x=%22y%22\">a</a></p>\n"),
    ]

    @Test(arguments: examples)
    func matchesReferenceOutput(_ example: Example) {
        #expect(html(example.markdown, .commonMark) == example.html)
    }
}

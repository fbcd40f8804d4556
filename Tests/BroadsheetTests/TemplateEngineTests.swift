import Foundation
import Testing

@testable import BroadsheetWeb

@Suite("Template engine")
struct TemplateEngineTests {
    private func render(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var sources = partials
        sources["page"] = template
        let library = try TemplateLibrary(sources: sources)
        return String(decoding: try #require(library.render("page", value)), as: UTF8.self)
    }

    @Test("variables are HTML-escaped; triple braces and & write them as they are; numbers and flags are written")
    func variables() throws {
        let value: TemplateValue = .object(["a": "<b class=\"x\">Tom & Jerry's</b>", "n": 42, "f": false])
        #expect(try render("{{a}}|{{{a}}}|{{& a}}|{{ n }}|{{f}}|{{missing}}", value)
            == "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;|<b class=\"x\">Tom & Jerry's</b>|<b class=\"x\">Tom & Jerry's</b>|42|false|")
        #expect(try render("é {{a}} ü", .object(["a": "ß → ☃ <"])) == "é ß → ☃ &lt; ü")
        // Text held as UTF-8 bytes (a kept card) is written as the same text would be.
        let bytes: TemplateValue = .object(["a": .utf8(Array("<b>Tom & Jerry's</b> ß → ☃".utf8)), "blank": .utf8([])])
        #expect(try render("{{a}}|{{{a}}}|{{#empty(blank)}}empty{{/empty(blank)}}{{^empty(a)}}|full{{/empty(a)}}", bytes)
            == "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; ß → ☃|<b>Tom & Jerry's</b> ß → ☃|empty|full")
        // Bytes with a text put in (a kept card and its time for now): the text escaped, the rest as it is.
        let card = SplicedUTF8(Array("<p>Café <b>".utf8) + Array("</b></p>".utf8), at: "<p>Café <b>".utf8.count, before: "<i>", text: "3 <hours>", after: "</i>")
        let spliced: TemplateValue = .object(["c": .spliced(card), "blank": .spliced(SplicedUTF8([], at: 0, before: "", text: "", after: ""))])
        #expect(try render("{{{c}}}|{{c}}|{{#empty(blank)}}empty{{/empty(blank)}}{{^empty(c)}}|full{{/empty(c)}}", spliced)
            == "<p>Café <b><i>3 &lt;hours&gt;</i></b></p>|&lt;p&gt;Café &lt;b&gt;&lt;i&gt;3 &amp;lt;hours&amp;gt;&lt;/i&gt;&lt;/b&gt;&lt;/p&gt;|empty|full")
        // A cut past the end is taken as the end.
        #expect(try render("{{{c}}}", .object(["c": .spliced(SplicedUTF8(Array("ab".utf8), at: 9, before: "", text: "x", after: ""))])) == "abx")
    }

    @Test("sections: lists repeat, objects and other values become the context, false and missing values hide")
    func sections() throws {
        let value: TemplateValue = .object([
            "items": .list([.object(["name": "one"]), .object(["name": "two"])]),
            "empty": .list([]), "yes": true, "no": false, "person": .object(["name": "Ana", "role": "Editor"]), "title": "Outer",
        ])
        #expect(try render("{{#items}}[{{name}}]{{/items}}", value) == "[one][two]")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", value) == "none")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", value) == "Y!N")
        #expect(try render("{{#person}}{{name}} ({{role}}) in {{title}}{{/person}}", value) == "Ana (Editor) in Outer")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}", value) == "absent")
        #expect(try render("{{#items}}{{.}}{{/items}}", .object(["items": .list(["a", "b"])])) == "ab")
    }

    @Test("dotted names go down from where the first name is found; a name is looked for outwards")
    func names() throws {
        let value: TemplateValue = .object(["a": .object(["b": .object(["c": "deep"])]), "x": "outer", "list": .list([.object(["y": "inner"])])])
        #expect(try render("{{a.b.c}}|{{a.z.c}}|{{#list}}{{y}}{{x}}{{/list}}", value) == "deep||innerouter")
        #expect(try render("{{#a.b}}{{c}}{{/a.b}}", value) == "deep")
    }

    @Test("empty(name) is true for empty text, lists and objects, and unknown for a missing value")
    func emptiness() throws {
        let value: TemplateValue = .object(["blank": "", "word": "w", "none": .list([]), "some": .list([1])])
        #expect(try render("{{#empty(blank)}}1{{/empty(blank)}}{{^empty(word)}}2{{/empty(word)}}{{#empty(none)}}3{{/empty(none)}}{{^empty(some)}}4{{/empty(some)}}", value) == "1234")
        #expect(try render("{{#empty(missing)}}a{{/empty(missing)}}{{^empty(missing)}}b{{/empty(missing)}}", value) == "b")
    }

    @Test("partials and parents with blocks; a child's block replaces the parent's default")
    func partialsAndInheritance() throws {
        let partials = [
            "layout": "<title>{{$title}}Default{{/title}}</title><main>{{$main}}{{/main}}</main>{{> footer}}",
            "footer": "<footer>{{site}}</footer>",
        ]
        let page = "{{<layout}}{{$main}}Hello {{name}}{{/main}}{{/layout}}"
        #expect(try render(page, .object(["name": "Ana", "site": "Daily"]), partials: partials)
            == "<title>Default</title><main>Hello Ana</main><footer>Daily</footer>")
        #expect(try render("{{<layout}}{{$title}}Mine{{/title}}{{/layout}}", .object([:]), partials: partials)
            == "<title>Mine</title><main></main><footer></footer>")
    }

    @Test("a template that includes itself stops at the depth limit instead of overflowing the stack")
    func recursion() throws {
        let output = try render("x{{> page}}", .object([:]))
        #expect(output == String(repeating: "x", count: TemplateLibrary.maximumDepth + 1))
    }

    @Test("templates that include each other over and over are refused when the library is made, naming the template")
    func runawayExpansion() throws {
        // Each level doubles: 2^64 pieces if nothing stopped it.
        do {
            _ = try TemplateLibrary(sources: ["page": "x{{> page}}{{> page}}"])
            Issue.record("a template doubling at every level was accepted")
        } catch {
            #expect(error.template == "page")
            #expect(error.description.contains("partials include each other"))
        }
        // A deep but finite chain is fine.
        #expect(try render("{{> a}}", .object([:]), partials: ["a": "1{{> b}}", "b": "2{{> c}}", "c": "3"]) == "123")
    }

    @Test("text before, inside and after sections and partials stays where it is, whatever the sections render")
    func textAroundSections() throws {
        let partials = ["p": "<{{name}}>", "q": "(q)"]
        let template = "a{{#on}}b{{> q}}c{{/on}}d{{^on}}e{{/on}}f{{#items}}g{{> p}}h{{/items}}i{{> q}}j"
        let items: TemplateValue = .list([.object(["name": "x"]), .object(["name": "y"])])
        #expect(try render(template, .object(["on": true, "items": items]), partials: partials) == "ab(q)cdfg<x>hg<y>hi(q)j")
        #expect(try render(template, .object(["on": false, "items": .list([])]), partials: partials) == "adefi(q)j")
        #expect(try render(template, .object([:]), partials: partials) == "adefi(q)j")
    }

    @Test("section, partial and comment tags alone on a line take the line with them; inline ones do not")
    func standaloneLines() throws {
        let value: TemplateValue = .object(["items": .list(["a", "b"])])
        #expect(try render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", value) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a\n{{! a note }}\nb", value) == "a\nb")
        #expect(try render("a {{#items}}{{.}}{{/items}} b\n", value) == "a ab b\n")
        #expect(try render("{{#items}}\r\n{{.}}\r\n{{/items}}\r\n", value) == "a\r\nb\r\n")
    }

    @Test("mistakes are refused with the template's name and line: unclosed and misnested sections, unknown functions, pragmas")
    func syntaxErrors() {
        let cases: [(String, String)] = [
            ("a\n{{#open}}\nb", "line 2: {{open}} is never closed"),
            ("{{#a}}{{#b}}{{/a}}{{/b}}", "closes {{b}}"),
            ("{{/a}}", "closes nothing"),
            ("{{upper(name)}}", "unknown function"),
            ("{{% CONTENT_TYPE: HTML }}", "pragmas are not supported"),
            ("{{=<% %>=}}", "delimiters"),
            ("{{a..b}}", "is not a name"),
            ("{{name", "never closed"),
            ("{{{name}}", "never closed"),
        ]
        for (template, message) in cases {
            #expect(throws: TemplateSyntaxError.self, "\(template)") { try TemplateParser.parse(template, name: "t") }
            do {
                _ = try TemplateParser.parse(template, name: "t")
            } catch {
                #expect(error.description.contains(message), "\(template): \(error.description)")
                #expect(error.description.hasPrefix("t.mustache"))
            }
        }
    }

    @Test("the site's templates all parse and every partial and parent they name exists")
    func siteTemplates() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BroadsheetWeb/Resources/templates")
        let library = try TemplateLibrary(directory: directory)
        #expect(library.names.count >= 20)
        #expect(library.missingReferences.isEmpty)
        #expect(try TemplateLibrary(sources: ["a": "{{> nowhere}}"]).missingReferences == ["nowhere"])
    }

    @Test("template objects: names looked up in any order, set replaces in place or adds, nil removes, equality ignores order")
    func templateFields() {
        var fields: TemplateFields = ["b": 2, "a": "one"]
        #expect(fields["a"] == .text("one"))
        #expect(fields["missing"] == nil)
        fields["a"] = "uno"
        fields["c"] = true
        #expect(fields.count == 3)
        #expect(fields.entries.map(\.name) == ["b", "a", "c"])
        #expect(fields["a"] == .text("uno"))
        fields["b"] = nil
        #expect(fields.entries.map(\.name) == ["a", "c"])
        #expect(fields == ["c": true, "a": "uno"])
        #expect(fields != ["c": true, "a": "one"])
        #expect(fields != ["c": true, "a": "uno", "d": 1])
        #expect(TemplateFields() == [:])
        #expect(TemplateValue.object(["x": .list([])]).field("x") == .list([]))
    }
}

import BroadsheetCore
import Testing

@Suite("Slugs and search queries")
struct SlugAndQueryTests {
    @Test("slugs are made from headlines: lowercase ASCII, hyphens, diacritics folded")
    func slugs() {
        #expect(Slug.make(from: "Zōë's Café, 2026!") == "zoes-cafe-2026")
        #expect(Slug.make(from: "  Ferry fares -- rise   again ") == "ferry-fares-rise-again")
        #expect(Slug.make(from: "<script>alert(1)</script>") == "script-alert-1-script")
        #expect(Slug.make(from: "???") == "story")
        #expect(Slug.make(from: String(repeating: "word ", count: 50)).count <= Slug.maximumLength)
        #expect(Slug.isValid("ferry-fares"))
        for bad in ["", "-", "-a", "a-", "a--b", "A", "a b", "ä", "../etc", String(repeating: "a", count: 81)] {
            #expect(!Slug.isValid(bad), "\(bad)")
        }
        #expect(Slug.isValid(String(repeating: "a", count: 80)) && Slug.isValid("0") && Slug.isValid("a-1-b"))
        // The one-pass check agrees with the rule written plainly, on random texts near the edges.
        func plainRule(_ text: String) -> Bool {
            !text.isEmpty && text.count <= Slug.maximumLength && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
                && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        let allowed = ["a", "z", "0", "9", "-"], others = ["A", "ä", " ", "_", "{", "/", "`", "😀"]
        for _ in 0..<5_000 {
            // Mostly allowed characters, so that many texts pass and the others fail by one character or one hyphen.
            let text = (0..<Int.random(in: 0...84)).map { _ in Int.random(in: 0..<200) == 0 ? others.randomElement()! : allowed.randomElement()! }.joined()
            #expect(Slug.isValid(text) == plainRule(text), "\(text)")
        }
    }

    @Test("search queries keep the typed text and read words, phrases, exclusions, prefixes and filters")
    func searchQueries() {
        let query = SearchQuery("  Ferry FARES, ferry\u{0}; DROP TABLE articles;-- ")
        #expect(query.text == "Ferry FARES, ferry ; DROP TABLE articles;--")
        #expect(query.words == ["ferry", "fares", "drop", "table", "articles"])
        #expect(SearchQuery(String(repeating: "x", count: 10_000)).text.count == SearchQuery.maximumLength)
        #expect(SearchQuery("a b c d e f g h i j k l m n o").words.count == SearchQuery.maximumTerms)
        #expect(SearchQuery("\"(*)\"").isEmpty)
        #expect(SearchQuery("Zōr").words == ["zōr"])

        let rich = SearchQuery(#"bridge "harbour master" -ferry -"night bus" council* section:News author:ana-ruiz tag:floods x*"#)
        #expect(rich.words == ["bridge", "x"])
        #expect(rich.phrases == [["harbour", "master"]])
        #expect(rich.excluded == [["ferry"], ["night", "bus"]])
        #expect(rich.prefixes == ["council"])
        #expect(rich.section == "news" && rich.author == "ana-ruiz" && rich.tag == "floods")

        let odd = SearchQuery(#""unbalanced quote -  * - : section: author:Not_a_slug foo:bar"#)
        #expect(odd.words == ["unbalanced", "quote", "section", "author", "not", "a", "slug", "foo", "bar"])
        #expect(odd.section == nil && odd.author == nil)
        #expect(SearchQuery("section:world").hasTextTerms == false)
        #expect(SearchQuery("section:world").isEmpty == false)
        #expect(SearchQuery("-only -exclusions").hasTextTerms == false)
        #expect(SearchQuery("har* harb* councillors*").prefixes == ["harb", "councill"])
        #expect(SearchQuery("har*").words == ["har"], "a prefix shorter than four letters is an ordinary word")
        #expect(SearchQuery("tide").filtered(section: "world", author: "bad slug", tag: nil).section == "world")
        #expect(SearchQuery("tide section:news").filtered(section: "world", author: nil, tag: nil).section == "news")
    }

    @Test("page requests refuse numbers outside 1 to 10,000")
    func pageRequests() {
        #expect(PageRequest(number: 0, size: 20) == nil)
        #expect(PageRequest(number: 10_001, size: 20) == nil)
        #expect(PageRequest(number: 3, size: 20)?.offset == 40)
    }
}

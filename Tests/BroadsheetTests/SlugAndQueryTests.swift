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
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "ä", "../etc", String(repeating: "a", count: 81)] {
            #expect(!Slug.isValid(bad), "\(bad)")
        }
    }

    @Test("search queries keep the typed text and extract bounded, de-duplicated terms")
    func searchQueries() {
        let query = SearchQuery("  Ferry FARES, ferry\u{0}; DROP TABLE articles;-- ")
        #expect(query.text == "Ferry FARES, ferry; DROP TABLE articles;--")
        #expect(query.terms == ["ferry", "fares", "drop", "table", "articles"])
        #expect(SearchQuery(String(repeating: "x", count: 10_000)).text.count == SearchQuery.maximumLength)
        #expect(SearchQuery("a b c d e f g h i j k l m n o").terms.count == SearchQuery.maximumTerms)
        #expect(SearchQuery("\"(*)\"").isEmpty)
        #expect(SearchQuery("Zōr").terms == ["zōr"])
    }

    @Test("page requests refuse numbers outside 1 to 10,000")
    func pageRequests() {
        #expect(PageRequest(number: 0, size: 20) == nil)
        #expect(PageRequest(number: 10_001, size: 20) == nil)
        #expect(PageRequest(number: 3, size: 20)?.offset == 40)
    }
}

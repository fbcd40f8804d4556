import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BroadsheetDemo

/// The generated demo publication and benchmark corpora: determinism, shape, and well-formed output.
/// These tests use only the public API and their own helpers, so they check the generator rather than echo it.
@Suite("Demo corpus")
struct DemoCorpusTests {
    static let corpus = DemoCorpus()
    static let demo = corpus.demoStories()

    // MARK: Determinism

    @Test("The same seed gives identical output")
    func sameSeedSameOutput() {
        let first = DemoCorpus(seed: 42)
        let second = DemoCorpus(seed: 42)
        #expect(first.demoStories() == second.demoStories())
        #expect(first.authors == second.authors)
        #expect(first.imagePool == second.imagePool)
        for index in [0, 1, 2, 17, 999, 12_345, 99_999] {
            #expect(first.bulkStory(index: index) == second.bulkStory(index: index))
        }
        // The default seed is used when none is given.
        #expect(DemoCorpus().demoStories(count: 5) == DemoCorpus(seed: 20_261_124).demoStories(count: 5))
    }

    @Test("Different seeds give different output")
    func differentSeedsDiffer() {
        let first = DemoCorpus(seed: 1)
        let second = DemoCorpus(seed: 2)
        let a = first.demoStories()
        let b = second.demoStories()
        #expect(a.map(\.markdown) != b.map(\.markdown))
        #expect(a.map(\.headline) != b.map(\.headline))
        #expect(first.bulkStory(index: 7).markdown != second.bulkStory(index: 7).markdown)
        #expect(first.imagePool.map(\.svg) != second.imagePool.map(\.svg))
    }

    @Test("A bulk story depends only on its index, not on what was generated before")
    func bulkStoriesAreIndependent() {
        let fresh = DemoCorpus().bulkStory(index: 4_321)
        let corpus = DemoCorpus()
        for index in stride(from: 5_000, to: 4_000, by: -97) { _ = corpus.bulkStory(index: index) }
        #expect(corpus.bulkStory(index: 4_321) == fresh)
        #expect(Self.corpus.bulkStory(index: 4_321) == fresh)
    }

    @Test("Bulk stories made in parallel match those made in order")
    func parallelGeneration() async {
        let corpus = Self.corpus
        let sequential = (0..<48).map { corpus.bulkStory(index: $0) }
        let parallel = await withTaskGroup(of: (Int, DemoStory).self) { group in
            for index in (0..<48).reversed() {
                group.addTask { (index, corpus.bulkStory(index: index)) }
            }
            var stories = [DemoStory?](repeating: nil, count: 48)
            for await (index, story) in group { stories[index] = story }
            return stories.compactMap { $0 }
        }
        #expect(parallel == sequential)
    }

    // MARK: The cast

    @Test("Sections, authors and partners")
    func masthead() throws {
        let corpus = Self.corpus
        #expect(corpus.sections.count >= 5)
        #expect(Set(corpus.sections.map(\.slug)).count == corpus.sections.count)
        for slug in ["news", "politics", "business", "science", "culture", "sport"] {
            #expect(corpus.sections.contains { $0.slug == slug }, "missing section \(slug)")
        }
        for section in corpus.sections {
            #expect(Self.isSlug(section.slug))
            #expect(!section.name.isEmpty && !section.description.isEmpty)
        }

        #expect(corpus.authors.count >= 6)
        #expect(Set(corpus.authors.map(\.slug)).count == corpus.authors.count)
        #expect(Set(corpus.authors.map(\.photo.svg)).count == corpus.authors.count, "every author has a distinct photo")
        for author in corpus.authors {
            #expect(Self.isSlug(author.slug), "\(author.slug)")
            #expect(!author.name.isEmpty && !author.role.isEmpty)
            let sentences = Self.sentenceCount(author.bio)
            #expect((2...4).contains(sentences), "\(author.name): bio has \(sentences) sentences")
            #expect(author.photo.width == 400 && author.photo.height == 400)
        }
        #expect(corpus.authors.contains { $0.name.unicodeScalars.contains { !$0.isASCII } }, "some names have diacritics")

        #expect((3...4).contains(corpus.partners.count))
        for partner in corpus.partners {
            let host = try #require(partner.homepage.host)
            #expect(host.hasSuffix(".example"), "\(host)")
        }
        #expect((20...30).contains(corpus.imagePool.count))
    }

    // MARK: The demo publication

    @Test("The demo has 60 stories in the right proportions")
    func demoProportions() {
        let stories = Self.demo
        #expect(stories.count == 60)
        #expect(DemoCorpus().demoStories(count: 12).count == 12)
        #expect(DemoCorpus().demoStories(count: 0).isEmpty)

        let published = stories.filter { $0.status == .published }
        #expect(stories.filter { $0.status == .draft }.count == 2)
        #expect(stories.filter { $0.status == .inReview }.count == 1)
        let scheduled = stories.filter { $0.status == .scheduled }
        #expect(scheduled.count == 1)
        #expect(scheduled.allSatisfy { $0.ageSeconds < 0 }, "scheduled in the future")
        #expect(published.count == 56)
        #expect(published.allSatisfy { $0.ageSeconds >= 0 })

        let withLead = stories.filter { $0.leadImage != nil }.count
        #expect((24...36).contains(withLead), "about half have a lead image: \(withLead)")
        let republished = stories.filter { $0.partnerIndex != nil }
        #expect((7...13).contains(republished.count), "about one in six republished: \(republished.count)")
        for story in republished {
            #expect(story.partnerIndex.map { (0..<Self.corpus.partners.count).contains($0) } == true)
            let path = story.sourcePath ?? ""
            #expect(path.hasPrefix("/") && path.count > 9, "source path \(path)")
        }
        #expect(stories.filter { $0.partnerIndex == nil }.allSatisfy { $0.sourcePath == nil })
        let updated = stories.filter { $0.updatedAfterSeconds != nil }
        #expect((9...15).contains(updated.count), "about one in five updated: \(updated.count)")
        for story in updated {
            let after = story.updatedAfterSeconds ?? 0
            #expect(after > 0 && after < story.ageSeconds, "updated after publication and before now")
        }
        #expect(stories.contains { !$0.inlineImages.isEmpty }, "some stories have inline images")
        #expect(stories.contains { $0.authorSlugs.count == 2 }, "some stories have two authors")
        #expect(Set(stories.map(\.sectionSlug)).count >= 5, "the demo covers the sections")
    }

    @Test("Demo stories are newest first")
    func demoOrder() {
        let ages = Self.demo.map(\.ageSeconds)
        #expect(ages == ages.sorted())
        #expect(Set(ages).count == ages.count)
    }

    @Test("Every demo story has the expected shape")
    func demoShape() {
        let corpus = Self.corpus
        let sectionSlugs = Set(corpus.sections.map(\.slug))
        let authorSlugs = Set(corpus.authors.map(\.slug))
        var counts = [Int]()
        for story in Self.demo {
            let words = Self.wordCount(markdown: story.markdown)
            counts.append(words)
            #expect((400...1_200).contains(words), "\(story.slug): \(words) words")
            let headlineWords = Self.wordCount(plain: story.headline)
            #expect((6...14).contains(headlineWords), "\(story.headline): \(headlineWords) words")
            #expect(!story.headline.hasSuffix("."))
            #expect(story.headline.first.map { $0.isUppercase || $0.isNumber || $0 == "£" } == true, "\(story.headline)")
            let standfirstWords = Self.wordCount(plain: story.standfirst)
            #expect((20...45).contains(standfirstWords), "\(story.standfirst): \(standfirstWords) words")
            #expect(sectionSlugs.contains(story.sectionSlug))
            #expect((1...2).contains(story.authorSlugs.count) && story.authorSlugs.allSatisfy(authorSlugs.contains))
            #expect(Set(story.authorSlugs).count == story.authorSlugs.count)
            #expect((1...4).contains(story.tags.count) && story.tags.allSatisfy(corpus.tagNames.contains), "\(story.tags)")
            #expect(Set(story.tags).count == story.tags.count)
            #expect(!story.markdown.contains("{") && !story.markdown.contains("}"), "no unfilled template slots")
            #expect(!story.markdown.contains("  "), "no double spaces")
        }
        #expect(Set(counts.map { $0 / 100 }).count >= 4, "word counts vary: \(counts.sorted())")
        #expect(corpus.tagNames.count >= 30 && corpus.tagNames.count <= 50)
    }

    @Test("Demo stories quote people")
    func quotations() {
        let stories = Self.demo
        // Reported speech in running text: a quotation closed by ,” or ” and attributed.
        #expect(stories.allSatisfy { $0.markdown.contains("“") && $0.markdown.contains("”") })
        #expect(stories.allSatisfy { $0.markdown.contains(" said") || $0.markdown.contains("said:") })
        // Attributed block quotations: the last paragraph starts with an em dash.
        let blockQuotes = stories.filter { Self.hasAttributedBlockQuote($0.markdown) }.count
        #expect(blockQuotes >= 10, "attributed block quotes in \(blockQuotes) stories")
        let pullQuotes = stories.filter { $0.markdown.contains("\n> [!pullquote]\n> ") || $0.markdown.hasPrefix("> [!pullquote]\n") }.count
        #expect(pullQuotes >= 5, "pull quotes in \(pullQuotes) stories")
        #expect(stories.contains { $0.markdown.contains("\n## ") }, "longer stories have subheadings")
        #expect(stories.contains { $0.markdown.contains("\n- ") }, "some bullet lists")
        #expect(stories.contains { $0.markdown.contains(".example") && $0.markdown.contains("](https://") }, "some links")
    }

    @Test("Slugs are unique and well formed")
    func demoSlugs() {
        let slugs = Self.demo.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        for slug in slugs {
            #expect(Self.isSlug(slug) && slug.count <= 80, "\(slug)")
        }
    }

    @Test("Every demo-image reference has an inline image, and every inline image is referenced")
    func imageReferences() {
        for story in Self.demo + (0..<300).map({ Self.corpus.bulkStory(index: $0) }) {
            let references = Self.imageReferences(story.markdown)
            for reference in references {
                #expect(reference >= 0 && reference < story.inlineImages.count, "\(story.slug): demo-image:\(reference)")
            }
            #expect(Set(references) == Set(story.inlineImages.indices), "\(story.slug): \(references)")
            for image in story.inlineImages {
                #expect(story.markdown.contains("](demo-image:"))
                #expect(!image.caption.contains("\"") && !image.alt.contains("]"))
            }
        }
    }

    // MARK: Images

    @Test("SVGs are well-formed standalone documents")
    func svgs() {
        var images = Self.corpus.imagePool + Self.corpus.authors.map(\.photo)
        for story in Self.demo {
            images += story.inlineImages
            if let lead = story.leadImage { images.append(lead) }
        }
        #expect(images.count > 40)
        for image in images {
            let check = SVGCheck(image.svg)
            #expect(check.parsed, "XMLParser failed: \(check.error ?? "")")
            #expect(check.root == "svg")
            #expect(check.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(check.rootAttributes["width"] == String(image.width))
            #expect(check.rootAttributes["height"] == String(image.height))
            #expect(check.rootAttributes["viewBox"] == "0 0 \(image.width) \(image.height)")
            #expect(check.hasTitle && !check.titleText.isEmpty)
            #expect(!check.elements.contains("script") && !check.elements.contains("foreignObject") && !check.elements.contains("image"))
            #expect(!check.hasExternalReference, "no href or external url()")
            #expect(image.svg.count <= 3_072, "\(image.svg.count) bytes")
            #expect(!image.alt.isEmpty && !image.caption.isEmpty && !image.credit.isEmpty)
        }
        for story in Self.demo {
            if let lead = story.leadImage {
                #expect(lead.width == 1_200 && lead.height == 675)
                if let partner = story.partnerIndex {
                    #expect(lead.credit.hasSuffix(Self.corpus.partners[partner].name))
                } else {
                    #expect(lead.credit.hasPrefix("Photo: ") && lead.credit.hasSuffix("/ The Eastmere Gazette"))
                }
            }
        }
    }

    // MARK: Benchmark corpora

    @Test("Bulk slugs are unique across the first 5,000 stories")
    func bulkSlugs() {
        let corpus = Self.corpus
        var slugs = Set<String>()
        var previousAge = -1.0
        let pool = Set(corpus.imagePool)
        var withLead = 0
        for index in 0..<5_000 {
            let story = corpus.bulkStory(index: index)
            #expect(Self.isSlug(story.slug) && story.slug.count <= 80, "\(story.slug)")
            #expect(slugs.insert(story.slug).inserted, "duplicate slug \(story.slug)")
            #expect(story.status == .published)
            #expect(story.ageSeconds > previousAge, "index 0 is newest")
            previousAge = story.ageSeconds
            if let lead = story.leadImage {
                withLead += 1
                #expect(pool.contains(lead), "lead images are pool entries, unchanged")
            }
            #expect(story.inlineImages.allSatisfy(pool.contains))
            if let after = story.updatedAfterSeconds { #expect(after > 0 && after < story.ageSeconds) }
        }
        #expect((2_000...3_000).contains(withLead))
        // About 15 minutes apart on average.
        #expect((600.0...1_200.0).contains(previousAge / 5_000))
    }

    @Test("Bulk stories have the same shape as the demo's")
    func bulkShape() {
        let corpus = Self.corpus
        var vocabulary = Set<String>()
        for index in stride(from: 0, to: 100_000, by: 199) {
            let story = corpus.bulkStory(index: index)
            let words = Self.wordCount(markdown: story.markdown)
            #expect((400...1_200).contains(words), "\(story.slug): \(words) words")
            #expect((6...14).contains(Self.wordCount(plain: story.headline)), "\(story.headline)")
            #expect((20...45).contains(Self.wordCount(plain: story.standfirst)), "\(story.standfirst)")
            #expect((1...4).contains(story.tags.count))
            for token in story.markdown.lowercased().split(whereSeparator: { !$0.isLetter }) {
                vocabulary.insert(String(token))
            }
        }
        #expect(vocabulary.count >= 3_000, "distinct words: \(vocabulary.count)")
    }

    // MARK: Helpers (independent of the generator's own)

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func wordCount(plain text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }

    /// Words in the body's text, leaving out markup: image paragraphs, the pull-quote marker, link addresses,
    /// and heading, quote and list markers.
    static func wordCount(markdown: String) -> Int {
        var total = 0
        for line in markdown.split(separator: "\n") {
            var text = String(line)
            if text.hasPrefix("![") || text == "> [!pullquote]" { continue }
            for marker in ["> ", ">", "## ", "- "] where text.hasPrefix(marker) {
                text.removeFirst(marker.count)
                break
            }
            // "[text](https://...)" counts as "text".
            while let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")") {
                text.replaceSubrange(open.lowerBound...close, with: " ")
            }
            total += wordCount(plain: text.replacingOccurrences(of: "[", with: ""))
        }
        return total
    }

    static func sentenceCount(_ text: String) -> Int {
        text.split(separator: ". ").count
    }

    static func hasAttributedBlockQuote(_ markdown: String) -> Bool {
        let blocks = markdown.components(separatedBy: "\n\n")
        return blocks.contains { block in
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 3, lines.allSatisfy({ $0.hasPrefix(">") }), lines.first != "> [!pullquote]" else { return false }
            return lines.last!.hasPrefix("> — ") && lines[lines.count - 2] == ">"
        }
    }

    /// The N of every `demo-image:N` in the text.
    static func imageReferences(_ markdown: String) -> [Int] {
        var references = [Int]()
        var rest = Substring(markdown)
        while let range = rest.range(of: "demo-image:") {
            let digits = rest[range.upperBound...].prefix { $0.isNumber }
            references.append(Int(digits) ?? -1)
            rest = rest[range.upperBound...]
        }
        return references
    }
}

/// Parses an SVG with Foundation's XMLParser and records what the tests look at.
private final class SVGCheck: NSObject, XMLParserDelegate {
    var parsed = false
    var error: String?
    var root: String?
    var rootAttributes = [String: String]()
    var elements = Set<String>()
    var hasTitle = false
    var titleText = ""
    var hasExternalReference = false
    private var inTitle = false

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        parsed = parser.parse()
        if !parsed { error = parser.parserError.map { "\($0)" } ?? "unknown" }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if root == nil {
            root = elementName
            rootAttributes = attributeDict
        }
        elements.insert(elementName)
        if elementName == "title" {
            hasTitle = true
            inTitle = true
        }
        for (name, value) in attributeDict {
            if name.hasSuffix("href") || value.contains("url(http") || value.contains("//") && name != "xmlns" {
                hasExternalReference = true
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { titleText += string }
    }
}

import BroadsheetCore
import BroadsheetStore
import Foundation
import Logging
import Testing
@testable import BroadsheetStore
@testable import BroadsheetWeb

/// Ranked full-text search on a real SQLite file.
@Suite("Search: ranking, query language and index consistency")
struct SearchTests {
    static let page = PageRequest(number: 1, size: 20)!

    static func headlines(_ fixture: Fixture, _ text: String, sort: SearchSort = .relevance, from: Date? = nil, until: Date? = nil) async throws -> [String] {
        try await fixture.store.search(SearchRequest(query: SearchQuery(text), from: from, until: until, sort: sort), page: page)
            .page.items.map(\.story.headline)
    }

    @Test("a headline match ranks above a standfirst match, which ranks above a body-only match, even a newer one")
    func ranking() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Weather report", hoursAgo: 1, standfirst: "Rain again.", body: "The lighthouse keeper saw the storm."),
            fixture.story("Coastal news", hoursAgo: 2, standfirst: "The lighthouse reopens.", body: "Visitors return."),
            fixture.story("Lighthouse restored", hoursAgo: 30, standfirst: "Work is done.", body: "Painters finished.")
        )
        #expect(try await Self.headlines(fixture, "lighthouse") == ["Lighthouse restored", "Coastal news", "Weather report"])
        #expect(try await Self.headlines(fixture, "lighthouse", sort: .date) == ["Weather report", "Coastal news", "Lighthouse restored"])
    }

    @Test("Broadsheet's ranking function scores exactly as FTS5's bm25() with the same column weights")
    func rankingAgreesWithFTS5() async throws {
        let fixture = try await Fixture.make()
        let words = ["harbour", "ferry", "council", "bridge", "storm", "market", "school", "river"]
        _ = try await fixture.store.createArticles((0..<40).map { index in
            let pick = { (offset: Int) in words[(index * 7 + offset * 3) % words.count] }
            return fixture.story(
                "\(pick(0).capitalized) news \(index)", hoursAgo: Double(index),
                standfirst: "About the \(pick(1)) and the \(pick(2)).",
                body: Array(repeating: "The \(pick(3)) was discussed near the \(pick(4)).", count: 1 + index % 5).joined(separator: " ")
            )
        })
        for query in ["harbour", "ferry council", "\"the storm\"", "brid*", "river -market", "school harbour ferry"] {
            let (fts5, ours) = try await fixture.store.rankingScores(SearchQuery(query))
            #expect(!fts5.isEmpty, "\(query) matches something")
            #expect(Set(fts5.keys) == Set(ours.keys))
            for (key, score) in fts5 {
                #expect(abs(score - (ours[key] ?? 0)) < 1e-9, "\(query): \(score) vs \(ours[key] ?? .nan)")
            }
        }
    }

    @Test("equal matches are ordered newest first")
    func ties() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Older tide tables", hoursAgo: 9, body: "Same body."),
            fixture.story("Newer tide tables", hoursAgo: 3, body: "Same body.")
        )
        #expect(try await Self.headlines(fixture, "tide tables") == ["Newer tide tables", "Older tide tables"])
    }

    @Test("words are stemmed, folded for case and diacritics, and all must match")
    func stemmingAndFolding() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Dockers strike over pay", body: "The strike began at dawn."),
            fixture.story("Zōr Café opens", body: "A new café on the quay, run by Zoë."),
            fixture.story("Pay talks resume", body: "Talks about pay resumed.")
        )
        #expect(try await Self.headlines(fixture, "strikes") == ["Dockers strike over pay"])
        #expect(try await Self.headlines(fixture, "STRIKING") == ["Dockers strike over pay"])
        #expect(try await Self.headlines(fixture, "Zor") == ["Zōr Café opens"])
        #expect(try await Self.headlines(fixture, "zoe cafe") == ["Zōr Café opens"])
        #expect(try await Self.headlines(fixture, "pay strike") == ["Dockers strike over pay"])
        #expect(Set(try await Self.headlines(fixture, "pay")) == ["Dockers strike over pay", "Pay talks resume"])
        #expect(try await Self.headlines(fixture, "pay unicorn") == [])
    }

    @Test("quoted phrases match words together and in order; excluded words and phrases remove stories; prefixes match word starts")
    func operators() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("Harbour master retires", body: "After forty years."),
            fixture.story("Master plan for the harbour", body: "Councillors approve it."),
            fixture.story("Night bus cut", body: "The council cuts the night bus."),
            fixture.story("Bus fares rise", body: "Fares go up in spring.")
        )
        #expect(try await Self.headlines(fixture, #""harbour master""#) == ["Harbour master retires"])
        #expect(Set(try await Self.headlines(fixture, "harbour master")) == ["Harbour master retires", "Master plan for the harbour"])
        #expect(try await Self.headlines(fixture, "bus -night") == ["Bus fares rise"])
        #expect(try await Self.headlines(fixture, #"bus -"night bus""#) == ["Bus fares rise"])
        #expect(Set(try await Self.headlines(fixture, "counc*")) == ["Master plan for the harbour", "Night bus cut"])
        #expect(try await Self.headlines(fixture, "counc* -night") == ["Master plan for the harbour"])
    }

    @Test("section, author, tag and date filters narrow the results, in the text or on their own")
    func filters() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(
            fixture.story("River levels rise", hoursAgo: 2, section: fixture.world, authors: [fixture.ana], tags: ["Floods"]),
            fixture.story("River trade booms", hoursAgo: 50, section: fixture.business, authors: [fixture.ben]),
            fixture.story("River festival", hoursAgo: 100, section: fixture.business, authors: [fixture.ana], tags: ["Floods"])
        )
        #expect(Set(try await Self.headlines(fixture, "river section:business")) == ["River trade booms", "River festival"])
        #expect(Set(try await Self.headlines(fixture, "river author:ana-ruiz")) == ["River levels rise", "River festival"])
        #expect(try await Self.headlines(fixture, "river tag:floods section:business") == ["River festival"])
        #expect(try await Self.headlines(fixture, "section:business", sort: .date) == ["River trade booms", "River festival"])
        #expect(try await Self.headlines(fixture, "river section:nowhere") == [])
        let cutoff = Fixture.now.addingTimeInterval(-24 * 3_600)
        #expect(try await Self.headlines(fixture, "river", from: cutoff) == ["River levels rise"])
        #expect(Set(try await Self.headlines(fixture, "river", until: cutoff)) == ["River trade booms", "River festival"])
    }

    @Test("results are paginated, and the count is exact")
    func pagination() async throws {
        let fixture = try await Fixture.make()
        _ = try await fixture.store.createArticles((0..<45).map { fixture.story("Ferry timetable \($0)", hoursAgo: Double($0 + 1)) })
        let request = SearchRequest(query: SearchQuery("ferry"), sort: .date)
        let first = try await fixture.store.search(request, page: PageRequest(number: 1, size: 20)!)
        let third = try await fixture.store.search(request, page: PageRequest(number: 3, size: 20)!)
        let fourth = try await fixture.store.search(request, page: PageRequest(number: 4, size: 20)!)
        #expect(first.total == 45 && first.totalIsExact)
        #expect(first.page.items.count == 20 && first.page.hasMore)
        #expect(first.page.items.first?.story.headline == "Ferry timetable 0")
        #expect(third.page.items.map(\.story.headline) == (40..<45).map { "Ferry timetable \($0)" })
        #expect(!third.page.hasMore)
        #expect(fourth.page.items.isEmpty)
    }

    @Test("beyond the count limit the total says 'more than'; relevance ranks the newest matches, then older ones follow newest first")
    func countLimit() async throws {
        let fixture = try await Fixture.make(searchCountLimit: 5, searchRankingWindow: 4)
        // Story 0 is the oldest and has the query in its headline: the best match, but outside the newest four.
        _ = try await fixture.store.createArticles((0..<8).map { index in
            fixture.story(index == 0 ? "Quay works" : "Harbour works \(index)", hoursAgo: Double(8 - index), body: "On the quay.")
        })
        let relevance = try await fixture.store.search(SearchRequest(query: SearchQuery("quay")), page: Self.page)
        #expect(relevance.total == 5 && !relevance.totalIsExact)
        let expected = ["Harbour works 7", "Harbour works 6", "Harbour works 5", "Harbour works 4", "Harbour works 3", "Harbour works 2", "Harbour works 1", "Quay works"]
        #expect(relevance.page.items.map(\.story.headline) == expected)
        // Pages cut across the end of the ranked window without losing or repeating a story.
        var paged: [String] = []
        for number in 1...4 {
            let part = try await fixture.store.search(SearchRequest(query: SearchQuery("quay")), page: PageRequest(number: number, size: 3)!)
            paged += part.page.items.map(\.story.headline)
            #expect(part.page.hasMore == (number < 3))
        }
        #expect(paged == expected)
        let byDate = try await fixture.store.search(SearchRequest(query: SearchQuery("quay"), sort: .date), page: Self.page)
        #expect(byDate.page.items.count == 8)
        #expect(byDate.page.items.last?.story.headline == "Quay works")
    }

    @Test("dates beyond what the index's keys hold, in filters and on stories, are taken as the furthest it holds: no overflow")
    func farDates() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Harbour crossing opens", hoursAgo: 2))
        let far = Date(timeIntervalSince1970: 2.5e11)  // about the year 9900
        let farBack = Date(timeIntervalSince1970: -2.5e11)
        let query = SearchQuery("harbour")
        #expect(try await fixture.store.search(SearchRequest(query: query, from: far), page: Self.page).page.items.isEmpty)
        #expect(try await fixture.store.search(SearchRequest(query: query, until: far), page: Self.page).page.items.count == 1)
        #expect(try await fixture.store.search(SearchRequest(query: query, from: farBack, until: far, sort: .date), page: Self.page).page.items.count == 1)
        #expect(try await fixture.store.search(SearchRequest(query: query, until: farBack), page: Self.page).page.items.isEmpty)
        // A story dated that far ahead is indexed (a key at the end of the range), and found.
        try await fixture.add(fixture.story("Harbour time capsule", hoursAgo: -2.5e11 / 3_600))
        #expect(try await Self.headlines(fixture, "capsule") == ["Harbour time capsule"])
    }

    @Test("snippets come from the best passage with the matching words marked")
    func snippets() async throws {
        let fixture = try await Fixture.make()
        let body = (["The meeting began late."] + Array(repeating: "Councillors discussed the budget at length.", count: 30)
            + ["Finally the lighthouse lease was signed by the harbour board."]).joined(separator: " ")
        try await fixture.add(fixture.story("Council meeting", body: body))
        let hit = try #require(try await fixture.store.search(SearchRequest(query: SearchQuery("lighthouse lease")), page: Self.page).page.items.first)
        #expect(hit.snippet.parts.filter(\.isMatch).map { $0.text.lowercased() } == ["lighthouse", "lease"])
        #expect(hit.snippet.text.contains("harbour board"))
        #expect(hit.snippet.text.count < body.count / 2, "a passage, not the whole body")
    }

    @Test("only published stories are found, and the index follows every edit, unpublish, republish and delete")
    func consistency() async throws {
        let fixture = try await Fixture.make()
        let ids = try await fixture.add(
            fixture.story("Pier repairs begin", body: "Scaffolding went up."),
            fixture.story("Secret pier plan", status: .draft),
            fixture.story("Scheduled pier story", status: .scheduled)
        )
        #expect(try await Self.headlines(fixture, "pier") == ["Pier repairs begin"])

        var edited = fixture.story("Jetty repairs begin", body: "Scaffolding went up on the jetty.")
        edited.slug = "pier-repairs-begin"
        try await fixture.store.updateArticle(id: ids[0], edited)
        #expect(try await Self.headlines(fixture, "pier") == [], "the old headline's words leave the index")
        #expect(try await Self.headlines(fixture, "jetty") == ["Jetty repairs begin"])
        #expect(try await Self.headlines(fixture, "scaffolding") == ["Jetty repairs begin"], "words kept by the edit stay found")

        edited.status = .unpublished
        try await fixture.store.updateArticle(id: ids[0], edited)
        #expect(try await Self.headlines(fixture, "jetty") == [])

        var published = fixture.story("Secret pier plan revealed")
        published.slug = "secret-pier-plan"
        try await fixture.store.updateArticle(id: ids[1], published)
        #expect(try await Self.headlines(fixture, "pier") == ["Secret pier plan revealed"])

        try await fixture.store.deleteArticle(id: ids[1])
        #expect(try await Self.headlines(fixture, "pier") == [])
        #expect(try await Self.headlines(fixture, "secret") == [])

        // After all that churn, FTS5's own check agrees with the stories table.
        #expect(try await fixture.store.checkSearchIndex())
    }

    @Test("a failed edit leaves the story and its index entry as they were")
    func failedEdit() async throws {
        let fixture = try await Fixture.make()
        let ids = try await fixture.add(fixture.story("Lifeboat launched"), fixture.story("Other story"))
        var clash = fixture.story("Lifeboat renamed")
        clash.slug = "other-story"
        await #expect(throws: PublicationWriteError.duplicateSlug("other-story")) {
            try await fixture.store.updateArticle(id: ids[0], clash)
        }
        #expect(try await Self.headlines(fixture, "lifeboat") == ["Lifeboat launched"])
        #expect(try await Self.headlines(fixture, "renamed") == [])
    }

    /// At least 30 inputs that break naive search: none may throw, and none may match everything.
    static let hostileQueries: [String] = [
        "\"", "\"\"", "\"unbalanced", "unbalanced\"", "-", "--", "- -", "*", "**", "q*", "-*", "(", ")", "()", "(pier",
        "pier)", "NEAR(pier quay)", "pier NEAR quay", "pier AND", "OR pier", "NOT", "NOT pier", "pier NOT", "AND OR NOT",
        "^pier", "pier^", "headline:pier", "{headline}:pier", "body_text:pier", "articles_fts:pier", ":", "::pier::",
        "pier:", "section:", "author:", "tag:", "section:../../etc", "' OR 1=1 --", "'; DROP TABLE articles; --",
        "\\", "\\\"", "%", "_", "%_%", "pier\u{0}quay", "\u{0}", "\u{7F}\u{1B}[31m", String(repeating: "pier ", count: 2_000),
        String(repeating: "x", count: 10_000), "📰🗞️🔥", "pier 🌊 quay", "الخبر العاجل", "חדשות", "\u{202E}reip",
        "ｐｉｅｒ", "p\u{0301}ier", "\u{FEFF}pier", "\u{200B}", "pier*quay", "-pier", "+pier", "pier~", "pier AND quay",
        "\"pier\" \"quay", "*pier*", "€£¥", "\u{FFFF}", "\u{E000}pier\u{E001}",
    ]

    @Test("hostile queries never fail and never match everything")
    func hostile() async throws {
        #expect(Self.hostileQueries.count >= 30)
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Pier repairs", body: "Quay works and the pier."), fixture.story("Unrelated", body: "Nothing here."))
        for text in Self.hostileQueries {
            for sort in SearchSort.allCases {
                let results = try await fixture.store.search(SearchRequest(query: SearchQuery(text), sort: sort), page: Self.page)
                let found = results.page.items.map(\.story.headline)
                #expect(!found.contains("Unrelated"), "\(text.prefix(40)) found \(found)")
            }
        }
        #expect(try await Self.headlines(fixture, "pier AND quay") == ["Pier repairs"], "operators are ordinary words")
        #expect(try await Self.headlines(fixture, "NOT pier") == [], "\"not\" is a word to find, not an operator")
        #expect(try await Self.headlines(fixture, "ｐｉｅｒ") == ["Pier repairs"], "full-width letters fold to ASCII")
    }
}

@Suite("Search snippets")
struct SnippetTests {
    @Test("snippets mark the matching words in text of every kind, so the tokenizer agrees with the index's", arguments: [
        ("Don't stop: it's 3.5% of £1,000, e-mail news@example.org now.", "stop"),
        ("Zōë's café had a naïve façade and a crème brûlée menu.", "facade"),
        ("The 東京 office and the 北京 office both opened.", "office"),
        ("🎉 Party time 🎉 for the harbour 🌊 crew.", "harbour"),
        ("Numbers: 42, 3rd, 1990s and X-ray machines.", "machines"),
        ("Quotes «like these» and „these“ and ‘these’ matter.", "matter"),
        ("A tab\there and a line\nbreak and  double  spaces.", "break"),
        ("“Quoted” — dashed – ellipsis… thin\u{2009}space, ‹angles› and ‰ then the harbour’s end.", "end"),
        ("Superscript x\u{2071} and x\u{2070} and \u{2040}tie: the token characters just past U+203F count.", "count"),
    ])
    func marksMatches(body: String, word: String) async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Text sample", body: body))
        let hit = try #require(try await fixture.store.search(SearchRequest(query: SearchQuery(word)), page: SearchTests.page).page.items.first)
        let marked = hit.snippet.parts.filter(\.isMatch).map { $0.text.folding(options: .diacriticInsensitive, locale: nil).lowercased() }
        #expect(marked.contains(word), "\(hit.snippet.parts)")
        #expect(hit.snippet.text.contains(word == "facade" ? "façade" : word))
    }

    @Test("the passage's tokens and the count of the rest (read eight ASCII bytes at a time) agree with a plain reading of the text")
    func tokenCounting() {
        /// Token characters as the tokenizer defines them, read a scalar at a time: letters, digits, private use.
        func reference(_ text: String) -> [Range<Int>] {
            var ranges: [Range<Int>] = [], start: Int?, offset = 0
            for scalar in text.unicodeScalars {
                let isToken: Bool = switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .privateUse: true
                default: false
                }
                if isToken, start == nil { start = offset }
                if !isToken, let first = start { ranges.append(first..<offset); start = nil }
                offset += String(scalar).utf8.count
            }
            if let first = start { ranges.append(first..<offset) }
            return ranges
        }
        let pieces = ["harbour", "a", "Budget", "1990s", "42", " ", "  ", ", ", ". ", "-", "'", "\n", "é", "café", "東京", "🎉", "“", "”",
                      "—", "\u{2009}", "…", "ﬁ", "x\u{2071}", "£1,000", "naïve", "\u{E000}", "Ωmega", "(", ")", "@", "`", "[", "{", "~",
                      "/", ":", "0", "9", "Z", "z", "A", "a"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = reference(text)
            var copy = text
            copy.withUTF8 { bytes in
                for (first, count) in [(0, 0), (0, 1), (0, 28), (next(expected.count + 2), next(30)), (0, expected.count + 5)] {
                    let found = SnippetMaker.tokens(bytes, from: first, count: count)
                    #expect(found.total == expected.count, "\(text.debugDescription) from \(first), \(count)")
                    let wanted = first < expected.count ? Array(expected[first..<min(expected.count, first + count)]) : []
                    #expect(found.bounds == wanted, "\(text.debugDescription) from \(first), \(count)")
                }
                #expect(SnippetMaker.countTokens(bytes, from: 0) == expected.count, "\(text.debugDescription)")
            }
        }
        // Bytes that are not UTF-8 (stray continuation bytes, a sequence cut short, at any place in a word) are no
        // token characters: counted eight at a time or one at a time, the same.
        let odd: [[UInt8]] = [[0x80], [0xBF, 0x41], [0xE2, 0x80], [0xC3], [0xF0, 0x9F, 0x8E], [0xFF, 0xFE], [0xE2]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(30) {
                bytes += next(3) == 0 ? odd[next(odd.count)] : Array(pieces[next(pieces.count)].utf8)
            }
            bytes.withUnsafeBufferPointer { buffer in
                let walked = SnippetMaker.tokens(buffer, from: 0, count: bytes.count + 1)
                #expect(walked.bounds.count == walked.total, "\(bytes)")
                #expect(SnippetMaker.countTokens(buffer, from: 0) == walked.total, "\(bytes)")
                #expect(SnippetMaker.tokens(buffer, from: 0, count: 1).total == walked.total, "\(bytes)")
            }
        }
    }

    @Test("a long body is cut around the best passage, with ellipses, and multi-word phrases are marked whole")
    func window() {
        let text = (0..<100).map { "w\($0)" }.joined(separator: " ")
        let located = SnippetMaker.Located(tokens: 100, sizes: [2, 1], matches: [.init(phrase: 0, offset: 60), .init(phrase: 1, offset: 64), .init(phrase: 1, offset: 5)])
        let snippet = SnippetMaker.snippet(text: text, located: located)
        #expect(snippet.text.hasPrefix("…w58 w59 "))
        #expect(snippet.text.hasSuffix(" …"))
        #expect(snippet.parts.filter(\.isMatch).map(\.text) == ["w60 w61", "w64"])
        // FTS5 counted differently: no marks rather than wrong ones.
        let misaligned = SnippetMaker.snippet(text: text, located: .init(tokens: 99, sizes: [1], matches: [.init(phrase: 0, offset: 50)]))
        #expect(misaligned.parts.allSatisfy { !$0.isMatch })
        #expect(misaligned.text.hasPrefix("w0 w1"))
    }
}

/// The server keeps the full-text index in few pieces, and searches find the same before and after.
@Suite("Search index upkeep")
struct SearchIndexUpkeepTests {
    /// Stories published one at a time, as a newsroom publishes them: each adds a piece to the index.
    static func publishedOneByOne(_ fixture: Fixture, count: Int, from first: Int = 0) async throws {
        let words = ["harbour", "ferry", "council", "bridge", "storm", "market"]
        for index in first..<(first + count) {
            try await fixture.add(fixture.story(
                "\(words[index % 6].capitalized) report \(index)", hoursAgo: Double(index + 1),
                body: "The \(words[(index + 1) % 6]) and the \(words[(index + 3) % 6]) were discussed at length."
            ))
        }
    }

    @Test("an index grown into many pieces is merged into one in small steps, and finds exactly what it found before")
    func merging() async throws {
        let fixture = try await Fixture.make()
        try await Self.publishedOneByOne(fixture, count: 70)
        let pieces = try await fixture.store.searchIndexSegments()
        #expect(pieces > 3, "one publication at a time leaves many pieces (\(pieces))")
        let queries = ["harbour", "ferry council", "storm -bridge", "mark*", "\"the market\""]
        var before: [[String]] = []
        for query in queries { before.append(try await SearchTests.headlines(fixture, query)) }
        #expect(before.allSatisfy { !$0.isEmpty })

        let upkeep = SearchIndexUpkeep(index: fixture.store, logger: Logger(label: "test"), mostSegments: 3, pagesPerStep: 2, pause: .zero)
        let steps = try await upkeep.upkeep()
        #expect(steps > 1, "a step writes about two pages, so several steps (\(steps))")
        #expect(try await fixture.store.searchIndexSegments() == 1)
        for (query, found) in zip(queries, before) { #expect(try await SearchTests.headlines(fixture, query) == found, "\(query)") }
        #expect(try await fixture.store.checkSearchIndex())
        #expect(try await upkeep.upkeep() == 0, "in one piece: nothing to do")

        // The next publication adds a piece and is found at once; a few pieces are left alone.
        try await fixture.add(fixture.story("Harbour latest", hoursAgo: 0.1, body: "News from the harbour."))
        #expect(try await fixture.store.searchIndexSegments() == 2)
        #expect(try await upkeep.upkeep() == 0)
        #expect(try await SearchTests.headlines(fixture, "harbour", sort: .date).first == "Harbour latest")
    }

    @Test("the server's job merges the index by itself once it is in too many pieces, at most once per spacing, and stops when told")
    func mergingJob() async throws {
        let fixture = try await Fixture.make()
        try await Self.publishedOneByOne(fixture, count: 40)
        #expect(try await fixture.store.searchIndexSegments() > 3)
        let found = try await SearchTests.headlines(fixture, "ferry council")
        #expect(!found.isEmpty)
        let job = Task {
            try await SearchIndexUpkeep(
                index: fixture.store, logger: Logger(label: "test"), interval: .milliseconds(20), spacing: .seconds(3_600), mostSegments: 3, pause: .zero
            ).run()
        }
        var merged = false
        for _ in 0..<250 where !merged {
            try await Task.sleep(for: .milliseconds(20))
            merged = try await fixture.store.searchIndexSegments() == 1
        }
        #expect(merged)
        #expect(try await SearchTests.headlines(fixture, "ferry council") == found)

        // More publications (once the round has ended: its last step found nothing left): many pieces again, but
        // the last merge was less than the spacing ago.
        try await Task.sleep(for: .milliseconds(500))
        try await Self.publishedOneByOne(fixture, count: 10, from: 40)
        let pieces = try await fixture.store.searchIndexSegments()
        #expect(pieces > 3)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await fixture.store.searchIndexSegments() == pieces, "no second merge within the spacing")
        job.cancel()
        _ = await job.result
    }
}

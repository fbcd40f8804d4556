import BroadsheetCore
import BroadsheetStore
import Foundation
import Testing

/// The store's own way of reading several lists at once must give what the protocol's list-by-list default gives.
@Suite("Several story lists in one read")
struct ArticleListsTests {
    /// Forwards everything to the store except `publishedArticleLists`, which falls back to the protocol's default.
    struct OneByOne: ArticleReading {
        let store: SQLiteStore
        func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T {
            try await store.readSnapshot(body)
        }
        func publishedArticles(_ filter: ArticleListFilter, page: PageRequest) async throws -> Page<ArticleSummary> {
            try await store.publishedArticles(filter, page: page)
        }
        func feedArticles(_ filter: ArticleListFilter, limit: Int) async throws -> [Article] { try await store.feedArticles(filter, limit: limit) }
        func feedEntries(_ filter: ArticleListFilter, limit: Int, format: String) async throws -> (version: Int64, entries: [FeedEntry]) {
            try await store.feedEntries(filter, limit: limit, format: format)
        }
        func articleMoved(fromSlug slug: String) async throws -> ArticleSummary? { try await store.articleMoved(fromSlug: slug) }
        func publishedCorrections(page: PageRequest) async throws -> Page<PublishedCorrection> { try await store.publishedCorrections(page: page) }
        func publishedArticle(slug: String) async throws -> Article? { try await store.publishedArticle(slug: slug) }
        func relatedArticles(to article: ArticleSummary, limit: Int) async throws -> [ArticleSummary] {
            try await store.relatedArticles(to: article, limit: limit)
        }
    }

    @Test("lists that leave out earlier lists' stories: the same in one read as one by one, never a story twice, full when possible")
    func excludingEarlierLists() async throws {
        let fixture = try await Fixture.make()
        var stories: [NewArticle] = []
        for index in 0..<30 {
            // Most of the newest stories are World stories, so World's block needs to look past them.
            let section = index % 5 == 4 ? fixture.business : fixture.world
            stories.append(fixture.story("Story number \(index)", hoursAgo: Double(index + 1), section: section))
        }
        try await fixture.store.createArticles(stories)
        let latest = try #require(PageRequest(number: 1, size: 8))
        let block = try #require(PageRequest(number: 1, size: 4))
        let lists = [ArticleListRequest(.all, page: latest)] + [fixture.world, fixture.business, fixture.emptySection].map {
            ArticleListRequest(.section(id: $0.id), page: block, excludingEarlierLists: true)
        }
        let together = try await fixture.store.publishedArticleLists(lists)
        let oneByOne = try await OneByOne(store: fixture.store).publishedArticleLists(lists)
        #expect(together.map { $0.items.map(\.id) } == oneByOne.map { $0.items.map(\.id) })
        #expect(together.map(\.hasMore) == oneByOne.map(\.hasMore))
        let ids = together.flatMap { $0.items.map(\.id) }
        #expect(Set(ids).count == ids.count, "no story is listed twice")
        #expect(together.map(\.items.count) == [8, 4, 4, 0])
        // World's block starts after the World stories the latest list shows.
        let latestWorld = together[0].items.filter { $0.section.id == fixture.world.id }
        #expect(together[1].items.allSatisfy { $0.publishedAt < latestWorld.last!.publishedAt })
        #expect(together[1].items.map(\.headline) == ["Story number 8", "Story number 10", "Story number 11", "Story number 12"])
        #expect(together[2].items.map(\.headline) == ["Story number 9", "Story number 14", "Story number 19", "Story number 24"])
        // Exactly a page left after leaving out the earlier lists' stories: no "more"; a list by author, and the
        // whole list after a section's, which leave out whatever was shown, in any section.
        let exact = try #require(PageRequest(number: 1, size: 5))
        for laterLists in [
            [ArticleListRequest(.all, page: latest), ArticleListRequest(.section(id: fixture.business.id), page: exact, excludingEarlierLists: true)],
            [ArticleListRequest(.all, page: latest), ArticleListRequest(.author(id: fixture.ana.id), page: block, excludingEarlierLists: true)],
            [ArticleListRequest(.section(id: fixture.business.id), page: block), ArticleListRequest(.all, page: exact, excludingEarlierLists: true)],
        ] {
            let together = try await fixture.store.publishedArticleLists(laterLists)
            let oneByOne = try await OneByOne(store: fixture.store).publishedArticleLists(laterLists)
            #expect(together.map { $0.items.map(\.id) } == oneByOne.map { $0.items.map(\.id) })
            #expect(together.map(\.hasMore) == oneByOne.map(\.hasMore))
        }
        let businessAfterLatest = try await fixture.store.publishedArticleLists([
            ArticleListRequest(.all, page: latest), ArticleListRequest(.section(id: fixture.business.id), page: exact, excludingEarlierLists: true),
        ])[1]
        #expect(businessAfterLatest.items.count == 5 && !businessAfterLatest.hasMore, "six business stories, one shown above")
        // Without the flag, a list is read as it stands.
        let plain = try await fixture.store.publishedArticleLists([lists[0], ArticleListRequest(.section(id: fixture.world.id), page: block)])
        #expect(plain[1].items.first?.headline == "Story number 0")
        // A later page, and a list that must look past more than a hundred earlier stories: still the same both ways.
        for _ in 0..<4 { try await fixture.store.createArticles((0..<30).map { fixture.story("More \($0) \(UUID())", hoursAgo: 0.5 + Double($0) / 1_000) }) }
        let wide = try #require(PageRequest(number: 1, size: 100))
        let second = try #require(PageRequest(number: 2, size: 4))
        for laterLists in [
            [ArticleListRequest(.all, page: latest), ArticleListRequest(.section(id: fixture.world.id), page: second, excludingEarlierLists: true)],
            [ArticleListRequest(.all, page: wide), ArticleListRequest(.section(id: fixture.world.id), page: block, excludingEarlierLists: true)],
        ] {
            let together = try await fixture.store.publishedArticleLists(laterLists)
            let oneByOne = try await OneByOne(store: fixture.store).publishedArticleLists(laterLists)
            #expect(together.map { $0.items.map(\.id) } == oneByOne.map { $0.items.map(\.id) })
            #expect(together.map(\.hasMore) == oneByOne.map(\.hasMore))
            #expect(together[1].items.count == 4)
        }
    }

    @Test("lists as cards: the same stories, order and 'more' as the lists of summaries; a story's kept card instead of its summary when it has one")
    func listedStories() async throws {
        let fixture = try await Fixture.make()
        var stories: [NewArticle] = []
        for index in 0..<20 {
            let section = index % 4 == 3 ? fixture.business : fixture.world
            stories.append(fixture.story("Listed story \(index)", hoursAgo: Double(index + 1), section: section, leadImage: index % 3 == 0))
        }
        try await fixture.store.createArticles(stories)
        let latest = try #require(PageRequest(number: 1, size: 6))
        let block = try #require(PageRequest(number: 1, size: 3))
        let lists = [ArticleListRequest(.all, page: latest)] + [fixture.world, fixture.business, fixture.emptySection].map {
            ArticleListRequest(.section(id: $0.id), page: block, excludingEarlierLists: true)
        } + [ArticleListRequest(.author(id: fixture.ana.id), page: block)]

        func read() async throws -> (summaries: [Page<ArticleSummary>], listed: [Page<ListedStory>]) {
            try await fixture.store.readSnapshot { (try $0.publishedArticleLists(lists), try $0.listedStories(lists)) }
        }
        func expectSameStories(_ summaries: [Page<ArticleSummary>], _ listed: [Page<ListedStory>]) {
            #expect(listed.map { $0.items.map(\.id) } == summaries.map { $0.items.map(\.id) })
            #expect(listed.map(\.hasMore) == summaries.map(\.hasMore))
            for (listedPage, summaryPage) in zip(listed, summaries) {
                for (story, summary) in zip(listedPage.items, summaryPage.items) {
                    #expect(story.sectionID == summary.section.id && story.publishedAt == summary.publishedAt)
                    #expect(story.hasLeadImage == (summary.leadImage != nil))
                }
            }
        }

        // No card kept yet: every story comes whole, byline included, as the lists of summaries give it.
        let (before, listedBefore) = try await read()
        expectSameStories(before, listedBefore)
        #expect(before.map(\.items.count) == [6, 3, 3, 0, 3])
        #expect(before.flatMap(\.items).contains { $0.leadImage != nil } && before.flatMap(\.items).contains { $0.leadImage == nil })
        for (listedPage, summaryPage) in zip(listedBefore, before) {
            #expect(listedPage.items.map(\.shown) == summaryPage.items.map { .summary($0) })
        }
        #expect(before[0].items.allSatisfy { !$0.authors.isEmpty }, "the summaries come with their bylines")

        // Cards kept for some of the stories: those come as their cards, the others still whole.
        let keptIDs = Set(before.flatMap(\.items).map(\.id).enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        try await fixture.store.useStoryCardFormat("test format")
        let version = try await fixture.store.storiesWithoutCards(limit: 100, below: nil).version
        let cards = Dictionary(uniqueKeysWithValues: keptIDs.map { ($0, RenderedCard(head: "<li>card \($0) ", tail: "</li>")) })
        #expect(try await fixture.store.saveStoryCards(cards, noted: [], readAt: version, inFormat: "test format"))
        let (after, listedAfter) = try await read()
        expectSameStories(after, listedAfter)
        #expect(after.map { $0.items.map(\.id) } == before.map { $0.items.map(\.id) })
        for (listedPage, summaryPage) in zip(listedAfter, after) {
            for (story, summary) in zip(listedPage.items, summaryPage.items) {
                if keptIDs.contains(story.id) {
                    #expect(story.shown == .kept(RenderedCard(head: "<li>card \(story.id) ", tail: "</li>")))
                } else {
                    #expect(story.shown == .summary(summary))
                }
            }
        }
        // Every kept card found its way to a list: the test exercised both kinds of story in every list that has several.
        #expect(Set(listedAfter.flatMap(\.items).filter { if case .kept = $0.shown { true } else { false } }.map(\.id)) == keptIDs)

        // The stories whole by id, in the order asked; a draft or unknown id is left out.
        let draft = try await fixture.store.createArticles([fixture.story("A draft", status: .draft)])
        let some = Array(after[0].items.map(\.id).reversed())
        let whole = try await fixture.store.readSnapshot { try $0.publishedSummaries(ids: some + draft + [999_999]) }
        #expect(whole == some.map { id in after[0].items.first { $0.id == id }! })
    }
}

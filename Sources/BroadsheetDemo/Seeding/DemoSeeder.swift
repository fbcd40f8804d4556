import BroadsheetCore
import Foundation

/// Fills an empty database with the generated demo publication, or with a large corpus for benchmarks.
public struct DemoSeeder: Sendable {
    public let store: any PublicationWriting
    public let renderer: any StoryBodyRendering
    public let corpus: DemoCorpus

    public init(store: any PublicationWriting, renderer: any StoryBodyRendering, corpus: DemoCorpus = DemoCorpus()) {
        self.store = store
        self.renderer = renderer
        self.corpus = corpus
    }

    /// What was created.
    public struct Report: Sendable, Equatable {
        public var sections: Int
        public var authors: Int
        public var stories: Int
        public var publishedStories: Int
    }

    /// Stories in the demo publication: 60 published, plus two drafts, one in review and one scheduled.
    public static let demoStoryCount = 64

    /// Sections, authors and partners, with the ids the stories refer to.
    struct Taxonomy: Sendable {
        var sectionIDs: [String: Int64] = [:]
        var authorIDs: [String: Int64] = [:]
        var partners: [Partner] = []
        var images: [DemoImage: ImageReference] = [:]
    }

    /// The demo publication shown on first start, dated relative to `now`.
    public func seedDemoPublication(now: Date, stories count: Int = DemoSeeder.demoStoryCount) async throws -> Report {
        var taxonomy = try await createTaxonomy()
        let stories = corpus.demoStories(count: count)
        var articles: [NewArticle] = []
        for story in stories {
            for image in story.inlineImages + [story.leadImage].compactMap({ $0 }) where taxonomy.images[image] == nil {
                taxonomy.images[image] = try await store.storeImage(image.svg, mediaType: .svg, width: image.width, height: image.height)
            }
            articles.append(article(from: story, taxonomy: taxonomy, anchor: now))
        }
        _ = try await store.createArticles(articles)
        return Report(
            sections: taxonomy.sectionIDs.count, authors: taxonomy.authorIDs.count, stories: articles.count,
            publishedStories: articles.filter { $0.status == .published }.count
        )
    }

    /// `count` published stories of the deterministic benchmark corpus, story 0 newest at `anchor`, written in batches.
    /// The oldest are written first, as a real archive grows, so row order follows publication order.
    /// Generation and rendering run on every core; `progress` is told how many stories are stored so far.
    public func seedBulk(
        count: Int, anchor: Date, batchSize: Int = 1_000, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Report {
        var taxonomy = try await createTaxonomy()
        for image in corpus.imagePool where taxonomy.images[image] == nil {
            taxonomy.images[image] = try await store.storeImage(image.svg, mediaType: .svg, width: image.width, height: image.height)
        }
        let frozen = taxonomy
        var remaining = count
        while remaining > 0 {
            let range = max(0, remaining - batchSize)..<remaining
            let batch = await generate(range, taxonomy: frozen, anchor: anchor)
            _ = try await store.createArticles(batch.reversed())
            remaining = range.lowerBound
            progress(count - remaining)
        }
        return Report(sections: frozen.sectionIDs.count, authors: frozen.authorIDs.count, stories: count, publishedStories: count)
    }

    // MARK: - Steps

    private func createTaxonomy() async throws -> Taxonomy {
        var taxonomy = Taxonomy()
        for (position, section) in corpus.sections.enumerated() {
            let created = try await store.createSection(
                NewSection(slug: section.slug, name: section.name, description: section.description, position: position)
            )
            taxonomy.sectionIDs[section.slug] = created.id
        }
        for author in corpus.authors {
            let photo = try await store.storeImage(author.photo.svg, mediaType: .svg, width: author.photo.width, height: author.photo.height)
            let created = try await store.createAuthor(
                NewAuthor(slug: author.slug, name: author.name, role: author.role, bio: author.bio, photo: photo)
            )
            taxonomy.authorIDs[author.slug] = created.id
        }
        for partner in corpus.partners {
            taxonomy.partners.append(try await store.createPartner(NewPartner(name: partner.name, homepage: partner.homepage, feedURL: nil)))
        }
        return taxonomy
    }

    /// Generates and renders a batch on all cores, keeping the order of `range`.
    private func generate(_ range: Range<Int>, taxonomy: Taxonomy, anchor: Date) async -> [NewArticle] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (range.count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [NewArticle]).self) { group in
            for worker in 0..<workers {
                let lower = range.lowerBound + worker * chunk
                let upper = min(range.upperBound, lower + chunk)
                guard lower < upper else { continue }
                group.addTask {
                    (worker, (lower..<upper).map { article(from: corpus.bulkStory(index: $0), taxonomy: taxonomy, anchor: anchor) })
                }
            }
            var parts: [(Int, [NewArticle])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// The story as the store takes it: Markdown rendered, demo image references replaced by stored images.
    func article(from story: DemoStory, taxonomy: Taxonomy, anchor: Date) -> NewArticle {
        var markdown = story.markdown
        for (index, image) in story.inlineImages.enumerated().reversed() {
            if let reference = taxonomy.images[image] {
                markdown = markdown.replacingOccurrences(of: "(demo-image:\(index) ", with: "(\(reference.path) ")
                markdown = markdown.replacingOccurrences(of: "(demo-image:\(index))", with: "(\(reference.path))")
            }
        }
        let moment = anchor.addingTimeInterval(-story.ageSeconds)
        let status: ArticleStatus = switch story.status {
        case .draft: .draft
        case .inReview: .inReview
        case .scheduled: .scheduled
        case .published: .published
        }
        var source: StorySource?
        var partnerID: Int64?
        if let index = story.partnerIndex, taxonomy.partners.indices.contains(index) {
            let partner = taxonomy.partners[index]
            partnerID = partner.id
            let url = URL(string: story.sourcePath ?? "/", relativeTo: partner.homepage)?.absoluteURL ?? partner.homepage
            source = StorySource(outletName: partner.name, url: url)
        }
        let lead = story.leadImage.flatMap { image in
            taxonomy.images[image].map { LeadImage(image: $0, alt: image.alt, caption: image.caption, credit: image.credit) }
        }
        return NewArticle(
            status: status, slug: story.slug, headline: story.headline, standfirst: story.standfirst,
            sectionID: taxonomy.sectionIDs[story.sectionSlug] ?? taxonomy.sectionIDs.values.min() ?? 0,
            authorIDs: story.authorSlugs.compactMap { taxonomy.authorIDs[$0] }, tagNames: story.tags,
            bodyMarkdown: markdown, body: renderer.render(markdown: markdown), leadImage: lead, source: source, partnerID: partnerID,
            createdAt: status == .scheduled ? anchor.addingTimeInterval(-3_600) : moment,
            publishedAt: status == .published ? moment : nil,
            contentUpdatedAt: status == .published ? story.updatedAfterSeconds.map { min(anchor, moment.addingTimeInterval($0)) } : nil,
            scheduledFor: status == .scheduled ? moment : nil
        )
    }
}

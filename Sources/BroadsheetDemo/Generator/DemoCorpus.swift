import BroadsheetCore
import Foundation

/// The generated demo publication, "The Eastmere Gazette", and large benchmark corpora built from the same material.
///
/// Everything is a function of the seed: the same seed gives byte-identical stories and images in every process and
/// on every platform (the generator uses its own SplitMix64 stream, never the system's random numbers, the clock or
/// hashing order).
public struct DemoCorpus: Sendable {
    public let seed: UInt64
    public var sections: [DemoSection]
    public var authors: [DemoAuthor]
    public var partners: [DemoPartner]
    /// About two dozen landscape images that bulk stories reuse, so that a 100,000-story database stays small.
    public var imagePool: [DemoImage]
    /// Every tag name a story can carry.
    public var tagNames: [String]

    /// Streams of the generator, so that each part of the corpus draws its own numbers.
    private enum Stream: UInt64 {
        case pool = 1, demoPlan, demoStory, demoImage, bulkStory, bulkImage
    }

    /// The nominal "now" used only to date partners' source paths (24 November 2026, 09:00 UTC, as in the default seed).
    static let nominalAnchor: Double = 1_795_510_800

    public init(seed: UInt64 = 20_261_124) {
        self.seed = seed
        _ = GenLibrary.standard  // parse the material once, up front
        sections = GenMasthead.sections
        tagNames = GenMasthead.tagNames
        authors = GenMasthead.staff.enumerated().map { index, staff in
            let portrait = GenImages.portrait(name: staff.name, index: index, seed: seed)
            return DemoAuthor(
                slug: Slug.make(from: staff.name), name: staff.name, role: staff.role, bio: staff.bio,
                photo: DemoImage(
                    svg: portrait.svg, width: 400, height: 400, alt: portrait.alt,
                    caption: "\(staff.name), \(staff.role.lowercased()) at The Eastmere Gazette.",
                    credit: "Illustration: The Eastmere Gazette"
                )
            )
        }
        partners = GenMasthead.partners.map { DemoPartner(name: $0.name, homepage: URL(string: $0.homepage)!) }
        imagePool = (0..<24).map { index in
            var rng = GenRandom(seed, Stream.pool.rawValue, UInt64(index))
            let scene = GenImages.landscape(&rng)
            let place = GenVocabulary.places[index % GenVocabulary.places.count].name
            return DemoImage(
                svg: scene.svg, width: 1200, height: 675, alt: scene.alt,
                caption: "A view across the valley near \(place).",
                credit: "Photo: \(rng.pick(GenMasthead.photographers)) / \(GenVocabulary.publication)"
            )
        }
    }

    // MARK: The demo publication

    /// The demo publication shown on first start: exactly `count` stories, newest first (by `ageSeconds`),
    /// 400-1,200 words each, about half with a lead image, about one in six republished from a partner,
    /// about one in five updated after publication, plus a few that are not published: two drafts, one in review
    /// and one scheduled in the future (negative `ageSeconds`) when `count` is at least 8.
    public func demoStories(count: Int = 60) -> [DemoStory] {
        guard count > 0 else { return [] }
        let library = GenLibrary.standard
        var plan = GenRandom(seed, Stream.demoPlan.rawValue)

        // Ages, newest first; the first story is the one scheduled for the future.
        var statuses = Array(repeating: DemoStoryStatus.published, count: count)
        if count >= 8 {
            statuses[0] = .scheduled
            statuses[2] = .draft
            statuses[5] = .inReview
            statuses[min(count - 1, max(6, 2 + count / 4))] = .draft
        }
        var ages = [Double]()
        var age = 60.0 * Double(plan.int(18, 40))
        for index in 0..<count {
            if index == 0, statuses[0] == .scheduled {
                ages.append(-3_600 * Double(plan.int(20, 44)))
                continue
            }
            ages.append(age.rounded())
            age += 3_600 * (1.5 + 8.5 * pow(plan.unit(), 1.5))
        }

        // Exact proportions, placed at random.
        let published = (0..<count).filter { statuses[$0] == .published }
        let withLead = Set(plan.sample((count + 1) / 2, of: count))
        let republishedCount = max(count >= 6 ? 1 : 0, count / 6)
        let republished = Set(plan.sample(republishedCount, of: published.count).map { published[$0] })
        let updatable = published.filter { ages[$0] > 7_200 }
        let updated = Set(plan.sample(max(count >= 5 ? 1 : 0, count / 5), of: updatable.count).map { updatable[$0] })

        // Every kind of story in turn (in a shuffled order), so the demo shows the whole range.
        var kindOrder = Array(library.kinds.indices)
        plan.shuffle(&kindOrder)
        let angleOffset = library.kinds.map { _ in plan.below(12) }

        var stories = [DemoStory]()
        stories.reserveCapacity(count)
        var slugs = Set<String>()
        for index in 0..<count {
            var rng = GenRandom(seed, Stream.demoStory.rawValue, UInt64(index))
            var imageRNG = GenRandom(seed, Stream.demoImage.rawValue, UInt64(index))
            let kindIndex = kindOrder[index % kindOrder.count]
            let partnerIndex = republished.contains(index) ? rng.below(partners.count) : nil
            let target = 430 + Int(690 * pow(rng.unit(), 1.25))
            var genPlan = GenPlan(targetWords: target)
            genPlan.blockQuotes = rng.chance(0.55) ? 1 : 0
            genPlan.pullQuotes = rng.chance(0.35) ? 1 : 0
            genPlan.bulletLists = rng.chance(0.25) ? 1 : 0
            genPlan.longtailRate = 0
            var inlineScenes = [GenImages.Scene]()
            if target >= 560, rng.chance(0.3) {
                for _ in 0..<(rng.chance(0.3) ? 2 : 1) { inlineScenes.append(GenImages.landscape(&imageRNG)) }
            }
            let credit = imageCredit(partnerIndex: partnerIndex, &rng)
            genPlan.inlineImages = inlineScenes.map { ($0.alt, nil, credit) }

            // Each visit to a kind takes its next angle, so the demo's headlines do not repeat.
            let angle = angleOffset[kindIndex] + index / kindOrder.count
            var writer = GenStoryWriter(library: library, kindIndex: kindIndex, angle: angle, rng: rng)
            let draft = writer.write(plan: genPlan)

            var leadImage: DemoImage?
            if withLead.contains(index) {
                let scene = GenImages.landscape(&imageRNG)
                leadImage = DemoImage(svg: scene.svg, width: 1200, height: 675, alt: scene.alt, caption: draft.leadCaption, credit: credit)
            }
            let inlineImages = inlineScenes.enumerated().map { offset, scene in
                DemoImage(svg: scene.svg, width: 1200, height: 675, alt: scene.alt, caption: draft.inlineCaptions[offset], credit: credit)
            }

            var slug = Slug.make(from: draft.headline, maxLength: 72)
            if slugs.contains(slug) {
                var suffix = 2
                while slugs.contains("\(slug)-\(suffix)") { suffix += 1 }
                slug = "\(slug)-\(suffix)"
            }
            slugs.insert(slug)

            var updatedAfter: Double?
            if updated.contains(index) {
                updatedAfter = (900 + rng.unit() * min(ages[index] * 0.7 - 900, 2 * 86_400)).rounded()
            }
            stories.append(
                DemoStory(
                    slug: slug, headline: draft.headline, standfirst: draft.standfirst, sectionSlug: draft.section,
                    authorSlugs: authorSlugs(section: draft.section, &rng), tags: draft.tags, markdown: draft.markdown,
                    inlineImages: inlineImages, leadImage: leadImage, partnerIndex: partnerIndex,
                    sourcePath: partnerIndex.map { _ in sourcePath(headline: draft.headline, age: ages[index]) },
                    status: statuses[index], ageSeconds: ages[index], updatedAfterSeconds: updatedAfter
                )
            )
        }
        return stories
    }

    // MARK: Benchmark corpora

    /// Story number `index` of a large benchmark corpus, a function of (seed, index) alone: stories can be made in
    /// parallel and in any order. All published, about 15 minutes apart on average (index 0 newest); lead images
    /// (about half the stories) and the occasional inline image are entries of `imagePool` exactly as they are
    /// (same bytes, alt, caption and credit), so a store that keeps one copy per distinct image stays small.
    /// Slugs end with the index, so they are unique across the corpus.
    public func bulkStory(index: Int) -> DemoStory {
        precondition(index >= 0, "story indices start at 0")
        let library = GenLibrary.standard
        var rng = GenRandom(seed, Stream.bulkStory.rawValue, UInt64(index))
        let kindIndex = library.pickKind(&rng)
        let partnerIndex = rng.chance(1.0 / 6.0) ? rng.below(partners.count) : nil

        var plan = GenPlan(targetWords: 420 + Int(700 * pow(rng.unit(), 1.6)))
        plan.blockQuotes = rng.chance(0.35) ? 1 : 0
        plan.pullQuotes = rng.chance(0.2) ? 1 : 0
        plan.bulletLists = rng.chance(0.15) ? 1 : 0
        plan.longtailRate = 0.12
        var inlinePool = [Int]()
        if plan.targetWords >= 560, rng.chance(0.1) { inlinePool.append(rng.below(imagePool.count)) }
        plan.inlineImages = inlinePool.map { (imagePool[$0].alt, imagePool[$0].caption, imagePool[$0].credit) }
        let leadPool: Int? = rng.chance(0.5) ? rng.below(imagePool.count) : nil

        // Published 5 to 20 minutes apart: strictly older as the index grows, without looking at other stories.
        let age = (Double(index) * 900 + 300 + rng.unit() * 599).rounded()
        let updatedAfter: Double? = age > 3_600 && rng.chance(0.2)
            ? (600 + rng.unit() * min(age * 0.7 - 600, 2 * 86_400)).rounded() : nil

        var writer = GenStoryWriter(library: library, kindIndex: kindIndex, rng: GenRandom(seed: rng.next()))
        let draft = writer.write(plan: plan)

        let suffix = String(index)
        let slug = Slug.make(from: draft.headline, maxLength: 79 - suffix.count) + "-" + suffix
        return DemoStory(
            slug: slug, headline: draft.headline, standfirst: draft.standfirst, sectionSlug: draft.section,
            authorSlugs: authorSlugs(section: draft.section, &rng), tags: draft.tags, markdown: draft.markdown,
            inlineImages: inlinePool.map { imagePool[$0] }, leadImage: leadPool.map { imagePool[$0] }, partnerIndex: partnerIndex,
            sourcePath: partnerIndex.map { _ in sourcePath(headline: draft.headline, age: age) },
            status: .published, ageSeconds: age, updatedAfterSeconds: updatedAfter
        )
    }

    // MARK: Helpers

    private func imageCredit(partnerIndex: Int?, _ rng: inout GenRandom) -> String {
        if let partnerIndex {
            return "Photo: \(GenVocabulary.firstNames.pick(&rng)) \(GenVocabulary.surnames.pick(&rng)) / \(partners[partnerIndex].name)"
        }
        return "Photo: \(rng.pick(GenMasthead.photographers)) / \(GenVocabulary.publication)"
    }

    private func authorSlugs(section: String, _ rng: inout GenRandom) -> [String] {
        let candidates = GenMasthead.staffIndices(for: section)
        let first = rng.pick(candidates)
        var slugs = [authors[first].slug]
        if rng.chance(0.12) {
            var second = rng.below(authors.count)
            if second == first { second = (second + 1) % authors.count }
            slugs.append(authors[second].slug)
        }
        return slugs
    }

    /// "/2026/11/ferry-fares-to-rise": the original's path on the partner's site, dated by the nominal anchor.
    private func sourcePath(headline: String, age: Double) -> String {
        let days = Int(((Self.nominalAnchor - age) / 86_400).rounded(.down))
        let civil = InternetDate.civil(Date(timeIntervalSince1970: TimeInterval(days) * 86_400), secondsFromGMT: 0)
        let (year, month) = (civil.year, civil.month)
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        return "/\(year)/\(monthText)/" + Slug.make(from: headline, maxLength: 48)
    }
}

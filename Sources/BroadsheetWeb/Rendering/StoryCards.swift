import BroadsheetCore
import BroadsheetFeeds
import Foundation

/// Story cards as lists show them, from the `card` template: put together from the copy rendered when the story last
/// changed (`ListedStory.Shown.kept`), or rendered now for a story without one. Both give the same bytes: a kept card
/// is the template's output split where "3 hours ago" goes, and that part alone is written per request. A story's
/// kept feed entries go with its card, so the card format also covers how feed entries are written.
struct StoryCards: Sendable {
    private let templates: TemplateLibrary
    private let links: Links
    private let time: ReaderTime
    /// What the template writes around the relative time, read from a sample card; nil when the template puts
    /// anything story-specific there, and then no card is kept (every card is rendered per request).
    let relativeWrapper: (before: String, after: String)?
    /// The same for the front page's lead story, from the `lead` template; kept leads are in `keptLeadFormat`.
    let leadWrapper: (before: String, after: String)?
    /// What kept cards, feed entries and story page parts depend on besides the story: the template's output for a
    /// sample story, each feed format's entry and the story page's parts for it, the time zone and language, the
    /// site's address. Cards kept in another format are dropped at start-up (`StoryCardStoring`), and with them
    /// everything kept beside them.
    let format: String

    static let cardTemplate = "card"
    static let leadTemplate = "lead"
    /// The name a lead rendered to be kept is kept under, next to the feed formats' entries (`RenderedCard.kept`).
    static let keptLeadFormat = "lead-card"

    /// Stands for the relative time in a card rendered to be kept; no template text or escaped story text holds it.
    private static let marker = "\u{1}"

    init(templates: TemplateLibrary, links: Links, time: ReaderTime, configuration: Configuration, storyPages: StoryPageRenderer) {
        self.templates = templates
        self.links = links
        self.time = time
        let sample = StoryCard(Self.sampleStory, links: links, time: time)
        var fingerprint = Array("card format 4\n\(configuration.timeZone.identifier)\n\(configuration.language)\n\(configuration.baseURLString)\n".utf8)
        // The templates' texts, so that a change in a branch the samples below do not take still makes a new format.
        fingerprint += Array(templates.sourceText(reachableFrom: [Self.cardTemplate, Self.leadTemplate] + StoryPageParts.templates).utf8)
        var wrappers: [String: (before: String, after: String)] = [:]
        for template in [Self.cardTemplate, Self.leadTemplate] {
            let plain = Self.render(templates, template, sample, relative: nil)
            let marked = Self.render(templates, template, sample, relative: Self.marker)
            wrappers[template] = Self.split(plain: plain, marked: marked).flatMap { split in
                let parts = split.inserted.components(separatedBy: Self.marker)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
            fingerprint += Array("\n\(template)\n".utf8) + Array(plain.utf8) + Array(marked.utf8)
            // And stories with every part a card shows (a picture, a partner source) and with parts missing or
            // repeated, for what the code fills in differently for them (bylines of several authors, say).
            for article in Self.sampleArticles {
                fingerprint += Array(Self.render(templates, template, StoryCard(article.summary, links: links, time: time), relative: nil).utf8)
            }
        }
        relativeWrapper = wrappers[Self.cardTemplate] ?? nil
        leadWrapper = wrappers[Self.leadTemplate] ?? nil
        for article in Self.sampleArticles {
            for (format, item) in Self.feedItems(article, links: links).sorted(by: { $0.key < $1.key }) {
                fingerprint += Array("\n\(format)\n\(item)".utf8)
            }
            fingerprint += Array("\n\(StoryPageParts.keptFormat)\n\(storyPages.parts(article).kept)".utf8)
        }
        format = String(FNV1a.hash(fingerprint), radix: 16)
    }

    /// The card for a page now, from a kept card or rendered from the story's summary.
    func card(_ story: ListedStory) -> StoryCardHTML {
        switch story.shown {
        case .kept(let card): Self.html(card, publishedAt: story.publishedAt, wrapper: relativeWrapper, time: time)
        case .summary(let summary): StoryCardHTML(html: html(summary))
        }
    }

    /// The card rendered now from the story's summary.
    func html(_ story: ArticleSummary) -> String {
        Self.render(templates, Self.cardTemplate, StoryCard(story, links: links, time: time), relative: .some(time.relative(story.publishedAt)))
    }

    /// The front page's lead story rendered now from its summary.
    func leadHTML(_ story: ArticleSummary) -> String {
        Self.render(templates, Self.leadTemplate, StoryCard(story, links: links, time: time), relative: .some(time.relative(story.publishedAt)))
    }

    /// The lead from its kept copy, with the relative time for now put in.
    func lead(_ kept: RenderedCard, publishedAt: Date) -> StoryCardHTML {
        Self.html(kept, publishedAt: publishedAt, wrapper: leadWrapper, time: time)
    }

    /// A kept card with the relative time for now put in, written from the card's bytes when the page is. (Without a
    /// place for it, which only a card kept by a server with another template can lack, or a time to write, the card
    /// is written without it.)
    private static func html(_ card: RenderedCard, publishedAt: Date, wrapper: (before: String, after: String)?, time: ReaderTime) -> StoryCardHTML {
        // Head and tail are one array: without a time to put in, the card is that array as it is.
        guard let wrapper, let relative = time.relative(publishedAt) else { return StoryCardHTML(utf8: card.utf8) }
        return StoryCardHTML(spliced: SplicedUTF8(card.utf8, at: card.headCount, before: wrapper.before, text: relative, after: wrapper.after))
    }

    /// The card to keep for `story`: its HTML without a relative time, cut where one goes. Nil when this template's
    /// cards cannot be kept, or this card does not split as the sample did.
    func rendered(_ story: ArticleSummary) -> RenderedCard? {
        Self.rendered(story, template: Self.cardTemplate, wrapper: relativeWrapper, templates: templates, links: links, time: time)
    }

    /// The same for the front page's lead.
    func renderedLead(_ story: ArticleSummary) -> RenderedCard? {
        Self.rendered(story, template: Self.leadTemplate, wrapper: leadWrapper, templates: templates, links: links, time: time)
    }

    private static func rendered(
        _ story: ArticleSummary, template: String, wrapper: (before: String, after: String)?, templates: TemplateLibrary, links: Links, time: ReaderTime
    ) -> RenderedCard? {
        guard let wrapper else { return nil }
        let card = StoryCard(story, links: links, time: time)
        let plain = render(templates, template, card, relative: nil)
        let marked = render(templates, template, card, relative: marker)
        guard let split = split(plain: plain, marked: marked), split.inserted == wrapper.before + marker + wrapper.after else { return nil }
        return RenderedCard(head: split.head, tail: split.tail)
    }

    /// The story's entry in each feed format, by the format's name; empty when an address cannot be written.
    private static func feedItems(_ article: Article, links: Links) -> [String: String] {
        guard let item = try? StoryFeed.item(article, links: links) else { return [:] }
        return Dictionary(uniqueKeysWithValues: FeedFormat.allCases.map { ($0.rawValue, $0.renderItem(item)) })
    }

    /// `plain` cut at the first byte where `marked` differs; what `marked` has there, before `plain`'s rest resumes.
    private static func split(plain: String, marked: String) -> (head: String, inserted: String, tail: String)? {
        let plainBytes = Array(plain.utf8), markedBytes = Array(marked.utf8)
        guard markedBytes.count > plainBytes.count else { return nil }
        var cut = 0
        while cut < plainBytes.count, plainBytes[cut] == markedBytes[cut] { cut += 1 }
        let insertedCount = markedBytes.count - plainBytes.count
        // What follows the insertion must be the rest of `plain`, byte for byte.
        guard markedBytes[(cut + insertedCount)...].elementsEqual(plainBytes[cut...]) else { return nil }
        return (
            String(decoding: plainBytes[..<cut], as: UTF8.self),
            String(decoding: markedBytes[cut..<(cut + insertedCount)], as: UTF8.self),
            String(decoding: plainBytes[cut...], as: UTF8.self)
        )
    }

    /// A card template's output with the relative time given (`.some(nil)` and `nil` both leave it out).
    private static func render(_ templates: TemplateLibrary, _ template: String, _ card: StoryCard, relative: String??) -> String {
        var card = card
        card.published = TimeView(
            datetime: card.published.datetime, text: card.published.text, shortText: card.published.shortText, relative: relative ?? nil
        )
        return String(decoding: templates.render(template, card.templateValue, sizeHint: 2_048) ?? [], as: UTF8.self)
    }

    /// A story with a section and a byline, to find where the template puts the relative time.
    private static let sampleStory = ArticleSummary(
        id: 1, slug: "sample", headline: "Sample", standfirst: "Sample", section: Section(id: 1, slug: "sample", name: "Sample", description: "", position: 0),
        authors: [Author(id: 1, slug: "sample", name: "Sample", role: "", bio: "", photo: nil)],
        publishedAt: Date(timeIntervalSince1970: 1_790_000_000), contentUpdatedAt: nil, leadImage: nil, source: nil
    )

    /// The same story whole, with every part a feed entry or a story page can show (a picture with its caption and
    /// credit, a partner source, an update, a body with a link, a topic, a correction), for their part of the format.
    private static let sampleArticle = Article(
        summary: {
            var story = sampleStory
            story.contentUpdatedAt = story.publishedAt.addingTimeInterval(3_600)
            story.leadImage = LeadImage(
                image: ImageReference(sha256: String(repeating: "0", count: 64), mediaType: .jpeg, width: 800, height: 600, byteSize: 1_000),
                alt: "Sample", caption: "Sample", credit: "Sample"
            )
            story.source = StorySource(
                outletName: "Sample", url: URL(string: "https://example.com/sample")!, originalAuthor: "Sample",
                originalPublishedAt: Date(timeIntervalSince1970: 1_789_000_000)
            )
            story.authors = [Author(id: 1, slug: "sample", name: "Sample", role: "Sample", bio: "", photo: nil)]
            return story
        }(),
        guid: "sample", bodyHTML: "<p>Sample <a href=\"/sample\">link</a></p>", wordCount: 2,
        tags: [Tag(id: 1, slug: "sample", name: "Sample")],
        corrections: [Correction(id: 1, kind: .correction, text: "Sample", createdAt: Date(timeIntervalSince1970: 1_790_000_000))]
    )

    /// The whole sample, and variants with parts missing or repeated: three authors, none, no standfirst, a picture
    /// with a credit but no caption, no picture, source, update, topics or corrections.
    private static let sampleArticles: [Article] = {
        var several = sampleArticle
        several.summary.authors = (1...3).map { Author(id: Int64($0), slug: "sample-\($0)", name: "Sample \($0)", role: "", bio: "", photo: nil) }
        var bare = sampleArticle
        bare.summary.authors = []
        bare.summary.standfirst = ""
        bare.summary.leadImage?.caption = ""
        var plain = sampleArticle
        plain.summary.leadImage = nil
        plain.summary.source = nil
        plain.summary.contentUpdatedAt = nil
        plain.tags = []
        plain.corrections = []
        return [sampleArticle, several, bare, plain]
    }()
}

/// A card in a list, as the page writes it (`{{{html}}}`): rendered now, or put together from a kept card's bytes.
struct StoryCardHTML: Sendable, TemplateConvertible {
    private let html: TemplateValue

    init(html: String) { self.html = .text(html) }
    init(utf8: [UInt8]) { html = .utf8(utf8) }
    init(spliced: SplicedUTF8) { html = .spliced(spliced) }

    var templateValue: TemplateValue { .object(["html": html]) }
}

extension RenderedCard {
    /// The card as one text to keep (`KeptText`).
    var kept: String { KeptText.join([head, tail]) }

    /// The card from a kept text; nil when the text is not one (damaged, or not written by `kept`).
    init?(kept: String) {
        guard let parts = KeptText.split(kept, into: 2) else { return nil }
        self.init(head: parts[0], tail: parts[1])
    }
}

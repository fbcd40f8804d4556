import BroadsheetCore
import Foundation

/// What a story's page shows of the story alone, written once: its header (kicker, headline, standfirst, byline,
/// times), the rest of the story (lead picture, body, source credit, corrections, topics) and its structured data.
/// The page puts the site around them, the reader's text-size controls between them and the related stories after;
/// those change per request or with other stories, these only with the story. So they are kept with the story, as feed
/// entries are (in the format `keptFormat`), dropped with its card, and put together per request without reading the
/// body, topics or corrections or rendering them again.
struct StoryPageParts: Sendable, Equatable {
    /// The name the parts are kept under, next to the feed formats' entries.
    static let keptFormat = "story-page"
    /// The templates the kept parts are rendered from.
    static let templates = ["story-header", "story-body"]

    let header: String
    let body: String
    let jsonLD: String

    /// The three parts as one text to keep (`KeptText`).
    var kept: String { KeptText.join([header, body, jsonLD]) }

    init(header: String, body: String, jsonLD: String) {
        self.header = header
        self.body = body
        self.jsonLD = jsonLD
    }

    /// The parts from a kept text; nil when the text is not one (damaged, or not written by `kept`).
    init?(kept: String) {
        guard let parts = KeptText.split(kept, into: 3) else { return nil }
        self.init(header: parts[0], body: parts[1], jsonLD: parts[2])
    }
}

/// Several texts kept as one (a story's page parts, a kept lead): the UTF-8 lengths of all but the last on a first
/// line, separated by spaces, then the texts one after another.
enum KeptText {
    static func join(_ parts: [String]) -> String {
        parts.dropLast().map { String($0.utf8.count) }.joined(separator: " ") + "\n" + parts.joined()
    }

    /// The `count` texts (two or more) of a kept text; nil when it is not one: lengths missing, not numbers, past the end, or
    /// cutting a character (the text was not written by `join`).
    static func split(_ text: String, into count: Int) -> [String]? {
        let bytes = text.utf8
        guard count > 1, let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let lengths = bytes[..<newline].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            .map { Int(String(decoding: $0, as: UTF8.self)) }
        guard lengths.count == count - 1 else { return nil }
        var parts: [String] = []
        var start = bytes.index(after: newline)
        for length in lengths {
            guard let length, length >= 0, bytes.distance(from: start, to: bytes.endIndex) >= length else { return nil }
            let end = bytes.index(start, offsetBy: length)
            guard let part = String(bytes[start..<end]) else { return nil }
            parts.append(part)
            start = end
        }
        guard let last = String(bytes[start...]) else { return nil }
        return parts + [last]
    }
}

/// The story as the `story-header` and `story-body` templates show it.
struct StoryView: Sendable {
    struct LeadImageView: Sendable {
        let image: ImageView
        let caption: String
        let credit: String
    }

    struct TagView: Sendable {
        let name: String
        let url: String
    }

    struct CorrectionView: Sendable {
        let label: String
        let text: String
        let time: TimeView
    }

    struct SourceView: Sendable {
        let outletName: String
        let url: String
        // Names no other part of the story's model uses, so an absent one does not resolve to an outer value.
        let originalAuthor: String?
        let originalTime: TimeView?
    }

    let headline: String
    let standfirst: String
    let sectionName: String
    let sectionURL: String
    let byline: [BylineEntry]
    let published: TimeView
    let updated: TimeView?
    let leadImage: LeadImageView?
    let bodyHTML: String
    let readingMinutes: Int
    let source: SourceView?
    let tags: [TagView]
    let corrections: [CorrectionView]
    let correctionsURL: String
}

/// Renders a story's `StoryPageParts`.
struct StoryPageRenderer: Sendable {
    let templates: TemplateLibrary
    let links: Links
    let time: ReaderTime
    let publisher: NewsArticleJSONLD.Publisher

    func view(_ article: Article) -> StoryView {
        let story = article.summary
        return StoryView(
            headline: story.headline,
            standfirst: story.standfirst,
            sectionName: story.section.name,
            sectionURL: SiteRoute.section(slug: story.section.slug).path,
            byline: BylineEntry.entries(for: story.authors),
            published: time.view(story.publishedAt),
            updated: story.visibleUpdate.map(time.view),
            leadImage: story.leadImage.map { .init(image: ImageView($0.image, alt: $0.alt), caption: $0.caption, credit: $0.credit) },
            bodyHTML: article.bodyHTML,
            readingMinutes: max(1, (article.wordCount + 229) / 230),
            source: story.source.map {
                .init(outletName: $0.outletName, url: $0.url.absoluteString, originalAuthor: $0.originalAuthor, originalTime: $0.originalPublishedAt.map(time.view))
            },
            tags: article.tags.map { .init(name: $0.name, url: SiteRoute.tag(slug: $0.slug).path) },
            corrections: article.corrections.map {
                .init(label: $0.kind == .correction ? "Correction" : "Clarification", text: $0.text, time: time.view($0.createdAt))
            },
            correctionsURL: SiteRoute.corrections().path
        )
    }

    func parts(_ article: Article) -> StoryPageParts {
        let value = view(article).templateValue
        let size = article.bodyHTML.utf8.count
        return StoryPageParts(
            header: String(decoding: templates.render(StoryPageParts.templates[0], value, sizeHint: 2_048) ?? [], as: UTF8.self),
            body: String(decoding: templates.render(StoryPageParts.templates[1], value, sizeHint: size + 4_096) ?? [], as: UTF8.self),
            jsonLD: NewsArticleJSONLD.make(article: article, publisher: publisher, canonical: links.absolute(links.route(for: article.summary)))
        )
    }
}

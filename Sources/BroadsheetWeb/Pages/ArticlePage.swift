import BroadsheetCore
import Hummingbird

/// A story's own page.
struct ArticlePage: Sendable {
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
        // Names no other part of the page model uses, so an absent one does not resolve to an outer value.
        let originalAuthor: String?
        let originalTime: TimeView?
    }

    struct TextSizeView: Sendable {
        let label: String
        /// The steps, for the script: "87.5 100 112.5 ...".
        let steps: String
        /// The id of the element the no-JavaScript form returns the reader to.
        let anchor: String
        let canShrink: Bool
        let canGrow: Bool
        let isStandard: Bool
        let actionURL: String
        /// Where the no-JavaScript form brings the reader back to.
        let returnPath: String
    }

    /// What the story page's read found.
    private enum StoryRead: Sendable {
        case missing
        case elsewhere(String)
        case found(Article, [ListedStory], [Section])
    }

    /// A story is either shown, or found under a different address that the reader is sent to.
    enum Outcome: Sendable {
        case page(ArticlePage)
        case redirect(String)
    }

    static let relatedCount = 4
    /// The element the text-size form returns the reader to.
    static let toolsAnchor = "article-tools"

    let chrome: SiteChrome
    let head: PageHead
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
    let related: [StoryCardHTML]
    let textSize: TextSizeView
    let rssURL: String
    let correctionsURL: String
    /// Structured data for search engines (schema.org NewsArticle), as JSON safe inside a script element.
    let jsonLD: String

    static func load(site: ReaderSite, slug: String, requestedPath: String, textSize: TextSize) async throws -> Outcome {
        // The story, its related stories and the navigation, in one read of the store. A story asked for at another
        // address (a wrong date in the path) is sent to its own without reading the rest.
        let links = site.links
        let read = try await site.articles.readSnapshot { snapshot -> StoryRead in
            guard let article = try snapshot.publishedArticle(slug: slug) else { return .missing }
            let canonicalPath = links.path(for: article.summary)
            if canonicalPath != requestedPath { return .elsewhere(canonicalPath) }
            return .found(article, try snapshot.relatedStories(to: article.summary, limit: relatedCount), navigation(snapshot))
        }
        let (article, related, sections): (Article, [ListedStory], [Section])
        switch read {
        case .missing:
            // A story whose address changed answers at the old one with a permanent redirect.
            if let moved = try await site.articles.articleMoved(fromSlug: slug) { return .redirect(site.links.path(for: moved)) }
            throw HTTPError(.notFound, message: "There is no story at this address.")
        case .elsewhere(let canonicalPath):
            return .redirect(canonicalPath)
        case .found(let found, let foundRelated, let foundSections):
            (article, related, sections) = (found, foundRelated, foundSections)
        }
        let story = article.summary

        let route = site.links.route(for: story)
        let chrome = site.chrome(currentSection: story.section.slug, textSize: textSize, sections: sections)
        let page = ArticlePage(
            chrome: chrome,
            head: site.head(
                title: story.headline, description: story.standfirst, canonical: route, canonicalURL: story.source?.url.absoluteString,
                article: story
            ),
            headline: story.headline,
            standfirst: story.standfirst,
            sectionName: story.section.name,
            sectionURL: SiteRoute.section(slug: story.section.slug).path,
            byline: BylineEntry.entries(for: story.authors),
            published: site.time.view(story.publishedAt),
            updated: story.visibleUpdate.map(site.time.view),
            leadImage: story.leadImage.map { LeadImageView(image: ImageView($0.image, alt: $0.alt), caption: $0.caption, credit: $0.credit) },
            bodyHTML: article.bodyHTML,
            readingMinutes: max(1, (article.wordCount + 229) / 230),
            source: story.source.map {
                SourceView(
                    outletName: $0.outletName, url: $0.url.absoluteString, originalAuthor: $0.originalAuthor,
                    originalTime: $0.originalPublishedAt.map { site.time.view($0) }
                )
            },
            tags: article.tags.map { TagView(name: $0.name, url: SiteRoute.tag(slug: $0.slug).path) },
            corrections: article.corrections.map {
                CorrectionView(label: $0.kind == .correction ? "Correction" : "Clarification", text: $0.text, time: site.time.view($0.createdAt))
            },
            related: site.cards(related),
            textSize: TextSizeView(
                label: textSize.label, steps: TextSize.stepList,
                anchor: toolsAnchor, canShrink: textSize.canShrink, canGrow: textSize.canGrow, isStandard: textSize.isStandard,
                actionURL: SiteRoute.textSize.path, returnPath: requestedPath  // the story's own address: any other was redirected
            ),
            rssURL: chrome.rssURL,
            correctionsURL: chrome.correctionsURL,
            jsonLD: NewsArticleJSONLD.make(article: article, site: site, canonical: site.links.absolute(route))
        )
        return .page(page)
    }
}

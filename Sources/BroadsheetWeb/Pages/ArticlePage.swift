import BroadsheetCore
import Hummingbird

/// A story's own page.
struct ArticlePage: Sendable {
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
        case found(StoryPage, [ListedStory], [Section])
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
    /// The story's own parts, kept or rendered now (`StoryPageParts`), written as they are.
    let storyHeader: String
    let storyBody: String
    /// Structured data for search engines (schema.org NewsArticle), as JSON safe inside a script element.
    let jsonLD: String
    /// For the related stories' heading.
    let sectionName: String
    let related: [StoryCardHTML]
    let textSize: TextSizeView
    let rssURL: String

    static func load(site: ReaderSite, slug: String, requestedPath: String, textSize: TextSize) async throws -> Outcome {
        // The story (its own parts as kept, when they are), its related stories and the navigation, in one read of
        // the store. A story asked for at another address (a wrong date in the path) is sent to its own without
        // reading the rest.
        let links = site.links
        let read = try await site.articles.readSnapshot { snapshot -> StoryRead in
            guard let story = try snapshot.storyPage(slug: slug, keptAs: StoryPageParts.keptFormat) else { return .missing }
            let canonicalPath = links.path(for: story.summary)
            if canonicalPath != requestedPath { return .elsewhere(canonicalPath) }
            return .found(story, try snapshot.relatedStories(to: story.summary, limit: relatedCount), navigation(snapshot))
        }
        let (found, related, sections): (StoryPage, [ListedStory], [Section])
        switch read {
        case .missing:
            // A story whose address changed answers at the old one with a permanent redirect.
            if let moved = try await site.articles.articleMoved(fromSlug: slug) { return .redirect(site.links.path(for: moved)) }
            throw HTTPError(.notFound, message: "There is no story at this address.")
        case .elsewhere(let canonicalPath):
            return .redirect(canonicalPath)
        case .found(let story, let foundRelated, let foundSections):
            (found, related, sections) = (story, foundRelated, foundSections)
        }
        let story = found.summary
        let parts: StoryPageParts
        switch found.shown {
        case .kept(let text):
            if let kept = StoryPageParts(kept: text) {
                parts = kept
            } else {
                // Not a kept text this server can read: the story whole, rendered now (and not kept over it).
                guard let article = try await site.articles.publishedArticle(slug: slug) else { throw HTTPError(.notFound, message: "There is no story at this address.") }
                parts = site.storyPages.parts(article)
            }
        case .whole(let article, let version):
            parts = site.storyPages.parts(article)
            if let version { site.keeper?.keep([article.id: parts.kept], format: StoryPageParts.keptFormat, readAt: version) }
        }

        let route = site.links.route(for: story)
        let chrome = site.chrome(currentSection: story.section.slug, textSize: textSize, sections: sections)
        let page = ArticlePage(
            chrome: chrome,
            head: site.head(
                title: story.headline, description: story.standfirst, canonical: route, canonicalURL: story.source?.url.absoluteString,
                article: story
            ),
            storyHeader: parts.header,
            storyBody: parts.body,
            jsonLD: parts.jsonLD,
            sectionName: story.section.name,
            related: site.cards(related),
            textSize: TextSizeView(
                label: textSize.label, steps: TextSize.stepList,
                anchor: toolsAnchor, canShrink: textSize.canShrink, canGrow: textSize.canGrow, isStandard: textSize.isStandard,
                actionURL: SiteRoute.textSize.path, returnPath: requestedPath  // the story's own address: any other was redirected
            ),
            rssURL: chrome.rssURL
        )
        return .page(page)
    }
}

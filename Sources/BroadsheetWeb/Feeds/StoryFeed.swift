import BroadsheetCore
import BroadsheetFeeds
import Foundation

/// Maps stories into the format-neutral feed model, with absolute links everywhere.
enum StoryFeed {
    static let itemLimit = 50

    static func build(
        site: ReaderSite, articles: [Article], title: String, description: String, page: SiteRoute, feed: SiteRoute
    ) -> SyndicationFeed {
        let base = site.links.base
        let items = articles.map { article -> SyndicationItem in
            let story = article.summary
            var body = article.bodyHTML
            if let lead = story.leadImage {
                let caption = [lead.caption, lead.credit].filter { !$0.isEmpty }.joined(separator: " ")
                body = "<figure><img src=\"\(HTMLText.escape(lead.image.path))\" alt=\"\(HTMLText.escape(lead.alt))\" width=\"\(lead.image.width)\" height=\"\(lead.image.height)\">"
                    + (caption.isEmpty ? "" : "<figcaption>\(HTMLText.escape(caption))</figcaption>") + "</figure>\n" + body
            }
            if let source = story.source {
                body += "\n<p>Originally published by <a href=\"\(HTMLText.escape(source.url.absoluteString))\">\(HTMLText.escape(source.outletName))</a>.</p>"
            }
            let link = URL(string: site.links.absolute(site.links.route(for: story)))!
            return SyndicationItem(
                title: story.headline, link: link, guid: article.guid, guidIsPermaLink: false, published: story.publishedAt,
                updated: story.visibleUpdate, authors: story.authors.map(\.name),
                categories: [story.section.name] + article.tags.map(\.name), summary: story.standfirst,
                contentHTML: AbsoluteLinks.resolve(in: body, base: base)
            )
        }
        let updated = articles.map(\.summary.lastChangedAt).max() ?? site.dependencies.clock.now()
        return SyndicationFeed(
            title: title, link: URL(string: site.links.absolute(page))!, selfURL: URL(string: site.links.absolute(feed))!,
            description: description, language: site.configuration.language, updated: updated, items: items
        )
    }
}

/// Escaping for HTML text and attribute values written by hand outside the templates.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

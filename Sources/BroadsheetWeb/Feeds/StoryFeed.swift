import BroadsheetCore
import BroadsheetFeeds
import Foundation

/// Maps stories into the format-neutral feed model, with absolute links everywhere.
enum StoryFeed {
    /// One story's item: what every feed format writes for it, and what a story's kept feed entries are rendered from.
    static func item(_ article: Article, links: Links) throws -> SyndicationItem {
        let story = article.summary
        var body = article.bodyHTML
        if let lead = story.leadImage {
            let caption = [lead.caption, lead.credit].filter { !$0.isEmpty }.joined(separator: " ")
            body = "<figure><img src=\"\(HTMLEscaping.escape(lead.image.path))\" alt=\"\(HTMLEscaping.escape(lead.alt))\" width=\"\(lead.image.width)\" height=\"\(lead.image.height)\">"
                + (caption.isEmpty ? "" : "<figcaption>\(HTMLEscaping.escape(caption))</figcaption>") + "</figure>\n" + body
        }
        if let source = story.source {
            body += "\n<p>Originally published by <a href=\"\(HTMLEscaping.escape(source.url.absoluteString))\">\(HTMLEscaping.escape(source.outletName))</a>.</p>"
        }
        if !article.corrections.isEmpty {
            body += "\n" + article.corrections.map {
                "<p><strong>\($0.kind == .correction ? "Correction" : "Clarification"):</strong> \(HTMLEscaping.escape($0.text))</p>"
            }.joined(separator: "\n")
        }
        let link = try absoluteURL(links.absolute(links.route(for: story)))
        return SyndicationItem(
            title: story.headline, link: link, guid: article.guid, guidIsPermaLink: false, published: story.publishedAt,
            updated: story.visibleUpdate, authors: authors(story, links: links),
            categories: [story.section.name] + article.tags.map(\.name), summary: story.standfirst,
            contentHTML: AbsoluteLinks.resolve(in: body, base: links.base), image: try image(story, links: links)
        )
    }

    /// A feed of search hits: each item carries its standfirst and the matching passage, not the whole story.
    static func build(
        site: ReaderSite, hits: [SearchHit], title: String, description: String, page: SiteRoute, feed: SiteRoute
    ) throws -> SyndicationFeed {
        let items = try hits.map { hit -> SyndicationItem in
            let story = hit.story
            let link = try absoluteURL(site.links.absolute(site.links.route(for: story)))
            return SyndicationItem(
                title: story.headline, link: link, guid: link.absoluteString, guidIsPermaLink: true,
                published: story.publishedAt, updated: story.visibleUpdate, authors: authors(story, links: site.links),
                categories: [story.section.name], summary: story.standfirst,
                contentHTML: "<p>" + HTMLEscaping.escape(story.standfirst) + "</p>\n<p>" + SnippetHTML.render(hit.snippet) + "</p>",
                image: try image(story, links: site.links)
            )
        }
        // No hub for search feeds: the hub is only told about the site's, sections', authors' and topics' feeds.
        var channel = try channel(site: site, items: items, changed: hits.map(\.story.lastChangedAt), title: title, description: description, page: page, feed: feed)
        channel.hubURL = nil
        return channel
    }

    private static func authors(_ story: ArticleSummary, links: Links) -> [SyndicationAuthor] {
        story.authors.map { SyndicationAuthor(name: $0.name, url: URL(string: links.absolute(.author(slug: $0.slug)))) }
    }

    private static func image(_ story: ArticleSummary, links: Links) throws -> SyndicationImage? {
        guard let lead = story.leadImage else { return nil }
        return SyndicationImage(
            url: try absoluteURL(links.absolute(.image(lead.image))), mediaType: lead.image.mediaType.rawValue,
            length: lead.image.byteSize, width: lead.image.width, height: lead.image.height,
            caption: [lead.caption, lead.credit].filter { !$0.isEmpty }.joined(separator: " ")
        )
    }

    static func channel(
        site: ReaderSite, items: [SyndicationItem], changed: [Date], title: String, description: String, page: SiteRoute, feed: SiteRoute
    ) throws -> SyndicationFeed {
        SyndicationFeed(
            title: title, link: try absoluteURL(site.links.absolute(page)), selfURL: try absoluteURL(site.links.absolute(feed)),
            description: description, language: site.configuration.language,
            // An empty feed changes when the site last did nothing: a fixed date keeps its validators stable.
            updated: changed.max() ?? Date(timeIntervalSince1970: 0),
            hubURL: site.configuration.websubHub,
            // The site's icon is an SVG, which RSS images and JSON Feed icons do not allow; feeds go without.
            iconURL: nil, publisher: site.configuration.publicationName,
            items: items
        )
    }
}

/// An address built from the configured base URL and a route; it cannot fail for a validated configuration.
private func absoluteURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw StoryFeed.InvalidAddress(text: text) }
    return url
}

extension StoryFeed {
    struct InvalidAddress: Error { let text: String }
}

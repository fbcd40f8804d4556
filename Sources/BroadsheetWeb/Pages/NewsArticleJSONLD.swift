import BroadsheetCore
import Foundation

/// schema.org NewsArticle for a story page: what search engines and aggregators read.
enum NewsArticleJSONLD {
    static func make(article: Article, site: ReaderSite, canonical: String) -> String {
        let story = article.summary
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.headline,
            "description": story.standfirst,
            "mainEntityOfPage": canonical,
            "url": canonical,
            "datePublished": InternetDate.rfc3339(story.publishedAt),
            "dateModified": InternetDate.rfc3339(story.lastChangedAt),
            "articleSection": story.section.name,
            "wordCount": article.wordCount,
            "author": story.authors.map { ["@type": "Person", "name": $0.name, "url": site.links.absolute(.author(slug: $0.slug))] },
            "publisher": [
                "@type": "NewsMediaOrganization", "name": site.configuration.publicationName, "url": site.links.absolute(.home()),
                "logo": ["@type": "ImageObject", "url": site.links.absolute(.asset(file: site.assets.icon.fileName))],
            ],
        ]
        if let lead = story.leadImage { object["image"] = [site.links.base + lead.image.path] }
        if !article.tags.isEmpty { object["keywords"] = article.tags.map(\.name) }
        if let source = story.source {
            object["isBasedOn"] = source.url.absoluteString
            object["sourceOrganization"] = ["@type": "NewsMediaOrganization", "name": source.outletName]
        }
        if !article.corrections.isEmpty {
            object["correction"] = article.corrections.map {
                ["@type": "CorrectionComment", "text": "\($0.kind == .correction ? "Correction" : "Clarification"): \($0.text)", "datePublished": InternetDate.rfc3339($0.createdAt)]
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        // Inside <script>, "<" must not appear: it could close the element. JSON allows it escaped.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

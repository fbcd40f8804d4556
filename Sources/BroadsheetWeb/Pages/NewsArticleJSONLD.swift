import BroadsheetCore

/// schema.org NewsArticle for a story page: what search engines and aggregators read.
enum NewsArticleJSONLD {
    /// What the structured data names besides the story: the publisher, its address and its logo.
    struct Publisher: Sendable {
        let links: Links
        let name: String
        let iconFile: String
    }

    static func make(article: Article, publisher: Publisher, canonical: String) -> String {
        value(article: article, publisher: publisher, canonical: canonical).serialized(forScriptElement: true)
    }

    static func value(article: Article, publisher: Publisher, canonical: String) -> JSONValue {
        let links = publisher.links
        let story = article.summary
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(story.headline)),
            ("description", .string(story.standfirst)),
            ("mainEntityOfPage", .string(canonical)),
            ("url", .string(canonical)),
            ("datePublished", .string(InternetDate.rfc3339(story.publishedAt))),
            ("dateModified", .string(InternetDate.rfc3339(story.lastChangedAt))),
            ("articleSection", .string(story.section.name)),
            ("wordCount", .int(article.wordCount)),
            (
                "author",
                .array(story.authors.map {
                    .object([("@type", .string("Person")), ("name", .string($0.name)), ("url", .string(links.absolute(.author(slug: $0.slug))))])
                })
            ),
            (
                "publisher",
                .object([
                    ("@type", .string("NewsMediaOrganization")),
                    ("name", .string(publisher.name)),
                    ("url", .string(links.absolute(.home()))),
                    ("logo", .object([("@type", .string("ImageObject")), ("url", .string(links.absolute(.asset(file: publisher.iconFile))))])),
                ])
            ),
        ]
        if let lead = story.leadImage { members.append(("image", .array([.string(links.base + lead.image.path)]))) }
        if !article.tags.isEmpty { members.append(("keywords", .array(article.tags.map { .string($0.name) }))) }
        if let source = story.source {
            members.append(("isBasedOn", .string(source.url.absoluteString)))
            members.append(("sourceOrganization", .object([("@type", .string("NewsMediaOrganization")), ("name", .string(source.outletName))])))
        }
        if !article.corrections.isEmpty {
            members.append((
                "correction",
                .array(article.corrections.map {
                    .object([
                        ("@type", .string("CorrectionComment")),
                        ("text", .string("\($0.kind == .correction ? "Correction" : "Clarification"): \($0.text)")),
                        ("datePublished", .string(InternetDate.rfc3339($0.createdAt))),
                    ])
                })
            ))
        }
        return .object(members)
    }
}

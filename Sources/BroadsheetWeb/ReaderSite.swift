import BroadsheetCore
import BroadsheetFeeds
import Foundation
import Hummingbird

/// What every reader page shares: configuration, the stores, links, time formatting, templates and assets.
struct ReaderSite: Sendable {
    let configuration: Configuration
    let dependencies: WebDependencies
    let links: Links
    let time: ReaderTime
    let renderer: PageRenderer
    let assets: Assets
    /// Story cards, from their kept copies where the stories have them.
    let storyCards: StoryCards
    /// The parts of a story's page that show the story alone, for the pages of stories without them kept.
    let storyPages: StoryPageRenderer
    /// Keeps what feeds and story pages render, when the store keeps cards (`WebDependencies.storyCards`).
    let keeper: FeedItemKeeper?
    /// What every page links to and does not change while the server runs, built once rather than for each page.
    private let fixed: FixedLinks

    init(configuration: Configuration, dependencies: WebDependencies, links: Links, time: ReaderTime, renderer: PageRenderer, assets: Assets) {
        self.configuration = configuration
        self.dependencies = dependencies
        self.links = links
        self.time = time
        self.renderer = renderer
        self.assets = assets
        storyPages = StoryPageRenderer(
            templates: renderer.templates, links: links, time: time,
            publisher: NewsArticleJSONLD.Publisher(links: links, name: configuration.publicationName, iconFile: assets.icon.fileName)
        )
        storyCards = StoryCards(templates: renderer.templates, links: links, time: time, configuration: configuration, storyPages: storyPages)
        let cardFormat = storyCards.format
        keeper = dependencies.storyCards.map { FeedItemKeeper(store: $0, cardFormat: cardFormat, logger: dependencies.logger) }
        fixed = FixedLinks(configuration: configuration, links: links, assets: assets)
    }

    private struct FixedLinks: Sendable {
        let home, stylesheet, script, icon, rss, about, contact, feeds, corrections, search: String
        /// The site's own feeds, which every page's head names.
        let siteFeeds: [FeedAlternate]

        init(configuration: Configuration, links: Links, assets: Assets) {
            home = SiteRoute.home().path
            stylesheet = SiteRoute.asset(file: assets.stylesheet.fileName).path
            script = SiteRoute.asset(file: assets.script.fileName).path
            icon = SiteRoute.asset(file: assets.icon.fileName).path
            rss = SiteRoute.feed(.site, .rss).path
            about = SiteRoute.about.path
            contact = SiteRoute.contact.path
            feeds = SiteRoute.feeds.path
            corrections = SiteRoute.corrections().path
            search = SiteRoute.search(SearchParameters(q: "")).path
            siteFeeds = ReaderSite.feedAlternates(title: "\(configuration.publicationName): latest stories", scope: .site, links: links)
        }
    }

    var articles: any ArticleReading { dependencies.articles }
    var taxonomy: any TaxonomyReading { dependencies.taxonomy }
    var search: any ArticleSearching { dependencies.search }

    /// The masthead, navigation and footer, reading the sections for the navigation. A page that reads the store
    /// anyway reads them in the same snapshot and passes them to the other `chrome`.
    func chrome(currentSection: String? = nil, searchQuery: String = "", textSize: TextSize = .standard) async -> SiteChrome {
        // A page must still render (an error page especially) when the navigation cannot be read.
        chrome(
            currentSection: currentSection, searchQuery: searchQuery, textSize: textSize,
            sections: (try? await taxonomy.sections()) ?? []
        )
    }

    /// The masthead, navigation and footer, with `currentSection` marked and `searchQuery` kept in the search box.
    func chrome(currentSection: String? = nil, searchQuery: String = "", textSize: TextSize = .standard, sections: [Section]) -> SiteChrome {
        return SiteChrome(
            name: configuration.publicationName,
            tagline: configuration.tagline,
            language: configuration.language,
            homeURL: fixed.home,
            sections: sections.map {
                NavigationItem(name: $0.name, url: SiteRoute.section(slug: $0.slug).path, isCurrent: $0.slug == currentSection)
            },
            searchQuery: searchQuery,
            stylesheetURL: fixed.stylesheet,
            scriptURL: fixed.script,
            iconURL: fixed.icon,
            rssURL: fixed.rss,
            aboutURL: fixed.about,
            contactURL: fixed.contact,
            feedsURL: fixed.feeds,
            correctionsURL: fixed.corrections,
            searchURL: fixed.search,
            year: time.currentYear(),
            textSizeClass: textSize.cssClass
        )
    }

    func cards(_ stories: [ListedStory]) -> [StoryCardHTML] {
        stories.map(storyCards.card)
    }

    /// A feed in each format, for a page's head: "title (RSS)" and so on.
    private static func feedAlternates(title: String, scope: FeedScope, links: Links) -> [FeedAlternate] {
        FeedFormat.allCases.map { FeedAlternate(title: "\(title) (\($0.label))", url: links.absolute(.feed(scope, $0)), type: $0.linkType) }
    }

    /// The page's head; `canonicalURL` overrides the address of `route` (a republished story points at its original).
    /// `feed` names this page's own feeds; `article` fills the social preview of a story.
    func head(
        title: String, description: String, canonical route: SiteRoute, canonicalURL: String? = nil, noIndex: Bool = false,
        feed: (scope: FeedScope, title: String)? = nil, article: ArticleSummary? = nil
    ) -> PageHead {
        let name = configuration.publicationName
        var feeds = fixed.siteFeeds
        if let feed { feeds += Self.feedAlternates(title: feed.title, scope: feed.scope, links: links) }
        let canonical = canonicalURL ?? links.absolute(route)
        let lead = article?.leadImage
        return PageHead(
            title: title.isEmpty ? name : "\(title) | \(name)",
            description: description, canonicalURL: canonical, noIndex: noIndex, feeds: feeds,
            social: SocialMeta(
                type: article == nil ? "website" : "article", title: title.isEmpty ? name : title, description: description,
                // The preview names this site's page even for a republished story; its canonical link credits the original.
                url: links.absolute(route), siteName: name,
                ogImage: lead.map { links.absolute(.image($0.image)) },
                imageAlt: lead?.alt ?? name,
                ogPublished: article.map { InternetDate.rfc3339($0.publishedAt) },
                ogModified: article.map { InternetDate.rfc3339($0.lastChangedAt) },
                ogSection: article?.section.name,
                twitterCard: lead == nil ? "summary" : "summary_large_image"
            )
        )
    }
}

/// The sections for a page's navigation, read in the page's snapshot. A page still renders, without navigation, when
/// they cannot be read.
func navigation(_ snapshot: any ReaderSnapshot) -> [Section] {
    (try? snapshot.sections()) ?? []
}

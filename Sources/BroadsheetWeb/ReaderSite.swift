import BroadsheetCore
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

    var articles: any ArticleReading { dependencies.articles }
    var taxonomy: any TaxonomyReading { dependencies.taxonomy }
    var search: any ArticleSearching { dependencies.search }

    /// The masthead, navigation and footer, with `currentSection` marked and `searchQuery` kept in the search box.
    /// Pass `sections` when the page has read them already.
    func chrome(
        currentSection: String? = nil, searchQuery: String = "", textSize: TextSize = .standard, sections known: [Section]? = nil
    ) async -> SiteChrome {
        // A page must still render (an error page especially) when the navigation cannot be read.
        let sections: [Section]
        if let known { sections = known } else { sections = (try? await taxonomy.sections()) ?? [] }
        return SiteChrome(
            name: configuration.publicationName,
            tagline: configuration.tagline,
            language: configuration.language,
            homeURL: SiteRoute.home().path,
            sections: sections.map {
                NavigationItem(name: $0.name, url: SiteRoute.section(slug: $0.slug).path, isCurrent: $0.slug == currentSection)
            },
            searchQuery: searchQuery,
            stylesheetURL: SiteRoute.asset(file: assets.stylesheet.fileName).path,
            scriptURL: SiteRoute.asset(file: assets.script.fileName).path,
            iconURL: SiteRoute.asset(file: assets.icon.fileName).path,
            rssURL: SiteRoute.rss.path,
            rssAbsoluteURL: links.absolute(.rss),
            aboutURL: SiteRoute.about.path,
            contactURL: SiteRoute.contact.path,
            feedsURL: SiteRoute.feeds.path,
            correctionsURL: SiteRoute.corrections().path,
            searchURL: SiteRoute.search(SearchParameters(q: "")).path,
            year: time.calendar.component(.year, from: dependencies.clock.now()),
            textSizeClass: textSize.cssClass
        )
    }

    func cards(_ stories: [ArticleSummary]) -> [StoryCard] {
        stories.map { StoryCard($0, links: links, time: time) }
    }

    /// The page's head; `canonicalURL` overrides the address of `route` (a republished story points at its original).
    func head(
        title: String, description: String, canonical route: SiteRoute, canonicalURL: String? = nil, noIndex: Bool = false,
        feed: (title: String, url: String)? = nil
    ) -> PageHead {
        PageHead(
            title: title.isEmpty ? configuration.publicationName : "\(title) | \(configuration.publicationName)",
            description: description, canonicalURL: canonicalURL ?? links.absolute(route), noIndex: noIndex,
            feedTitle: feed?.title, feedURL: feed?.url
        )
    }
}

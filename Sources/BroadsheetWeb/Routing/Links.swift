import BroadsheetCore
import Foundation

/// Builds the links a page needs: story addresses depend on the publication's time zone, absolute ones on its base URL.
struct Links: Sendable {
    let base: String
    /// A story's day is the publication's: its zone's offsets, read once.
    let zone: ZoneOffsets

    init(configuration: Configuration) {
        base = configuration.baseURLString
        zone = ZoneOffsets(configuration.timeZone)
    }

    func route(for story: ArticleSummary) -> SiteRoute {
        route(slug: story.slug, publishedAt: story.publishedAt)
    }

    func route(slug: String, publishedAt: Date) -> SiteRoute {
        let day = zone.civil(publishedAt)
        return .article(year: day.year, month: day.month, day: day.day, slug: slug)
    }

    func path(for story: ArticleSummary) -> String { route(for: story).path }

    func absolute(_ route: SiteRoute) -> String { base + route.path }
}

import BroadsheetCore
import Foundation

/// Builds the links a page needs: story addresses depend on the publication's time zone, absolute ones on its base URL.
struct Links: Sendable {
    let base: String
    let calendar: Calendar

    init(configuration: Configuration) {
        base = configuration.baseURLString
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = configuration.timeZone
        self.calendar = calendar
    }

    func route(for story: ArticleSummary) -> SiteRoute {
        route(slug: story.slug, publishedAt: story.publishedAt)
    }

    func route(slug: String, publishedAt: Date) -> SiteRoute {
        let day = calendar.dateComponents([.year, .month, .day], from: publishedAt)
        return .article(year: day.year ?? 1970, month: day.month ?? 1, day: day.day ?? 1, slug: slug)
    }

    func path(for story: ArticleSummary) -> String { route(for: story).path }

    func absolute(_ route: SiteRoute) -> String { base + route.path }
}

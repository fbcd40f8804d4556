import Foundation

/// A story as a list shows it: its card kept from when the story last changed, or, for a story without one, its
/// summary to render a card from. A list with kept cards reads the card of each story and what the page fills in or
/// picks by, not the headline, standfirst, picture, source and byline that the card already shows.
public struct ListedStory: Sendable, Hashable, Identifiable {
    public enum Shown: Sendable, Hashable {
        case kept(RenderedCard)
        /// Boxed: a summary is many times the size of a kept card, and lists copy their stories about; most are kept.
        indirect case summary(ArticleSummary)
    }

    public var id: Int64
    public var sectionID: Int64
    /// For the relative time written into the card per request ("3 hours ago").
    public var publishedAt: Date
    /// Whether the story has a lead picture: a front page leads with the newest story that has one.
    public var hasLeadImage: Bool
    public var shown: Shown

    public init(id: Int64, sectionID: Int64, publishedAt: Date, hasLeadImage: Bool, shown: Shown) {
        self.id = id
        self.sectionID = sectionID
        self.publishedAt = publishedAt
        self.hasLeadImage = hasLeadImage
        self.shown = shown
    }

    /// A story listed by its whole summary, for a card rendered from it.
    public init(_ summary: ArticleSummary) {
        self.init(
            id: summary.id, sectionID: summary.section.id, publishedAt: summary.publishedAt, hasLeadImage: summary.leadImage != nil,
            shown: .summary(summary)
        )
    }
}

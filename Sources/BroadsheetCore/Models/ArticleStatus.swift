/// Where a story is in the newsroom's workflow. Only `published` stories are shown to readers.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case inReview = "in_review"
    case scheduled
    case published
    case unpublished
}

/// Everything a newsroom account can ask to do. Story actions depend on whose story it is and its state.
public enum NewsroomAction: String, Sendable, CaseIterable {
    case viewNewsroom
    case createStory
    /// Change a story's words, filing and images.
    case editStory
    case submitForReview
    /// Publish now, schedule, or unpublish.
    case publishStory
    /// Mark an edit as substantive, which shows readers an "Updated" time.
    case markSubstantive
    case viewRevisions
    case restoreRevision
    case addCorrection
    case deleteStory
    case uploadImage
    case manageSections
    case manageTags
    case manageAuthors
    case manageUsers
    /// Add and change partner outlets and their feed intake; poll a feed now.
    case managePartners
    case resetPasswords
    case changeOwnPassword
}

/// The story an action concerns, as far as permissions go.
public struct StoryStanding: Sendable, Hashable {
    /// Whether the acting user wrote it (created it, or is in its byline).
    public var isOwn: Bool
    public var status: ArticleStatus

    public init(isOwn: Bool, status: ArticleStatus) {
        self.isOwn = isOwn
        self.status = status
    }
}

/// Who may do what. One table, read by every newsroom route and tested action by action, role by role.
public enum NewsroomPolicy {
    public static func allows(_ role: Role, _ action: NewsroomAction, story: StoryStanding? = nil) -> Bool {
        switch action {
        case .viewNewsroom, .createStory, .uploadImage, .changeOwnPassword:
            return true
        case .manageUsers, .resetPasswords:
            return role == .admin
        case .manageSections, .manageTags, .manageAuthors, .managePartners, .addCorrection, .deleteStory:
            return role >= .editor
        case .editStory, .viewRevisions, .restoreRevision, .submitForReview:
            if role >= .editor { return true }
            guard let story, story.isOwn else { return false }
            // A contributor's work is theirs to change until it is scheduled or published.
            return role == .writer || [.draft, .inReview].contains(story.status)
        case .publishStory, .markSubstantive:
            if role >= .editor { return true }
            return role == .writer && story?.isOwn == true
        }
    }
}

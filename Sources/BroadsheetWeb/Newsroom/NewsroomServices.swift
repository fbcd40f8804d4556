import BroadsheetCore

/// What the newsroom needs, as Core's ports and use cases.
public struct NewsroomServices: Sendable {
    public var users: any UserStore
    public var sessions: any SessionStore
    public var attempts: any LoginAttemptStore
    public var hasher: any PasswordHashing
    public var stories: any NewsroomStories
    public var writer: any PublicationWriting
    public var taxonomyWriter: any TaxonomyWriting
    public var renderer: any StoryBodyRendering
    /// Sanitizes the HTML bodies of stories taken in from partners when they are edited.
    public var cleaner: any HTMLBodyCleaning
    public var partners: any PartnerIntakeStoring
    public var loginRules: LoginRules
    /// The largest image upload accepted, in bytes.
    public var uploadLimit: Int

    public init(
        users: any UserStore, sessions: any SessionStore, attempts: any LoginAttemptStore, hasher: any PasswordHashing,
        stories: any NewsroomStories, writer: any PublicationWriting, taxonomyWriter: any TaxonomyWriting,
        renderer: any StoryBodyRendering, cleaner: any HTMLBodyCleaning, partners: any PartnerIntakeStoring, loginRules: LoginRules = LoginRules(),
        uploadLimit: Int = 10 * 1_048_576
    ) {
        self.cleaner = cleaner
        self.partners = partners
        self.users = users
        self.sessions = sessions
        self.attempts = attempts
        self.hasher = hasher
        self.stories = stories
        self.writer = writer
        self.taxonomyWriter = taxonomyWriter
        self.renderer = renderer
        self.loginRules = loginRules
        self.uploadLimit = uploadLimit
    }
}

import Foundation

/// An account to create.
public struct NewUser: Sendable, Hashable {
    public var email: String
    public var name: String
    public var role: Role
    public var authorID: Int64?

    public init(email: String, name: String, role: Role, authorID: Int64? = nil) {
        self.email = email
        self.name = name
        self.role = role
        self.authorID = authorID
    }
}

/// Why an account change was refused.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case emailTaken(String)
    case invalid(String)
    case notFound

    public var description: String {
        switch self {
        case .emailTaken(let email): "an account with the email address \(email) already exists"
        case .invalid(let why): why
        case .notFound: "there is no such account"
        }
    }
}

/// Newsroom accounts.
public protocol UserStore: Sendable {
    /// Creates an account with an already hashed password.
    func createUser(_ user: NewUser, passwordHash: String, at: Date) async throws -> User
    /// The account with this id, or nil.
    func user(id: Int64) async throws -> User?
    /// The account with this email address (any case) and its password hash, or nil.
    func credentials(email: String) async throws -> (user: User, passwordHash: String)?
    /// Every account, by name.
    func users() async throws -> [User]
    /// Replaces an account's password hash.
    func setPasswordHash(_ hash: String, userID: Int64) async throws
    /// Changes an account's role.
    func setRole(_ role: Role, userID: Int64) async throws
    /// How many accounts exist.
    func userCount() async throws -> Int
}

/// Signed-in sessions, kept in the database so that any app server can serve any browser.
public protocol SessionStore: Sendable {
    /// Records a new session for `token`. Stores only a hash of the token.
    func createSession(token: String, userID: Int64, csrfToken: String, at: Date, expiresAt: Date) async throws
    /// The live session for `token` at `now`: not past its absolute expiry, nor idle longer than `idleLimit`.
    /// Marks it as seen at `now`. An expired session is deleted.
    func session(token: String, at now: Date, idleLimit: TimeInterval) async throws -> NewsroomSession?
    /// Ends one session.
    func deleteSession(token: String) async throws
    /// Ends every session of an account, e.g. after a password reset.
    func deleteSessions(userID: Int64) async throws
}

/// Failed sign-in attempts, counted per key (an account's email, a client's address) across app servers.
public protocol LoginAttemptStore: Sendable {
    func recordFailedLogin(keys: [String], at: Date) async throws
    /// Failures recorded for `key` at or after `since`.
    func failedLogins(key: String, since: Date) async throws -> Int
    /// Forgets the failures for `key` (after a successful sign-in).
    func clearFailedLogins(key: String) async throws
    /// Forgets one failure recorded for `key` at `at` (an attempt that turned out to succeed).
    func forgetFailedLogin(key: String, at: Date) async throws
}

/// Password hashing, slow on purpose; implementations run it off the event loop.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async -> String
    func verify(_ password: String, against hash: String) async -> Bool
    /// A hash of a secret nobody knows, checked against when an account does not exist, so that sign-in takes as
    /// long for unknown addresses as for known ones.
    var decoyHash: String { get }
}

/// The newsroom's view of stories: every state, every field, and their history.
public protocol NewsroomStories: Sendable {
    /// The story with this id, in any state, or nil.
    func editableStory(id: Int64) async throws -> EditableStory?
    /// Stories matching the filter, most recently changed first.
    func listStories(_ filter: StoryListFilter, page: PageRequest) async throws -> Page<StoryListItem>
    /// The story's saved versions, newest first.
    func revisions(storyID: Int64) async throws -> [Revision]
    /// One saved version, or nil.
    func revision(id: Int64) async throws -> Revision?
    /// Whether no other story uses `slug`, now or as an old address.
    func isSlugAvailable(_ slug: String, exceptStoryID: Int64?) async throws -> Bool
    /// Appends a correction to a published story and marks the story updated at that time, in one transaction.
    func addCorrection(storyID: Int64, kind: Correction.Kind, text: String, at: Date) async throws -> Correction
    /// Publishes every scheduled story whose time has come, at its scheduled time; returns their ids. Safe to run
    /// from several servers at once: each story is published once.
    func publishDueStories(at now: Date) async throws -> [Int64]
}

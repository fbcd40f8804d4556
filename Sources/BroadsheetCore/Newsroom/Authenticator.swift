import Foundation

/// Limits on signing in and on how long a session lasts.
public struct LoginRules: Sendable, Hashable {
    /// Failed attempts allowed per account within `window`.
    public var failuresPerAccount: Int
    /// Failed attempts allowed per client address within `window`.
    public var failuresPerAddress: Int
    public var window: TimeInterval
    /// A session unused for this long ends.
    public var idleLimit: TimeInterval
    /// A session ends this long after sign-in, used or not.
    public var lifetime: TimeInterval
    public var minimumPasswordLength: Int

    public init(
        failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, window: TimeInterval = 15 * 60,
        idleLimit: TimeInterval = 4 * 3_600, lifetime: TimeInterval = 7 * 86_400, minimumPasswordLength: Int = 10
    ) {
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
        self.window = window
        self.idleLimit = idleLimit
        self.lifetime = lifetime
        self.minimumPasswordLength = minimumPasswordLength
    }
}

/// Why a sign-in was refused. The messages are shown to the person signing in.
public enum LoginError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidCredentials
    case tooManyAttempts
    case disabled

    public var description: String {
        switch self {
        case .invalidCredentials: "That email address and password do not match an account."
        case .tooManyAttempts: "Too many failed sign-ins. Wait 15 minutes before trying again, or ask an admin to reset your password."
        case .disabled: "This account is disabled. Ask an admin."
        }
    }
}

/// Signs people in and out, and finds who a request belongs to.
public struct Authenticator: Sendable {
    let users: any UserStore
    let sessions: any SessionStore
    let attempts: any LoginAttemptStore
    let hasher: any PasswordHashing
    let clock: any WallClock
    public let rules: LoginRules

    public init(
        users: any UserStore, sessions: any SessionStore, attempts: any LoginAttemptStore, hasher: any PasswordHashing,
        clock: any WallClock, rules: LoginRules = LoginRules()
    ) {
        self.users = users
        self.sessions = sessions
        self.attempts = attempts
        self.hasher = hasher
        self.clock = clock
        self.rules = rules
    }

    /// Checks the password and opens a new session, with a new token (so a token planted before sign-in is useless).
    /// Returns the session token for the cookie.
    public func logIn(email: String, password: String, clientAddress: String) async throws -> (token: String, session: NewsroomSession) {
        let now = clock.now()
        let since = now.addingTimeInterval(-rules.window)
        let accountKey = "account:" + email.lowercased().trimmingCharacters(in: .whitespaces)
        let addressKey = "address:" + clientAddress
        let accountFailures = try await attempts.failedLogins(key: accountKey, since: since)
        let addressFailures = try await attempts.failedLogins(key: addressKey, since: since)
        if accountFailures >= rules.failuresPerAccount || addressFailures >= rules.failuresPerAddress {
            throw LoginError.tooManyAttempts
        }
        // Every attempt counts as failed until the password is checked, so that attempts sent all at once cannot
        // slip past the limit while their passwords are being checked.
        try await attempts.recordFailedLogin(keys: [accountKey, addressKey], at: now)
        let found = try await users.credentials(email: email.trimmingCharacters(in: .whitespaces))
        // Unknown addresses cost the same time as known ones, so timing does not tell which accounts exist.
        let matches = await hasher.verify(password, against: found?.passwordHash ?? hasher.decoyHash)
        guard let found, matches else { throw LoginError.invalidCredentials }
        guard !found.user.isDisabled else { throw LoginError.disabled }
        try await attempts.clearFailedLogins(key: accountKey)
        try await attempts.forgetFailedLogin(key: addressKey, at: now)
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let expires = now.addingTimeInterval(rules.lifetime)
        try await sessions.createSession(token: token, userID: found.user.id, csrfToken: csrf, at: now, expiresAt: expires)
        return (token, NewsroomSession(user: found.user, csrfToken: csrf, createdAt: now, lastSeenAt: now, expiresAt: expires))
    }

    /// The live session for a cookie's token, or nil.
    public func session(token: String) async throws -> NewsroomSession? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        return try await sessions.session(token: token, at: clock.now(), idleLimit: rules.idleLimit)
    }

    public func logOut(token: String) async throws {
        try await sessions.deleteSession(token: token)
    }

    /// Changes one's own password after checking the current one; other sessions of the account end.
    public func changePassword(user: User, current: String, new: String) async throws {
        guard let found = try await users.credentials(email: user.email), await hasher.verify(current, against: found.passwordHash) else {
            throw AccountError.invalid("The current password is not right.")
        }
        try await setPassword(new, userID: user.id)
    }

    /// Sets a password (an admin's reset, or a checked change), ends the account's sessions and lifts any lockout.
    public func setPassword(_ password: String, userID: Int64) async throws {
        try validate(password: password)
        try await users.setPasswordHash(await hasher.hash(password), userID: userID)
        try await sessions.deleteSessions(userID: userID)
        if let user = try await users.user(id: userID) {
            try await attempts.clearFailedLogins(key: "account:" + user.email.lowercased())
        }
    }

    /// Creates an account.
    public func createUser(_ user: NewUser, password: String) async throws -> User {
        let email = user.email.trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), !email.contains(where: \.isWhitespace), email.count <= 254 else {
            throw AccountError.invalid("Give an email address, such as name@example.com.")
        }
        guard !user.name.trimmingCharacters(in: .whitespaces).isEmpty, user.name.count <= 100 else {
            throw AccountError.invalid("Give a name of 1 to 100 characters.")
        }
        try validate(password: password)
        var cleaned = user
        cleaned.email = email
        cleaned.name = user.name.trimmingCharacters(in: .whitespaces)
        return try await users.createUser(cleaned, passwordHash: await hasher.hash(password), at: clock.now())
    }

    public func validate(password: String) throws {
        guard password.count >= rules.minimumPasswordLength, password.count <= 200 else {
            throw AccountError.invalid("Passwords need \(rules.minimumPasswordLength) to 200 characters.")
        }
    }

    /// 32 random bytes as URL-safe base64 (43 characters), from the system's secure generator.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A readable random password for new demo and reset accounts: 4 groups of 5 letters and digits.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }
}

import BroadsheetCore
import Crypto
import Foundation
import GRDB

extension SQLiteStore: UserStore {
    public func createUser(_ user: NewUser, passwordHash: String, at: Date) async throws -> User {
        do {
            return try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO users (email, name, role, password_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [user.email, user.name, user.role.rawValue, passwordHash, user.authorID, at]
                )
                return User(id: db.lastInsertedRowID, email: user.email, name: user.name, role: user.role, authorID: user.authorID, createdAt: at, disabledAt: nil)
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw AccountError.emailTaken(user.email)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw AccountError.invalid("The author profile chosen no longer exists.")
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.userColumns) FROM users WHERE id = ?"), arguments: [id]).map(Self.decodeUser)
        }
    }

    public func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        try await pool.read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.userColumns), password_hash FROM users WHERE email = ? COLLATE NOCASE"),
                arguments: [email]
            ).map { (Self.decodeUser($0), $0["password_hash"]) }
        }
    }

    public func users() async throws -> [User] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.userColumns) FROM users ORDER BY name, id")).map(Self.decodeUser)
        }
    }

    public func setPasswordHash(_ hash: String, userID: Int64) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            guard db.changesCount == 1 else { throw AccountError.notFound }
        }
    }

    public func setRole(_ role: Role, userID: Int64) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE users SET role = ? WHERE id = ?", arguments: [role.rawValue, userID])
            guard db.changesCount == 1 else { throw AccountError.notFound }
        }
    }

    public func userCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 }
    }

    static let userColumns = "id, email, name, role, author_id, created_at, disabled_at"

    static func decodeUser(_ row: Row) -> User {
        User(
            id: row["id"], email: row["email"], name: row["name"], role: Role(rawValue: row["role"]) ?? .contributor,
            authorID: row["author_id"], createdAt: row["created_at"], disabledAt: row["disabled_at"]
        )
    }
}

extension SQLiteStore: SessionStore {
    /// Sessions are stored under the SHA-256 of their token: a copy of the database opens no browser's session.
    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func createSession(token: String, userID: Int64, csrfToken: String, at: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [Self.tokenHash(token), userID, csrfToken, at, at, expiresAt]
            )
            // Sessions that ended long ago are cleared out here, a few at a time.
            try db.execute(sql: "DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions WHERE expires_at < ? LIMIT 100)", arguments: [at])
        }
    }

    public func session(token: String, at now: Date, idleLimit: TimeInterval) async throws -> NewsroomSession? {
        let hash = Self.tokenHash(token)
        return try await pool.write { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, s.expires_at,
                           u.id, u.email, u.name, u.role, u.author_id, u.created_at, u.disabled_at
                    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?
                    """),
                arguments: [hash]
            ) else { return nil }
            let expires: Date = row["expires_at"], lastSeen: Date = row["last_seen_at"]
            let user = Self.decodeUser(row)
            guard expires > now, now.timeIntervalSince(lastSeen) < idleLimit, !user.isDisabled else {
                try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [hash])
                return nil
            }
            // Seen-times are kept to the minute: most requests then write nothing.
            if now.timeIntervalSince(lastSeen) >= 60 {
                try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", arguments: [now, hash])
            }
            return NewsroomSession(user: user, csrfToken: row["csrf_token"], createdAt: row["session_created_at"], lastSeenAt: now, expiresAt: expires)
        }
    }

    public func deleteSession(token: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [Self.tokenHash(token)])
        }
    }

    public func deleteSessions(userID: Int64) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID]) }
    }
}

extension SQLiteStore: LoginAttemptStore {
    public func recordFailedLogin(keys: [String], at: Date) async throws {
        try await pool.write { db in
            for key in keys {
                try db.execute(sql: "INSERT INTO login_failures (key, at) VALUES (?, ?)", arguments: [key, at])
            }
            try db.execute(sql: "DELETE FROM login_failures WHERE at < ?", arguments: [at.addingTimeInterval(-86_400)])
        }
    }

    public func failedLogins(key: String, since: Date) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failures WHERE key = ? AND at >= ?", arguments: [key, since]) ?? 0
        }
    }

    public func forgetFailedLogin(key: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM login_failures WHERE rowid = (SELECT rowid FROM login_failures WHERE key = ? AND at = ? LIMIT 1)",
                arguments: [key, at]
            )
        }
    }

    public func clearFailedLogins(key: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM login_failures WHERE key = ?", arguments: [key]) }
    }
}

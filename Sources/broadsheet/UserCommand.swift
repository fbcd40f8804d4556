import ArgumentParser
import BroadsheetCore
import BroadsheetStore
import BroadsheetWeb
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage newsroom accounts.",
        subcommands: [CreateUser.self, SetPassword.self]
    )

    struct CreateUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a newsroom account.",
            discussion: "The password is asked for at a prompt, or read from the first line of standard input when it is not a terminal."
        )

        @OptionGroup var options: StorageOptions
        @Option(help: "The account's email address, used to sign in.") var email: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "admin, editor, writer or contributor.") var role: String
        @Option(help: "Slug of the author profile that is this person (optional).") var author: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else { throw ValidationError("--role must be admin, editor, writer or contributor") }
        }

        func run() async throws {
            let configuration = try options.load()
            try await reportingErrors {
                let store = try openStore(configuration)
                var authorID: Int64?
                if let author {
                    guard let profile = try await store.author(slug: author) else { throw ExitMessage("there is no author profile \"\(author)\"") }
                    authorID = profile.id
                }
                let password = try readPassword(prompt: "Password for \(email): ")
                do {
                    let user = try await authenticator(store, configuration).createUser(
                        NewUser(email: email, name: name, role: Role(rawValue: role)!, authorID: authorID), password: password
                    )
                    print("Created \(user.role.label.lowercased()) account \(user.email).")
                } catch let error as AccountError {
                    throw ExitMessage(error.description)
                }
            }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set a newsroom account's password (and end its sessions)."
        )

        @OptionGroup var options: StorageOptions
        @Option(help: "The account's email address.") var email: String

        func run() async throws {
            let configuration = try options.load()
            try await reportingErrors {
                let store = try openStore(configuration)
                guard let found = try await store.credentials(email: email) else { throw ExitMessage("there is no account \(email)") }
                let password = try readPassword(prompt: "New password for \(email): ")
                do {
                    try await authenticator(store, configuration).setPassword(password, userID: found.user.id)
                    print("Password set for \(found.user.email); its sessions have ended.")
                } catch let error as AccountError {
                    throw ExitMessage(error.description)
                }
            }
        }
    }
}

private func authenticator(_ store: SQLiteStore, _ configuration: Configuration) -> Authenticator {
    Authenticator(
        users: store, sessions: store, attempts: store, hasher: BcryptPasswordHasher(cost: UInt8(configuration.bcryptCost)),
        clock: SystemClock(), rules: loginRules(configuration)
    )
}

/// Reads a password without echo at a terminal, or a line from standard input otherwise.
private func readPassword(prompt: String) throws -> String {
    if isatty(STDIN_FILENO) != 0 {
        guard let pointer = getpass(prompt) else { throw ExitMessage("no password given") }
        return String(cString: pointer)
    }
    guard let line = readLine(strippingNewline: true) else { throw ExitMessage("no password on standard input") }
    return line
}

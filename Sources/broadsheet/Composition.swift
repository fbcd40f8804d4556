import ArgumentParser
import BroadsheetCore
import BroadsheetMarkdown
import BroadsheetSanitizer
import BroadsheetStore
import BroadsheetWeb
import Foundation
import Logging

/// Opens and migrates the configured database (a failure is a `StoreOpeningError`, which `reportingErrors` prints).
func openStore(_ configuration: Configuration) throws -> SQLiteStore {
    let store = try SQLiteStore(path: configuration.databasePath, searchRankingWindow: configuration.searchRankingWindow)
    try store.migrate()
    return store
}

/// The newsroom's rules from the configuration.
func loginRules(_ configuration: Configuration) -> LoginRules {
    LoginRules(idleLimit: configuration.sessionIdleLimit, lifetime: configuration.sessionLifetime)
}

/// Everything the web application needs, wired to the SQLite store.
func webDependencies(store: SQLiteStore, configuration: Configuration, logger: Logger) -> WebDependencies {
    var dependencies = WebDependencies(
        articles: store, taxonomy: store, search: store, images: store, sitemaps: store,
        newsroom: NewsroomServices(
            users: store, sessions: store, attempts: store, hasher: BcryptPasswordHasher(cost: UInt8(configuration.bcryptCost)),
            stories: store, writer: store, taxonomyWriter: store, renderer: MarkdownRenderer(), cleaner: SanitizingBodyCleaner(), partners: store,
            loginRules: loginRules(configuration), uploadLimit: configuration.uploadLimitBytes
        ),
        logger: logger
    )
    dependencies.contentVersion = store
    dependencies.storyCards = store
    dependencies.searchIndex = store
    return dependencies
}

/// An error printed as it is, without a usage message, ending the command with status 1.
struct ExitMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension AsyncParsableCommand {
    /// Runs `body`, printing an `ExitMessage` or a database that cannot be opened, migrated or locked for its setup
    /// (`StoreOpeningError`) as "error: ..." and exiting 1.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitMessage {
            printError("error: \(error.description)")
            throw ExitCode.failure
        } catch let error as StoreOpeningError {
            printError("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}

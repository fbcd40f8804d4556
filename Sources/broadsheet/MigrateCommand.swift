import ArgumentParser
import BroadsheetStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema, then exit.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try options.load()
        try await reportingErrors {
            _ = try openStore(configuration)
            print("The database at \(configuration.databasePath) is up to date.")
        }
    }
}

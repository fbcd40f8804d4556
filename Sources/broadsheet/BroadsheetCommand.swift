import ArgumentParser

@main
struct BroadsheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Broadsheet, a news publishing system.",
        subcommands: [ServeCommand.self, MigrateCommand.self, SeedDemoCommand.self, SearchIndexCommand.self, UserCommand.self, SanitizeCommand.self, FeedCommand.self]
    )
}

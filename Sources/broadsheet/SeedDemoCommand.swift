import ArgumentParser
import BroadsheetCore
import BroadsheetDemo
import BroadsheetMarkdown
import BroadsheetStore
import Foundation

struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Fill an empty database with generated stories.",
        discussion: """
            Without --articles, writes the demo publication that `serve` creates on first start. With --articles N, writes \
            a deterministic benchmark corpus of N published stories: the same N give the same stories on every run.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "Number of stories of the benchmark corpus (1 to 5,000,000).")
    var articles: Int?

    @Option(help: "Seconds since 1970 at which the newest story is dated (default: now).")
    var anchor: Double?

    func validate() throws {
        if let articles, !(1...5_000_000).contains(articles) {
            throw ValidationError("--articles must be from 1 to 5000000")
        }
        if let anchor, !(0...4_102_444_800).contains(anchor) {
            throw ValidationError("--anchor must be a time from 1970 to 2100, in seconds since 1970")
        }
    }

    func run() async throws {
        let configuration = try options.load()
        try await reportingErrors {
            let store = try openStore(configuration)
            // Two seedings of one file at once: the second waits, then finds the database not empty.
            try await store.whileHoldingSetupLock { try await seed(store, configuration: configuration) }
        }
    }

    private func seed(_ store: SQLiteStore, configuration: Configuration) async throws {
        guard try await store.isEmpty() else {
            let stories = try await store.articleCount()
            throw ExitMessage("the database at \(configuration.databasePath) is not empty (\(stories) stories); seed a new file (--database)")
        }
        let seeder = DemoSeeder(store: store, renderer: MarkdownRenderer())
        let now = anchor.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let started = Date()
        let report: DemoSeeder.Report
        if let articles {
            report = try await seeder.seedBulk(count: articles, anchor: now) { stored in
                if stored % 10_000 == 0 || stored == articles {
                    let elapsed = Date().timeIntervalSince(started)
                    print("\(stored) stories stored (\(Int(Double(stored) / max(elapsed, 0.001))) per second)")
                }
            }
        } else {
            report = try await seeder.seedDemoPublication(now: now)
        }
        // A bulk load leaves the search index in many pieces: merge it, as after any large import.
        try await store.optimizeSearchIndex()
        let seconds = Date().timeIntervalSince(started)
        print("Seeded \(configuration.databasePath): \(report.sections) sections, \(report.authors) authors, \(report.stories) stories in \(String(format: "%.1f", seconds)) s")
    }
}

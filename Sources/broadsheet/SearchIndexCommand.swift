import ArgumentParser
import BroadsheetStore
import Foundation

struct SearchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-index",
        abstract: "Check or rebuild the full-text search index.",
        discussion: """
            The index follows every change by itself, and a server that runs jobs merges it when it has grown into many \
            pieces; rebuild it after restoring a database from elsewhere.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "Empty the index and build it again from the published stories.")
    var rebuild = false

    @Flag(help: "Check that the index is sound and holds exactly the published stories.")
    var check = false

    @Flag(help: "Merge the index into one piece now, in small steps (a server that runs jobs does this by itself).")
    var merge = false

    func validate() throws {
        guard rebuild || check || merge else { throw ValidationError("say what to do: --rebuild, --check, --merge, or several") }
    }

    func run() async throws {
        let configuration = try options.load()
        try await reportingErrors {
            let store = try openStore(configuration)
            if rebuild {
                let started = Date()
                try await store.rebuildSearchIndex()
                print(String(format: "Rebuilt the search index in %.1f s.", Date().timeIntervalSince(started)))
            }
            if merge {
                let started = Date()
                let pieces = try await store.searchIndexSegments()
                while try await store.mergeSearchIndex(pages: 1_000) {}
                print(String(format: "Merged the search index from %d pieces into %d in %.1f s.", pieces, try await store.searchIndexSegments(), Date().timeIntervalSince(started)))
            }
            if check {
                guard try await store.checkSearchIndex() else {
                    throw ExitMessage("the search index does not match the published stories; run search-index --rebuild")
                }
                print("The search index is sound and holds exactly the published stories.")
            }
        }
    }
}

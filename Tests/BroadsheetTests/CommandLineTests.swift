import BroadsheetCore
import BroadsheetStore
import BroadsheetWeb
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `broadsheet` executable, run as an operator runs it: a real process, a real file, real HTTP on loopback.
@Suite("The broadsheet command", .serialized)
struct CommandLineTests {
    struct Finished {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs the command to completion (at most `timeout` seconds) with a clean `BROADSHEET_*` environment.
    static func run(_ arguments: [String], in directory: TemporaryDirectory, input: String? = nil, timeout: TimeInterval = 120) async throws -> Finished {
        try await blocking { try runNow(arguments, in: directory, input: input, timeout: timeout) }
    }

    static func runNow(_ arguments: [String], in directory: TemporaryDirectory, input: String?, timeout: TimeInterval) throws -> Finished {
        let process = Process()
        process.executableURL = try RunningServer.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        process.environment = RunningServer.cleanEnvironment()
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    static func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("serve on a fresh directory creates the database, fills it with the demo publication and serves it")
    func serveFromScratch() async throws {
        let directory = try TemporaryDirectory()
        let server = try await RunningServer.start(in: directory)
        defer { server.stop() }
        let address = server.baseURL
        #expect(server.startupLog.contains("Created the demo publication"))
        // Set before SQLite starts, or readers in parallel queue on SQLite's process-wide allocation counter.
        #expect(server.startupLog.contains("(SQLite 3."), "\(server.startupLog)")
        #expect(server.startupLog.contains("allocation statistics off"), "\(server.startupLog)")
        #if canImport(Glibc)
        // glibc's malloc arenas are limited to two per core (the server's environment leaves out MALLOC_ARENA_MAX).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(server.startupLog.contains("malloc arenas: at most \(2 * cores), two per core"), "\(server.startupLog)")
        #endif
        #expect(server.startupLog.contains("Demo newsroom accounts (shown once"))
        for role in Role.allCases {
            #expect(server.startupLog.firstMatch(of: try Regex("\(role.rawValue)@[a-z.-]+  [a-z0-9]{5}(-[a-z0-9]{5}){3}")) != nil, "\(role)")
        }
        #expect(FileManager.default.fileExists(atPath: directory.path("broadsheet.sqlite")))

        let (status, front) = try await Self.get(address + "/")
        #expect(status == 200)
        #expect(front.contains("The Eastmere Gazette"))
        #expect(front.contains(#"href="\#(address)/rss.xml""#), "with --port 0 the default base URL follows the port actually bound")
        let articlePath = try #require(front.firstMatch(of: /href="(\/20[0-9]{2}\/[0-9]{2}\/[0-9]{2}\/[a-z0-9-]+)"/).map { String($0.1) })
        let (articleStatus, article) = try await Self.get(address + articlePath)
        #expect(articleStatus == 200)
        #expect(article.contains(#"<h1 class="headline">"#))
        #expect(article.contains("Larger text"))
        let (feedStatus, rss) = try await Self.get(address + "/rss.xml")
        #expect(feedStatus == 200)
        #expect(try #require(FeedReader.parse(rss)).items.count == 20, "the default feed length")

        // The demo publication as the issue describes it.
        let store = try SQLiteStore(path: directory.path("broadsheet.sqlite"))
        #expect(try await store.sections().count >= 4)
        let page = PageRequest(number: 1, size: 100)!
        let published = try await store.publishedArticles(.all, page: page).items
        #expect(published.count == 60)
        #expect(published.contains { $0.leadImage != nil })
        #expect(published.contains { $0.source != nil })
        #expect(published.contains { $0.visibleUpdate != nil })
        #expect(Set(published.flatMap(\.authors).map(\.slug)).count >= 6)
        #expect(try await store.articleCount() > published.count, "the demo also has drafts and scheduled stories")

        // The server renders every published story's card in the background and keeps it (bounded wait).
        var missing = try await store.storiesWithoutCards(limit: 100, below: nil).stories.count
        for _ in 0..<100 where missing > 0 {
            try await Task.sleep(for: .milliseconds(100))
            missing = try await store.storiesWithoutCards(limit: 100, below: nil).stories.count
        }
        #expect(missing == 0)
        let listed = try await store.readSnapshot { try $0.listedStories([ArticleListRequest(.all, page: page)])[0].items }
        #expect(!listed.isEmpty && listed.allSatisfy { if case .kept = $0.shown { true } else { false } })
    }

    #if canImport(Glibc)
    @Test("the malloc arena limit gives way to the operator's own: MALLOC_ARENA_MAX (a positive number, as glibc reads it) or glibc's tunable")
    func mallocArenaOverride() async throws {
        let directory = try TemporaryDirectory()
        let ours = "malloc arenas: at most \(2 * ProcessInfo.processInfo.activeProcessorCount), two per core"
        let theirs = "malloc arenas: as MALLOC_ARENA_MAX or GLIBC_TUNABLES set them"
        let cases: [([String: String], String)] = [
            (["MALLOC_ARENA_MAX": "3"], theirs),
            (["GLIBC_TUNABLES": "glibc.malloc.tcache_count=0:glibc.malloc.arena_max=3"], theirs),
            // glibc ignores these, so the server's limit stands.
            (["MALLOC_ARENA_MAX": "0"], ours),
            (["MALLOC_ARENA_MAX": "many"], ours),
            (["GLIBC_TUNABLES": "glibc.malloc.tcache_count=0"], ours),
        ]
        for (environment, expected) in cases {
            let server = try await RunningServer.start(
                arguments: ["--database", "arenas.sqlite", "--demo", "false", "--jobs", "false"], environment: environment, in: directory
            )
            server.stop()
            #expect(server.startupLog.contains(expected), "\(environment): \(server.startupLog)")
        }
    }
    #endif

    @Test("an invalid setting stops start-up with a message naming it")
    func invalidSetting() async throws {
        let directory = try TemporaryDirectory()
        let result = try await Self.run(["serve", "--port", "eighty"], in: directory)
        #expect(result.status != 0)
        #expect(result.errors.contains("--port / BROADSHEET_PORT"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("broadsheet.sqlite")))
    }

    @Test("a database path that cannot be created stops start-up with a clear message")
    func unwritableDatabase() async throws {
        let directory = try TemporaryDirectory()
        let result = try await Self.run(["serve", "--database", directory.path("missing/dir/site.sqlite")], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("error: cannot use the database at"))
        #expect(result.errors.contains("does not exist"))
    }

    @Test("migrate creates the schema and exits")
    func migrate() async throws {
        let directory = try TemporaryDirectory()
        let result = try await Self.run(["migrate", "--database", "m.sqlite"], in: directory)
        #expect(result.status == 0)
        #expect(try !SQLiteStore(path: directory.path("m.sqlite")).needsMigration())
    }

    @Test("several processes started together on one new file all migrate it, one after another, without an error")
    func concurrentMigrations() async throws {
        let directory = try TemporaryDirectory()
        // Each round a new file: the race, when there was one, did not show every time.
        for round in 0..<3 {
            let name = "together-\(round).sqlite"
            let results = try await withThrowingTaskGroup(of: Finished.self) { group in
                for _ in 0..<4 { group.addTask { try await Self.run(["migrate", "--database", name], in: directory) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for result in results { #expect(result.status == 0, "round \(round): \(result.errors)") }
            let store = try SQLiteStore(path: directory.path(name))
            #expect(try !store.needsMigration())
            #expect(FileManager.default.fileExists(atPath: store.setupLockPath))
        }
    }

    @Test("a setup lock that cannot be opened stops migrate and seed-demo with a message naming it, and nothing is written")
    func unopenableSetupLock() async throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("l.sqlite-setup.lock"), withIntermediateDirectories: false)
        let result = try await Self.run(["migrate", "--database", "l.sqlite"], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("error: cannot use the database at l.sqlite: cannot open the setup lock l.sqlite-setup.lock"), "\(result.errors)")
        #expect(try SQLiteStore(path: directory.path("l.sqlite")).needsMigration())

        // On a database already migrated, seeding is what takes the lock.
        try FileManager.default.removeItem(atPath: directory.path("l.sqlite-setup.lock"))
        #expect(try await Self.run(["migrate", "--database", "l.sqlite"], in: directory).status == 0)
        try FileManager.default.removeItem(atPath: directory.path("l.sqlite-setup.lock"))
        try FileManager.default.createDirectory(atPath: directory.path("l.sqlite-setup.lock"), withIntermediateDirectories: false)
        let seeding = try await Self.run(["seed-demo", "--database", "l.sqlite"], in: directory)
        #expect(seeding.status == 1)
        #expect(seeding.errors.contains("error: cannot use the database at l.sqlite: cannot open the setup lock"), "\(seeding.errors)")
        #expect(try await SQLiteStore(path: directory.path("l.sqlite")).isEmpty())
    }

    @Test("three servers started together on a new database: one creates the demo publication, all three serve it")
    func serversStartedTogether() async throws {
        let directory = try TemporaryDirectory()
        // Migrated beforehand, so that the three reach the demo content together rather than one after another.
        #expect(try await Self.run(["migrate"], in: directory).status == 0)
        let servers = try await withThrowingTaskGroup(of: RunningServer.self) { group in
            for _ in 0..<3 { group.addTask { try await RunningServer.start(in: directory) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer { for server in servers { server.stop() } }
        #expect(servers.count { $0.startupLog.contains("Created the demo publication") } == 1, "\(servers.map(\.startupLog))")
        #expect(servers.count { $0.startupLog.contains("Demo newsroom accounts (shown once") } == 1)
        let store = try SQLiteStore(path: directory.path("broadsheet.sqlite"))
        #expect(try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 100)!).items.count == 60, "one demo publication, not two")
        #expect(try await store.userCount() == Role.allCases.count)
        for server in servers {
            let (status, front) = try await Self.get(server.baseURL + "/")
            #expect(status == 200 && front.contains("The Eastmere Gazette"))
        }
    }

    @Test("an account made before the first start: serve still creates the demo publication, and no demo accounts")
    func accountBeforeDemo() async throws {
        let directory = try TemporaryDirectory()
        let made = try await Self.run(
            ["user", "create", "--email", "first@example.test", "--name", "First", "--role", "admin", "--bcrypt-cost", "4"],
            in: directory, input: "a-long-password\n"
        )
        #expect(made.status == 0, "\(made.errors)")
        let server = try await RunningServer.start(in: directory)
        defer { server.stop() }
        #expect(server.startupLog.contains("Created the demo publication"), "\(server.startupLog)")
        #expect(!server.startupLog.contains("Demo newsroom accounts"))
        let store = try SQLiteStore(path: directory.path("broadsheet.sqlite"))
        #expect(try await store.userCount() == 1)
        #expect(try await store.articleCount() > 0)
    }

    @Test("seed-demo --articles N writes the same deterministic corpus every time, and refuses a database that has stories")
    func seedDemo() async throws {
        let directory = try TemporaryDirectory()
        for name in ["a.sqlite", "b.sqlite"] {
            let result = try await Self.run(["seed-demo", "--articles", "1500", "--anchor", "1795176000", "--database", name], in: directory)
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("1500 stories"))
        }
        let page = PageRequest(number: 1, size: 100)!
        let a = try await SQLiteStore(path: directory.path("a.sqlite")).publishedArticles(.all, page: page).items
        let b = try await SQLiteStore(path: directory.path("b.sqlite")).publishedArticles(.all, page: page).items
        #expect(a.count == 100)
        #expect(a.map(\.slug) == b.map(\.slug))
        #expect(a.map(\.headline) == b.map(\.headline))
        #expect(a.map(\.publishedAt) == b.map(\.publishedAt))
        #expect(try await SQLiteStore(path: directory.path("a.sqlite")).articleCount() == 1500)
        #expect(try await SQLiteStore(path: directory.path("a.sqlite")).searchIndexSegments() == 1, "a bulk load ends with its index merged")

        // Operators can merge it too, and check it after.
        let merged = try await Self.run(["search-index", "--merge", "--check", "--database", "a.sqlite"], in: directory)
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(merged.output.contains("Merged the search index from 1 pieces into 1"), "\(merged.output)")
        #expect(merged.output.contains("The search index is sound"))
        let nothing = try await Self.run(["search-index", "--database", "a.sqlite"], in: directory)
        #expect(nothing.status != 0)
        #expect(nothing.errors.contains("--rebuild, --check, --merge"))

        let again = try await Self.run(["seed-demo", "--articles", "10", "--database", "a.sqlite"], in: directory)
        #expect(again.status == 1)
        #expect(again.errors.contains("is not empty (1500 stories)"))
    }

    @Test("--search-ranking-window reaches the store: with a window of one page, the best matches are the newest matches")
    func searchRankingWindow() async throws {
        let directory = try TemporaryDirectory()
        let seeded = try await Self.run(["seed-demo", "--articles", "300", "--anchor", "1795176000"], in: directory)
        #expect(seeded.status == 0, "\(seeded.errors)")
        /// The ids on the first page of `/api/search` for a word most stories have.
        func firstPage(_ server: RunningServer, sort: String) async throws -> Set<Int64> {
            struct Results: Decodable {
                struct Hit: Decodable { let id: Int64 }
                let hits: [Hit]
            }
            let (status, body) = try await Self.get("\(server.baseURL)/api/search?q=council&sort=\(sort)")
            #expect(status == 200, "\(body)")
            return Set(try JSONDecoder().decode(Results.self, from: Data(body.utf8)).hits.map(\.id))
        }
        for (window, rankedIsNewest) in [("10", true), ("500", false)] {
            let server = try await RunningServer.start(arguments: ["--demo", "false", "--jobs", "false", "--search-ranking-window", window], in: directory)
            defer { server.stop() }
            let newest = try await firstPage(server, sort: "date"), ranked = try await firstPage(server, sort: "relevance")
            #expect(newest.count == 10)
            #expect((ranked == newest) == rankedIsNewest, "window \(window)")
        }
        let refused = try await Self.run(["serve", "--search-ranking-window", "5"], in: directory)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--search-ranking-window / BROADSHEET_SEARCH_RANKING_WINDOW"), "\(refused.errors)")
    }

    @Test("user create reads the password from standard input, hashes it, and refuses bad input with a clear message")
    func userCreate() async throws {
        let directory = try TemporaryDirectory()
        let ok = try await Self.run(
            ["user", "create", "--database", "u.sqlite", "--email", "Ed@Example.test", "--name", "Ed Itor", "--role", "editor", "--bcrypt-cost", "4"],
            in: directory, input: "a-long-password\n"
        )
        #expect(ok.status == 0, "\(ok.errors)")
        #expect(ok.output.contains("Created editor account Ed@Example.test."))
        let store = try SQLiteStore(path: directory.path("u.sqlite"))
        let found = try #require(try await store.credentials(email: "ed@example.test"))
        #expect(found.user.role == .editor)
        #expect(found.passwordHash.hasPrefix("$2"), "stored as a bcrypt hash, not the password")
        #expect(await BcryptPasswordHasher(cost: 4).verify("a-long-password", against: found.passwordHash))

        let again = try await Self.run(["user", "create", "--database", "u.sqlite", "--email", "ed@example.test", "--name", "Ed", "--role", "writer", "--bcrypt-cost", "4"], in: directory, input: "another-password\n")
        #expect(again.status == 1)
        #expect(again.errors.contains("already exists"))
        let short = try await Self.run(["user", "create", "--database", "u.sqlite", "--email", "x@example.test", "--name", "X", "--role", "writer", "--bcrypt-cost", "4"], in: directory, input: "short\n")
        #expect(short.status == 1)
        #expect(short.errors.contains("Passwords need 10 to 200 characters."))
        let role = try await Self.run(["user", "create", "--database", "u.sqlite", "--email", "y@example.test", "--name", "Y", "--role", "boss"], in: directory, input: "a-long-password\n")
        #expect(role.status != 0)
        #expect(role.errors.contains("--role must be admin, editor, writer or contributor"))
        #expect(try await store.userCount() == 1)
    }
}

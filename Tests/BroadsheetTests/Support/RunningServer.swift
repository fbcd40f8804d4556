import Foundation

/// The real `broadsheet` executable, started as an operator starts it, in a directory of its own.
final class RunningServer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    /// "http://127.0.0.1:PORT", read from the server's log.
    let baseURL: String
    /// What the server logged up to the line naming its address.
    let startupLog: String

    /// The executable built next to the test bundle.
    static var executable: URL {
        get throws {
            let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for candidate in [directory, directory.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("broadsheet")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            throw Failure(description: "the broadsheet executable was not found next to \(CommandLine.arguments[0]); build it with swift build")
        }
    }

    /// The tests' own environment without the settings a command reads (`BROADSHEET_*`, glibc's `MALLOC_ARENA_MAX`),
    /// so that what a test passes is all the command sees; then `adding`.
    static func cleanEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BROADSHEET_") && $0.key != "MALLOC_ARENA_MAX" }
            .merging(extra) { _, given in given }
    }

    /// `init` off the Swift concurrency threads.
    static func start(arguments: [String] = [], environment: [String: String] = [:], in directory: TemporaryDirectory) async throws -> RunningServer {
        try await blocking { try RunningServer(arguments: arguments, environment: environment, in: directory) }
    }

    /// Starts `broadsheet serve --port 0 ARGUMENTS` in `directory`, with `environment` added to a clean one, and waits
    /// (at most 60 s) until it listens.
    init(arguments: [String] = [], environment: [String: String] = [:], in directory: TemporaryDirectory) throws {
        process = Process()
        process.executableURL = try Self.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory.url
        process.environment = Self.cleanEnvironment(adding: environment)
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()

        var text = ""
        var base: String?
        let deadline = Date().addingTimeInterval(60)
        let handle = log.fileHandleForReading
        while base == nil, Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            base = text.firstMatch(of: /on (http:\/\/127\.0\.0\.1:[0-9]+)\//).map { String($0.1) }
        }
        startupLog = text
        guard let base else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw Failure(description: "the server did not say where it listens; its log:\n\(text)")
        }
        baseURL = base
        // Keep draining the log so that the server never blocks on a full pipe.
        DispatchQueue.global().async { while !handle.availableData.isEmpty {} }
    }

    func stop() {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
    }

    deinit { stop() }
}

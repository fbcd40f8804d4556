import Foundation
import Testing

/// The page's behaviour in a real browser: Debian's chromium driven by Selenium (`Tests/Browser/*.py`).
/// CI installs both; on a machine without them these tests are reported as skipped, not passed.
@Suite("In a real browser", .serialized)
struct BrowserTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser")

    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        else { return false }
        return (try? python(["-c", "import selenium"]).status) == 0
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("text size controls work with and without JavaScript, persist, and scale with the browser's font setting",
          .enabled(if: BrowserTests.available, "needs chromium, chromedriver and python3-selenium"))
    func textSize() async throws {
        let directory = try TemporaryDirectory()
        let server = try await RunningServer.start(in: directory)
        defer { server.stop() }
        let (data, _) = try await URLSession.shared.data(from: URL(string: server.baseURL + "/")!)
        let front = String(decoding: data, as: UTF8.self)
        let article = try #require(front.firstMatch(of: /href="(\/20[0-9]{2}\/[0-9]{2}\/[0-9]{2}\/[a-z0-9-]+)"/).map { String($0.1) })
        let scripts = Self.scripts, base = server.baseURL
        let result = try await blocking { try Self.python([scripts.appendingPathComponent("text_size.py").path, base, article]) }
        #expect(result.status == 0, "\(result.output)")
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

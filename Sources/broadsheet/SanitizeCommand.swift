import ArgumentParser
import BroadsheetSanitizer
import Foundation

/// `broadsheet sanitize`: HTML on standard input, the sanitized HTML on standard output.
struct SanitizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanitize",
        abstract: "Clean untrusted HTML read from standard input, as imports do, and write it to standard output."
    )

    @Option(help: "The address the HTML came from, to resolve relative links and pictures against.")
    var base: String?

    @Option(help: "Refuse input larger than this many megabytes.")
    var limitMb: Int = 10

    func run() throws {
        var baseURL: URL?
        if let base {
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--base must be an http or https address")
            }
            baseURL = url
        }
        var input = Data()
        while let chunk = try FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty {
            input.append(chunk)
            if input.count > limitMb * 1_048_576 { throw ExitMessage("the input is larger than \(limitMb) MB; nothing was written") }
        }
        // Bytes that are not UTF-8 are read as Windows-1252, the usual mislabelled encoding.
        let html = String(data: input, encoding: .utf8) ?? String(data: input, encoding: .windowsCP1252) ?? String(decoding: input, as: UTF8.self)
        FileHandle.standardOutput.write(Data(HTMLSanitizer().sanitize(html, base: baseURL).utf8))
    }
}

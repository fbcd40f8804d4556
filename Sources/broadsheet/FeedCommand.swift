import ArgumentParser
import BroadsheetCore
import BroadsheetFeeds
import BroadsheetSanitizer
import Foundation

/// `broadsheet feed ...`: feed tools.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Feed tools.", subcommands: [FeedParseCommand.self]
    )
}

/// `broadsheet feed parse FILE...`: each file's feed as one line of JSON, as intake reads it.
struct FeedParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read feed files (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) and print one JSON object per file.",
        discussion: "Dates are ISO 8601 in UTC; content_html and summary are sanitized as imports store them. A file that is not a usable feed prints {\"file\", \"error\"}, and the command exits with status 1."
    )

    @Argument(help: "Feed files.")
    var files: [String]

    @Option(help: "The address the files were fetched from, to resolve relative links against.")
    var url: String?

    func run() throws {
        let base = url.flatMap(URL.init(string:))
        let sanitizer = HTMLSanitizer()
        var failed = false
        for file in files {
            var object: [String: Any] = ["file": file]
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let feed = try FeedParser.parse(data, url: base)
                object.merge(Self.json(feed, sanitizer: sanitizer)) { $1 }
            } catch let error as FeedParsingError {
                object["error"] = error.description
                failed = true
            } catch {
                object["error"] = "could not read the file: \(error.localizedDescription)"
                failed = true
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
        if failed { throw ExitCode(1) }
    }

    static func json(_ feed: ParsedFeed, sanitizer: HTMLSanitizer) -> [String: Any] {
        func date(_ date: Date?) -> Any { date.map(InternetDate.rfc3339) ?? NSNull() }
        func optional(_ text: String?) -> Any { text ?? NSNull() }
        return [
            "format": feed.format, "title": feed.title, "link": optional(feed.link), "description": feed.description,
            "language": optional(feed.language), "updated": date(feed.updated), "warnings": feed.warnings,
            "items": feed.items.map { item -> [String: Any] in
                let base = (item.base ?? item.link ?? feed.link).flatMap(URL.init(string:))
                return [
                    "id": optional(item.id), "title": item.title, "link": optional(item.link), "published": date(item.published),
                    "updated": date(item.updated),
                    "authors": item.authors.map { ["name": optional($0.name), "email": optional($0.email), "url": optional($0.url)] },
                    "categories": item.categories,
                    "summary": sanitizer.sanitize(item.summaryHTML, base: base),
                    "content_html": sanitizer.sanitize(item.contentHTML, base: base),
                    "enclosures": item.enclosures.map { ["url": $0.url, "type": optional($0.type), "length": $0.length.map { $0 as Any } ?? NSNull()] },
                ]
            },
        ]
    }
}

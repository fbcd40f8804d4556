import ArgumentParser
import BroadsheetCore
import BroadsheetFeeds
import BroadsheetFetch
import BroadsheetStore
import BroadsheetSanitizer
import Foundation

/// `broadsheet feed ...`: feed tools.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Feed tools: parse files, manage partners, poll partners' feeds.",
        subcommands: [FeedParseCommand.self, FeedPollCommand.self, FeedPartnerCommand.self]
    )
}

/// The address rules for fetching partner feeds from the command line's flags.
struct FetchOptions: ParsableArguments {
    @Flag(name: .customLong("allow-loopback-feeds"), help: "Allow feed addresses on this machine (127.0.0.0/8, ::1), for testing.")
    var allowLoopback = false

    @Flag(name: .customLong("allow-private-feeds"), help: "Allow feed addresses in private and link-local networks.")
    var allowPrivate = false

    var policy: AddressPolicy { AddressPolicy(allowsLoopback: allowLoopback, allowsPrivate: allowPrivate) }
}

/// `broadsheet feed poll`: takes in partners' feeds.
struct FeedPollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll partners' feeds and take in new and updated stories.",
        discussion: "Without --once, keeps polling each partner when it is due until stopped. Each partner's outcome is printed on one line; with --once the command exits with status 1 if any poll failed."
    )

    @OptionGroup var options: ConfigurationOptions
    @OptionGroup var fetch: FetchOptions

    @Flag(help: "Poll every partner once, due or not, then stop.")
    var once = false

    @Option(help: "Poll only this partner (its number in the newsroom).")
    var partner: Int64?

    func run() async throws {
        let configuration = try options.load()
        try await reportingErrors {
            let store = try openStore(configuration)
            let fetcher = HTTPFeedFetcher(policy: fetch.policy)
            let intake = FeedIntake(
                store: store, taxonomy: store, fetcher: fetcher, reader: IncomingFeedReader(),
                cleaner: SanitizingBodyCleaner(), clock: SystemClock()
            )
            var failed = false
            do {
                repeat {
                    var reports: [PollReport] = []
                    if let partner {
                        guard let found = try await store.partner(id: partner) else { throw ExitMessage("there is no partner \(partner)") }
                        reports = [try await intake.poll(found)]
                    } else {
                        reports = try await intake.pollDue(force: once)
                    }
                    for report in reports {
                        print(report.description)
                        if report.result == "failed" { failed = true }
                    }
                    if !once { try await Task.sleep(for: .seconds(15)) }
                } while !once
            } catch {
                try? await fetcher.shutdown()
                throw error
            }
            try await fetcher.shutdown()
            if failed { throw ExitCode(1) }
        }
    }
}

/// `broadsheet feed partner`: adds or lists partner outlets (the newsroom does the same).
struct FeedPartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "List partners, or add one with --name, --homepage and --feed-url."
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "The outlet's name, as credited.") var name: String?
    @Option(help: "The outlet's homepage.") var homepage: String?
    @Option(name: .customLong("feed-url"), help: "The feed to take stories from.") var feedURL: String?
    @Option(help: "draft (stories wait for an editor) or publish.") var mode: String = "draft"
    @Option(name: .customLong("section-id"), help: "The section stories go to (default: the first).") var sectionID: Int64?
    @Option(name: .customLong("interval"), help: "Seconds between polls (60 to 86400).") var interval: Int = 900
    @Option(name: .customLong("licence"), help: "The licence or usage terms agreed.") var licence: String = ""

    func run() async throws {
        let configuration = try options.load()
        try await reportingErrors {
            let store = try openStore(configuration)
            guard let name else {
                for partner in try await store.partners() {
                    let status = partner.status.lastError.map { "failing: \($0)" } ?? partner.status.lastSuccessAt.map { "ok at \(InternetDate.rfc3339($0))" } ?? "never polled"
                    print("\(partner.id)\t\(partner.name)\t\(partner.feedURL?.absoluteString ?? "-")\t\(partner.intake.mode.rawValue)\t\(status)")
                }
                return
            }
            guard let mode = IntakeSettings.Mode(rawValue: mode) else { throw ExitMessage("--mode is draft or publish") }
            guard let homepage = homepage.flatMap(URL.init(string:)) else { throw ExitMessage("--homepage needs an http or https address") }
            let feed = try feedURL.map { text -> URL in
                guard let url = URL(string: text) else { throw ExitMessage("--feed-url is not an address") }
                return url
            }
            let partner: Partner
            do {
                partner = try await store.createPartner(NewPartner(
                    name: name, homepage: homepage, feedURL: feed,
                    intake: IntakeSettings(defaultSectionID: sectionID, licenceNote: licence, mode: mode, pollInterval: TimeInterval(interval))
                ))
            } catch let error as PublicationWriteError {
                throw ExitMessage(error.description)
            }
            print("Added partner \(partner.id): \(partner.name)")
        }
    }
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

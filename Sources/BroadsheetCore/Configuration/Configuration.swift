import Foundation

/// Everything an operator can set, read once at start-up and passed down. Build it with `Configuration.load`.
public struct Configuration: Sendable, Equatable {
    /// Address the server listens on.
    public var host: String
    /// Port the server listens on; 0 asks the system for a free one.
    public var port: Int
    /// The SQLite database file.
    public var databasePath: String
    /// The public address of the site, used for absolute links in feeds and canonical URLs. No trailing slash.
    public var baseURL: URL
    public var publicationName: String
    public var tagline: String
    /// BCP 47 language tag of the publication, e.g. "en-GB".
    public var language: String
    /// Times are shown to readers in this zone.
    public var timeZone: TimeZone
    public var contactEmail: String
    /// Whether an empty database is filled with the demo publication at start-up.
    public var seedsDemoContent: Bool
    /// bcrypt's work factor for newsroom passwords.
    public var bcryptCost: Int
    /// The largest image upload accepted, in bytes.
    public var uploadLimitBytes: Int
    /// How long a newsroom session may sit unused, and how long it may last at all.
    public var sessionIdleLimit: TimeInterval
    public var sessionLifetime: TimeInterval
    /// Whether this server runs background jobs (publishing scheduled stories, polling partners, merging the search index).
    public var runsJobs: Bool
    /// Addresses of reverse proxies or load balancers whose X-Forwarded-For header gives the client's address.
    public var trustedProxies: [String]
    /// Stories in each feed.
    public var feedItems: Int
    /// How long browsers and shared caches may keep pages and feeds, in seconds.
    public var cacheMaxAge: Int
    /// Memory for the page cache of anonymous readers' pages, in bytes; 0 turns it off.
    public var pageCacheBytes: Int = 24 * 1_048_576
    /// How many of a search's newest matches are ranked by relevance ("best match"); older matches follow, newest first.
    /// A wider window ranks further back and costs more per search.
    public var searchRankingWindow: Int = 500
    /// A WebSub hub advertised in every feed and told about every change.
    public var websubHub: URL?

    /// The defaults, as a newcomer gets them from `swift run broadsheet serve`.
    public static let defaults = try! Configuration.load(settings: [:], environment: [:])

    /// The site's base URL as a string without a trailing slash, for joining with paths.
    public var baseURLString: String { baseURL.absoluteString }
}

extension Configuration {
    /// One setting: its command-line flag, environment variable, default and meaning.
    public enum Setting: String, CaseIterable, Sendable {
        case host
        case port
        case database
        case baseURL = "base-url"
        case name
        case tagline
        case language
        case timeZone = "time-zone"
        case contactEmail = "contact-email"
        case demo
        case bcryptCost = "bcrypt-cost"
        case uploadLimit = "upload-limit-mb"
        case sessionIdle = "session-idle-minutes"
        case sessionLifetime = "session-lifetime-hours"
        case jobs
        case trustedProxies = "trusted-proxies"
        case feedItems = "feed-items"
        case cacheMaxAge = "cache-max-age"
        case pageCache = "page-cache-mb"
        case websubHub = "websub-hub"
        case searchRankingWindow = "search-ranking-window"

        public var flag: String { "--\(rawValue)" }
        public var environmentVariable: String { "BROADSHEET_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

        public var defaultValue: String? {
            switch self {
            case .host: "127.0.0.1"
            case .port: "8080"
            case .database: "broadsheet.sqlite"
            case .baseURL: nil  // derived from host and port
            case .name: "The Eastmere Gazette"
            case .tagline: "Independent news from the valley and beyond"
            case .language: "en-GB"
            case .timeZone: "Europe/London"
            case .contactEmail: "newsroom@eastmere-gazette.example"
            case .demo: "true"
            case .bcryptCost: "12"
            case .uploadLimit: "10"
            case .sessionIdle: "240"
            case .sessionLifetime: "168"
            case .jobs: "true"
            case .trustedProxies: ""
            case .feedItems: "20"
            case .cacheMaxAge: "60"
            case .pageCache: "24"
            case .websubHub: ""
            case .searchRankingWindow: "500"
            }
        }

        public var help: String {
            switch self {
            case .host: "Address to listen on."
            case .port: "Port to listen on (0 picks a free one)."
            case .database: "Path of the SQLite database file; created if missing."
            case .baseURL: "Public address of the site, e.g. https://news.example.com (default: http://HOST:PORT)."
            case .name: "The publication's name, shown in every page's header."
            case .tagline: "The line under the publication's name."
            case .language: "The publication's language, as a BCP 47 tag."
            case .timeZone: "Time zone in which times are shown to readers (IANA name)."
            case .contactEmail: "Address shown on the contact page."
            case .demo: "Fill an empty database with the demo publication (true or false)."
            case .bcryptCost: "bcrypt work factor for newsroom passwords (4 to 16; each step doubles the time)."
            case .uploadLimit: "Largest image upload, in megabytes (1 to 100)."
            case .sessionIdle: "Minutes a newsroom session may sit unused before it ends."
            case .sessionLifetime: "Hours a newsroom session lasts at most."
            case .jobs: "Run background jobs on this server: scheduled publication, partner feed polling, search index upkeep (true or false)."
            case .trustedProxies: "Comma-separated addresses of proxies whose X-Forwarded-For names the client (default: none)."
            case .feedItems: "Stories in each feed (1 to 100)."
            case .cacheMaxAge: "Seconds browsers and caches may keep pages and feeds (0 to 86400)."
            case .pageCache: "Megabytes of memory for cached pages of anonymous readers (0 turns the cache off; up to 4096)."
            case .websubHub: "WebSub hub to advertise in feeds and ping on every change (default: none)."
            case .searchRankingWindow: "Newest matches of a search ranked by relevance (10 to 10000); older ones follow, newest first. Wider costs more per search."
            }
        }

        /// How the setting is named in error messages: both ways of giving it.
        public var displayName: String { "\(flag) / \(environmentVariable)" }
    }

    /// A setting whose value cannot be used; start-up stops with this message.
    public struct InvalidSetting: Error, Sendable, Equatable, CustomStringConvertible {
        public var setting: Setting
        public var value: String
        public var reason: String

        public var description: String { "invalid value \"\(value)\" for \(setting.displayName): \(reason)" }
    }

    /// Builds the configuration from flags first, then `BROADSHEET_*` environment variables, then defaults,
    /// and validates every value.
    public static func load(settings flags: [Setting: String], environment: [String: String]) throws(InvalidSetting) -> Configuration {
        func raw(_ setting: Setting) -> String? {
            flags[setting] ?? environment[setting.environmentVariable] ?? setting.defaultValue
        }
        func value(_ setting: Setting) -> String { raw(setting) ?? "" }
        func invalid(_ setting: Setting, _ reason: String) -> InvalidSetting {
            InvalidSetting(setting: setting, value: value(setting), reason: reason)
        }

        let host = value(.host).trimmingCharacters(in: .whitespaces)
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw invalid(.host, "expected a host name or IP address")
        }
        guard let port = Int(value(.port)), (0...65_535).contains(port) else {
            throw invalid(.port, "expected a whole number from 0 to 65535")
        }
        let databasePath = value(.database)
        guard !databasePath.trimmingCharacters(in: .whitespaces).isEmpty, !databasePath.contains("\0") else {
            throw invalid(.database, "expected a file path")
        }
        let baseURL: URL
        if let given = raw(.baseURL) {
            var trimmed = given.trimmingCharacters(in: .whitespaces)
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let urlHost = url.host, !urlHost.isEmpty, url.query == nil, url.fragment == nil
            else {
                throw invalid(.baseURL, "expected an absolute http or https address without query or fragment")
            }
            baseURL = url
        } else {
            let visibleHost = ["0.0.0.0", "::", "[::]"].contains(host) ? "127.0.0.1" : host
            let hostPart = visibleHost.contains(":") && !visibleHost.hasPrefix("[") ? "[\(visibleHost)]" : visibleHost
            guard let url = URL(string: "http://\(hostPart):\(port)") else {
                throw invalid(.host, "cannot form a base URL from it; set \(Setting.baseURL.displayName)")
            }
            baseURL = url
        }
        let name = value(.name).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { throw invalid(.name, "expected 1 to 100 characters") }
        let tagline = value(.tagline).trimmingCharacters(in: .whitespacesAndNewlines)
        guard tagline.count <= 200 else { throw invalid(.tagline, "expected at most 200 characters") }
        let language = value(.language)
        guard isLanguageTag(language) else { throw invalid(.language, "expected a language tag such as en or en-GB") }
        guard let timeZone = TimeZone(identifier: value(.timeZone)) else {
            throw invalid(.timeZone, "expected an IANA time zone name such as Europe/London or UTC")
        }
        let contactEmail = value(.contactEmail)
        guard contactEmail.contains("@"), !contactEmail.contains(where: { $0.isWhitespace }) else {
            throw invalid(.contactEmail, "expected an email address")
        }
        func flag(_ setting: Setting) throws(InvalidSetting) -> Bool {
            switch value(setting).lowercased() {
            case "true", "yes", "1", "on": return true
            case "false", "no", "0", "off": return false
            default: throw invalid(setting, "expected true or false")
            }
        }
        func hub() throws(InvalidSetting) -> URL? {
            let text = value(.websubHub).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host.map({ !$0.isEmpty }) == true else {
                throw invalid(.websubHub, "expected an http or https address")
            }
            return url
        }
        func number(_ setting: Setting, _ range: ClosedRange<Int>) throws(InvalidSetting) -> Int {
            guard let number = Int(value(setting)), range.contains(number) else {
                throw invalid(setting, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        var configuration = Configuration(
            host: host, port: port, databasePath: databasePath, baseURL: baseURL, publicationName: name,
            tagline: tagline, language: language, timeZone: timeZone, contactEmail: contactEmail, seedsDemoContent: try flag(.demo),
            bcryptCost: try number(.bcryptCost, 4...16), uploadLimitBytes: try number(.uploadLimit, 1...100) * 1_048_576,
            sessionIdleLimit: TimeInterval(try number(.sessionIdle, 1...10_080) * 60),
            sessionLifetime: TimeInterval(try number(.sessionLifetime, 1...8_760) * 3_600), runsJobs: try flag(.jobs),
            trustedProxies: value(.trustedProxies).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            feedItems: try number(.feedItems, 1...100), cacheMaxAge: try number(.cacheMaxAge, 0...86_400),
            websubHub: try hub()
        )
        configuration.pageCacheBytes = try number(.pageCache, 0...4_096) * 1_048_576
        configuration.searchRankingWindow = try number(.searchRankingWindow, 10...10_000)
        return configuration
    }

    private static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

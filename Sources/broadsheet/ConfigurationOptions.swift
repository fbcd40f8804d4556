import ArgumentParser
import BroadsheetCore
import Foundation

/// The settings every subcommand accepts as flags; unset ones come from `BROADSHEET_*` variables, then defaults.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Configuration.Setting.host.help)) var host: String?
    @Option(help: ArgumentHelp(Configuration.Setting.port.help)) var port: String?
    @Option(help: ArgumentHelp(Configuration.Setting.database.help)) var database: String?
    @Option(name: .customLong("base-url"), help: ArgumentHelp(Configuration.Setting.baseURL.help)) var baseURL: String?
    @Option(help: ArgumentHelp(Configuration.Setting.name.help)) var name: String?
    @Option(help: ArgumentHelp(Configuration.Setting.tagline.help)) var tagline: String?
    @Option(help: ArgumentHelp(Configuration.Setting.language.help)) var language: String?
    @Option(name: .customLong("time-zone"), help: ArgumentHelp(Configuration.Setting.timeZone.help)) var timeZone: String?
    @Option(name: .customLong("contact-email"), help: ArgumentHelp(Configuration.Setting.contactEmail.help)) var contactEmail: String?
    @Option(help: ArgumentHelp(Configuration.Setting.demo.help)) var demo: String?
    @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp(Configuration.Setting.bcryptCost.help)) var bcryptCost: String?
    @Option(name: .customLong("upload-limit-mb"), help: ArgumentHelp(Configuration.Setting.uploadLimit.help)) var uploadLimit: String?
    @Option(name: .customLong("session-idle-minutes"), help: ArgumentHelp(Configuration.Setting.sessionIdle.help)) var sessionIdle: String?
    @Option(name: .customLong("session-lifetime-hours"), help: ArgumentHelp(Configuration.Setting.sessionLifetime.help)) var sessionLifetime: String?
    @Option(help: ArgumentHelp(Configuration.Setting.jobs.help)) var jobs: String?
    @Option(name: .customLong("trusted-proxies"), help: ArgumentHelp(Configuration.Setting.trustedProxies.help)) var trustedProxies: String?
    @Option(name: .customLong("feed-items"), help: ArgumentHelp(Configuration.Setting.feedItems.help)) var feedItems: String?
    @Option(name: .customLong("cache-max-age"), help: ArgumentHelp(Configuration.Setting.cacheMaxAge.help)) var cacheMaxAge: String?
    @Option(name: .customLong("page-cache-mb"), help: ArgumentHelp(Configuration.Setting.pageCache.help)) var pageCache: String?
    @Option(name: .customLong("websub-hub"), help: ArgumentHelp(Configuration.Setting.websubHub.help)) var websubHub: String?
    @Option(name: .customLong("search-ranking-window"), help: ArgumentHelp(Configuration.Setting.searchRankingWindow.help)) var searchRankingWindow: String?

    /// The validated configuration; an invalid setting ends the command with a message naming it.
    /// `overrides` take the place of flags (used to fill in the port that `--port 0` was given).
    func load(overrides: [Configuration.Setting: String] = [:]) throws -> Configuration {
        var given: [Configuration.Setting: String?] = [
            .host: host, .port: port, .database: database, .baseURL: baseURL, .name: name, .tagline: tagline,
            .language: language, .timeZone: timeZone, .contactEmail: contactEmail, .demo: demo, .bcryptCost: bcryptCost,
            .uploadLimit: uploadLimit, .sessionIdle: sessionIdle, .sessionLifetime: sessionLifetime, .jobs: jobs,
            .trustedProxies: trustedProxies, .feedItems: feedItems, .cacheMaxAge: cacheMaxAge, .pageCache: pageCache, .websubHub: websubHub,
            .searchRankingWindow: searchRankingWindow,
        ]
        for (setting, value) in overrides { given[setting] = value }
        do {
            return try Configuration.load(settings: given.compactMapValues { $0 }, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// The settings of commands that only touch the database (`user`): the file, and how passwords are hashed.
struct StorageOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Configuration.Setting.database.help)) var database: String?
    @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp(Configuration.Setting.bcryptCost.help)) var bcryptCost: String?

    func load() throws -> Configuration {
        let given: [Configuration.Setting: String?] = [.database: database, .bcryptCost: bcryptCost]
        do {
            return try Configuration.load(settings: given.compactMapValues { $0 }, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

import BroadsheetCore
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("defaults give a site on 127.0.0.1:8080 backed by ./broadsheet.sqlite")
    func defaults() throws {
        let configuration = try Configuration.load(settings: [:], environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databasePath == "broadsheet.sqlite")
        #expect(configuration.baseURLString == "http://127.0.0.1:8080")
        #expect(configuration.seedsDemoContent)
        #expect(configuration.searchRankingWindow == 500)
        #expect(try Configuration.load(settings: [:], environment: ["BROADSHEET_SEARCH_RANKING_WINDOW": "100"]).searchRankingWindow == 100)
        #expect(configuration == Configuration.defaults)
    }

    @Test("flags win over environment variables, which win over defaults")
    func precedence() throws {
        let environment = ["BROADSHEET_PORT": "9000", "BROADSHEET_NAME": "From Environment", "BROADSHEET_TIME_ZONE": "America/New_York"]
        let configuration = try Configuration.load(settings: [.port: "9100"], environment: environment)
        #expect(configuration.port == 9100)
        #expect(configuration.publicationName == "From Environment")
        #expect(configuration.timeZone.identifier == "America/New_York")
        #expect(configuration.baseURLString == "http://127.0.0.1:9100")
    }

    @Test("the base URL loses its trailing slash and a wildcard host is shown as loopback")
    func baseURL() throws {
        #expect(try Configuration.load(settings: [.baseURL: "https://news.example.com/"], environment: [:]).baseURLString == "https://news.example.com")
        #expect(try Configuration.load(settings: [.host: "0.0.0.0", .port: "80"], environment: [:]).baseURLString == "http://127.0.0.1:80")
    }

    @Test(
        "an invalid value is refused with a message naming the setting",
        arguments: [
            (Configuration.Setting.port, "eighty"), (.port, "70000"), (.port, "-1"), (.host, ""), (.host, "a b"),
            (.baseURL, "ftp://example.com"), (.baseURL, "news.example.com"), (.baseURL, "https://example.com/?q=1"),
            (.timeZone, "Mars/Olympus_Mons"), (.language, "english!"), (.language, "e"), (.demo, "maybe"),
            (.contactEmail, "nobody"), (.name, "   "), (.database, ""),
            (.feedItems, "0"), (.feedItems, "101"), (.feedItems, "fifty"), (.cacheMaxAge, "-1"), (.cacheMaxAge, "86401"),
            (.websubHub, "ftp://hub.example"), (.websubHub, "hub.example"), (.websubHub, "https://"),
            (.searchRankingWindow, "9"), (.searchRankingWindow, "10001"), (.searchRankingWindow, "wide"),
        ]
    )
    func invalid(setting: Configuration.Setting, value: String) {
        #expect {
            try Configuration.load(settings: [setting: value], environment: [:])
        } throws: { error in
            guard let invalid = error as? Configuration.InvalidSetting else { return false }
            return invalid.setting == setting && invalid.description.contains(setting.flag)
                && invalid.description.contains(setting.environmentVariable)
        }
    }

    @Test("an invalid environment variable is reported under its own name")
    func invalidEnvironment() {
        #expect(throws: Configuration.InvalidSetting.self) {
            try Configuration.load(settings: [:], environment: ["BROADSHEET_PORT": "http"])
        }
        #expect(Configuration.Setting.baseURL.environmentVariable == "BROADSHEET_BASE_URL")
        #expect(Configuration.Setting.timeZone.flag == "--time-zone")
    }
}

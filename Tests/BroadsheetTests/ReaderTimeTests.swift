import BroadsheetCore
import Foundation
import Testing

@testable import BroadsheetWeb

@Suite("Reader times")
struct ReaderTimeTests {
    @Test("dates and times in words match Foundation's calendar in zones with and without summer time, half-hour offsets included")
    func matchesCalendar() throws {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var generator = SystemRandomNumberGenerator()
        for zoneName in ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"] {
            let zone = try #require(TimeZone(identifier: zoneName))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let time = ReaderTime(timeZone: zone, language: "en-GB", clock: FixedClock(Date(timeIntervalSince1970: 1_795_176_000)))
            var instants = (0..<500).map { _ in Double(Int.random(in: 0...4_102_444_800, using: &generator)) }
            // Around the London clock changes of 2026 (29 March, 25 October, 01:00 UTC).
            instants += [1_774_745_999, 1_774_746_000, 1_792_889_999, 1_792_890_000]
            for instant in instants {
                let date = Date(timeIntervalSince1970: instant)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                let view = time.view(date)
                let clock = String(format: "%02d:%02d", parts.hour!, parts.minute!)
                let zoneWord = zone.localizedName(
                    for: zone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard, locale: Locale(identifier: "en-GB")
                ) ?? zone.identifier
                #expect(view.text == "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!), \(clock) \(zoneWord)",
                        "\(zoneName) \(instant): \(view.text)")
                #expect(view.shortText == "\(parts.day!) \(months[parts.month! - 1].prefix(3)) \(parts.year!), \(clock)")
                let civil = InternetDate.civil(date, secondsFromGMT: zone.secondsFromGMT(for: date))
                #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute] == [parts.year, parts.month, parts.day, parts.hour, parts.minute])
            }
        }
    }

    @Test("the offsets table gives Foundation's offset and summer-time flag, through clock changes, zone moves and beyond its years")
    func offsetsTableMatchesTimeZone() throws {
        var generator = SystemRandomNumberGenerator()
        // Summer time; half and quarter hours; Moscow's and Pyongyang's moves without summer time; Samoa skipping a day;
        // Brazil giving summer time up.
        let zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu",
                     "Europe/Moscow", "Asia/Pyongyang", "Pacific/Apia", "America/Sao_Paulo", "UTC"]
        for zoneName in zones {
            let zone = try #require(TimeZone(identifier: zoneName))
            let table = ZoneOffsets(zone)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            // Random instants from 1850 to 2300 (the table covers 1900 to 2200), and each side of every change the
            // zone had since 1970.
            var instants = (0..<1_000).map { _ in Double(Int.random(in: -3_786_825_600...10_413_792_000, using: &generator)) }
            var change = Date(timeIntervalSince1970: 0)
            for _ in 0..<300 {
                guard let next = zone.nextDaylightSavingTimeTransition(after: change), next.timeIntervalSince1970 < 4_102_444_800 else { break }
                instants += [next.timeIntervalSince1970 - 1, next.timeIntervalSince1970]
                change = next
            }
            for instant in instants {
                let date = Date(timeIntervalSince1970: instant)
                #expect(table.secondsFromGMT(for: date) == zone.secondsFromGMT(for: date), "\(zoneName) \(instant)")
                #expect(table.isDaylightSavingTime(for: date) == zone.isDaylightSavingTime(for: date), "\(zoneName) \(instant)")
                let day = calendar.dateComponents([.year, .month, .day, .hour], from: date)
                let civil = table.civil(date)
                #expect([civil.year, civil.month, civil.day, civil.hour] == [day.year, day.month, day.day, day.hour], "\(zoneName) \(instant)")
            }
        }
    }
}

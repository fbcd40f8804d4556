import BroadsheetCore
import Foundation

/// A time as a page shows it: machine-readable for `<time datetime>`, and in words in the publication's zone.
struct TimeView: Sendable {
    /// RFC 3339 in UTC, for the `datetime` attribute.
    let datetime: String
    /// "24 November 2026, 14:05 GMT".
    let text: String
    /// "24 Nov 2026, 14:05", for lists.
    let shortText: String
    /// "3 hours ago", or nil when the time is more than a week old.
    let relative: String?
}

/// Formats times for readers in the publication's time zone, relative to the clock.
struct ReaderTime: Sendable {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    let calendar: Calendar
    /// The zone's offsets as a table: what `view` and `year` read instead of asking the calendar.
    let zone: ZoneOffsets
    let clock: any WallClock
    /// The zone's short names in the publication's language ("GMT" and "BST" in en-GB), read once.
    private let standardName: String
    private let daylightName: String

    init(timeZone: TimeZone, language: String, clock: any WallClock) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        zone = ZoneOffsets(timeZone)
        self.clock = clock
        let locale = Locale(identifier: language)
        standardName = timeZone.localizedName(for: .shortStandard, locale: locale) ?? timeZone.identifier
        daylightName = timeZone.localizedName(for: .shortDaylightSaving, locale: locale) ?? standardName
    }

    func view(_ date: Date) -> TimeView {
        let parts = zone.civil(date)
        let (year, month, day, hour, minute) = (parts.year, parts.month, parts.day, parts.hour, parts.minute)
        let zoneName = zone.isDaylightSavingTime(for: date) ? daylightName : standardName
        let monthName = Self.monthNames[month - 1]
        guard (0...9_999).contains(year) else {
            let clockText = "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
            return TimeView(
                datetime: InternetDate.rfc3339(date),
                text: "\(day) \(monthName) \(year), \(clockText) \(zoneName)",
                shortText: "\(day) \(Self.shortMonthNames[month - 1]) \(year), \(clockText)",
                relative: relative(date)
            )
        }
        return TimeView(
            datetime: InternetDate.rfc3339(date),
            text: Self.written(day: day, month: monthName, year: year, hour: hour, minute: minute, zone: zoneName),
            shortText: Self.written(day: day, month: Self.shortMonthNames[month - 1], year: year, hour: hour, minute: minute, zone: nil),
            relative: relative(date)
        )
    }

    /// "24 November 2026, 14:05 GMT" (or without the zone), written in place: a front page shows forty of these, and
    /// interpolation built a dozen small strings for each.
    private static func written(day: Int, month: String, year: Int, hour: Int, minute: Int, zone: String?) -> String {
        // Day (up to 2), space, month, space, year (4), comma and space, hh:mm, then a space and the zone.
        let capacity = 2 + 1 + month.utf8.count + 1 + 4 + 2 + 5 + (zone.map { 1 + $0.utf8.count } ?? 0)
        return ASCIIWriter.string(capacity: capacity) { out in
            out.number(day); out.text(" "); out.text(month); out.text(" "); out.number(year); out.text(", ")
            out.clock(hour, minute)
            if let zone { out.text(" "); out.text(zone) }
        }
    }

    /// The year on the publication's calendar now, for the footer.
    func currentYear() -> Int { zone.civil(clock.now()).year }

    /// Words for how long ago `date` was, up to a week; nil beyond (the absolute date says it better).
    func relative(_ date: Date) -> String? {
        let seconds = clock.now().timeIntervalSince(date)
        switch seconds {
        case ..<(-60): return nil
        case ..<60: return "just now"
        case ..<3_600:
            let minutes = Int(seconds / 60)
            return minutes == 1 ? "1 minute ago" : "\(minutes) minutes ago"
        case ..<86_400:
            let hours = Int(seconds / 3_600)
            return hours == 1 ? "1 hour ago" : "\(hours) hours ago"
        case ..<(7 * 86_400):
            let days = Int(seconds / 86_400)
            return days == 1 ? "yesterday" : "\(days) days ago"
        default: return nil
        }
    }
}

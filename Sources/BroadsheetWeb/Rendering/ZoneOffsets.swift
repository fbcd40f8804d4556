import BroadsheetCore
import Foundation

/// A time zone's offsets from UTC, read from Foundation once as a table of the intervals between its transitions.
///
/// Asking `TimeZone` or `Calendar` goes through ICU behind a lock, a microsecond or more a time; a page with forty story
/// cards asked up to eighty times (each card's link and its time in words). Looking an instant up here is a binary search
/// over an immutable table. Instants outside the table's years are still answered by `TimeZone` itself.
struct ZoneOffsets: Sendable {
    let timeZone: TimeZone
    /// Start of each interval (seconds since 1970), ascending; the first is where the table begins.
    private let starts: [Double]
    private let offsets: [Int]
    private let daylight: [Bool]
    /// Where the table stops being known: the last transition read, or the end of the years asked for.
    private let end: Double

    /// More than any zone has had in three centuries (London: about 500); stops a zone that never runs out of changes.
    static let maximumTransitions = 5_000

    init(_ timeZone: TimeZone, fromYear: Int = 1900, toYear: Int = 2200) {
        self.timeZone = timeZone
        let first = Double(InternetDate.daysSinceEpoch(year: fromYear, month: 1, day: 1) * 86_400)
        let last = Double(InternetDate.daysSinceEpoch(year: toYear, month: 1, day: 1) * 86_400)
        var starts = [first]
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: first))]
        var daylight = [timeZone.isDaylightSavingTime(for: Date(timeIntervalSince1970: first))]
        var instant = Date(timeIntervalSince1970: first)
        var end = last
        while let next = timeZone.nextDaylightSavingTimeTransition(after: instant), next.timeIntervalSince1970 < last {
            guard starts.count < Self.maximumTransitions, next > instant else {
                end = instant.timeIntervalSince1970
                break
            }
            starts.append(next.timeIntervalSince1970)
            offsets.append(timeZone.secondsFromGMT(for: next))
            daylight.append(timeZone.isDaylightSavingTime(for: next))
            instant = next
        }
        (self.starts, self.offsets, self.daylight, self.end) = (starts, offsets, daylight, end)
    }

    /// The interval holding `date`, or nil outside the table.
    @inline(__always)
    private func interval(_ date: Date) -> Int? {
        let t = date.timeIntervalSince1970
        guard t >= starts[0], t < end else { return nil }
        var low = 0
        var high = starts.count
        // The last interval whose start is at or before t.
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= t { low = middle } else { high = middle }
        }
        return low
    }

    func secondsFromGMT(for date: Date) -> Int {
        guard let index = interval(date) else { return timeZone.secondsFromGMT(for: date) }
        return offsets[index]
    }

    func isDaylightSavingTime(for date: Date) -> Bool {
        guard let index = interval(date) else { return timeZone.isDaylightSavingTime(for: date) }
        return daylight[index]
    }

    /// The date and time on the zone's clocks at `date`.
    func civil(_ date: Date) -> InternetDate.Parts {
        InternetDate.civil(date, secondsFromGMT: secondsFromGMT(for: date))
    }
}

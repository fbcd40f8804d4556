import Foundation

/// Dates as feeds write them, formatted without DateFormatter so that it is cheap and safe from any thread.
public enum InternetDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 (as updated by RFC 1123) in GMT: "Tue, 24 Nov 2026 20:37:22 GMT".
    public static func rfc822(_ date: Date) -> String {
        let c = components(date)
        guard (0...9_999).contains(c.year) else {
            return "\(weekdays[c.weekday]), \(two(c.day)) \(months[c.month - 1]) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
        }
        // Twenty-nine bytes written in place (every page's Last-Modified and every feed item's date).
        return ASCIIWriter.string(capacity: 29) { out in
            out.text(weekdays[c.weekday]); out.text(", "); out.number(c.day, width: 2); out.text(" ")
            out.text(months[c.month - 1]); out.text(" "); out.number(c.year, width: 4); out.text(" ")
            out.clock(c.hour, c.minute, c.second); out.text(" GMT")
        }
    }

    /// RFC 3339 in UTC: "2026-11-24T20:37:22Z".
    public static func rfc3339(_ date: Date) -> String {
        let c = components(date)
        guard (0...9_999).contains(c.year) else {
            return "\(four(c.year))-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
        }
        // Twenty bytes written in place: pages show one of these per story, and interpolation cost five small strings.
        return ASCIIWriter.string(capacity: 20) { out in
            out.number(c.year, width: 4); out.text("-"); out.number(c.month, width: 2); out.text("-"); out.number(c.day, width: 2)
            out.text("T"); out.clock(c.hour, c.minute, c.second); out.text("Z")
        }
    }

    /// Reads an HTTP date in any of the three forms RFC 9110 (section 5.6.7) asks recipients to read: the preferred
    /// "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850 form "Sunday, 06-Nov-94 08:49:37 GMT" (a two-digit year
    /// more than 50 years ahead of `now` is read as the last such year in the past), and C's asctime form
    /// "Sun Nov  6 08:49:37 1994". Nil for anything else; callers treat nil as "no date".
    public static func parseHTTPDate(_ text: String, now: Date = Date()) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        let parts = text.split(separator: " ")
        let day: Int, month: Int, year: Int
        let clock: Substring
        if parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT" {
            // Preferred: weekday, two-digit day, month, four-digit year, time, GMT.
            guard (1...2).contains(parts[1].count), let d = Int(parts[1]), let m = months.firstIndex(of: String(parts[2])),
                  parts[3].count == 4, let y = Int(parts[3]) else { return nil }
            (day, month, year, clock) = (d, m, y, parts[4])
        } else if parts.count == 4, parts[0].count >= 7, parts[0].hasSuffix(","), parts[3] == "GMT" {
            // RFC 850: full weekday, dd-Mon-yy, time, GMT.
            let date = parts[1].split(separator: "-", omittingEmptySubsequences: false)
            guard date.count == 3, date[0].count == 2, let d = Int(date[0]), let m = months.firstIndex(of: String(date[1])),
                  date[2].count == 2, let yy = Int(date[2]) else { return nil }
            let thisYear = components(now).year
            var y = thisYear - thisYear % 100 + yy
            if y > thisYear + 50 { y -= 100 }
            (day, month, year, clock) = (d, m, y, parts[2])
        } else if parts.count == 5, parts[0].count == 3, !parts[0].hasSuffix(",") {
            // asctime: weekday, month, day (one or two digits, space-padded), time, four-digit year.
            guard let m = months.firstIndex(of: String(parts[1])), (1...2).contains(parts[2].count), let d = Int(parts[2]),
                  parts[4].count == 4, let y = Int(parts[4]) else { return nil }
            (day, month, year, clock) = (d, m, y, parts[3])
        } else {
            return nil
        }
        guard (1...31).contains(day), year >= 1970 else { return nil }
        let time = clock.split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 }), let hour = Int(time[0]), let minute = Int(time[1]),
              let second = Int(time[2]), hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysSinceEpoch(year: year, month: month + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Days from 1970-01-01 to a civil date (proleptic Gregorian; month 1–12): the inverse of `components`.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A civil date and time of day; weekday 0 is Sunday.
    public struct Parts: Sendable, Equatable { public var year, month, day, hour, minute, second, weekday: Int }

    /// The civil date and time of `date` at `secondsFromGMT` from UTC (the proleptic Gregorian calendar): what
    /// `Calendar.dateComponents` gives for the same zone offset, without its cost on pages that show dozens of times.
    public static func civil(_ date: Date, secondsFromGMT: Int) -> Parts {
        components(date.addingTimeInterval(TimeInterval(secondsFromGMT)))
    }

    /// Civil date from days since 1970-01-01 (the proleptic Gregorian calendar), in UTC.
    private static func components(_ date: Date) -> Parts {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Parts(year: year, month: month, day: day, hour: rest / 3_600, minute: rest % 3_600 / 60, second: rest % 60, weekday: weekday)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    private static func four(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }
}

/// Short texts built many times a page (dates and times) written straight into one string's storage, instead of
/// interpolating a small string per part. The caller sizes the string; writing past it stops the program rather than
/// memory being overwritten.
public struct ASCIIWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// The string `write` writes, in at most `capacity` bytes.
    public static func string(capacity: Int, _ write: (inout ASCIIWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = ASCIIWriter(buffer: buffer)
            write(&writer)
            return writer.count
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// `value` (not negative) in decimal, zero-padded to at least `width` digits.
    public mutating func number(_ value: Int, width: Int = 1) {
        precondition(value >= 0, "ASCIIWriter writes numbers that are not negative")
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let length = max(digits, width)
        precondition(count + length <= buffer.count, "ASCIIWriter: the text is longer than its string")
        var remaining = value
        for position in stride(from: count + length - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += length
    }

    /// The UTF-8 of `text`.
    public mutating func text(_ text: String) {
        precondition(count + text.utf8.count <= buffer.count, "ASCIIWriter: the text is longer than its string")
        for byte in text.utf8 {
            buffer[count] = byte
            count += 1
        }
    }

    /// "14:05", or "14:05:09" with seconds.
    public mutating func clock(_ hour: Int, _ minute: Int, _ second: Int? = nil) {
        number(hour, width: 2)
        text(":")
        number(minute, width: 2)
        if let second {
            text(":")
            number(second, width: 2)
        }
    }
}

/// Searching header values for a token without Foundation, whose `contains` goes through CFString (a measurable part
/// of answering a request). ASCII case is folded when asked; other bytes compare as they are.
public enum ASCIISearch {
    public static func contains(_ text: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count else { return false }
                for start in 0...(haystack.count - pattern.count) {
                    var matched = true
                    for offset in 0..<pattern.count {
                        var a = haystack[start + offset]
                        var b = pattern[offset]
                        if ignoringCase {
                            if a >= 65, a <= 90 { a += 32 }
                            if b >= 65, b <= 90 { b += 32 }
                        }
                        if a != b { matched = false; break }
                    }
                    if matched { return true }
                }
                return false
            }
        }
    }
}

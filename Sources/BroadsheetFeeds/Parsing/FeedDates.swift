import BroadsheetCore
import Foundation

/// Reads the dates feeds write, leniently: RFC 822 and its many variants (two-digit years, missing weekday or
/// seconds, named or numeric zones, a missing zone read as UTC), ISO 8601 / RFC 3339 / W3C-DTF (with or without
/// seconds, fractions or zone; a bare year, year-month or day), and a few common others ("2026-11-20 09:30:00").
public enum FeedDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8,
        "pdt": -7, "a": -1, "m": -12, "n": 1, "y": 12, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "jst": 9,
        "aest": 10, "aedt": 11,
    ]

    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 80 else { return nil }
        if let first = text.first, first.isNumber, text.count >= 4, text.prefix(4).allSatisfy(\.isNumber) {
            return iso(text) ?? rfc822(text)
        }
        return rfc822(text)
    }

    /// "2026-11-20T09:30:15.123+01:00", "2026-11-20T09:30Z", "2026-11-20 09:30:15", "20261120T093015Z", "2026-11", "2026".
    static func iso(_ text: String) -> Date? {
        var scanner = Array(text.unicodeScalars)
        // Compact form: 20261120T093015Z
        if scanner.count >= 8, scanner.prefix(8).allSatisfy({ $0.properties.numericType != nil }), scanner.count == 8 || scanner[8] == "T" {
            var expanded = String(String.UnicodeScalarView(scanner[0..<4])) + "-" + String(String.UnicodeScalarView(scanner[4..<6])) + "-"
                + String(String.UnicodeScalarView(scanner[6..<8]))
            if scanner.count > 8 {
                let rest = Array(scanner[9...])
                if rest.count >= 6, rest.prefix(6).allSatisfy({ $0.properties.numericType != nil }) {
                    expanded += "T" + String(String.UnicodeScalarView(rest[0..<2])) + ":" + String(String.UnicodeScalarView(rest[2..<4])) + ":"
                        + String(String.UnicodeScalarView(rest[4..<6])) + String(String.UnicodeScalarView(rest[6...]))
                } else if rest.count >= 4, rest.prefix(4).allSatisfy({ $0.properties.numericType != nil }) {
                    expanded += "T" + String(String.UnicodeScalarView(rest[0..<2])) + ":" + String(String.UnicodeScalarView(rest[2..<4]))
                        + String(String.UnicodeScalarView(rest[4...]))
                } else {
                    return nil
                }
            }
            scanner = Array(expanded.unicodeScalars)
        }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scanner.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                guard let digit = scanner[index + offset].properties.numericType != nil ? Int(String(scanner[index + offset])) : nil else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func skip(_ character: Unicode.Scalar) -> Bool {
            if index < scanner.count, scanner[index] == character { index += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0.0, offset = 0
        if skip("-") {
            guard let m = number(2) else { return nil }
            month = m
            if skip("-") {
                guard let d = number(2) else { return nil }
                day = d
            }
        }
        if index < scanner.count, scanner[index] == "T" || scanner[index] == "t" || scanner[index] == " " {
            index += 1
            guard let h = number(2), skip(":"), let mi = number(2) else { return nil }
            hour = h
            minute = mi
            if skip(":") {
                guard let s = number(2) else { return nil }
                second = Double(s)
                if skip(".") || skip(",") {
                    var fraction = "0."
                    while index < scanner.count, scanner[index].properties.numericType != nil { fraction.unicodeScalars.append(scanner[index]); index += 1 }
                    second += Double(fraction) ?? 0
                }
            }
            while index < scanner.count, scanner[index] == " " { index += 1 }
            if index < scanner.count {
                let sign = scanner[index]
                if sign == "Z" || sign == "z" {
                    index += 1
                } else if sign == "+" || sign == "-" {
                    index += 1
                    guard let zh = number(2) else { return nil }
                    _ = skip(":")
                    let zm = number(2) ?? 0
                    offset = (zh * 60 + zm) * (sign == "-" ? -1 : 1)
                } else {
                    let name = String(String.UnicodeScalarView(scanner[index...])).lowercased()
                    guard let hours = zones[name] else { return nil }
                    offset = hours * 60
                    index = scanner.count
                }
            }
        }
        guard index == scanner.count else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    /// "Tue, 24 Nov 2026 20:37:22 GMT", "24 Nov 26 20:37 +0100", "Tuesday, 24-Nov-2026 20:37:22 EST", "Nov 24 2026".
    static func rfc822(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // A weekday in front, full or short.
        if let first = words.first, first.first?.isLetter == true, monthIndex(first) == nil { words.removeFirst() }
        // "24-Nov-2026" → three words.
        if let first = words.first, first.contains("-"), first.split(separator: "-").count == 3 {
            words.replaceSubrange(0..<1, with: first.split(separator: "-").map(String.init))
        }
        guard words.count >= 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        // Day month year, or month day year.
        let yearText = words[2]
        let digitsOnly = yearText.allSatisfy { $0.isASCII && $0.isNumber } && (yearText.count == 2 || yearText.count == 4)
        if let d = Int(words[0]), let m = monthIndex(words[1]), digitsOnly {
            day = d; month = m; year = Int(yearText)
        } else if let m = monthIndex(words[0]), let d = Int(words[1]), digitsOnly {
            day = d; month = m; year = Int(yearText)
        }
        guard var year, let month, let day else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        var rest = words.dropFirst(3)
        if let time = rest.first, time.contains(":") {
            let parts = time.split(separator: ":")
            guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            hour = h
            minute = m
            if parts.count > 2 {
                guard parts[2].count <= 6, parts[2].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(parts[2]) else { return nil }
                second = value
            }
            rest = rest.dropFirst()
        }
        // A year written after the time ("Tue Nov 24 20:37:22 2026", ctime style) is not handled: rare in feeds.
        if let zone = rest.first {
            if let sign = zone.first, sign == "+" || sign == "-" {
                let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
                guard digits.count == 4, let value = Int(digits) else { return nil }
                offset = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
            } else if let hours = zones[zone.lowercased()] {
                offset = hours * 60
            } else {
                // A zone we cannot place: the time is not known.
                return nil
            }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    static func monthIndex(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offsetMinutes: Int) -> Date? {
        let monthLengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1000...9999).contains(year), (1...12).contains(month), (1...monthLengths[month - 1]).contains(day),
              (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0), (0...59).contains(minute),
              second.isFinite, second >= 0, second < 61, abs(offsetMinutes) <= 18 * 60 else { return nil }
        let days = InternetDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 - offsetMinutes * 60) + second
        return Date(timeIntervalSince1970: seconds)
    }
}

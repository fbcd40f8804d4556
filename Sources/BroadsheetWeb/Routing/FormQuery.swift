import Hummingbird

/// A query string read the way browsers write forms: `+` is a space, then percent-escapes are decoded.
/// (Hummingbird's own reading keeps `+`, which would turn "ferry+timetable" into one word.)
struct FormQuery: Sendable {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        self.init(query: request.uri.query ?? "")
    }

    init(query: String) {
        for (name, value) in Self.pairs(query) { values[name, default: []].append(value) }
    }

    /// The decoded name-value pairs of a query string or urlencoded form body, in order.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value given for `name`.
    func get(_ name: String) -> String? { values[name]?.first }

    /// Every value given for `name`, in order.
    func getAll(_ name: String) -> [String] { values[name] ?? [] }

    /// Decodes `+` and `%XX`; a malformed escape is kept as it was typed, and invalid UTF-8 becomes U+FFFD.
    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

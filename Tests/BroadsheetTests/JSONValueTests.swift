import BroadsheetCore
import Foundation
import Testing

@Suite("JSON writer")
struct JSONValueTests {
    static let hostileStrings = [
        "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "control \u{0} \u{1} \u{1F}",
        "</script><script>alert(1)</script>", "<!-- comment", "a & b > c", "line\u{2028}separator\u{2029}paragraph",
        "emoji 🗞️ and Zōr and עברית", "\u{E2}", "€ ‚ ‒ — ‘ …",
    ]

    @Test("every string survives a round trip through an independent parser, members keep their order")
    func roundTrip() throws {
        for text in Self.hostileStrings {
            let value: JSONValue = .object([("z", .string(text)), ("a", .array([.int(-42), .bool(true), .null, .string(text)]))])
            let json = value.serialized()
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
            #expect(parsed["z"] as? String == text)
            let array = try #require(parsed["a"] as? [Any])
            #expect(array.count == 4)
            #expect((array[0] as? NSNumber)?.intValue == -42)
            #expect(array[2] is NSNull)
            #expect(array[3] as? String == text)
            #expect(json.hasPrefix("{\"z\":"), "members are written in the given order")
        }
    }

    @Test("for a script element no <, > or & is written raw, and the text still parses to the same strings")
    func scriptSafe() throws {
        for text in Self.hostileStrings {
            let json = JSONValue.object([("text", .string(text))]).serialized(forScriptElement: true)
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "\(json)")
            #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
            #expect(parsed["text"] == text)
        }
        #expect(JSONValue.string("</script>").serialized(forScriptElement: true) == #""\u003c/script\u003e""#)
        #expect(JSONValue.string("a<b").serialized() == #""a<b""#)
    }
}

@Suite("Validator hash")
struct ValidatorHashTests {
    @Test("every one-byte change, every length and no alignment changes the word hash wrongly")
    func sensitivity() {
        var generator = SystemRandomNumberGenerator()
        let original = (0..<1_003).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let base = original.withUnsafeBytes { ResponseHash.hash($0) }
        var seen: Set<UInt64> = [base]
        for index in original.indices {
            var changed = original
            changed[index] ^= UInt8(1 << (index % 8))
            seen.insert(changed.withUnsafeBytes { ResponseHash.hash($0) })
        }
        #expect(seen.count == original.count + 1, "each single-bit change gives its own hash")
        // The same bytes at another address (unaligned) hash the same.
        let shifted = [0x55] + original
        #expect(shifted.withUnsafeBytes { ResponseHash.hash(UnsafeRawBufferPointer(rebasing: $0[1...])) } == base)
        // Runs of zeros of different lengths differ.
        let zeros = Set((0..<64).map { count in [UInt8](repeating: 0, count: count).withUnsafeBytes { ResponseHash.hash($0) } })
        #expect(zeros.count == 64)
    }
}

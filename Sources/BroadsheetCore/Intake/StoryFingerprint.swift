/// A 64-bit SimHash of a story's words: stories that say nearly the same thing (the same agency copy via two
/// partners, a re-sent item with a new id, a fixed typo) differ in only a few bits.
public struct StoryFingerprint: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// At most this many differing bits counts as the same story. One changed word moves a few bits (5 in a test of
    /// 150 words); two unrelated texts differ in about 32 (standard deviation 4), so 8 leaves a wide margin.
    public static let nearDuplicateDistance = 8
    /// Texts shorter than this many words are not compared: short items differ too little to tell apart.
    public static let minimumWords = 40

    /// Over overlapping three-word shingles of the lower-cased letters and digits of `text`; nil for short texts.
    public init?(text: String) {
        var words: [Substring] = []
        var current = text.lowercased()[...]
        while let start = current.firstIndex(where: { $0.isLetter || $0.isNumber }) {
            current = current[start...]
            let end = current.firstIndex(where: { !($0.isLetter || $0.isNumber) }) ?? current.endIndex
            words.append(current[..<end])
            current = current[end...]
        }
        guard words.count >= Self.minimumWords else { return nil }
        var weights = [Int](repeating: 0, count: 64)
        for index in 0..<(words.count - 2) {
            var hasher = FNV1a()
            for word in words[index...(index + 2)] {
                hasher.add(word.utf8)
                hasher.add(0x20)
            }
            var hash = hasher.value
            // Mix so that nearby shingles do not share high bits.
            hash ^= hash >> 33
            hash = hash &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 33
            for bit in 0..<64 { weights[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var value: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { value |= 1 << UInt64(bit) }
        self.value = value
    }

    public func distance(to other: StoryFingerprint) -> Int { (value ^ other.value).nonzeroBitCount }

    public func isNearDuplicate(of other: StoryFingerprint) -> Bool { distance(to: other) <= Self.nearDuplicateDistance }

    /// Stored as a signed 64-bit integer (SQL has no unsigned type).
    public var storedValue: Int64 { Int64(bitPattern: value) }
    public init(storedValue: Int64) { value = UInt64(bitPattern: storedValue) }

    public var description: String { String(value, radix: 16) }
}

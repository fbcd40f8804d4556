/// Searches over UTF-8 bytes eight at a time, for the long texts feeds carry (a site feed holds a few hundred
/// kilobytes of story bodies, scanned for the few bytes that need work).
///
/// A word of eight bytes is tested at once with the "has a byte less than n" trick: subtracting n from every byte
/// borrows into a byte's high bit exactly when that byte is below n (for bytes without their own high bit set, which
/// `~word` keeps). The test may flag a word wrongly only in its count of bytes, never in whether one exists.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        hasByte(word ^ (ones &* UInt64(byte)), below: 1)
    }

    /// The eight bytes from `index` on, the first in the lowest bits.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        precondition(index >= 0 && index + 8 <= bytes.count, "ByteScan reads whole words inside the buffer")
        return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// The index of the first `byte` at or after `start`, or `bytes.count` when there is none.
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = min(max(0, start), bytes.count)
        while index + 8 <= bytes.count, !hasByte(word(bytes, at: index), equalTo: byte) { index += 8 }
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return index
    }
}

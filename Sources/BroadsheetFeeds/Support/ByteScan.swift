/// Searches over UTF-8 bytes eight at a time, for the long texts feeds carry (a site feed holds a few hundred
/// kilobytes of story bodies, scanned for the few bytes that need work).
///
/// A word of eight bytes is tested at once, exactly byte by byte: each byte's low seven bits plus (0x80 - n) reach
/// the byte's high bit exactly when they are at least n, and never carry into the next byte; a byte is below n
/// when neither it nor that sum has its high bit set.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` that is below `limit` (1 to 0x80), and no other bit.
    @inline(__always)
    static func bytes(_ word: UInt64, below limit: UInt8) -> UInt64 {
        let reaches = (word & ~highs) &+ ones &* UInt64(0x80 - limit)
        return ~(reaches | word) & highs
    }

    /// The high bit of each byte of `word` that is `byte`, and no other bit.
    @inline(__always)
    static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        bytes(word ^ (ones &* UInt64(byte)), below: 1)
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
        while index + 8 <= bytes.count, Self.bytes(word(bytes, at: index), equalTo: byte) == 0 { index += 8 }
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return index
    }
}

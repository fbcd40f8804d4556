/// The characters Windows-1252 puts where Latin-1 has C1 controls (0x80–0x9F): what mislabelled feeds mean by those
/// bytes, and what HTML means by numeric references to them (`&#150;` is an en dash).
public enum Windows1252 {
    /// The character for a value in 0x80–0x9F, or nil for the five the encoding leaves undefined and for other values.
    public static func character(_ value: UInt32) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(value), let mapped = table[Int(value - 0x80)] else { return nil }
        return Unicode.Scalar(mapped)
    }

    private static let table: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}

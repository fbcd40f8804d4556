/// Words in plain text: runs of non-blank characters that contain at least one letter or digit
/// (so a lone dash or bullet is not a word).
enum WordCount {
    private static let space: UInt8 = 1
    private static let letter: UInt8 = 2

    private static let asciiClasses: [UInt8] = (0..<128).map { (value: Int) -> UInt8 in
        let c = UInt8(value)
        if ASCII.isWhitespace(c) { return space }
        return ASCII.isAlphanumeric(c) ? letter : 0
    }

    static func count(_ utf8: [UInt8]) -> Int {
        let classes = Self.asciiClasses
        return utf8.withUnsafeBufferPointer { bytes in
            var words = 0
            var wordHasLetter = 0
            var i = 0
            let end = bytes.count
            while i < end {
                let c = bytes[i]
                var byteClass: UInt8
                if c < 0x80 {
                    byteClass = classes[Int(c)]
                    i += 1
                } else {
                    byteClass = 0
                    let start = i
                    i += 1
                    while i < end, i - start < 4, bytes[i] & 0xC0 == 0x80 { i += 1 }
                    var iterator = bytes[start..<i].makeIterator()
                    var decoder = UTF8()
                    if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                        let properties = scalar.properties
                        if properties.isWhitespace {
                            byteClass = space
                        } else if properties.isAlphabetic || properties.numericType != nil {
                            byteClass = letter
                        }
                    }
                }
                // Without branches, as word boundaries are unpredictable: a blank ends the word (counted if
                // it had a letter or digit), a letter or digit marks the word as counting.
                let isSpace = Int(byteClass & space)
                let isLetter = Int(byteClass >> 1)
                words &+= wordHasLetter & isSpace
                wordHasLetter = (wordHasLetter | isLetter) & (isSpace ^ 1)
            }
            return words + wordHasLetter
        }
    }
}

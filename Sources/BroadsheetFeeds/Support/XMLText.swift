/// Text for XML element content and quoted attribute values.
public enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 does not allow (C0 controls other than tab and line
    /// ends, U+FFFE and U+FFFF; a Swift string holds no lone surrogates). Works on the UTF-8 bytes: everything that
    /// changes is ASCII except U+FFFE/F (EF BF BE/BF).
    public static func escape(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        appendEscaped(text, to: &out)
        return out
    }

    /// `escape(text)` appended to `out`, without building the escaped text on its own first: the runs between the
    /// characters that change are copied as they are (a feed escapes a few hundred kilobytes of story text).
    public static func appendEscaped(_ text: String, to out: inout String) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        let copied: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            var i = 0
            func flush(upTo end: Int) {
                guard end > runStart else { return }
                out.appendUTF8(of: utf8, from: runStart, to: end)
            }
            while i < bytes.count {
                let byte = bytes[i]
                let replacement: String?
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x09, 0x0A, 0x0D: i += 1; continue
                case 0x00..<0x20: replacement = ""
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    replacement = ""
                    skip = 3
                default: i += 1; continue
                }
                flush(upTo: i)
                out += replacement ?? ""
                i += skip
                runStart = i
            }
            flush(upTo: bytes.count)
        }
        precondition(copied != nil, "a string made contiguous has contiguous UTF-8")
    }

    private static func needsWork(_ text: String) -> Bool {
        text.utf8.contains { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
    }

    /// `text` as one or more CDATA sections appended to `out`: for story bodies (HTML), which would otherwise have
    /// every tag escaped. Characters XML cannot carry are dropped first; then each "]]>" is split across two sections.
    /// Most bodies need neither, and are copied whole after one scan.
    public static func appendCDATA(_ text: String, to out: inout String) {
        var text = text
        text.makeContiguousUTF8()
        if text.utf8.withContiguousStorageIfAvailable(hasDisallowedCharacters) ?? true {
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
            text.makeContiguousUTF8()
        }
        let utf8 = text.utf8
        out += "<![CDATA["
        let copied: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            // From one "]" to the next: story HTML has few.
            var i = ByteScan.first(UInt8(ascii: "]"), in: bytes, from: 0)
            while i + 2 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "]"), bytes[i + 2] == UInt8(ascii: ">") {
                    // End the section between "]]" and ">", and start another.
                    out.appendUTF8(of: utf8, from: runStart, to: i + 2)
                    out += "]]><![CDATA["
                    runStart = i + 2
                }
                i = ByteScan.first(UInt8(ascii: "]"), in: bytes, from: i + 1)
            }
            out.appendUTF8(of: utf8, from: runStart, to: bytes.count)
        }
        precondition(copied != nil, "a string made contiguous has contiguous UTF-8")
        out += "]]>"
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r") && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    /// Whether the bytes hold a C0 control other than tab and line ends, or U+FFFE/U+FFFF (EF BF BE/BF). Each word
    /// of eight bytes is judged whole for controls (tabs and line breaks are common in story HTML); only a word
    /// with an EF is looked at byte by byte.
    private static func hasDisallowedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func disallowed(at index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            return byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteScan.word(bytes, at: index)
            let lineBreaksAndTabs = ByteScan.bytes(word, equalTo: 0x09) | ByteScan.bytes(word, equalTo: 0x0A) | ByteScan.bytes(word, equalTo: 0x0D)
            if ByteScan.bytes(word, below: 0x20) & ~lineBreaksAndTabs != 0 { return true }
            if ByteScan.bytes(word, equalTo: 0xEF) != 0 {
                for position in index..<(index + 8) where disallowed(at: position) { return true }
            }
            index += 8
        }
        for position in index..<bytes.count where disallowed(at: position) { return true }
        return false
    }
}

extension String {
    /// Appends the bytes `start..<end` of `utf8`, which must begin and end on character boundaries (the callers cut
    /// only at ASCII bytes): copied as they are, without decoding again.
    mutating func appendUTF8(of utf8: String.UTF8View, from start: Int, to end: Int) {
        self += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
}

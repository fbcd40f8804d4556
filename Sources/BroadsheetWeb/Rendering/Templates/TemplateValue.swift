/// What a template sees: a page model turned into text, flags, numbers, lists and named fields, once per render.
/// Looking a name up is then a short scan of an object's fields, with no reflection or dynamic casts while the page is
/// written.
enum TemplateValue: Sendable, Equatable {
    /// Text, HTML-escaped where `{{name}}` writes it.
    case text(String)
    /// Text as UTF-8 bytes, written as `text` is: for HTML kept as bytes (a list's kept cards), copied as it is.
    case utf8([UInt8])
    /// UTF-8 bytes with a text put in at one place, written as `utf8` is: for a kept card with the time for now
    /// in it, written straight from the card's bytes rather than from a copy put together first.
    case spliced(SplicedUTF8)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object(TemplateFields)

    /// A field of an object; nil for anything else or a missing name.
    @inline(__always)
    func field(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

/// `bytes[..<at]`, then `before`, `text` HTML-escaped and `after`, then `bytes[at...]`; a class, so that a
/// `TemplateValue` stays as small as its other cases.
final class SplicedUTF8: Sendable, Equatable {
    let bytes: [UInt8]
    let at: Int
    let before: String
    let text: String
    let after: String

    /// `at` is clamped to the bytes.
    init(_ bytes: [UInt8], at: Int, before: String, text: String, after: String) {
        self.bytes = bytes
        self.at = min(max(0, at), bytes.count)
        self.before = before
        self.text = text
        self.after = after
    }

    var isEmpty: Bool { bytes.isEmpty && before.isEmpty && text.isEmpty && after.isEmpty }

    /// Appends the whole to `output` (the text escaped, the rest as it is).
    func write(to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { all in
            output.append(contentsOf: UnsafeBufferPointer(rebasing: all[..<at]))
            output.append(contentsOf: before.utf8)
            HTMLBytes.appendEscaped(text, to: &output)
            output.append(contentsOf: after.utf8)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: all[at...]))
        }
    }

    static func == (lhs: SplicedUTF8, rhs: SplicedUTF8) -> Bool {
        lhs.bytes == rhs.bytes && lhs.at == rhs.at && lhs.before == rhs.before && lhs.text == rhs.text && lhs.after == rhs.after
    }
}

/// An object's named fields, kept in one array in the order they were given.
///
/// Objects have a handful to twenty fields with short names, which Swift compares as two machine words: a scan of the
/// array is cheaper to build and to search than a hashed dictionary (hashing names was a tenth of a front page's
/// render). Equality ignores order, as a dictionary's does.
struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private(set) var entries: [(name: String, value: TemplateValue)]

    init() { entries = [] }

    init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    /// A literal's names must differ, as a dictionary literal's must (checked in debug builds).
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
        assert(Set(entries.map(\.name)).count == entries.count, "a template object literal names a field twice")
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The field called `name`; setting replaces it in place, or adds it at the end; setting nil removes it.
    subscript(name: String) -> TemplateValue? {
        @inline(__always) get {
            // By index: iterating the entries would copy (retain and release) each one on the way.
            var index = 0
            while index < entries.count {
                if entries[index].name == name { return entries[index].value }
                index += 1
            }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// The same names with the same values, in any order.
    static func == (lhs: TemplateFields, rhs: TemplateFields) -> Bool {
        lhs.entries.count == rhs.entries.count
            && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
            && rhs.entries.allSatisfy { lhs[$0.name] == $0.value }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }
}

/// What a template sees: a page model turned into text, flags, numbers, lists and named fields, once per render.
/// Looking a name up is then one dictionary probe, with no reflection or dynamic casts while the page is written.
enum TemplateValue: Sendable, Equatable {
    /// Text, HTML-escaped where `{{name}}` writes it.
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// A field of an object; nil for anything else or a missing name.
    @inline(__always)
    func field(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }
}

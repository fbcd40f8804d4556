/// Turns a page model (structs, arrays, optionals) into a `TemplateValue` once, before rendering, so the template
/// engine looks names up in dictionaries instead of reflecting on a struct for every name.
enum TemplateValues {

    static func convert(_ value: Any) -> TemplateValue {
        convertPresent(value) ?? .object([:])
    }

    /// The value converted by reflection alone, ignoring hand-built conversions (for tests that compare the two).
    static func reflect(_ value: Any) -> TemplateValue { convertPresent(value, reflectOnly: true) ?? .object([:]) }

    /// The converted value, or nil for an absent optional: the field is then left out, as reflection reports it.
    private static func convertPresent(_ value: Any, reflectOnly: Bool = false) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(number)
        case let number as Int64: return .number(Int(number))
        case let ready as TemplateValue: return ready
        case let convertible as TemplateConvertible where !reflectOnly: return convertible.templateValue
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields = TemplateFields(minimumCapacity: Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = convertPresent(child.value, reflectOnly: reflectOnly) { fields[label] = converted }
            }
            return .object(fields)
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return convertPresent(wrapped.value, reflectOnly: reflectOnly)
        case .dictionary:
            // Each child is a (key, value) pair; string keys become names.
            var fields = TemplateFields()
            for pair in mirror.children {
                let parts = Mirror(reflecting: pair.value).children.map(\.value)
                if parts.count == 2, let key = parts[0] as? String, let converted = convertPresent(parts[1], reflectOnly: reflectOnly) {
                    fields[key] = converted
                }
            }
            return .object(fields)
        case .collection:
            return .list(mirror.children.compactMap { convertPresent($0.value, reflectOnly: reflectOnly) })
        default:
            // Enumerations, numbers with a fraction: their description.
            return .text(String(describing: value))
        }
    }
}

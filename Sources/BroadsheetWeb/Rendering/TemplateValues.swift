/// Turns a page model (structs, arrays, optionals) into dictionaries and arrays before rendering. The template
/// engine otherwise reflects on a struct for every name it looks up, which cost more than everything else a search
/// page does; reflecting once per value and then looking names up in a dictionary is several times cheaper.
enum TemplateValues {

    static func convert(_ value: Any) -> Any {
        convertPresent(value) ?? (Optional<Any>.none as Any)
    }

    /// The value converted by reflection alone, ignoring hand-built conversions (for tests that compare the two).
    static func reflect(_ value: Any) -> Any { convertPresent(value, reflectOnly: true) ?? (Optional<Any>.none as Any) }

    /// The converted value, or nil for an absent optional: the field is then left out, as reflection reports it.
    private static func convertPresent(_ value: Any, reflectOnly: Bool = false) -> Any? {
        switch value {
        case is String, is Int, is Int64, is Bool, is Double:
            return value
        case let convertible as TemplateConvertible where !reflectOnly:
            return convertible.templateValue
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields = [String: Any](minimumCapacity: Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = convertPresent(child.value, reflectOnly: reflectOnly) { fields[label] = converted }
            }
            return fields
        case .optional:
            guard let wrapped = mirror.children.first else { return nil }
            return convertPresent(wrapped.value, reflectOnly: reflectOnly)
        case .collection:
            return mirror.children.compactMap { convertPresent($0.value, reflectOnly: reflectOnly) }
        default:
            return value
        }
    }
}

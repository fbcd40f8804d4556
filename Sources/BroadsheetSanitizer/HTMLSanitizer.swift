import Foundation

/// Cleans untrusted HTML (partner feeds, imports) by allow-list: tokenizes it as a browser would, keeps only the
/// elements and attributes the policy names, checks every address, and writes the result again from scratch, with
/// every text and attribute value escaped. Because the output is re-serialized, a browser reads exactly what was
/// checked, whatever tricks the input played with entities, case, quotes or broken nesting.
public struct HTMLSanitizer: Sendable {
    public var policy: SanitizerPolicy
    /// Hosts that are this site: links to them are not marked `nofollow`.
    public var ownHosts: Set<String>

    public init(policy: SanitizerPolicy = .standard, ownHosts: Set<String> = []) {
        self.policy = policy
        self.ownHosts = Set(ownHosts.map { $0.lowercased() })
    }

    /// `base` resolves relative addresses (the item's or feed's address); without it they are kept only when they
    /// are paths.
    public func sanitize(_ html: String, base: URL? = nil) -> String {
        var writer = Writer(policy: policy)
        var tokenizer = HTMLTokenizer(html)
        /// Inside an element whose content is dropped: its name and how many of it are open.
        var dropping: (name: String, depth: Int)?
        while let token = tokenizer.next() {
            if let current = dropping {
                switch token {
                case .startTag(let name, _, let selfClosing) where name == current.name && !selfClosing && !PolicyNames.isVoid(name):
                    dropping = (name, current.depth + 1)
                case .endTag(let name) where name == current.name:
                    dropping = current.depth > 1 ? (name, current.depth - 1) : nil
                default:
                    break
                }
                continue
            }
            switch token {
            case .text(let text):
                writer.text(text)
            case .ignored:
                break
            case .endTag(let name):
                writer.close(SanitizerPolicy.renamed[name] ?? name)
            case .startTag(let rawName, let attributes, let selfClosing):
                let name = SanitizerPolicy.renamed[rawName] ?? rawName
                if name == "iframe" {
                    // Its content (fallback text) was read as raw text; an iframe's is not shown either way.
                    if case .text = tokenizer.peekKind() { _ = tokenizer.next() }
                    if let frame = embed(attributes) {
                        writer.open("iframe", attributes: frame, selfClosing: false)
                        writer.close("iframe")
                    }
                    continue
                }
                if policy.dropsContent.contains(name) {
                    // Raw-text elements were already cut off by the tokenizer: their text comes next, then their end.
                    if HTMLTokenizer.rawText.contains(name) || HTMLTokenizer.rcdata.contains(name) || name == "plaintext" {
                        if case .text = tokenizer.peekKind() { _ = tokenizer.next() }
                    } else if !selfClosing && !PolicyNames.isVoid(name) {
                        dropping = (name, 1)
                    }
                    continue
                }
                guard let allowed = policy.elements[name] else { continue }
                let kept = clean(attributes, of: name, allowed: allowed, base: base)
                if name == "img", !kept.contains(where: { $0.name == "src" }) { continue }
                writer.open(name, attributes: kept, selfClosing: selfClosing)
            }
        }
        return writer.finish()
    }

    // MARK: - Attributes

    private func clean(_ attributes: [(name: String, value: String)], of element: String, allowed: Set<String>, base: URL?) -> [(name: String, value: String)] {
        var kept: [(name: String, value: String)] = []
        var external = false
        for (name, value) in attributes where allowed.contains(name) || policy.global.contains(name) {
            if policy.urlAttributes.contains(name) {
                guard let address = address(value, base: base, allowsImageData: element == "img" && name == "src") else { continue }
                if element == "a", name == "href", let url = URL(string: address), let host = url.host?.lowercased(), !ownHosts.contains(host) {
                    external = true
                }
                kept.append((name, address))
            } else if let checked = Self.checkValue(name, value) {
                kept.append((name, checked))
            }
        }
        if element == "a" {
            if external { kept.append(("rel", "noopener noreferrer nofollow")) }
        }
        if element == "img" { kept.append(("loading", "lazy")) }
        return kept
    }

    /// Values of plain attributes: numbers where numbers are meant, text elsewhere; nil drops the attribute.
    static func checkValue(_ name: String, _ value: String) -> String? {
        switch name {
        case "width", "height", "colspan", "rowspan", "start", "value":
            let digits = value.trimmingCharacters(in: .whitespaces)
            let isDigit: (Character) -> Bool = { $0 >= "0" && $0 <= "9" }
            let unsigned = digits.first == "-" && name == "start" ? digits.dropFirst() : Substring(digits)
            guard !unsigned.isEmpty, unsigned.count <= 6, unsigned.allSatisfy(isDigit) else { return nil }
            return digits
        case "dir": return ["ltr", "rtl", "auto"].contains(value.lowercased()) ? value.lowercased() : nil
        case "scope": return ["row", "col", "rowgroup", "colgroup"].contains(value.lowercased()) ? value.lowercased() : nil
        case "type": return ["1", "a", "A", "i", "I"].contains(value) ? value : nil
        case "reversed", "allowfullscreen": return ""
        case "lang": return value.count <= 35 && value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) ? value : nil
        default: return value.count <= 2_000 ? value : nil
        }
    }

    /// An allowed absolute address, or nil. Browsers ignore tabs and newlines inside addresses and spaces and
    /// controls around them, so those go before the scheme is read.
    func address(_ raw: String, base: URL?, allowsImageData: Bool) -> String? {
        var text = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}"))
        guard !text.isEmpty, text.utf8.count <= 1_000_000 else { return nil }
        if !(allowsImageData && text.lowercased().hasPrefix("data:")), text.utf8.count > 4_096 { return nil }
        if let colon = text.firstIndex(of: ":"), let scheme = Self.scheme(text[..<colon]) {
            if allowsImageData, scheme == "data" {
                let lower = text.lowercased()
                let images = ["data:image/png;base64,", "data:image/gif;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,"]
                return images.contains(where: lower.hasPrefix) ? text : nil
            }
            guard policy.linkSchemes.contains(scheme), let url = URL(string: text) ?? URL(string: Self.percentEncoded(text)) else { return nil }
            if scheme == "http" || scheme == "https" { guard url.host?.isEmpty == false else { return nil } }
            return url.absoluteString
        }
        // Relative: resolved against the base; a scheme-relative "//host/path" takes the base's scheme.
        guard let reference = URL(string: text) ?? URL(string: Self.percentEncoded(text)) else { return nil }
        guard let base else {
            return text.hasPrefix("//") ? nil : reference.relativeString
        }
        guard let resolved = URL(string: reference.relativeString, relativeTo: base)?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), policy.linkSchemes.contains(scheme) else { return nil }
        return resolved.absoluteString
    }

    /// The lower-cased scheme if `text` is one (a letter, then letters, digits, "+", "-", "."); nil otherwise, for
    /// example for "a/b:c" where the colon is in a path.
    static func scheme(_ text: Substring) -> String? {
        guard let first = text.first, first.isASCII, first.isLetter,
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return text.lowercased()
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A player from an allowed host and path: https only, with its size, sandboxed and lazy.
    private func embed(_ attributes: [(name: String, value: String)]) -> [(name: String, value: String)]? {
        guard let src = attributes.first(where: { $0.name == "src" })?.value,
              let address = address(src, base: URL(string: "https://embed.invalid/"), allowsImageData: false),
              let url = URL(string: address), url.scheme == "https", let host = url.host?.lowercased(),
              let prefix = policy.embedHosts[host], url.path.hasPrefix(prefix) else { return nil }
        var kept: [(name: String, value: String)] = [("src", address)]
        for (name, value) in attributes where ["width", "height", "title"].contains(name) {
            if let checked = Self.checkValue(name, value) { kept.append((name, checked)) }
        }
        if attributes.contains(where: { $0.name == "allowfullscreen" }) { kept.append(("allowfullscreen", "")) }
        kept += [("sandbox", "allow-scripts allow-same-origin"), ("loading", "lazy"), ("referrerpolicy", "strict-origin-when-cross-origin")]
        return kept
    }
}

enum PolicyNames {
    static func isVoid(_ name: String) -> Bool { SanitizerPolicy.void.contains(name) }
}

/// Writes the cleaned document, keeping elements properly nested: an end tag closes what was opened after its
/// element, an end tag with nothing to close is dropped, and everything still open is closed at the end.
private struct Writer {
    let policy: SanitizerPolicy
    var output = ""
    var open: [String] = []

    init(policy: SanitizerPolicy) {
        self.policy = policy
    }

    mutating func text(_ text: String) {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0 }) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func open(_ name: String, attributes: [(name: String, value: String)], selfClosing: Bool) {
        if SanitizerPolicy.closesParagraph.contains(name), open.contains("p") { close("p") }
        if name == "li", let list = open.lastIndex(where: { $0 == "ul" || $0 == "ol" }), let item = open.lastIndex(of: "li"), item > list { close("li") }
        if name == "dt" || name == "dd", let item = open.lastIndex(where: { $0 == "dt" || $0 == "dd" }) { close(open[item]) }
        if name == "a", open.contains("a") { close("a") }
        let isVoid = PolicyNames.isVoid(name)
        guard isVoid || open.count < policy.maximumDepth else { return }
        output += "<" + name
        for (attribute, value) in attributes {
            output += " " + attribute
            guard !value.isEmpty || !["allowfullscreen", "reversed"].contains(attribute) else { continue }
            output += "=\""
            if !value.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) {
                output += value + "\""
                continue
            }
            for scalar in value.unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "\"": output += "&quot;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                default: output.unicodeScalars.append(scalar)
                }
            }
            output += "\""
        }
        output += ">"
        if !isVoid { open.append(name) }
        _ = selfClosing  // HTML ignores "/>" on non-void elements; so do we: they stay open until closed.
    }

    mutating func close(_ name: String) {
        guard let index = open.lastIndex(of: name) else {
            if name == "p", policy.elements["p"] != nil { output += "<p></p>" }  // as HTML does for a stray </p>
            if name == "br" { output += "<br>" }
            return
        }
        while open.count > index {
            output += "</" + open.removeLast() + ">"
        }
    }

    mutating func finish() -> String {
        while let name = open.popLast() { output += "</" + name + ">" }
        return output
    }
}

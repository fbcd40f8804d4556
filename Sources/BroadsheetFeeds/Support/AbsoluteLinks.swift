/// Makes the site-relative `href` and `src` attributes of Broadsheet's own rendered HTML absolute, for feeds
/// whose readers do not know the site's address. It relies on that HTML quoting every attribute with `"`
/// and escaping `"` in text, which the story renderer guarantees.
public enum AbsoluteLinks {
    public static func resolve(in html: String, base: String) -> String {
        var result = html
        for marker in [" href=\"", " src=\""] where result.contains(marker) {
            let parts = result.components(separatedBy: marker)
            result = parts[0]
            for part in parts.dropFirst() {
                result += marker
                if part.hasPrefix("/"), !part.hasPrefix("//") { result += base }
                result += part
            }
        }
        return result
    }
}

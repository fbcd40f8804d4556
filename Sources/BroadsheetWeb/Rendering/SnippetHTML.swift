import BroadsheetCore

/// A search snippet as HTML: every part escaped, the matching words in `<mark>`.
enum SnippetHTML {
    static func render(_ snippet: SearchSnippet) -> String {
        snippet.parts.map { part in
            part.isMatch ? "<mark>" + HTMLEscaping.escape(part.text) + "</mark>" : HTMLEscaping.escape(part.text)
        }.joined()
    }
}

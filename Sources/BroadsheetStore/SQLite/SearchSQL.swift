import BroadsheetCore
import Foundation
import GRDB

/// Turns a parsed search into SQLite: an FTS5 match expression and SQL conditions for the filters.
enum SearchSQL {
    /// Column weights for BM25: a match in the headline counts most, then the standfirst, then the body.
    static let weights = "10.0, 4.0, 1.0"
    /// Private-use characters that mark matches in snippets; they cannot occur in stored text that readers typed.
    static let matchStart: Character = "\u{E000}"
    static let matchEnd: Character = "\u{E001}"

    /// The FTS5 expression, or nil when the query has no text to match. Every term is a quoted string, so nothing a
    /// reader types can be read as FTS5 syntax (operators, column filters, NEAR, parentheses).
    static func matchExpression(_ query: SearchQuery) -> String? {
        guard query.hasTextTerms else { return nil }
        let positives = query.words.map(quoted) + query.phrases.map { quoted($0.joined(separator: " ")) }
            + query.prefixes.map { quoted($0) + "*" }
        var expression = "(" + positives.joined(separator: " AND ") + ")"
        for phrase in query.excluded {
            expression += " NOT " + quoted(phrase.joined(separator: " "))
        }
        return expression
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Conditions on `articles a` for the request's filters and date range.
    static func filters(_ request: SearchRequest) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["a.status = 'published'"]
        var arguments = StatementArguments()
        if let section = request.query.section {
            conditions.append("a.section_id = (SELECT id FROM sections WHERE slug = ?)")
            arguments += [section]
        }
        if let author = request.query.author {
            conditions.append("""
                EXISTS (SELECT 1 FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                        WHERE aa.article_id = a.id AND au.slug = ?)
                """)
            arguments += [author]
        }
        if let tag = request.query.tag {
            conditions.append("""
                EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id AND t.slug = ?)
                """)
            arguments += [tag]
        }
        if let from = request.from {
            conditions.append("a.published_at >= ?")
            arguments += [from]
        }
        if let until = request.until {
            conditions.append("a.published_at < ?")
            arguments += [until]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// Splits an FTS5 snippet at the match markers.
    static func snippet(_ marked: String) -> SearchSnippet {
        var parts: [SearchSnippet.Part] = []
        var current = ""
        var inMatch = false
        for character in marked {
            if character == matchStart || character == matchEnd {
                if !current.isEmpty { parts.append(.init(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = character == matchStart
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(.init(text: current, isMatch: inMatch)) }
        return SearchSnippet(parts: parts)
    }
}

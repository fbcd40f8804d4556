import BroadsheetCore
import Foundation
import GRDB

/// Turns a parsed search into SQLite: an FTS5 match expression and SQL conditions for the filters.
enum SearchSQL {
    /// Column weights for BM25: a match in the headline counts most, then the standfirst, then the body; facets
    /// (filter tokens) not at all.
    static let weights = "10.0, 4.0, 1.0, 0.0"
    /// Private-use characters that mark matches in snippets; they cannot occur in stored text that readers typed.
    static let matchStart: Character = "\u{E000}"
    static let matchEnd: Character = "\u{E001}"
    /// The column snippets are taken from: the body.
    static let snippetColumn = 2

    /// The FTS5 expression for the reader's words (searched in headline, standfirst and body) and the filters
    /// (matched as tokens in the facets column), or nil when there is nothing to match. Every word is a quoted
    /// string, so nothing a reader types can be read as FTS5 syntax (operators, column filters, NEAR, parentheses).
    static func matchExpression(_ query: SearchQuery, facets: [String]) -> String? {
        var parts: [String] = []
        if query.hasTextTerms {
            let positives = query.words.map(quoted) + query.phrases.map { quoted($0.joined(separator: " ")) }
                + query.prefixes.map { quoted($0) + "*" }
            var text = "(" + positives.joined(separator: " AND ") + ")"
            for phrase in query.excluded {
                text = "(" + text + " NOT " + quoted(phrase.joined(separator: " ")) + ")"
            }
            parts.append("({headline standfirst body_text} : " + text + ")")
        }
        parts += facets.map { "(facets : " + quoted($0) + ")" }
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The filter tokens for the query's section, author and tag; nil when a slug names nothing (so nothing matches).
    static func facets(_ db: Database, _ query: SearchQuery) throws -> [String]? {
        var tokens: [String] = []
        let lookups: [(String?, String, (Int64) -> String)] = [
            (query.section, "SELECT id FROM sections WHERE slug = ?", SearchIndexing.sectionToken),
            (query.author, "SELECT id FROM authors WHERE slug = ?", SearchIndexing.authorToken),
            (query.tag, "SELECT id FROM tags WHERE slug = ?", SearchIndexing.tagToken),
        ]
        for (slug, sql, token) in lookups {
            guard let slug else { continue }
            guard let id = try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: [slug]) else { return nil }
            tokens.append(token(id))
        }
        return tokens
    }

    /// Conditions on the index's rows (keys) for the request's date range.
    static func keyRange(_ request: SearchRequest) -> (sql: String, arguments: StatementArguments) {
        var sql = ""
        var arguments = StatementArguments()
        if let from = request.from {
            sql += " AND rowid >= ?"
            arguments += [SearchIndexing.firstKey(atOrAfter: from)]
        }
        if let until = request.until {
            sql += " AND rowid < ?"
            arguments += [SearchIndexing.firstKey(atOrAfter: until)]
        }
        return (sql, arguments)
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

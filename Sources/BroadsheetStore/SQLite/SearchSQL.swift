import BroadsheetCore
import Foundation
import GRDB

/// Turns a parsed search into SQLite: an FTS5 match expression and SQL conditions for the filters.
enum SearchSQL {
    /// The column snippets are taken from: the body.
    static let snippetColumn = 2

    /// An FTS5 MATCH expression and its phrases, in the order FTS5 numbers them.
    struct Expression {
        struct Phrase {
            /// The phrase alone, as an FTS5 expression (`"harbour master"`, `"flood"*`).
            let text: String
            /// Whether it counts towards relevance (words to find do; exclusions and filters do not).
            let ranks: Bool
        }

        let text: String
        let phrases: [Phrase]
    }

    /// The expression for the reader's words and the filters (matched as tokens in the facets column), or nil when
    /// there is nothing to match. Every word is a quoted string, so nothing a reader types can be read as FTS5
    /// syntax (operators, column filters, NEAR, parentheses). No column filter on the words: it would cost a
    /// position check per match, and facet tokens ("zzsection3") are not words anyone searches for.
    static func matchExpression(_ query: SearchQuery, facets: [String]) -> Expression? {
        var parts: [String] = []
        var phrases: [Expression.Phrase] = []
        if query.hasTextTerms {
            let positives = query.words.map(quoted) + query.phrases.map { quoted($0.joined(separator: " ")) }
                + query.prefixes.map { quoted($0) + "*" }
            phrases += positives.map { .init(text: $0, ranks: true) }
            var text = "(" + positives.joined(separator: " AND ") + ")"
            for phrase in query.excluded.map({ quoted($0.joined(separator: " ")) }) {
                text = "(" + text + " NOT " + phrase + ")"
                phrases.append(.init(text: phrase, ranks: false))
            }
            parts.append(text)
        }
        for facet in facets.map(quoted) {
            parts.append("(facets : " + facet + ")")
            phrases.append(.init(text: facet, ranks: false))
        }
        return parts.isEmpty ? nil : Expression(text: parts.joined(separator: " AND "), phrases: phrases)
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
}

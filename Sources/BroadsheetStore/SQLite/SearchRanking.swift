import Foundation
import GRDB
import GRDBSQLite

/// BM25 with field weights, computed as FTS5's own `bm25()` computes it, with one difference that matters for speed:
/// the number of stories containing each phrase arrives as an argument (from `DocumentFrequencies`) instead of being
/// counted by scanning the phrase's whole posting list on every query, which FTS5's `bm25()` does and which costs
/// more than the ranking itself for common words.
///
/// SQL: `broadsheet_rank(search_index, df1, df2, ...)`, one document frequency per phrase of the MATCH expression
/// in the order they appear; a negative frequency leaves the phrase out of the score (exclusions, filters).
/// Lower is better, like `bm25()`.
enum SearchRanking {
    static let functionName = "broadsheet_rank"
    /// Headline, standfirst, body, facets.
    static let columnWeights: [Double] = [10, 4, 1, 0]
    static let k1 = 1.2
    static let b = 0.75

    /// Makes the functions available on a connection. Called for every connection the store opens.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), functionName, nil, rank, nil)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), matchesFunctionName, nil, matches, nil)
    }

    /// `broadsheet_matches(search_index, column)`: where the query's phrases match in one column of the current row,
    /// as a blob of 32-bit integers in the machine's order: the column's length in tokens, the number of phrases,
    /// each phrase's size in tokens, then each match in that column as its phrase number and token offset. FTS5 knows
    /// all this from its index; reading it costs no tokenizing, unlike `snippet()`. (`SnippetMaker.Located(blob:)`
    /// reads it back.)
    static let matchesFunctionName = "broadsheet_matches"

    private static let matches: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api = api?.pointee, argumentCount >= 1, let arguments else { return }
        let wanted = sqlite3_value_int(arguments[0])
        let phraseCount = api.xPhraseCount(fts)
        var instances: Int32 = 0
        var columnTokens: Int32 = 0
        guard api.xInstCount(fts, &instances) == SQLITE_OK, api.xColumnSize(fts, wanted, &columnTokens) == SQLITE_OK else {
            sqlite3_result_error(context, "broadsheet_matches: the index could not be read", -1)
            return
        }
        var values: [Int32] = [columnTokens, phraseCount]
        values.reserveCapacity(2 + Int(phraseCount) + 2 * Int(instances))
        for phrase in 0..<phraseCount { values.append(api.xPhraseSize(fts, phrase)) }
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        for index in 0..<instances where api.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK && column == wanted {
            values.append(phrase)
            values.append(offset)
        }
        values.withUnsafeBytes { bytes in
            sqlite3_result_blob(context, bytes.baseAddress, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    /// Per row: each ranking phrase's instances read with `xPhraseFirst`/`xPhraseNext`, which walk that phrase's
    /// positions alone. (`xInstCount`/`xInst` first build one sorted list of every phrase's instances, exclusions and
    /// filters included: the ranking function took about a quarter of a two-word search's time that way.)
    private static let rank: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api = api?.pointee, let xPhraseFirst = api.xPhraseFirst, let xPhraseNext = api.xPhraseNext else { return }
        let phraseCount = min(api.xPhraseCount(fts), argumentCount)
        var rows: sqlite3_int64 = 0
        var totalTokens: sqlite3_int64 = 0
        var documentTokens: Int32 = 0
        guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &totalTokens) == SQLITE_OK,
              api.xColumnSize(fts, -1, &documentTokens) == SQLITE_OK
        else {
            sqlite3_result_error(context, "broadsheet_rank: the index could not be read", -1)
            return
        }
        let averageLength = rows > 0 ? Double(totalTokens) / Double(rows) : 1
        let lengthNorm = k1 * (1 - b + b * Double(documentTokens) / max(averageLength, 1))
        var score = 0.0
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0, offset: Int32 = 0
        for phrase in 0..<max(0, phraseCount) {
            let documents = Double(sqlite3_value_int64(arguments![Int(phrase)]))
            guard documents >= 0 else { continue }
            // Weighted frequency of the phrase in this story.
            var frequency = 0.0
            guard xPhraseFirst(fts, phrase, &iterator, &column, &offset) == SQLITE_OK else {
                sqlite3_result_error(context, "broadsheet_rank: the index could not be read", -1)
                return
            }
            while column >= 0 {
                switch column {
                case 0: frequency += headlineWeight
                case 1: frequency += standfirstWeight
                case 2: frequency += bodyWeight
                default: break
                }
                xPhraseNext(fts, &iterator, &column, &offset)
            }
            guard frequency > 0 else { continue }
            // As FTS5 does: a phrase in more than half the stories still counts a very little.
            let idf = max(log((Double(rows) - documents + 0.5) / (documents + 0.5)), 1e-6)
            score += idf * frequency * (k1 + 1) / (frequency + lengthNorm)
        }
        sqlite3_result_double(context, -score)
    }

    // `columnWeights` one by one, for the ranking function's inner loop.
    private static let headlineWeight = columnWeights[0]
    private static let standfirstWeight = columnWeights[1]
    private static let bodyWeight = columnWeights[2]
}

/// How many stories contain each search phrase, remembered for a while: it changes slowly, and counting it for a
/// common word means reading its whole posting list.
final class DocumentFrequencies: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: (count: Int64, at: Date)] = [:]
    private let lifetime: TimeInterval
    private let capacity: Int

    init(lifetime: TimeInterval = 600, capacity: Int = 20_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The number of indexed stories matching `phrase` (an FTS5 phrase expression such as `"flood"*`).
    func count(of phrase: String, in db: Database) throws -> Int64 {
        let now = Date()
        if let known = lock.withLock({ counts[phrase] }), now.timeIntervalSince(known.at) < lifetime {
            return known.count
        }
        let count = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM search_index WHERE search_index MATCH ?"), arguments: [phrase]
        ) ?? 0
        lock.withLock {
            if counts.count >= capacity { counts.removeAll(keepingCapacity: true) }
            counts[phrase] = (count, now)
        }
        return count
    }

    /// Forgets everything, e.g. after the index was rebuilt.
    func removeAll() {
        lock.withLock { counts.removeAll() }
    }
}

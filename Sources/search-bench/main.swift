// Measures the search call on a seeded database: a fixed mixed query set, run several rounds, latency percentiles
// per kind of query. Also writes the same queries as site paths for the HTTP side of the benchmark (bench/search.sh).
//
//   search-bench DATABASE [ROUNDS] [PATHS-FILE]

import BroadsheetCore
import BroadsheetStore
import Foundation

struct Query {
    let kind: String
    let text: String
    var section: String? = nil
    var sort: SearchSort = .relevance
    var lastDays: Int? = nil
}

/// The fixed query set: every kind of query a reader sends, over words the generated corpus contains.
let fixed: [Query] = [
    Query(kind: "common word", text: "valley"),
    Query(kind: "common word", text: "council"),
    Query(kind: "common word", text: "said"),
    Query(kind: "two words", text: "ferry timetable"),
    Query(kind: "two words", text: "council budget"),
    Query(kind: "two words", text: "flood defences"),
    Query(kind: "phrase", text: "\"harbour master\""),
    Query(kind: "phrase", text: "\"book festival\""),
    Query(kind: "prefix", text: "harb*"),
    Query(kind: "prefix", text: "flood*"),
    Query(kind: "prefix", text: "counc*"),
    Query(kind: "prefix", text: "festiv*"),
    Query(kind: "long prefix", text: "councillo*"),
    Query(kind: "exclusion", text: "ferry -timetable"),
    Query(kind: "filter", text: "river section:science"),
    Query(kind: "filter", text: "match author:callum-reith"),
    Query(kind: "filter", text: "school tag:education"),
    Query(kind: "filter only", text: "section:sport"),
    Query(kind: "date range", text: "harbour", lastDays: 30),
    Query(kind: "sort by date", text: "market", sort: .date),
    Query(kind: "sort by date", text: "valley council", sort: .date),
    Query(kind: "no hits", text: "zzqxjv"),
    Query(kind: "no hits", text: "ferry zzqxjv"),
]

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))  // nearest-rank method
    return sorted[min(sorted.count, max(1, rank)) - 1]
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: search-bench DATABASE [ROUNDS] [PATHS-FILE]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 5) : 5
let store = try SQLiteStore(path: arguments[1])
try store.migrate()

// Rare words: deterministic picks from the index's own vocabulary (in 3 to 30 stories each).
let rare = try await store.rareSearchTerms(count: 6, minimumStories: 3, maximumStories: 30)
let queries = fixed + rare.map { Query(kind: "rare word", text: $0) }
let newest = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 1)!).items.first?.publishedAt ?? Date()

if arguments.count > 3 {
    var paths: [String] = []
    for query in queries {
        var items = [URLQueryItem(name: "q", value: query.text)]
        if query.sort == .date { items.append(URLQueryItem(name: "sort", value: "date")) }
        if let days = query.lastDays {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            items.append(URLQueryItem(name: "from", value: formatter.string(from: newest.addingTimeInterval(-Double(days) * 86_400))))
        }
        var components = URLComponents()
        components.path = "/search"
        components.queryItems = items
        paths.append(components.percentEncodedQuery.map { "/search?" + $0.replacingOccurrences(of: "+", with: "%2B") } ?? "/search")
    }
    try (paths.joined(separator: "\n") + "\n").write(toFile: arguments[3], atomically: true, encoding: .utf8)
}

var byKind: [String: [Double]] = [:]
var all: [Double] = []
var totals: [String: String] = [:]
let clock = ContinuousClock()
let page = PageRequest(number: 1, size: 10)!  // the size of a results page on the site
for round in 0...rounds {
    for query in queries {
        var request = SearchRequest(query: SearchQuery(query.text), sort: query.sort)
        if let days = query.lastDays { request.from = newest.addingTimeInterval(-Double(days) * 86_400) }
        var results: SearchResults?
        let elapsed = try await clock.measure { results = try await store.search(request, page: page) }
        if round == 0 {
            // The first round warms the caches and is not counted.
            totals[query.text] = "\(results!.totalIsExact ? "" : ">")\(results!.total)"
            continue
        }
        byKind[query.kind, default: []].append(milliseconds(elapsed))
        all.append(milliseconds(elapsed))
    }
}

print("queries: \(queries.count), rounds: \(rounds) (after one warm-up round)")
for query in queries { print("  " + query.text + ": " + (totals[query.text] ?? "?") + " results") }
func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
print(pad("kind", 14) + ["p50 ms", "p95 ms", "p99 ms", "max ms"].map { pad($0, 9) }.joined())
for kind in (byKind.keys.sorted()) + ["ALL"] {
    let sorted = (kind == "ALL" ? all : byKind[kind]!).sorted()
    let figures = [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.last ?? 0]
    print(pad(kind, 14) + figures.map { pad(String(format: "%.2f", $0), 9) }.joined())
}

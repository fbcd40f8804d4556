import BroadsheetCore
import Foundation
import Hummingbird

/// The search form's fields, as they arrive in the query string and as links carry them on.
struct SearchParameters: Sendable, Hashable {
    var q = "" {
        didSet { normalizedQ = SearchQuery(q).text }
    }
    /// `q` as the search reads it, worked out once: every link of a results page carries it.
    private(set) var normalizedQ = ""
    var section = ""
    var author = ""
    var tag = ""
    /// "YYYY-MM-DD", inclusive, in the publication's time zone.
    var from = ""
    var to = ""
    var sort = SearchSort.relevance

    /// Reads the fields; a malformed date or order is a 400 with a message saying what is wrong.
    init(request: Request) throws {
        let parameters = FormQuery(request)
        q = parameters.get("q") ?? ""
        normalizedQ = SearchQuery(q).text
        section = parameters.get("section") ?? ""
        author = parameters.get("author") ?? ""
        tag = parameters.get("tag") ?? ""
        from = (parameters.get("from") ?? "").trimmingCharacters(in: .whitespaces)
        to = (parameters.get("to") ?? "").trimmingCharacters(in: .whitespaces)
        let order = parameters.get("sort") ?? ""
        guard order.isEmpty || SearchSort(rawValue: order) != nil else {
            throw HTTPError(.badRequest, message: "Results can be sorted by relevance or by date.")
        }
        sort = SearchSort(rawValue: order) ?? .relevance
        for date in [from, to] where !date.isEmpty && Self.day(date) == nil {
            throw HTTPError(.badRequest, message: "Dates must be written as YYYY-MM-DD, for example 2026-11-24, between the years 1000 and 3999.")
        }
    }

    init(q: String) {
        self.q = q
        normalizedQ = SearchQuery(q).text
    }

    /// The request for the store: the text query with the form's filters, and the date range in the publication's zone.
    func searchRequest(calendar: Calendar) -> SearchRequest {
        let query = SearchQuery(q).filtered(
            section: section.isEmpty ? nil : section, author: author.isEmpty ? nil : author, tag: tag.isEmpty ? nil : tag
        )
        let start = Self.day(from).flatMap { calendar.date(from: $0) }
        let end = Self.day(to).flatMap { calendar.date(from: $0) }.flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        return SearchRequest(query: query, from: start, until: end, sort: sort)
    }

    /// The query string for links, with only the fields that are set, in a fixed order.
    var queryString: String {
        var pairs: [(String, String)] = [("q", normalizedQ)]
        pairs += [("section", section), ("author", author), ("tag", tag), ("from", from), ("to", to)]
        if sort != .relevance { pairs.append(("sort", sort.rawValue)) }
        return pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\(SiteRoute.encodeQueryValue($0.1))" }.joined(separator: "&")
    }

    /// A calendar day from "YYYY-MM-DD", or nil if it is not a real date between years 1000 and 3999 (no story is
    /// filed outside them, and dates far enough ahead no longer fit the search index's keys).
    private static func day(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1000...3999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return components
    }
}

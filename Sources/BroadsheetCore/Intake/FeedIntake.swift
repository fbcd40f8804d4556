import Foundation

/// What one poll of one partner did, for logs, the command line and the newsroom.
public struct PollReport: Sendable, Hashable, CustomStringConvertible {
    public var partnerID: Int64
    public var partnerName: String
    /// "imported", "not modified", "failed", "skipped".
    public var result: String
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var duplicates = 0
    public var keptEdits = 0
    public var failedItems = 0
    public var error: String?
    public var nextPollAt: Date?
    /// The stories this poll created or changed, for whoever announces changed feeds (WebSub).
    public var changedStoryIDs: [Int64] = []

    public var description: String {
        var text = "partner \(partnerID) (\(partnerName)): \(result)"
        if result == "imported" {
            text += ": \(created) new, \(updated) updated, \(unchanged) unchanged, \(duplicates) duplicates"
            if keptEdits > 0 { text += ", \(keptEdits) kept the newsroom's edits" }
            if failedItems > 0 { text += ", \(failedItems) items refused" }
        }
        if let error { text += ": \(error)" }
        if let nextPollAt { text += "; next poll \(InternetDate.rfc3339(nextPollAt))" }
        return text
    }
}

/// Takes in partners' feeds: fetch (conditionally), parse, sanitize once, recognise what came in before, store,
/// and decide when to ask again — the partner's interval, lengthened by the feed's ttl, Cache-Control and
/// Retry-After, and doubled after each failure (up to a day).
public struct FeedIntake: Sendable {
    let store: any PartnerIntakeStoring
    let taxonomy: any TaxonomyReading
    let fetcher: any FeedFetching
    let reader: any FeedReading
    let cleaner: any HTMLBodyCleaning
    let clock: any WallClock

    /// Longest wait between polls after failures.
    public static let maximumBackoff: TimeInterval = 86_400
    /// How long a server holds a partner while polling it; another server may take over after that.
    public static let claimDuration: TimeInterval = 300

    public init(
        store: any PartnerIntakeStoring, taxonomy: any TaxonomyReading, fetcher: any FeedFetching, reader: any FeedReading,
        cleaner: any HTMLBodyCleaning, clock: any WallClock
    ) {
        self.store = store
        self.taxonomy = taxonomy
        self.fetcher = fetcher
        self.reader = reader
        self.cleaner = cleaner
        self.clock = clock
    }

    /// Polls every partner with a feed whose next poll is due (all of them with `force`), one after another.
    public func pollDue(force: Bool = false) async throws -> [PollReport] {
        var reports: [PollReport] = []
        for partner in try await store.partners() where partner.feedURL != nil {
            if !force, let next = partner.status.nextPollAt, next > clock.now() { continue }
            reports.append(try await poll(partner))
        }
        return reports
    }

    /// Polls one partner now, unless another server is polling it at this moment.
    public func poll(_ partner: Partner) async throws -> PollReport {
        var report = PollReport(partnerID: partner.id, partnerName: partner.name, result: "skipped")
        guard let feedURL = partner.feedURL else {
            report.error = "no feed address"
            return report
        }
        let started = clock.now()
        guard try await store.claimPoll(partnerID: partner.id, until: started.addingTimeInterval(Self.claimDuration), now: started) else {
            report.error = "another server is polling it"
            return report
        }
        var status = partner.status
        status.lastPolledAt = started
        let interval = partner.intake.pollInterval
        do {
            let result = try await fetcher.fetch(FeedRequest(url: feedURL, etag: status.etag, lastModified: status.lastModified))
            switch result {
            case .notModified(let timing):
                report.result = "not modified"
                status.nextPollAt = started.addingTimeInterval(max(interval, timing.maxAge ?? 0, timing.retryAfter ?? 0))
            case .fetched(let body, let finalURL, let etag, let lastModified, let timing):
                let feed: IncomingFeed
                do {
                    feed = try reader.read(body, url: finalURL)
                } catch {
                    throw FeedFetchError("not a usable feed: \(error)", timing: timing)
                }
                report.result = "imported"
                try await importItems(feed, partner: partner, into: &report)
                // Validators are kept only once every item is stored: a poll cut short fetches everything again.
                status.etag = etag
                status.lastModified = lastModified
                status.nextPollAt = started.addingTimeInterval(max(interval, timing.maxAge ?? 0, timing.retryAfter ?? 0, feed.timeToLive ?? 0))
            }
            status.lastSuccessAt = started
            status.lastError = nil
            status.consecutiveFailures = 0
        } catch let error as FeedFetchError {
            report.result = "failed"
            report.error = error.description
            status.lastError = error.description
            status.consecutiveFailures += 1
            let backoff = min(interval * pow(2, Double(min(status.consecutiveFailures, 16))), Self.maximumBackoff)
            status.nextPollAt = started.addingTimeInterval(max(backoff, error.timing.retryAfter ?? 0))
        }
        report.nextPollAt = status.nextPollAt
        try await store.recordPoll(partnerID: partner.id, status: status)
        return report
    }

    private func importItems(_ feed: IncomingFeed, partner: Partner, into report: inout PollReport) async throws {
        let sections = try await taxonomy.sections()
        guard let sectionID = partner.intake.defaultSectionID ?? sections.first?.id else {
            throw FeedFetchError("there is no section to put the stories in")
        }
        // Oldest first, so that stories published directly appear in their original order.
        let items = feed.items.enumerated().sorted { left, right in
            let l = left.element.published ?? .distantFuture, r = right.element.published ?? .distantFuture
            return l == r ? left.offset > right.offset : l < r
        }.map(\.element)
        for item in items {
            guard let intake = intakeItem(item, partner: partner, sectionID: sectionID) else {
                report.failedItems += 1
                continue
            }
            do {
                switch try await store.importItem(intake, now: clock.now()) {
                case .created(let id):
                    report.created += 1
                    report.changedStoryIDs.append(id)
                case .updated(let id):
                    report.updated += 1
                    report.changedStoryIDs.append(id)
                case .unchanged: report.unchanged += 1
                case .duplicate: report.duplicates += 1
                case .keptNewsroomEdit: report.keptEdits += 1
                }
            } catch let error as PublicationWriteError {
                report.failedItems += 1
                report.error = "an item was refused: \(error)"
            }
        }
    }

    /// The story an item becomes; nil for an item with neither a title nor any text.
    func intakeItem(_ item: IncomingItem, partner: Partner, sectionID: Int64) -> IntakeItem? {
        let now = clock.now()
        let base = item.base ?? item.link ?? partner.feedURL
        let sourceHTML = item.contentHTML.isEmpty ? item.summaryHTML : item.contentHTML
        let body = cleaner.clean(html: sourceHTML, base: base)
        let summaryText = item.contentHTML.isEmpty ? "" : cleaner.clean(html: item.summaryHTML, base: base).plainText
        var headline = Self.oneLine(item.title)
        if headline.isEmpty { headline = Self.cut(Self.oneLine(body.plainText), to: 120) }
        guard !headline.isEmpty else { return nil }
        headline = Self.cut(headline, to: 200)
        var standfirst = Self.oneLine(summaryText)
        if standfirst.isEmpty || standfirst == Self.oneLine(body.plainText) { standfirst = Self.cut(Self.oneLine(body.plainText), to: 280) }
        standfirst = Self.cut(standfirst, to: 600)

        let key: String
        if let id = item.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty {
            key = "id:" + id
        } else if let link = item.link {
            key = "link:" + link.absoluteString
        } else {
            key = "text:" + Self.hash(headline + "\u{1F}" + body.plainText)
        }
        let author = item.authorNames.map(Self.oneLine).filter { !$0.isEmpty }.joined(separator: ", ")
        let published = min(item.published ?? now, now)
        let link = item.link ?? partner.homepage
        let publishes = partner.intake.mode == .publish
        let updated = item.updated.flatMap { $0 > published.addingTimeInterval(60) ? min($0, now) : nil }
        let article = NewArticle(
            status: publishes ? .published : .draft,
            slug: Slug.makeIfPossible(from: headline) ?? "story",
            headline: headline, standfirst: standfirst, sectionID: sectionID, authorIDs: [], tagNames: [],
            bodyMarkdown: body.html, body: body,
            source: StorySource(outletName: partner.name, url: link, originalAuthor: author.isEmpty ? nil : author, originalPublishedAt: published),
            partnerID: partner.id, createdAt: now, publishedAt: publishes ? published : nil,
            contentUpdatedAt: publishes ? updated : nil, modifiedAt: now, bodyFormat: .html
        )
        let fingerprint = StoryFingerprint(text: headline + " " + body.plainText) ?? StoryFingerprint(value: 0)
        return IntakeItem(
            partnerID: partner.id, key: Self.cut(key, to: 2_000), link: item.link, fingerprint: fingerprint,
            contentHash: Self.hash([headline, standfirst, body.html, link.absoluteString, author].joined(separator: "\u{1F}")),
            article: article
        )
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// At most `limit` characters, cut at a word where possible, with an ellipsis when cut.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit - 1)
        let atWord = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return String(atWord.isEmpty ? prefix : atWord) + "…"
    }

    /// FNV-1a, 64 bits, as hex: stable across processes and machines.
    static func hash(_ text: String) -> String {
        String(FNV1a.hash(text.utf8), radix: 16)
    }
}

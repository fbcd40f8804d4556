import Foundation

/// What a list of stories shows about each one.
public struct ArticleSummary: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var slug: String
    public var headline: String
    public var standfirst: String
    public var section: Section
    public var authors: [Author]
    public var publishedAt: Date
    /// Set when the story was substantively changed after publication.
    public var contentUpdatedAt: Date?
    public var leadImage: LeadImage?
    public var source: StorySource?

    public init(
        id: Int64, slug: String, headline: String, standfirst: String, section: Section, authors: [Author],
        publishedAt: Date, contentUpdatedAt: Date?, leadImage: LeadImage?, source: StorySource?
    ) {
        self.id = id
        self.slug = slug
        self.headline = headline
        self.standfirst = standfirst
        self.section = section
        self.authors = authors
        self.publishedAt = publishedAt
        self.contentUpdatedAt = contentUpdatedAt
        self.leadImage = leadImage
        self.source = source
    }

    /// The time a reader should see as "Updated", when it differs from the publication time.
    public var visibleUpdate: Date? {
        guard let updated = contentUpdatedAt, updated.timeIntervalSince(publishedAt) >= 60 else { return nil }
        return updated
    }

    /// The latest of publication and update, for feeds and sitemaps.
    public var lastChangedAt: Date { max(publishedAt, contentUpdatedAt ?? publishedAt) }
}

/// A story's card in a list, rendered once and kept with the story: `head` and `tail` are the HTML before and after
/// the place where a page puts "3 hours ago", which changes with the clock.
/// Kept as UTF-8 bytes, head then tail in one array: a page copies them out as they are, where making texts of them
/// checked every byte of every card on every uncached list (and two arrays cost a list two allocations a card).
public struct RenderedCard: Sendable, Hashable {
    /// The head's bytes, then the tail's.
    public let utf8: [UInt8]
    /// How many of `utf8` are the head's.
    public let headCount: Int

    public init(head: String, tail: String) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(head.utf8.count + tail.utf8.count)
        utf8 += head.utf8
        utf8 += tail.utf8
        self.init(utf8: utf8, headCount: head.utf8.count)
    }

    /// From bytes read back from storage, which were written from `head` and `tail` (so are UTF-8): the head's
    /// `headCount` bytes, then the tail's. A count outside the bytes is taken as all of them (no tail).
    public init(utf8: [UInt8], headCount: Int) {
        self.utf8 = utf8
        self.headCount = min(max(0, headCount), utf8.count)
    }

    public var headUTF8: ArraySlice<UInt8> { utf8[..<headCount] }
    public var tailUTF8: ArraySlice<UInt8> { utf8[headCount...] }
    public var head: String { String(decoding: headUTF8, as: UTF8.self) }
    public var tail: String { String(decoding: tailUTF8, as: UTF8.self) }
}

/// A published story with everything its page shows.
public struct Article: Sendable, Hashable, Identifiable {
    public var summary: ArticleSummary
    /// Identifier for feeds, fixed at creation: it never changes when the story is edited or its slug changes.
    public var guid: String
    /// The body as rendered HTML, produced once when the story was saved.
    public var bodyHTML: String
    public var wordCount: Int
    public var tags: [Tag]
    public var corrections: [Correction]

    public init(summary: ArticleSummary, guid: String, bodyHTML: String, wordCount: Int, tags: [Tag], corrections: [Correction]) {
        self.summary = summary
        self.guid = guid
        self.bodyHTML = bodyHTML
        self.wordCount = wordCount
        self.tags = tags
        self.corrections = corrections
    }

    public var id: Int64 { summary.id }
}

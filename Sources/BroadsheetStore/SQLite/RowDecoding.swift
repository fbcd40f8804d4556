import BroadsheetCore
import Foundation
import GRDB

/// Turns result rows into domain values. Column names follow the aliases used by the queries in this folder.
enum RowDecoding {
    /// A section from `id, slug, name, description, position`, by position from `offset`.
    static func section(_ row: ColumnReader, at offset: Int32 = 0) -> Section {
        Section(
            id: row.int64(offset), slug: row.text(offset + 1), name: row.text(offset + 2), description: row.text(offset + 3),
            position: row.int(offset + 4)
        )
    }

    /// An image reference from the `<prefix>sha256`, `media_type`, `width`, `height` columns; nil when absent.
    static func image(_ row: Row, prefix: String = "") -> ImageReference? {
        guard let sha: String = row[prefix + "sha256"],
              let type: String = row[prefix + "media_type"], let mediaType = ImageMediaType(rawValue: type)
        else { return nil }
        return ImageReference(
            sha256: sha, mediaType: mediaType, width: row[prefix + "width"], height: row[prefix + "height"],
            byteSize: row.hasColumn(prefix + "byte_size") ? row[prefix + "byte_size"] : 0
        )
    }

    static func author(_ row: Row) -> Author {
        Author(
            id: row["id"], slug: row["slug"], name: row["name"], role: row["role"], bio: row["bio"],
            photo: image(row, prefix: "photo_")
        )
    }

    static func tag(_ row: Row) -> Tag {
        Tag(id: row["id"], slug: row["slug"], name: row["name"])
    }

    /// The lead image and source columns shared by summaries and the newsroom's stories.
    static func summaryParts(_ row: Row) -> (leadImage: LeadImage?, source: StorySource?) {
        let leadImage = image(row, prefix: "lead_").map { reference in
            LeadImage(
                image: reference, alt: row["lead_image_alt"], caption: row["lead_image_caption"],
                credit: row["lead_image_credit"]
            )
        }
        var source: StorySource?
        if let name: String = row["source_name"], let address: String = row["source_url"], let url = URL(string: address) {
            source = StorySource(outletName: name, url: url, originalAuthor: row["source_author"], originalPublishedAt: row["source_published_at"])
        }
        return (leadImage, source)
    }

    /// A summary from a row of `SummaryQuery.columns`, read by position straight from SQLite: every list of stories
    /// decodes many of these (by name, GRDB searched the column names case-insensitively for each one; by GRDB's generic
    /// decoding, each column cost a metadata lookup). The positions follow `SummaryQuery.columns`. Authors are attached
    /// separately.
    static func summary(_ row: ColumnReader, sections: SectionDirectory) throws -> ArticleSummary {
        var leadImage: LeadImage?
        if let sha = row.optionalText(14), let type = row.optionalText(15), let mediaType = ImageMediaType(rawValue: type) {
            leadImage = LeadImage(
                image: ImageReference(sha256: sha, mediaType: mediaType, width: row.int(16), height: row.int(17), byteSize: row.int(18)),
                alt: row.text(6), caption: row.text(7), credit: row.text(8)
            )
        }
        var source: StorySource?
        if let name = row.optionalText(9), let address = row.optionalText(10), let url = URL(string: address) {
            source = StorySource(outletName: name, url: url, originalAuthor: row.optionalText(11), originalPublishedAt: row.optionalDate(12))
        }
        return ArticleSummary(
            id: row.int64(0), slug: row.text(1), headline: row.text(2), standfirst: row.text(3),
            section: try sections.section(id: row.int64(13)),
            authors: [], publishedAt: row.date(4), contentUpdatedAt: row.optionalDate(5), leadImage: leadImage, source: source
        )
    }

    /// A row of `SummaryQuery.listedColumns`: id, section id, publication time, whether there is a lead picture, the
    /// kept card's head and tail (NULL without a kept card).
    static func listed(_ row: ColumnReader) -> ListedRow {
        var card: RenderedCard?
        if !row.isNull(4), !row.isNull(5) {
            // Head and tail copied into one array, sized for both up front.
            var utf8: [UInt8] = []
            let headCount = row.blob(4) { head in
                utf8.reserveCapacity(head.count + row.byteCount(5))
                utf8.append(contentsOf: head.assumingMemoryBound(to: UInt8.self))
                return head.count
            }
            row.blob(5) { utf8.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
            card = RenderedCard(utf8: utf8, headCount: headCount)
        }
        return ListedRow(id: row.int64(0), sectionID: row.int64(1), publishedAt: row.date(2), hasLeadImage: row.int64(3) != 0, card: card)
    }

    /// An author from `offset` on: id, slug, name, role, bio, then the photo's sha256, media type, width, height.
    static func author(_ row: ColumnReader, at offset: Int32) -> Author {
        var photo: ImageReference?
        if let sha = row.optionalText(offset + 5), let type = row.optionalText(offset + 6), let mediaType = ImageMediaType(rawValue: type) {
            photo = ImageReference(sha256: sha, mediaType: mediaType, width: row.int(offset + 7), height: row.int(offset + 8), byteSize: 0)
        }
        return Author(
            id: row.int64(offset), slug: row.text(offset + 1), name: row.text(offset + 2), role: row.text(offset + 3), bio: row.text(offset + 4),
            photo: photo
        )
    }
}

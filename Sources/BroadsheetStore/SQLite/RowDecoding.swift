import BroadsheetCore
import Foundation
import GRDB

/// Turns result rows into domain values. Column names follow the aliases used by the queries in this folder.
enum RowDecoding {
    static func section(_ row: Row, prefix: String = "") -> Section {
        Section(
            id: row[prefix + "id"], slug: row[prefix + "slug"], name: row[prefix + "name"],
            description: row[prefix + "description"], position: row[prefix + "position"]
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

    /// A summary from a row of `SummaryQuery.columns`; authors are attached separately.
    static func summary(_ row: Row) -> ArticleSummary {
        let (leadImage, source) = summaryParts(row)
        return ArticleSummary(
            id: row["id"], slug: row["slug"], headline: row["headline"], standfirst: row["standfirst"],
            section: section(row, prefix: "section_"), authors: [], publishedAt: row["published_at"],
            contentUpdatedAt: row["content_updated_at"], leadImage: leadImage, source: source
        )
    }
}

import BroadsheetCore
import Foundation
import Hummingbird

/// The story list.
struct NewsroomStoriesPage: Sendable {
    struct Row: Sendable {
        let headline: String
        let editURL: String
        let viewURL: String?
        let status: String
        let statusClass: String
        let section: String
        let byline: String
        let modified: String
        let when: String
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    static let pageSize = 25

    let chrome: NewsroomSite.Chrome
    let rows: [Row]
    let statusOptions: [Option]
    let sectionOptions: [Option]
    let authorOptions: [Option]
    let mine: Bool
    let query: String
    let newerURL: String?
    let olderURL: String?
    let isEmpty: Bool

    static func load(site: NewsroomSite, session: NewsroomSession, request: Request) async throws -> NewsroomStoriesPage {
        let query = FormQuery(request)
        let status = query.get("status").flatMap(ArticleStatus.init(rawValue:))
        let sectionID = query.get("section").flatMap { Int64($0) }
        let authorID = query.get("author").flatMap { Int64($0) }
        let mine = query.get("mine") == "1"
        let text = String((query.get("q") ?? "").prefix(SearchQuery.maximumLength))
        let number = try RequestParameters.pageNumber(request)
        guard let page = PageRequest(number: number, size: pageSize) else { throw HTTPError(.badRequest) }
        var filter = StoryListFilter(status: status, sectionID: sectionID, authorID: authorID, createdBy: mine ? session.user.id : nil, text: text)
        // Writers and contributors see their own work and what is published, not others' drafts or embargoes.
        if !NewsroomPolicy.allows(session.user.role, .editStory, story: StoryStanding(isOwn: false, status: .draft)) {
            filter.visibleTo = (userID: session.user.id, authorID: session.user.authorID)
        }
        let result = try await site.stories.listStories(filter, page: page)
        let sections = try await site.taxonomy.sections()
        let authors = try await site.taxonomy.authors()
        func link(_ number: Int) -> String {
            var pairs: [(String, String)] = []
            if let status { pairs.append(("status", status.rawValue)) }
            if let sectionID { pairs.append(("section", String(sectionID))) }
            if let authorID { pairs.append(("author", String(authorID))) }
            if mine { pairs.append(("mine", "1")) }
            if !text.isEmpty { pairs.append(("q", text)) }
            if number > 1 { pairs.append(("page", String(number))) }
            return NewsroomRoute.stories(query: pairs.map { "\($0.0)=\(SiteRoute.encodeQueryValue($0.1))" }.joined(separator: "&")).path
        }
        return NewsroomStoriesPage(
            chrome: site.chrome(session, request: request),
            rows: result.items.map { item in
                let when: String = switch item.status {
                case .scheduled: "Publishes " + site.time(item.scheduledFor)
                case .published: "Published " + site.time(item.publishedAt)
                default: ""
                }
                var viewURL: String?
                if item.status == .published, let published = item.publishedAt {
                    let day = site.reader.time.calendar.dateComponents([.year, .month, .day], from: published)
                    viewURL = SiteRoute.article(year: day.year ?? 0, month: day.month ?? 0, day: day.day ?? 0, slug: item.slug).path
                }
                return Row(
                    headline: item.headline, editURL: NewsroomRoute.story(id: item.id).path, viewURL: viewURL,
                    status: Self.label(item.status), statusClass: item.status.rawValue, section: item.sectionName,
                    byline: item.authorNames.joined(separator: ", "), modified: site.time(item.modifiedAt), when: when
                )
            },
            statusOptions: ArticleStatus.allCases.map { Option(value: $0.rawValue, label: label($0), isSelected: $0 == status) },
            sectionOptions: sections.map { Option(value: String($0.id), label: $0.name, isSelected: $0.id == sectionID) },
            authorOptions: authors.map { Option(value: String($0.id), label: $0.name, isSelected: $0.id == authorID) },
            mine: mine, query: text,
            newerURL: number > 1 ? link(number - 1) : nil, olderURL: result.hasNext ? link(number + 1) : nil,
            isEmpty: result.items.isEmpty
        )
    }

    static func label(_ status: ArticleStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .inReview: "In review"
        case .scheduled: "Scheduled"
        case .published: "Published"
        case .unpublished: "Unpublished"
        }
    }
}

/// The story editor: the form, what went wrong, the preview, corrections and the way to revisions.
struct NewsroomEditorPage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    struct Button: Sendable {
        let value: String
        let label: String
        let isPrimary: Bool
    }

    struct LeadImageView: Sendable {
        let src: String
        let sha: String
    }

    struct CorrectionRow: Sendable {
        let label: String
        let text: String
        let time: String
    }

    let chrome: NewsroomSite.Chrome
    let isNew: Bool
    /// A story taken in from a partner: its body is HTML, sanitized again when saved.
    let bodyIsHTML: Bool
    let action: String
    let status: String
    let headline: String
    let standfirst: String
    let slug: String
    let sections: [Option]
    let authors: [Option]
    let tags: String
    let body: String
    let leadImage: LeadImageView?
    let leadImageAlt: String
    let leadImageCaption: String
    let leadImageCredit: String
    let sourceName: String
    let sourceURL: String
    let canMarkSubstantive: Bool
    let substantive: Bool
    let canSchedule: Bool
    let publishAt: String
    let buttons: [Button]
    let problems: [String: String]
    let problemSummary: String?
    let previewHTML: String?
    let revisionsURL: String?
    let viewURL: String?
    let corrections: [CorrectionRow]
    let correctionAction: String?
    let uploadLimitMB: Int
    /// The revision the form was opened on, sent back to detect a save by someone else in between.
    let baseRevision: String

    static func make(
        site: NewsroomSite, session: NewsroomSession, request: Request, story: EditableStory?, form: StoryForm,
        problems: [String: String] = [:], previewHTML: String? = nil, corrections: [Correction] = [], publishAtText: String? = nil
    ) async throws -> NewsroomEditorPage {
        let sections = try await site.taxonomy.sections()
        let authors = try await site.taxonomy.authors()
        let role = session.user.role
        let standing = story?.standing(for: session.user) ?? StoryStanding(isOwn: true, status: .draft)
        let status = story?.status ?? .draft
        var buttons = [Button(value: "preview", label: "Preview", isPrimary: false), Button(value: StoryAction.save.rawValue, label: "Save", isPrimary: true)]
        if NewsroomPolicy.allows(role, .submitForReview, story: standing), [.draft, .unpublished].contains(status) {
            buttons.append(Button(value: StoryAction.submit.rawValue, label: "Submit for review", isPrimary: false))
        }
        let canPublish = NewsroomPolicy.allows(role, .publishStory, story: standing)
        if canPublish, status != .published {
            buttons.append(Button(value: StoryAction.publish.rawValue, label: "Publish now", isPrimary: false))
            buttons.append(Button(value: StoryAction.schedule.rawValue, label: "Schedule", isPrimary: false))
        }
        if canPublish, status == .published {
            buttons.append(Button(value: StoryAction.unpublish.rawValue, label: "Unpublish", isPrimary: false))
        }
        if NewsroomPolicy.allows(role, .submitForReview, story: standing), [.inReview, .scheduled, .unpublished].contains(status) {
            buttons.append(Button(value: StoryAction.returnToDraft.rawValue, label: "Back to draft", isPrimary: false))
        }
        var leadImage: LeadImageView?
        if !form.leadImageSHA.isEmpty, let stored = try await site.reader.dependencies.images.image(sha256: form.leadImageSHA) {
            leadImage = LeadImageView(src: stored.reference.path, sha: form.leadImageSHA)
        }
        var viewURL: String?
        if let story, story.status == .published, let published = story.publishedAt {
            let day = site.reader.time.calendar.dateComponents([.year, .month, .day], from: published)
            viewURL = SiteRoute.article(year: day.year ?? 0, month: day.month ?? 0, day: day.day ?? 0, slug: story.slug).path
        }
        return NewsroomEditorPage(
            chrome: site.chrome(session, request: request), isNew: story == nil, bodyIsHTML: story?.bodyFormat == .html,
            action: story.map { NewsroomRoute.story(id: $0.id).path } ?? NewsroomRoute.createStory.path,
            status: NewsroomStoriesPage.label(status), headline: form.headline, standfirst: form.standfirst, slug: form.slug,
            sections: sections.map { Option(value: String($0.id), label: $0.name, isSelected: $0.id == form.sectionID) },
            authors: authors.map { Option(value: String($0.id), label: $0.name, isSelected: form.authorIDs.contains($0.id)) },
            tags: form.tags, body: form.body, leadImage: leadImage, leadImageAlt: form.leadImageAlt,
            leadImageCaption: form.leadImageCaption, leadImageCredit: form.leadImageCredit, sourceName: form.sourceName,
            sourceURL: form.sourceURL,
            canMarkSubstantive: story?.publishedAt != nil && NewsroomPolicy.allows(role, .markSubstantive, story: standing),
            substantive: form.substantive, canSchedule: canPublish && status != .published,
            publishAt: publishAtText ?? site.localInput(form.publishAt),
            buttons: buttons, problems: problems, problemSummary: problems.isEmpty ? nil : "The story was not saved. Fix what is marked below; everything you typed is kept.",
            previewHTML: previewHTML, revisionsURL: story.map { NewsroomRoute.storyRevisions(id: $0.id).path }, viewURL: viewURL,
            corrections: corrections.map { CorrectionRow(label: $0.kind == .correction ? "Correction" : "Clarification", text: $0.text, time: site.time($0.createdAt)) },
            correctionAction: story.flatMap { story in
                story.status == .published && NewsroomPolicy.allows(role, .addCorrection, story: standing) ? NewsroomRoute.storyCorrections(id: story.id).path : nil
            },
            uploadLimitMB: site.services.uploadLimit / 1_048_576,
            baseRevision: form.baseRevisionID.map(String.init) ?? ""
        )
    }
}

/// A story's revisions, and one revision compared with the current text.
struct NewsroomRevisionsPage: Sendable {
    struct Row: Sendable {
        let url: String
        let time: String
        let author: String
        let substantive: Bool
        let isCurrent: Bool
    }

    let chrome: NewsroomSite.Chrome
    let headline: String
    let editURL: String
    let rows: [Row]
}

struct NewsroomRevisionPage: Sendable {
    struct Line: Sendable {
        let kind: String
        let sign: String
        let text: String
    }

    let chrome: NewsroomSite.Chrome
    let headline: String
    let editURL: String
    let revisionsURL: String
    let time: String
    let author: String
    let revisionHeadline: String
    let revisionStandfirst: String
    let diff: [Line]
    let isCurrent: Bool
    let restoreAction: String?
}

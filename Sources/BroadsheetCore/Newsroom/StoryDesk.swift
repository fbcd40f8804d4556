import Foundation

/// What the story editor sends.
public struct StoryForm: Sendable, Hashable {
    public var headline = ""
    public var standfirst = ""
    /// Empty means "derive from the headline" for a new story, "keep it" for an existing one.
    public var slug = ""
    public var sectionID: Int64?
    public var authorIDs: [Int64] = []
    /// Comma-separated tag names.
    public var tags = ""
    public var body = ""
    /// The content hash of an image already stored (uploaded with this form or earlier).
    public var leadImageSHA = ""
    public var leadImageAlt = ""
    public var leadImageCaption = ""
    public var leadImageCredit = ""
    public var sourceName = ""
    public var sourceURL = ""
    /// The edit changes what the story says: readers see an "Updated" time.
    public var substantive = false
    /// For `.schedule`: when to publish.
    public var publishAt: Date?
    /// The revision the form was opened on: saving over a newer one is refused, so no one's work is overwritten.
    public var baseRevisionID: Int64?

    public init() {}
}

/// What the person pressed.
public enum StoryAction: String, Sendable, CaseIterable {
    case save
    case submit
    case publish
    case schedule
    case unpublish
    /// Take a story out of review or the schedule, back to draft.
    case returnToDraft = "return-to-draft"
}

/// A save refused for what was typed: the messages say what to fix, by field.
public struct StoryProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var messages: [String: String]

    public init(_ messages: [String: String]) { self.messages = messages }
    public var description: String { messages.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ") }
}

/// An action the account may not take.
public struct NotAllowed: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The newsroom's work on stories: saving, moving through the workflow, restoring revisions, correcting.
/// Every method checks `NewsroomPolicy` first and validates everything before writing anything.
public struct StoryDesk: Sendable {
    let stories: any NewsroomStories
    let writer: any PublicationWriting
    let images: any ImageReading
    let renderer: any StoryBodyRendering
    let cleaner: any HTMLBodyCleaning
    let clock: any WallClock

    public init(
        stories: any NewsroomStories, writer: any PublicationWriting, images: any ImageReading,
        renderer: any StoryBodyRendering, cleaner: any HTMLBodyCleaning, clock: any WallClock
    ) {
        self.cleaner = cleaner
        self.stories = stories
        self.writer = writer
        self.images = images
        self.renderer = renderer
        self.clock = clock
    }

    /// Saves the form as a new story (`storyID` nil) or over an existing one, applying `action`. Returns the id.
    public func save(_ form: StoryForm, action: StoryAction, storyID: Int64?, by user: User) async throws -> Int64 {
        let existing = try await storyID.asyncMap { id -> EditableStory in
            guard let story = try await stories.editableStory(id: id) else { throw NotAllowed("That story no longer exists.") }
            return story
        }
        let standing = existing?.standing(for: user) ?? StoryStanding(isOwn: true, status: .draft)
        try require(existing == nil ? .createStory : .editStory, user, standing)
        switch action {
        case .save: break
        case .submit, .returnToDraft: try require(.submitForReview, user, standing)
        case .publish, .schedule, .unpublish: try require(.publishStory, user, standing)
        }
        if form.substantive, existing?.publishedAt != nil { try require(.markSubstantive, user, standing) }

        let now = clock.now()
        let article = try await validated(form, action: action, existing: existing, user: user, now: now)
        if let existing {
            try await write { try await writer.updateArticle(id: existing.id, article) }
            return existing.id
        }
        return try await write { try await writer.createArticles([article])[0] }
    }

    /// Makes an old revision's words the story's current ones, as a new revision.
    public func restore(revisionID: Int64, by user: User) async throws -> Int64 {
        guard let revision = try await stories.revision(id: revisionID),
              let story = try await stories.editableStory(id: revision.storyID)
        else { throw NotAllowed("That revision no longer exists.") }
        try require(.restoreRevision, user, story.standing(for: user))
        var form = Self.form(for: story)
        form.headline = revision.headline
        form.standfirst = revision.standfirst
        form.body = revision.bodyMarkdown
        form.substantive = false
        return try await save(form, action: .save, storyID: story.id, by: user)
    }

    /// Adds a dated correction or clarification to a published story.
    public func addCorrection(storyID: Int64, kind: Correction.Kind, text: String, by user: User) async throws -> Correction {
        guard let story = try await stories.editableStory(id: storyID) else { throw NotAllowed("That story no longer exists.") }
        try require(.addCorrection, user, story.standing(for: user))
        guard story.status == .published else { throw StoryProblems(["correction": "Only published stories take corrections."]) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2_000).contains(trimmed.count) else {
            throw StoryProblems(["correction": "Write the correction: 1 to 2,000 characters."])
        }
        do {
            return try await stories.addCorrection(storyID: storyID, kind: kind, text: trimmed, at: clock.now())
        } catch let error as PublicationWriteError {
            throw StoryProblems(["correction": "The correction was not added: \(error.description)."])
        }
    }

    /// The form filled in from a stored story, for the editor.
    public static func form(for story: EditableStory) -> StoryForm {
        var form = StoryForm()
        form.headline = story.headline
        form.standfirst = story.standfirst
        form.slug = story.slug
        form.sectionID = story.sectionID
        form.authorIDs = story.authorIDs
        form.tags = story.tagNames.joined(separator: ", ")
        form.body = story.bodyMarkdown
        form.leadImageSHA = story.leadImage?.image.sha256 ?? ""
        form.leadImageAlt = story.leadImage?.alt ?? ""
        form.leadImageCaption = story.leadImage?.caption ?? ""
        form.leadImageCredit = story.leadImage?.credit ?? ""
        form.sourceName = story.source?.outletName ?? ""
        form.sourceURL = story.source?.url.absoluteString ?? ""
        form.publishAt = story.scheduledFor
        form.baseRevisionID = story.revisionID
        return form
    }

    // MARK: - Checking

    private func require(_ action: NewsroomAction, _ user: User, _ standing: StoryStanding) throws {
        guard NewsroomPolicy.allows(user.role, action, story: standing) else {
            throw NotAllowed("Your role (\(user.role.label)) does not allow that on this story.")
        }
    }

    /// The story to store, or every problem with the form at once.
    private func validated(_ form: StoryForm, action: StoryAction, existing: EditableStory?, user: User, now: Date) async throws -> NewArticle {
        var problems: [String: String] = [:]
        let headline = form.headline.trimmingCharacters(in: .whitespacesAndNewlines)
        if headline.isEmpty || headline.count > 200 { problems["headline"] = "Write a headline of 1 to 200 characters." }
        let standfirst = form.standfirst.trimmingCharacters(in: .whitespacesAndNewlines)
        if standfirst.count > 600 { problems["standfirst"] = "Keep the standfirst under 600 characters." }
        let typedSlug = form.slug.trimmingCharacters(in: .whitespaces).lowercased()
        // Left empty: a new story's address comes from its headline; an existing story keeps its address.
        let slug = typedSlug.isEmpty ? (existing?.slug ?? Slug.make(from: headline)) : typedSlug
        if !Slug.isValid(slug) {
            problems["slug"] = "Use lowercase letters, digits and single hyphens in the address (at most \(Slug.maximumLength))."
        } else if try await !stories.isSlugAvailable(slug, exceptStoryID: existing?.id) {
            problems["slug"] = "Another story already uses the address “\(slug)”. Choose another."
        }
        if form.sectionID == nil { problems["section"] = "Choose a section." }
        var authorIDs = form.authorIDs
        if authorIDs.isEmpty, let own = user.authorID { authorIDs = [own] }
        // A republished story is credited to its outlet and original author; the newsroom's byline is optional.
        let republished = !form.sourceName.trimmingCharacters(in: .whitespaces).isEmpty
        if authorIDs.isEmpty, !republished, [.publish, .schedule].contains(action) { problems["authors"] = "A story needs a byline to be published." }
        if form.body.count > 300_000 { problems["body"] = "The body is too long (over 300,000 characters)." }
        let tags = form.tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if tags.count > 20 || tags.contains(where: { $0.count > 60 }) {
            problems["tags"] = "Use at most 20 tags of up to 60 characters."
        } else if let bad = tags.first(where: { Slug.makeIfPossible(from: $0) == nil }) {
            problems["tags"] = "The tag “\(bad)” needs letters or digits."
        }

        var leadImage: LeadImage?
        if !form.leadImageSHA.isEmpty {
            if let stored = try await images.image(sha256: form.leadImageSHA) {
                leadImage = LeadImage(
                    image: stored.reference, alt: form.leadImageAlt.trimmingCharacters(in: .whitespaces),
                    caption: form.leadImageCaption.trimmingCharacters(in: .whitespaces),
                    credit: form.leadImageCredit.trimmingCharacters(in: .whitespaces)
                )
            } else {
                problems["leadImage"] = "The lead image is no longer stored; upload it again."
            }
        }
        var source: StorySource?
        let sourceName = form.sourceName.trimmingCharacters(in: .whitespaces)
        let sourceURL = form.sourceURL.trimmingCharacters(in: .whitespaces)
        if !sourceName.isEmpty || !sourceURL.isEmpty {
            if let url = URL(string: sourceURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil, !sourceName.isEmpty {
                source = StorySource(outletName: sourceName, url: url)
                // The original's author comes from the partner's feed; the form does not edit it.
                if let known = existing?.source, known.outletName == sourceName, known.url == url { source?.originalAuthor = known.originalAuthor; source?.originalPublishedAt = known.originalPublishedAt }
            } else {
                problems["source"] = "A republished story needs both the outlet's name and the original's http or https address."
            }
        }

        // The workflow: where this action takes the story.
        var status = existing?.status ?? .draft
        var publishedAt = existing?.publishedAt
        var contentUpdatedAt = existing?.contentUpdatedAt
        var scheduledFor = existing?.scheduledFor
        switch action {
        case .save:
            break
        case .submit:
            if ![.draft, .inReview, .unpublished].contains(status) { problems["action"] = "Only drafts can be submitted for review." }
            status = .inReview
        case .publish:
            status = .published
            publishedAt = publishedAt ?? now
            scheduledFor = nil
        case .schedule:
            if status == .published {
                problems["action"] = "A published story cannot be scheduled; unpublish it first."
            } else if let at = form.publishAt, at > now {
                status = .scheduled
                scheduledFor = at
            } else {
                problems["publishAt"] = "Choose a publication time in the future."
            }
        case .unpublish:
            if status != .published { problems["action"] = "Only a published story can be unpublished." }
            status = .unpublished
        case .returnToDraft:
            if ![.inReview, .scheduled, .unpublished].contains(status) { problems["action"] = "This story is already a draft." }
            status = .draft
            scheduledFor = nil
        }
        if form.substantive, existing?.publishedAt != nil { contentUpdatedAt = now }
        guard problems.isEmpty, let sectionID = form.sectionID else { throw StoryProblems(problems) }

        return NewArticle(
            status: status, slug: slug, headline: headline, standfirst: standfirst, sectionID: sectionID, authorIDs: authorIDs,
            tagNames: tags, bodyMarkdown: form.body, body: body(form.body, of: existing), leadImage: leadImage,
            source: source, partnerID: existing?.partnerID, createdAt: existing?.createdAt ?? now, publishedAt: status == .published ? publishedAt : publishedAt,
            contentUpdatedAt: contentUpdatedAt, scheduledFor: status == .scheduled ? scheduledFor : nil,
            createdBy: existing?.createdBy ?? user.id, revisedBy: user.id, modifiedAt: now,
            isSubstantiveEdit: form.substantive && existing?.publishedAt != nil, expectedRevisionID: form.baseRevisionID,
            bodyFormat: existing?.bodyFormat ?? .markdown
        )
    }

    /// A story keeps the format it was created in: Markdown from the newsroom, or sanitized HTML from a partner.
    private func body(_ source: String, of existing: EditableStory?) -> RenderedStoryBody {
        switch existing?.bodyFormat ?? .markdown {
        case .markdown: renderer.render(markdown: source)
        case .html: cleaner.clean(html: source, base: existing?.source?.url)
        }
    }

    /// Runs a write, turning the store's refusals into problems the editor can show next to the fields.
    private func write<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch PublicationWriteError.duplicateSlug(let slug) {
            throw StoryProblems(["slug": "Another story already uses the address “\(slug)”. Choose another."])
        } catch PublicationWriteError.conflict {
            throw StoryProblems(["form": "Someone else saved this story since you opened it. Your version is below, unsaved: copy what you need, reload the story, and apply it again."])
        } catch PublicationWriteError.missingReference(let what) {
            throw StoryProblems(["section": "Something chosen no longer exists (\(what)). Check the section and byline."])
        } catch let error as PublicationWriteError {
            throw StoryProblems(["form": error.description])
        }
    }
}

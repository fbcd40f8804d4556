import BroadsheetCore
import Foundation
import Hummingbird

/// Writing, editing, publishing and correcting stories, and their revisions.
struct NewsroomStoryController: Sendable {
    let site: NewsroomSite

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(NewsroomRoute.Kind.stories.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            let page = try await NewsroomStoriesPage.load(site: site, session: session, request: request)
            return try site.renderer.response("newsroom-stories", page, cacheControl: "no-store")
        }
        router.get(RouterPath(NewsroomRoute.Kind.newStory.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.createStory, session)
            var form = StoryForm()
            form.authorIDs = session.user.authorID.map { [$0] } ?? []
            return try await editor(session: session, request: request, story: nil, form: form)
        }
        router.post(RouterPath(NewsroomRoute.Kind.createStory.pattern)) { request, context in
            try await save(request: request, context: context, storyID: nil)
        }
        router.get(RouterPath(NewsroomRoute.Kind.story.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            let story = try await loadStory(context)
            try NewsroomSite.require(.editStory, session, story: story.standing(for: session.user))
            return try await editor(session: session, request: request, story: story, form: StoryDesk.form(for: story))
        }
        router.post(RouterPath(NewsroomRoute.Kind.story.pattern)) { request, context in
            try await save(request: request, context: context, storyID: try NewsroomSite.id(context))
        }
        router.post(RouterPath(NewsroomRoute.Kind.storyCorrections.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            let id = try NewsroomSite.id(context)
            let form = try await FormData.read(request, limit: 65_536)
            guard let kind = Correction.Kind(rawValue: form.text("kind")) else {
                throw HTTPError(.badRequest, message: "Choose correction or clarification.")
            }
            do {
                _ = try await site.desk.addCorrection(storyID: id, kind: kind, text: form.text("text"), by: session.user)
                site.feedChanges.storyChanged(id: id)
                return NewsroomSite.redirect(NewsroomRoute.story(id: id).path, notice: "corrected")
            } catch let error as NotAllowed {
                throw HTTPError(.forbidden, message: error.description)
            } catch let problems as StoryProblems {
                let story = try await loadStory(context)
                return try await editor(session: session, request: request, story: story, form: StoryDesk.form(for: story), problems: problems.messages, status: .unprocessableContent)
            }
        }
        router.get(RouterPath(NewsroomRoute.Kind.storyRevisions.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            let story = try await loadStory(context)
            try NewsroomSite.require(.viewRevisions, session, story: story.standing(for: session.user))
            let revisions = try await site.stories.revisions(storyID: story.id)
            let page = NewsroomRevisionsPage(
                chrome: site.chrome(session, request: request), headline: story.headline, editURL: NewsroomRoute.story(id: story.id).path,
                rows: revisions.enumerated().map { index, revision in
                    .init(url: NewsroomRoute.revision(id: revision.id).path, time: site.time(revision.createdAt),
                          author: revision.userName ?? "Import", substantive: revision.substantive, isCurrent: index == 0)
                }
            )
            return try site.renderer.response("newsroom-revisions", page, cacheControl: "no-store")
        }
        router.get(RouterPath(NewsroomRoute.Kind.revision.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            guard let revision = try await site.stories.revision(id: try NewsroomSite.id(context)),
                  let story = try await site.stories.editableStory(id: revision.storyID)
            else { throw HTTPError(.notFound, message: "There is no such revision.") }
            let standing = story.standing(for: session.user)
            try NewsroomSite.require(.viewRevisions, session, story: standing)
            let current = try await site.stories.revisions(storyID: story.id).first
            let old = [revision.headline, revision.standfirst, revision.bodyMarkdown].joined(separator: "\n\n")
            let now = [story.headline, story.standfirst, story.bodyMarkdown].joined(separator: "\n\n")
            let page = NewsroomRevisionPage(
                chrome: site.chrome(session, request: request), headline: story.headline,
                editURL: NewsroomRoute.story(id: story.id).path, revisionsURL: NewsroomRoute.storyRevisions(id: story.id).path,
                time: site.time(revision.createdAt), author: revision.userName ?? "Import", revisionHeadline: revision.headline,
                revisionStandfirst: revision.standfirst,
                diff: TextDiff.lines(from: old, to: now).map { line in
                    switch line.kind {
                    case .same: .init(kind: "same", sign: " ", text: line.text)
                    case .removed: .init(kind: "removed", sign: "−", text: line.text)
                    case .added: .init(kind: "added", sign: "+", text: line.text)
                    }
                },
                isCurrent: current?.id == revision.id,
                restoreAction: NewsroomPolicy.allows(session.user.role, .restoreRevision, story: standing) && current?.id != revision.id
                    ? NewsroomRoute.restoreRevision(id: revision.id).path : nil
            )
            return try site.renderer.response("newsroom-revision", page, cacheControl: "no-store")
        }
        router.post(RouterPath(NewsroomRoute.Kind.restoreRevision.pattern)) { _, context in
            let session = try NewsroomSite.session(context)
            do {
                let revisionID = try NewsroomSite.id(context)
                var before: [URL] = []
                if site.feedChanges.isEnabled, let revision = try await site.stories.revision(id: revisionID) {
                    before = await site.feedChanges.feeds(ofStory: revision.storyID)
                }
                let storyID = try await site.desk.restore(revisionID: revisionID, by: session.user)
                site.feedChanges.storyChanged(id: storyID, before: before)
                return NewsroomSite.redirect(NewsroomRoute.story(id: storyID).path, notice: "restored")
            } catch let error as NotAllowed {
                throw HTTPError(.forbidden, message: error.description)
            } catch let problems as StoryProblems {
                throw HTTPError(.unprocessableContent, message: "The revision could not be restored: \(problems.description)")
            }
        }
    }

    private func loadStory(_ context: AppRequestContext) async throws -> EditableStory {
        guard let story = try await site.stories.editableStory(id: try NewsroomSite.id(context)) else {
            throw HTTPError(.notFound, message: "There is no such story.")
        }
        return story
    }

    private func editor(
        session: NewsroomSession, request: Request, story: EditableStory?, form: StoryForm, problems: [String: String] = [:],
        preview: String? = nil, publishAtText: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let corrections = try await story.asyncMap { story in
            try await site.reader.articles.publishedArticle(slug: story.slug)?.corrections ?? []
        } ?? []
        let page = try await NewsroomEditorPage.make(
            site: site, session: session, request: request, story: story, form: form, problems: problems, previewHTML: preview,
            corrections: corrections, publishAtText: publishAtText
        )
        return try site.renderer.response("newsroom-editor", page, status: status, cacheControl: "no-store")
    }

    /// Saves (or previews) the editor's form. Whatever goes wrong, the form comes back with everything typed.
    private func save(request: Request, context: AppRequestContext, storyID: Int64?) async throws -> Response {
        let session = try NewsroomSite.session(context)
        let story = try await storyID.asyncMap { _ in try await loadStory(context) }
        // Permission first: nothing is read, stored or shown for a story the account may not touch.
        try NewsroomSite.require(story == nil ? .createStory : .editStory, session, story: story?.standing(for: session.user))
        // Room for a file up to twice the limit, so that a too-large image is refused with the rest of the form kept.
        let data = try await FormData.read(request, limit: 2 * site.services.uploadLimit + 1_048_576)
        var form = StoryForm()
        form.headline = data.text("headline")
        form.standfirst = data.text("standfirst")
        form.slug = data.text("slug")
        form.sectionID = Int64(data.text("section"))
        form.authorIDs = data.values("authors").compactMap { Int64($0) }
        form.tags = data.text("tags")
        form.body = data.text("body").replacingOccurrences(of: "\r\n", with: "\n")
        form.leadImageSHA = data.text("lead_sha")
        form.leadImageAlt = data.text("lead_alt")
        form.leadImageCaption = data.text("lead_caption")
        form.leadImageCredit = data.text("lead_credit")
        form.sourceName = data.text("source_name")
        form.sourceURL = data.text("source_url")
        form.substantive = data.value("substantive") != nil
        form.publishAt = site.parseLocalInput(data.text("publish_at"))
        form.baseRevisionID = Int64(data.text("base_revision"))
        if data.value("remove_lead") != nil { form.leadImageSHA = "" }

        var problems: [String: String] = [:]
        var publishAtText: String?
        if !data.text("publish_at").isEmpty, form.publishAt == nil {
            problems["publishAt"] = "Write the time as the date picker gives it, e.g. 2026-11-24T09:30."
            publishAtText = data.text("publish_at")
        }
        if let file = data.files["lead_image"] {
            do {
                form.leadImageSHA = try await site.uploads.store(file.bytes, by: session.user).sha256
            } catch let error as ImageUploadError {
                problems["leadImage"] = error.description
            } catch let error as NotAllowed {
                problems["leadImage"] = error.description
            }
        }
        let command = data.text("action")
        if command == "preview" || !problems.isEmpty {
            let preview = problems.isEmpty ? site.services.renderer.render(markdown: form.body).html : nil
            return try await editor(session: session, request: request, story: story, form: form, problems: problems, preview: preview,
                                    publishAtText: publishAtText, status: problems.isEmpty ? .ok : .unprocessableContent)
        }
        guard let action = StoryAction(rawValue: command) else {
            return try await editor(session: session, request: request, story: story, form: form,
                                    problems: ["action": "Choose what to do with the story."], status: .unprocessableContent)
        }
        do {
            // The feeds the story leaves count as changed too (a new section, a tag taken off, unpublished).
            let before = if let storyID { await site.feedChanges.feeds(ofStory: storyID) } else { [URL]() }
            let id = try await site.desk.save(form, action: action, storyID: storyID, by: session.user)
            site.feedChanges.storyChanged(id: id, before: before)
            let notice: String = switch action {
            case .save: "saved"
            case .submit: "submitted"
            case .publish: "published"
            case .schedule: "scheduled"
            case .unpublish: "unpublished"
            case .returnToDraft: "draft"
            }
            return NewsroomSite.redirect(NewsroomRoute.story(id: id).path, notice: notice)
        } catch let error as StoryProblems {
            return try await editor(session: session, request: request, story: story, form: form, problems: error.messages, status: .unprocessableContent)
        } catch let error as NotAllowed {
            throw HTTPError(.forbidden, message: error.description)
        }
    }
}

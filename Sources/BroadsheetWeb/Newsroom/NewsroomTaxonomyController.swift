import BroadsheetCore
import Foundation
import Hummingbird

/// Sections, author profiles and tags, managed by editors and admins.
struct NewsroomTaxonomyController: Sendable {
    struct Row: Sendable {
        let action: String
        let name: String
        let slug: String
        let description: String
        let position: Int
        let role: String
        let bio: String
        let photo: String?
    }

    struct Page: Sendable {
        let chrome: NewsroomSite.Chrome
        let kind: String
        let isSections: Bool
        let isAuthors: Bool
        let isTags: Bool
        let rows: [Row]
        let createAction: String?
        let error: String?
    }

    let site: NewsroomSite

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(NewsroomRoute.Kind.sections.pattern)) { request, context in
            try await page(.sections, request: request, context: context, error: nil, status: .ok)
        }
        router.get(RouterPath(NewsroomRoute.Kind.authors.pattern)) { request, context in
            try await page(.authors, request: request, context: context, error: nil, status: .ok)
        }
        router.get(RouterPath(NewsroomRoute.Kind.tags.pattern)) { request, context in
            try await page(.tags, request: request, context: context, error: nil, status: .ok)
        }
        router.post(RouterPath(NewsroomRoute.Kind.sections.pattern)) { request, context in
            try await change(.sections, request: request, context: context) { form in
                _ = try await site.services.writer.createSection(NewSection(
                    slug: slug(form), name: form.text("name").trimmingCharacters(in: .whitespaces),
                    description: form.text("description"), position: Int(form.text("position")) ?? 0
                ))
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.section.pattern)) { request, context in
            let id = try NewsroomSite.id(context)
            return try await change(.sections, request: request, context: context) { form in
                try await site.services.taxonomyWriter.updateSection(id: id, NewSection(
                    slug: slug(form), name: form.text("name").trimmingCharacters(in: .whitespaces),
                    description: form.text("description"), position: Int(form.text("position")) ?? 0
                ))
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.authors.pattern)) { request, context in
            try await change(.authors, request: request, context: context) { form in
                let photo = try await uploadedPhoto(form, context: context)
                _ = try await site.services.writer.createAuthor(NewAuthor(
                    slug: slug(form), name: form.text("name").trimmingCharacters(in: .whitespaces), role: form.text("role"),
                    bio: form.text("bio"), photo: photo
                ))
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.author.pattern)) { request, context in
            let id = try NewsroomSite.id(context)
            return try await change(.authors, request: request, context: context) { form in
                let existing = try await site.taxonomy.authors().first { $0.id == id }
                let photo = try await uploadedPhoto(form, context: context) ?? existing?.photo
                try await site.services.taxonomyWriter.updateAuthor(id: id, NewAuthor(
                    slug: slug(form), name: form.text("name").trimmingCharacters(in: .whitespaces), role: form.text("role"),
                    bio: form.text("bio"), photo: photo
                ))
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.tag.pattern)) { request, context in
            let id = try NewsroomSite.id(context)
            return try await change(.tags, request: request, context: context) { form in
                try await site.services.taxonomyWriter.renameTag(id: id, name: form.text("name").trimmingCharacters(in: .whitespaces))
            }
        }
    }

    enum Kind { case sections, authors, tags }

    private func action(_ kind: Kind) -> NewsroomAction {
        switch kind {
        case .sections: .manageSections
        case .authors: .manageAuthors
        case .tags: .manageTags
        }
    }

    private func listPath(_ kind: Kind) -> String {
        switch kind {
        case .sections: NewsroomRoute.sections.path
        case .authors: NewsroomRoute.authors.path
        case .tags: NewsroomRoute.tags.path
        }
    }

    /// The slug typed, or one made from the name.
    private func slug(_ form: FormData) -> String {
        let typed = form.text("slug").trimmingCharacters(in: .whitespaces).lowercased()
        return typed.isEmpty ? Slug.make(from: form.text("name")) : typed
    }

    private func uploadedPhoto(_ form: FormData, context: AppRequestContext) async throws -> ImageReference? {
        guard let file = form.files["photo"] else { return nil }
        return try await site.uploads.store(file.bytes, by: try NewsroomSite.session(context).user)
    }

    private func change(
        _ kind: Kind, request: Request, context: AppRequestContext, _ body: (FormData) async throws -> Void
    ) async throws -> Response {
        let session = try NewsroomSite.session(context)
        try NewsroomSite.require(action(kind), session)
        let form = try await FormData.read(request, limit: site.services.uploadLimit + 65_536)
        do {
            try await body(form)
            return NewsroomSite.redirect(listPath(kind), notice: "updated")
        } catch let error as PublicationWriteError {
            let message: String = switch error {
            case .duplicateSlug(let slug): "The address “\(slug)” is already taken; choose another."
            case .invalid(let why): "Not saved: \(why)."
            case .missingReference: "Not saved: it no longer exists."
            case .conflict: "Not saved: it was changed by someone else in the meantime."
            }
            return try await page(kind, request: request, context: context, error: message, status: .unprocessableContent)
        } catch let error as ImageUploadError {
            return try await page(kind, request: request, context: context, error: error.description, status: .unprocessableContent)
        }
    }

    private func page(_ kind: Kind, request: Request, context: AppRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let session = try NewsroomSite.session(context)
        try NewsroomSite.require(action(kind), session)
        let rows: [Row]
        switch kind {
        case .sections:
            rows = try await site.taxonomy.sections().map {
                Row(action: NewsroomRoute.section(id: $0.id).path, name: $0.name, slug: $0.slug, description: $0.description, position: $0.position, role: "", bio: "", photo: nil)
            }
        case .authors:
            rows = try await site.taxonomy.authors().map {
                Row(action: NewsroomRoute.author(id: $0.id).path, name: $0.name, slug: $0.slug, description: "", position: 0, role: $0.role, bio: $0.bio, photo: $0.photo?.path)
            }
        case .tags:
            rows = try await site.taxonomy.tags().map {
                Row(action: NewsroomRoute.tag(id: $0.id).path, name: $0.name, slug: $0.slug, description: "", position: 0, role: "", bio: "", photo: nil)
            }
        }
        let page = Page(
            chrome: site.chrome(session, request: request),
            kind: kind == .sections ? "Sections" : kind == .authors ? "Author profiles" : "Tags",
            isSections: kind == .sections, isAuthors: kind == .authors, isTags: kind == .tags, rows: rows,
            createAction: kind == .tags ? nil : listPath(kind), error: error
        )
        return try site.renderer.response("newsroom-taxonomy", page, status: status, cacheControl: "no-store")
    }
}

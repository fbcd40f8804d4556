import BroadsheetCore
import Foundation
import Hummingbird

/// Partner outlets and their feed intake, managed by editors and admins: name, homepage, feed address, default
/// section, licence note, mode (drafts for review, or publish directly) and poll interval; each partner's poll status
/// (last success, last error, next poll) and a button to poll now.
struct NewsroomPartnerController: Sendable {
    /// A choice in a select box, as the search form has them.
    typealias Option = SearchPage.Option

    struct Row: Sendable {
        let action: String
        let pollAction: String?
        let name: String
        let homepage: String
        let feedURL: String
        let licenceNote: String
        let intervalMinutes: Int
        let sections: [Option]
        let modes: [Option]
        let status: String
        let lastSuccess: String
        let lastError: String?
        let nextPoll: String
    }

    struct Page: Sendable {
        let chrome: NewsroomSite.Chrome
        let rows: [Row]
        let newSections: [Option]
        let newModes: [Option]
        let createAction: String
        let error: String?
        let canPoll: Bool
    }

    let site: NewsroomSite
    let intake: FeedIntake?

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(NewsroomRoute.Kind.partners.pattern)) { request, context in
            try await page(request: request, context: context, error: nil, status: .ok)
        }
        router.post(RouterPath(NewsroomRoute.Kind.partners.pattern)) { request, context in
            try await change(request: request, context: context) { partner in
                _ = try await site.services.writer.createPartner(partner)
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.partner.pattern)) { request, context in
            let id = try NewsroomSite.id(context)
            return try await change(request: request, context: context) { partner in
                try await site.services.partners.updatePartner(id: id, partner)
            }
        }
        router.post(RouterPath(NewsroomRoute.Kind.pollPartner.pattern)) { request, context in
            let session = try NewsroomSite.session(context)
            try NewsroomSite.require(.managePartners, session)
            _ = try await FormData.read(request, limit: 65_536)
            let id = try NewsroomSite.id(context)
            guard let partner = try await site.services.partners.partner(id: id) else { throw HTTPError(.notFound, message: "There is no such partner.") }
            guard let intake else {
                return try await page(request: request, context: context, error: "This server does not poll feeds.", status: .conflict)
            }
            let report = try await intake.poll(partner)
            report.changedStoryIDs.forEach { site.feedChanges.storyChanged(id: $0) }
            if report.result == "skipped", let why = report.error {
                return try await page(request: request, context: context, error: "Not polled: \(why).", status: .conflict)
            }
            return NewsroomSite.redirect(NewsroomRoute.partners.path, notice: "polled")
        }
    }

    /// The partner described by the form, or a message saying what to fix.
    private func partner(_ form: FormData) -> Result<NewPartner, PublicationWriteError> {
        let name = form.text("name").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { return .failure(.invalid("a partner needs a name of 1 to 100 characters")) }
        func address(_ field: String) -> URL? {
            let text = form.text(field).trimmingCharacters(in: .whitespaces)
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else { return nil }
            return url
        }
        guard let homepage = address("homepage") else { return .failure(.invalid("the homepage must be an http or https address")) }
        let feedText = form.text("feed_url").trimmingCharacters(in: .whitespaces)
        let feed = address("feed_url")
        if !feedText.isEmpty, feed == nil { return .failure(.invalid("the feed address must be an http or https address")) }
        guard let mode = IntakeSettings.Mode(rawValue: form.text("mode")) else { return .failure(.invalid("choose drafts or direct publication")) }
        guard let minutes = Int(form.text("interval")), (1...1_440).contains(minutes) else {
            return .failure(.invalid("the poll interval must be a whole number of minutes from 1 to 1440"))
        }
        let section = Int64(form.text("section"))
        let note = form.text("licence_note")
        guard note.count <= 2_000 else { return .failure(.invalid("the licence note is too long (over 2,000 characters)")) }
        return .success(NewPartner(
            name: name, homepage: homepage, feedURL: feed,
            intake: IntakeSettings(defaultSectionID: section, licenceNote: note, mode: mode, pollInterval: TimeInterval(minutes * 60))
        ))
    }

    private func change(request: Request, context: AppRequestContext, _ body: (NewPartner) async throws -> Void) async throws -> Response {
        let session = try NewsroomSite.session(context)
        try NewsroomSite.require(.managePartners, session)
        let form = try await FormData.read(request, limit: 65_536)
        do {
            try await body(try partner(form).get())
            return NewsroomSite.redirect(NewsroomRoute.partners.path, notice: "updated")
        } catch let error as PublicationWriteError {
            let message: String = switch error {
            case .invalid(let why): "Not saved: \(why)."
            case .missingReference: "Not saved: that partner or section no longer exists."
            case .duplicateSlug, .conflict: "Not saved: \(error)."
            }
            return try await page(request: request, context: context, error: message, status: .unprocessableContent)
        }
    }

    private func page(request: Request, context: AppRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let session = try NewsroomSite.session(context)
        try NewsroomSite.require(.managePartners, session)
        let sections = try await site.taxonomy.sections()
        let time = site.reader.time
        func when(_ date: Date?) -> String { date.map { time.view($0).text } ?? "never" }
        func sectionOptions(_ selected: Int64?) -> [Option] {
            [Option(value: "", label: "The first section", isSelected: selected == nil)]
                + sections.map { Option(value: String($0.id), label: $0.name, isSelected: $0.id == selected) }
        }
        func modeOptions(_ selected: IntakeSettings.Mode) -> [Option] {
            [Option(value: "draft", label: "Drafts, for an editor to review", isSelected: selected == .draft),
             Option(value: "publish", label: "Publish directly", isSelected: selected == .publish)]
        }
        let rows = try await site.services.partners.partners().map { partner in
            let status = partner.status
            let state = partner.feedURL == nil ? "No feed" : status.lastError != nil ? "Failing (\(status.consecutiveFailures) in a row)"
                : status.lastSuccessAt != nil ? "Working" : "Not polled yet"
            return Row(
                action: NewsroomRoute.partner(id: partner.id).path,
                pollAction: partner.feedURL == nil || intake == nil ? nil : NewsroomRoute.pollPartner(id: partner.id).path,
                name: partner.name, homepage: partner.homepage.absoluteString, feedURL: partner.feedURL?.absoluteString ?? "",
                licenceNote: partner.intake.licenceNote, intervalMinutes: Int(partner.intake.pollInterval / 60),
                sections: sectionOptions(partner.intake.defaultSectionID), modes: modeOptions(partner.intake.mode),
                status: state, lastSuccess: when(status.lastSuccessAt), lastError: status.lastError,
                nextPoll: partner.feedURL == nil ? "—" : status.nextPollAt.map { time.view($0).text } ?? "as soon as possible"
            )
        }
        let page = Page(
            chrome: site.chrome(session, request: request), rows: rows, newSections: sectionOptions(nil), newModes: modeOptions(.draft),
            createAction: NewsroomRoute.partners.path, error: error, canPoll: intake != nil
        )
        return try site.renderer.response("newsroom-partners", page, status: status, cacheControl: "no-store")
    }
}

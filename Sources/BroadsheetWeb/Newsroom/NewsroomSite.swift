import BroadsheetCore
import Foundation
import Hummingbird

/// What every newsroom page shares.
struct NewsroomSite: Sendable {
    let reader: ReaderSite
    let services: NewsroomServices
    let authenticator: Authenticator
    let desk: StoryDesk
    let uploads: ImageUpload
    /// Told about every story saved, corrected or restored, for WebSub.
    let feedChanges: FeedChangeNotifier

    var renderer: PageRenderer { reader.renderer }
    var taxonomy: any TaxonomyReading { reader.taxonomy }
    var stories: any NewsroomStories { services.stories }

    /// Notices shown after a redirect, by code, so that no text from the address reaches the page.
    static let notices: [String: String] = [
        "saved": "Saved.", "published": "Published.", "scheduled": "Scheduled.", "submitted": "Submitted for review.",
        "unpublished": "Unpublished: readers no longer see it.", "draft": "Back to draft.", "restored": "Revision restored.",
        "corrected": "Correction added.", "password": "Password changed.", "signed-out": "You have signed out.",
        "created": "Created.", "updated": "Updated.", "role": "Role changed.", "polled": "Feed polled: see its status below.",
    ]

    /// The bar above every newsroom page.
    struct Chrome: Sendable {
        let publicationName: String
        let userName: String
        let roleLabel: String
        let csrf: String
        let notice: String?
        let canManageTaxonomy: Bool
        let isAdmin: Bool
        let stylesheetURL: String
        let iconURL: String
        let siteURL: String
        let storiesURL: String
        let newStoryURL: String
        let sectionsURL: String
        let authorsURL: String
        let tagsURL: String
        let partnersURL: String
        let usersURL: String
        let accountURL: String
        let logoutURL: String
    }

    func chrome(_ session: NewsroomSession, request: Request) -> Chrome {
        let role = session.user.role
        return Chrome(
            publicationName: reader.configuration.publicationName, userName: session.user.name, roleLabel: role.label,
            csrf: session.csrfToken, notice: FormQuery(request).get("notice").flatMap { Self.notices[$0] },
            canManageTaxonomy: NewsroomPolicy.allows(role, .manageSections), isAdmin: NewsroomPolicy.allows(role, .manageUsers),
            stylesheetURL: SiteRoute.asset(file: reader.assets.stylesheet.fileName).path,
            iconURL: SiteRoute.asset(file: reader.assets.icon.fileName).path, siteURL: SiteRoute.home().path,
            storiesURL: NewsroomRoute.stories().path, newStoryURL: NewsroomRoute.newStory.path,
            sectionsURL: NewsroomRoute.sections.path, authorsURL: NewsroomRoute.authors.path, tagsURL: NewsroomRoute.tags.path,
            partnersURL: NewsroomRoute.partners.path, usersURL: NewsroomRoute.users.path, accountURL: NewsroomRoute.account.path, logoutURL: NewsroomRoute.logout.path
        )
    }

    /// A 303 to `path` with a notice code.
    static func redirect(_ path: String, notice: String? = nil) -> Response {
        let location = notice.map { path + (path.contains("?") ? "&" : "?") + "notice=" + $0 } ?? path
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The signed-in session (the gate guarantees one on every newsroom route but sign-in).
    static func session(_ context: AppRequestContext) throws -> NewsroomSession {
        guard let session = context.session else { throw HTTPError(.forbidden, message: "Sign in first.") }
        return session
    }

    /// Throws a 403 page unless the account may do `action`.
    static func require(_ action: NewsroomAction, _ session: NewsroomSession, story: StoryStanding? = nil) throws {
        guard NewsroomPolicy.allows(session.user.role, action, story: story) else {
            throw HTTPError(.forbidden, message: "Your role (\(session.user.role.label)) does not allow that.")
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), text.count <= 18, let id = Int64(text), id > 0 else {
            throw HTTPError(.notFound, message: "There is nothing at this address.")
        }
        return id
    }

    /// A time as the newsroom shows it, in the publication's zone.
    func time(_ date: Date?) -> String { date.map { reader.time.view($0).text } ?? "" }

    /// "2026-11-24T09:30" for a datetime-local input, in the publication's zone.
    func localInput(_ date: Date?) -> String {
        guard let date else { return "" }
        let parts = reader.time.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Reads a datetime-local input in the publication's zone; nil if malformed.
    func parseLocalInput(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5, text.count == 16, (2000...9999).contains(parts[0]) else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        guard let date = reader.time.calendar.date(from: components),
              reader.time.calendar.component(.day, from: date) == parts[2] else { return nil }
        return date
    }
}

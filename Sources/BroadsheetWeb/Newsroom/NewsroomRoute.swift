/// Every address of the newsroom. Controllers register from `Kind.pattern`; pages build links with `path`.
enum NewsroomRoute: Hashable, Sendable {
    case stories(query: String = "")
    case login(next: String = "")
    case logout
    case newStory
    case createStory
    case story(id: Int64)
    case storyRevisions(id: Int64)
    case storyCorrections(id: Int64)
    case revision(id: Int64)
    case restoreRevision(id: Int64)
    case sections
    case section(id: Int64)
    case authors
    case author(id: Int64)
    case tags
    case tag(id: Int64)
    case account
    case accountPassword
    case users
    case userPassword(id: Int64)
    case userRole(id: Int64)
    case partners
    case partner(id: Int64)
    case pollPartner(id: Int64)

    enum Kind: Sendable {
        case stories, login, logout, newStory, createStory, story, storyRevisions, storyCorrections, revision, restoreRevision
        case sections, section, authors, author, tags, tag, account, accountPassword, users, userPassword, userRole
        case partners, partner, pollPartner

        var pattern: String {
            switch self {
            case .stories: "/newsroom"
            case .login: "/newsroom/login"
            case .logout: "/newsroom/logout"
            case .newStory: "/newsroom/stories/new"
            case .createStory: "/newsroom/stories"
            case .story: "/newsroom/stories/:id"
            case .storyRevisions: "/newsroom/stories/:id/revisions"
            case .storyCorrections: "/newsroom/stories/:id/corrections"
            case .revision: "/newsroom/revisions/:id"
            case .restoreRevision: "/newsroom/revisions/:id/restore"
            case .sections: "/newsroom/sections"
            case .section: "/newsroom/sections/:id"
            case .authors: "/newsroom/authors"
            case .author: "/newsroom/authors/:id"
            case .tags: "/newsroom/tags"
            case .tag: "/newsroom/tags/:id"
            case .account: "/newsroom/account"
            case .accountPassword: "/newsroom/account/password"
            case .users: "/newsroom/users"
            case .userPassword: "/newsroom/users/:id/password"
            case .userRole: "/newsroom/users/:id/role"
            case .partners: "/newsroom/partners"
            case .partner: "/newsroom/partners/:id"
            case .pollPartner: "/newsroom/partners/:id/poll"
            }
        }
    }

    var path: String {
        switch self {
        case .stories(let query): "/newsroom" + (query.isEmpty ? "" : "?" + query)
        case .login(let next): "/newsroom/login" + (next.isEmpty ? "" : "?next=" + SiteRoute.encodeQueryValue(next))
        case .logout: "/newsroom/logout"
        case .newStory: "/newsroom/stories/new"
        case .createStory: "/newsroom/stories"
        case .story(let id): "/newsroom/stories/\(id)"
        case .storyRevisions(let id): "/newsroom/stories/\(id)/revisions"
        case .storyCorrections(let id): "/newsroom/stories/\(id)/corrections"
        case .revision(let id): "/newsroom/revisions/\(id)"
        case .restoreRevision(let id): "/newsroom/revisions/\(id)/restore"
        case .sections: "/newsroom/sections"
        case .section(let id): "/newsroom/sections/\(id)"
        case .authors: "/newsroom/authors"
        case .author(let id): "/newsroom/authors/\(id)"
        case .tags: "/newsroom/tags"
        case .tag(let id): "/newsroom/tags/\(id)"
        case .account: "/newsroom/account"
        case .accountPassword: "/newsroom/account/password"
        case .users: "/newsroom/users"
        case .userPassword(let id): "/newsroom/users/\(id)/password"
        case .userRole(let id): "/newsroom/users/\(id)/role"
        case .partners: "/newsroom/partners"
        case .partner(let id): "/newsroom/partners/\(id)"
        case .pollPartner(let id): "/newsroom/partners/\(id)/poll"
        }
    }

    /// Where the session cookie is sent: the newsroom only, so reader pages never carry it.
    static let cookiePath = "/newsroom"

    /// Whether the router would take `path` to the newsroom: its first segment is "newsroom". The router passes over
    /// empty segments, so "//newsroom/stories" reaches the story list too, and must meet the same gate.
    static func isNewsroom(_ path: String) -> Bool {
        let segments = path.utf8.drop { $0 == UInt8(ascii: "/") }
        let name = "newsroom".utf8
        guard segments.starts(with: name) else { return false }
        let rest = segments.dropFirst(name.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }
    static let sessionCookie = "bs_session"
    static let loginCookie = "bs_login"

    /// A path inside the newsroom to return to after signing in, or the story list.
    static func safeNext(_ path: String?) -> String {
        guard let path, path.hasPrefix("/newsroom"), !path.hasPrefix("//"), path.count <= 300,
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              !path.hasPrefix(Kind.login.pattern), !path.hasPrefix(Kind.logout.pattern)
        else { return Kind.stories.pattern }
        return path
    }
}

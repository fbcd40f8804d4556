import BroadsheetCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every newsroom action, tried over HTTP by every role: what the policy table says is what the routes do.
@Suite("Newsroom routes for every role")
struct NewsroomRoleMatrixTests {
    /// Allowed (true) or refused with 403 (false), for admin, editor, writer, contributor.
    struct Case: Sendable {
        let name: String
        let expected: [Bool]
        let run: @Sendable (NewsroomBrowser, Context) async throws -> TestResponse
    }

    /// Stories and accounts the cases act on: one written by the acting role's own author profile, one by someone else.
    struct Context: Sendable {
        let fixture: Fixture
        let ownDraft: Int64
        let othersPublished: Int64
        let othersRevision: Int64
        let otherUser: Int64
    }

    static let cases: [Case] = [
        Case(name: "see the story list", expected: [true, true, true, true]) { b, _ in try await b.get("/newsroom") },
        Case(name: "open a new story", expected: [true, true, true, true]) { b, _ in try await b.get("/newsroom/stories/new") },
        Case(name: "create a draft", expected: [true, true, true, true]) { b, c in
            try await b.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(c.fixture, headline: "Fresh \(UUID().uuidString.prefix(8))"))
        },
        Case(name: "edit own draft", expected: [true, true, true, true]) { b, c in
            try await b.postMultipart("/newsroom/stories/\(c.ownDraft)", NewsroomStoryTests.storyFields(c.fixture, headline: "Own draft edited"))
        },
        Case(name: "publish own story", expected: [true, true, true, false]) { b, c in
            try await b.postMultipart("/newsroom/stories/\(c.ownDraft)", NewsroomStoryTests.storyFields(c.fixture, headline: "Own draft edited", action: "publish"))
        },
        Case(name: "open someone else's story", expected: [true, true, false, false]) { b, c in try await b.get("/newsroom/stories/\(c.othersPublished)") },
        Case(name: "edit someone else's story", expected: [true, true, false, false]) { b, c in
            try await b.postMultipart("/newsroom/stories/\(c.othersPublished)", NewsroomStoryTests.storyFields(c.fixture, headline: "Someone else's story"))
        },
        Case(name: "see someone else's revisions", expected: [true, true, false, false]) { b, c in try await b.get("/newsroom/stories/\(c.othersPublished)/revisions") },
        Case(name: "restore someone else's revision", expected: [true, true, false, false]) { b, c in
            try await b.post("/newsroom/revisions/\(c.othersRevision)/restore", [])
        },
        Case(name: "add a correction", expected: [true, true, false, false]) { b, c in
            try await b.post("/newsroom/stories/\(c.othersPublished)/corrections", [("kind", "clarification"), ("text", "A clarification.")])
        },
        Case(name: "unpublish someone else's story", expected: [true, true, false, false]) { b, c in
            try await b.postMultipart("/newsroom/stories/\(c.othersPublished)", NewsroomStoryTests.storyFields(c.fixture, headline: "Someone else's story", action: "unpublish"))
        },
        Case(name: "manage sections", expected: [true, true, false, false]) { b, _ in try await b.get("/newsroom/sections") },
        Case(name: "add a section", expected: [true, true, false, false]) { b, _ in
            try await b.post("/newsroom/sections", [("name", "Section \(UUID().uuidString.prefix(6))"), ("description", ""), ("position", "5")])
        },
        Case(name: "manage authors", expected: [true, true, false, false]) { b, _ in try await b.get("/newsroom/authors") },
        Case(name: "manage tags", expected: [true, true, false, false]) { b, _ in try await b.get("/newsroom/tags") },
        Case(name: "see accounts", expected: [true, false, false, false]) { b, _ in try await b.get("/newsroom/users") },
        Case(name: "create an account", expected: [true, false, false, false]) { b, _ in
            try await b.post("/newsroom/users", [("name", "New Person"), ("email", "new\(UUID().uuidString.prefix(6))@example.test"), ("role", "writer")])
        },
        Case(name: "reset a password", expected: [true, false, false, false]) { b, c in try await b.post("/newsroom/users/\(c.otherUser)/password", []) },
        Case(name: "change a role", expected: [true, false, false, false]) { b, c in try await b.post("/newsroom/users/\(c.otherUser)/role", [("role", "editor")]) },
        Case(name: "see own account", expected: [true, true, true, true]) { b, _ in try await b.get("/newsroom/account") },
    ]

    @Test("each role may do exactly what its column allows", arguments: [Role.admin, .editor, .writer, .contributor])
    func matrix(role: Role) async throws {
        let column = [Role.admin, .editor, .writer, .contributor].firstIndex(of: role)!
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(role, author: fixture.ana)
        let other = try await fixture.account(.contributor, email: "other@example.test")
        var ownDraft = fixture.story("Own draft", authors: [fixture.ana], status: .draft)
        ownDraft.createdBy = nil
        let ids = try await fixture.add(ownDraft, fixture.story("Someone else's story", authors: [fixture.ben]))
        let revision = try #require(try await fixture.store.revisions(storyID: ids[1]).first?.id)
        let context = Context(fixture: fixture, ownDraft: ids[0], othersPublished: ids[1], othersRevision: revision, otherUser: other.user.id)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("\(role.rawValue)@example.test", password)
            for testCase in Self.cases {
                let response = try await testCase.run(browser, context)
                if testCase.expected[column] {
                    #expect([.ok, .seeOther].contains(response.status), "\(role) should be able to \(testCase.name): \(response.status)")
                } else {
                    #expect(response.status == .forbidden, "\(role) should not be able to \(testCase.name): \(response.status)")
                }
            }
        }
    }
}

import BroadsheetCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Newsroom sign-in, sessions and CSRF")
struct NewsroomAuthTests {
    @Test("signing in sets a new HttpOnly, SameSite=Lax session cookie for the newsroom only; signing out ends it")
    func signInAndOut() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            let first = try await browser.get("/newsroom")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/newsroom/login?next=%2Fnewsroom")

            let response = try await browser.logIn("WRITER@example.test", password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/newsroom")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("bs_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/newsroom"))
            #expect(cookie.contains("Secure"), "the test site's address is https")
            let token = try #require(browser.cookies["bs_session"])
            #expect(try await fixture.store.session(token: token, at: Fixture.now, idleLimit: 3_600) != nil)

            let list = try await browser.get("/newsroom")
            #expect(list.status == .ok)
            #expect(list.headers[.cacheControl] == "no-store")
            #expect(list.text.contains("Test Writer"))

            #expect(try await browser.post("/newsroom/logout", []).status == .seeOther)
            #expect(try await fixture.store.session(token: token, at: Fixture.now, idleLimit: 3_600) == nil)
            #expect(try await browser.get("/newsroom").status == .seeOther)
        }
    }

    @Test("the session cookie is Secure only when the site is served over https")
    func secureCookie() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let configuration = try testConfiguration([.baseURL: "http://127.0.0.1:8080"])
        try await makeApp(fixture, configuration: configuration).test(.router) { client in
            let response = try await NewsroomBrowser(client).logIn("editor@example.test", password)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("bs_session=") })
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test("a wrong password or unknown account gets one clear message, and no session")
    func wrongPassword() async throws {
        let fixture = try await Fixture.make()
        _ = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            for (email, password) in [("editor@example.test", "wrong-password-1"), ("nobody@example.test", "whatever-12345")] {
                let browser = NewsroomBrowser(client)
                let response = try await browser.logIn(email, password)
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("That email address and password do not match an account."))
                #expect(response.text.contains(#"value="\#(email)""#), "the email address typed is kept")
                #expect(browser.cookies["bs_session"] == nil)
            }
        }
    }

    @Test("a sign-in form without its token (from another site) is refused")
    func loginCSRF() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            let response = try await browser.post("/newsroom/login", [("email", "editor@example.test"), ("password", password)], sendCSRF: false)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["bs_session"] == nil)
        }
    }

    @Test("sessions end after sitting idle and after their lifetime, whatever the activity")
    func expiry() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let clock = TestClock()
        let rules = LoginRules(idleLimit: 30 * 60, lifetime: 2 * 3_600)
        try await makeApp(fixture, clock: clock, rules: rules).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            clock.advance(by: 29 * 60)
            #expect(try await browser.get("/newsroom").status == .ok, "used within the idle limit")
            clock.advance(by: 31 * 60)
            #expect(try await browser.get("/newsroom").status == .seeOther, "idle for 31 minutes: signed out")

            try await browser.logIn("editor@example.test", password)
            for _ in 0..<5 {
                clock.advance(by: 25 * 60)
                _ = try await browser.get("/newsroom")
            }
            #expect(try await browser.get("/newsroom").status == .seeOther, "past its two-hour lifetime despite activity")
        }
    }

    @Test("failed sign-ins are limited per account and per address, with a clear message")
    func rateLimits() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let rules = LoginRules(failuresPerAccount: 3, failuresPerAddress: 6)
        let clock = TestClock()
        try await makeApp(fixture, clock: clock, rules: rules).test(.router) { client in
            let browser = NewsroomBrowser(client)
            for _ in 0..<3 { #expect(try await browser.logIn("editor@example.test", "not-the-password").status == .unauthorized) }
            let blocked = try await browser.logIn("editor@example.test", password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Too many failed sign-ins"))
            #expect(browser.cookies["bs_session"] == nil, "even the right password is refused while blocked")

            clock.advance(by: 16 * 60)
            #expect(try await browser.logIn("editor@example.test", password).status == .seeOther, "the window has passed")

            // The same address trying many accounts is stopped too.
            let stranger = NewsroomBrowser(client)
            for index in 0..<6 {
                #expect(try await stranger.logIn("someone\(index)@example.test", "guess-guess-guess").status == .unauthorized)
            }
            #expect(try await stranger.logIn("editor@example.test", password).status == .tooManyRequests)
        }
    }

    @Test("state-changing requests without the session's CSRF token are refused and change nothing; GET changes nothing")
    func csrf() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            let fields = [("headline", "Forged story"), ("section", String(fixture.world.id)), ("action", "save")]
            let missing = try await browser.post("/newsroom/stories", fields, sendCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("This form has expired or did not come from the newsroom"))
            #expect(try await browser.post("/newsroom/stories", fields, csrf: "forged-token").status == .forbidden)
            #expect(try await browser.post("/newsroom/logout", [], csrf: "").status == .forbidden)
            #expect(try await fixture.store.articleCount() == 0)
            // Signing out needs a POST: a GET does nothing.
            #expect(try await browser.get("/newsroom/logout").status == .notFound)
            #expect(try await browser.get("/newsroom").status == .ok)
            #expect(try await browser.post("/newsroom/stories", fields).status == .seeOther)
            #expect(try await fixture.store.articleCount() == 1)
        }
    }

    @Test("changing one's password checks the current one and ends other sessions; an admin's reset shows a new password once")
    func passwords() async throws {
        let fixture = try await Fixture.make()
        let (_, writerPassword) = try await fixture.account(.writer)
        let (_, adminPassword) = try await fixture.account(.admin)
        try await makeApp(fixture).test(.router) { client in
            let writer = NewsroomBrowser(client)
            try await writer.logIn("writer@example.test", writerPassword)
            let wrong = try await writer.post("/newsroom/account/password", [("current", "nope-nope-nope"), ("new", "a-new-password-1"), ("repeat", "a-new-password-1")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("The current password is not right."))
            let changed = try await writer.post("/newsroom/account/password", [("current", writerPassword), ("new", "a-new-password-1"), ("repeat", "a-new-password-1")])
            #expect(changed.status == .seeOther)
            #expect(try await NewsroomBrowser(client).logIn("writer@example.test", "a-new-password-1").status == .seeOther)

            let admin = NewsroomBrowser(client)
            try await admin.logIn("admin@example.test", adminPassword)
            let writerID = try #require(try await fixture.store.credentials(email: "writer@example.test")).user.id
            let reset = try await admin.post("/newsroom/users/\(writerID)/password", [])
            let newPassword = try #require(reset.text.firstMatch(of: /is <code>([a-z0-9-]+)<\/code>/)?.1)
            #expect(try await NewsroomBrowser(client).logIn("writer@example.test", "a-new-password-1").status == .unauthorized)
            #expect(try await NewsroomBrowser(client).logIn("writer@example.test", String(newPassword)).status == .seeOther)
        }
    }
}

@Suite("Newsroom hardening")
struct NewsroomHardeningTests {
    @Test("signing in again replaces the old session, which stops working; another browser's session ends on a password change")
    func rotation() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("writer@example.test", password)
            let first = try #require(browser.cookies["bs_session"])
            // Signed in, the sign-in page sends the browser on; a sign-in posted anyway makes a new session.
            let loginPage = try await client.execute(uri: "/newsroom/login", method: .get)
            let token = String(loginPage.text.firstMatch(of: /name="login_token" value="([^"]+)"/)?.1 ?? "")
            let loginCookie = loginPage.headers[values: .setCookie].first { $0.hasPrefix("bs_login=") }?.split(separator: ";")[0] ?? ""
            let body = "login_token=\(token)&email=writer%40example.test&password=\(password)"
            let again = try await client.execute(uri: "/newsroom/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bs_session=\(first); \(loginCookie)"], body: .init(string: body))
            #expect(again.status == .seeOther)
            #expect(try await fixture.store.session(token: first, at: Fixture.now, idleLimit: 3_600) == nil, "the old session was ended")

            let other = NewsroomBrowser(client)
            try await other.logIn("writer@example.test", password)
            let mine = NewsroomBrowser(client)
            try await mine.logIn("writer@example.test", password)
            _ = try await mine.post("/newsroom/account/password", [("current", password), ("new", "another-password-1"), ("repeat", "another-password-1")])
            #expect(try await other.get("/newsroom").status == .seeOther, "the other browser is signed out")
        }
    }

    @Test("an admin's reset lifts a lockout")
    func resetLiftsLockout() async throws {
        let fixture = try await Fixture.make()
        let (writer, _) = try await fixture.account(.writer)
        let (_, adminPassword) = try await fixture.account(.admin)
        try await makeApp(fixture, rules: LoginRules(failuresPerAccount: 2)).test(.router) { client in
            let stranger = NewsroomBrowser(client)
            for _ in 0..<3 { _ = try await stranger.logIn("writer@example.test", "wrong-wrong-wrong") }
            let admin = NewsroomBrowser(client)
            try await admin.logIn("admin@example.test", adminPassword)
            let reset = try await admin.post("/newsroom/users/\(writer.id)/password", [])
            let newPassword = try #require(reset.text.firstMatch(of: /is <code>([a-z0-9-]+)<\/code>/)?.1)
            #expect(try await NewsroomBrowser(client).logIn("writer@example.test", String(newPassword)).status == .seeOther)
        }
    }

    @Test("multipart forms and the X-CSRF-Token header go through the same CSRF check")
    func multipartCSRF() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.admin)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("admin@example.test", password)
            let token = try #require(browser.csrf)
            let boundary = "b0undary"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nRogue\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nrogue@example.test\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nadmin\r\n--\(boundary)--\r\n"
            var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
            #expect(try await client.execute(uri: "/newsroom/users", method: .post, headers: headers, body: .init(string: body)).status == .forbidden)
            #expect(try await fixture.store.userCount() == 1)
            headers[HTTPField.Name("X-CSRF-Token")!] = token
            #expect(try await client.execute(uri: "/newsroom/users", method: .post, headers: headers, body: .init(string: body)).status == .ok)
            #expect(try await fixture.store.userCount() == 2)
        }
    }

    @Test("malformed multipart bodies are a 400, never a 500", arguments: [
        ("multipart/form-data", "anything"), ("multipart/form-data; boundary=x", "no delimiter at all"),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\nno blank line"),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue with no closing delimiter"),
    ])
    func malformedMultipart(type: String, body: String) async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            let response = try await client.execute(uri: "/newsroom/stories", method: .post,
                headers: [.contentType: type, .cookie: browser.cookieHeader, HTTPField.Name("X-CSRF-Token")!: browser.csrf ?? ""], body: .init(string: body))
            #expect(response.status == .badRequest)
        }
    }

    @Test("sign-in never sends the browser off the newsroom", arguments: ["//evil.example/x", "https://evil.example/", "/\\evil", "/newsroom/../../x\u{0}", "javascript:alert(1)"])
    func hostileNext(next: String) async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            let page = try await browser.get("/newsroom/login?next=\(NewsroomBrowser.encode(next))")
            let token = String(page.text.firstMatch(of: /name="login_token" value="([^"]+)"/)?.1 ?? "")
            let response = try await browser.post("/newsroom/login", [("login_token", token), ("email", "editor@example.test"), ("password", password), ("next", next)], sendCSRF: false)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/newsroom")
        }
    }

    @Test("a writer cannot preview, upload to or even see someone else's story; nothing is stored")
    func noSideEffectsWithoutPermission() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.writer, author: fixture.ana)
        let ids = try await fixture.add(fixture.story("Embargoed plan", authors: [fixture.ben], status: .scheduled))
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("writer@example.test", password)
            let before = try await fixture.store.imageCount()
            let preview = try await browser.postMultipart("/newsroom/stories/\(ids[0])", NewsroomStoryTests.storyFields(fixture, action: "preview"),
                                                          files: [("lead_image", "a.png", pngBytes())])
            #expect(preview.status == .forbidden)
            #expect(try await fixture.store.imageCount() == before)
            let list = try await browser.get("/newsroom")
            #expect(!list.text.contains("Embargoed plan"), "others' unpublished stories are not listed")
        }
    }

    @Test("two people editing one story: the second save is refused with their text kept, not silently overwritten")
    func lostUpdate() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        let ids = try await fixture.add(fixture.story("Shared story"))
        try await makeApp(fixture).test(.router) { client in
            let first = NewsroomBrowser(client), second = NewsroomBrowser(client)
            try await first.logIn("editor@example.test", password)
            try await second.logIn("editor@example.test", password)
            let opened = try await first.get("/newsroom/stories/\(ids[0])")
            let base = try #require(opened.text.firstMatch(of: /name="base_revision" value="([0-9]+)"/)?.1)
            _ = try await second.get("/newsroom/stories/\(ids[0])")
            let fields = NewsroomStoryTests.storyFields(fixture, headline: "Shared story")
            #expect(try await second.postMultipart("/newsroom/stories/\(ids[0])", fields.filter { $0.0 != "body" } + [("base_revision", String(base)), ("body", "Second's words.")]).status == .seeOther)
            let late = try await first.postMultipart("/newsroom/stories/\(ids[0])", fields.filter { $0.0 != "body" } + [("base_revision", String(base)), ("body", "First's words.")])
            #expect(late.status == .unprocessableContent)
            #expect(late.text.contains("Someone else saved this story since you opened it."))
            #expect(late.text.contains("First&#39;s words."), "the refused text is given back")
            #expect(try await fixture.store.editableStory(id: ids[0])?.bodyMarkdown == "Second's words.")
        }
    }

    @Test("tags without letters or digits are refused; other scripts get readable addresses")
    func tagNames() async throws {
        let fixture = try await Fixture.make()
        let (_, password) = try await fixture.account(.editor)
        try await makeApp(fixture).test(.router) { client in
            let browser = NewsroomBrowser(client)
            try await browser.logIn("editor@example.test", password)
            let refused = try await browser.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(fixture).filter { $0.0 != "tags" } + [("tags", "!!!")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("needs letters or digits"))
            let saved = try await browser.postMultipart("/newsroom/stories", NewsroomStoryTests.storyFields(fixture, headline: "Visit", action: "publish").filter { $0.0 != "tags" } + [("tags", "Москва")])
            #expect(saved.status == .seeOther)
            #expect(try await fixture.store.tag(slug: "moskva")?.name == "Москва")
        }
    }
}

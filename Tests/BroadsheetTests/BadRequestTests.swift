import BroadsheetCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import BroadsheetWeb

@Suite("Malformed and odd requests")
struct BadRequestTests {
    @Test(
        "a malformed page number is a 400 page that looks like the site",
        arguments: [
            "/?page=abc", "/?page=-1", "/?page=0", "/?page=1.5", "/?page=99999999999999999999999", "/?page=10001", "/?page=",
            "/?page=1&page=2", "/?page=%00", "/section/world?page=x", "/author/ana-ruiz?page=-3", "/tag/rivers?page=1e3",
            "/search?q=a&page=NaN", "/?page=%E2%80%8B1",
        ]
    )
    func badPageNumbers(uri: String) async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Something", tags: ["Rivers"]))
        try await makeApp(fixture).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("The page number must be a whole number from 1 to 10000."))
                #expect(response.text.contains(#"<a class="site-name" href="/">The Test Chronicle</a>"#))
            }
        }
    }

    @Test("no request of any shape produces a 500")
    func neverA500() async throws {
        let fixture = try await Fixture.make()
        try await fixture.add(fixture.story("Something"))
        let uris = [
            "/%", "/%zz", "/..%2f..%2fetc%2fpasswd", "/section/", "/section/%00", "/section/a/b/c/d/e", "//", "///x",
            "/2026/13/45/something", "/9999999999999999999999/1/1/something", "/images/", "/images/..%2F..", "/images/x.svg",
            "/images/" + String(repeating: "a", count: 64) + ".exe", "/assets/%2e%2e", "/search?q=%", "/search?q=%ZZ&page=2",
            "/search?q=" + String(repeating: "%F0%9F%93%B0", count: 3_000), "/search?q=\u{202E}abc", "/search?q[]=1&q[]=2",
            "/search?q=%D8%A7%D9%84%D8%AE%D8%A8%D8%B1", "/search?q=%22unbalanced", "/search?q=*", "/search?q=NEAR(a+b)",
            "/search?q=' OR 1=1 --", "/rss.xml?page=1", "/about?x=<script>", "/" + String(repeating: "a/", count: 500),
            "/preferences/text-size", "/?" + String(repeating: "a=1&", count: 2_000),
        ]
        try await makeApp(fixture).test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code < 500, "\(uri) answered \(response.status)")
                }
            }
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                try await client.execute(uri: "/", method: method) { response in
                    #expect(response.status.code < 500, "\(method) /")
                }
            }
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("the text-size form refuses unknown changes and oversized bodies without a 500")
    func badPreferenceForms() async throws {
        let fixture = try await Fixture.make()
        try await makeApp(fixture).test(.router) { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            for body in ["change=huge", "", "change=%ZZ", "&&&=", "change[]=larger"] {
                try await client.execute(uri: "/preferences/text-size", method: .post, headers: form, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            let huge = ByteBuffer(string: "change=larger&return=/" + String(repeating: "a", count: 100_000))
            try await client.execute(uri: "/preferences/text-size", method: .post, headers: form, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test("the last page a request may ask for links to no page after it, which would be a 400")
    func lastPageNumber() {
        let last = PaginationView(page: Page(items: [1], request: PageRequest(number: PageRequest.maximumNumber, size: 1)!, hasMore: true)) { .home(page: $0) }
        #expect(last.olderURL == nil)
        #expect(last.newerURL == SiteRoute.home(page: PageRequest.maximumNumber - 1).path)
        let before = PaginationView(page: Page(items: [1], request: PageRequest(number: PageRequest.maximumNumber - 1, size: 1)!, hasMore: true)) { .home(page: $0) }
        #expect(before.olderURL == SiteRoute.home(page: PageRequest.maximumNumber).path)
    }
}

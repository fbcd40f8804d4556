import BroadsheetCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser for router tests: keeps cookies, signs in through the real form, and sends the CSRF token it finds.
final class NewsroomBrowser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    private func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = response.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1 { csrf = String(token) }
    }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        let response = try await client.execute(uri: path, method: .get, headers: cookies.isEmpty ? [:] : [.cookie: cookieHeader])
        remember(response)
        return response
    }

    /// Posts a urlencoded form; the session's CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf token: String? = nil, sendCSRF: Bool = true) async throws -> TestResponse {
        var all = fields
        if sendCSRF, let value = token ?? csrf { all.append(("csrf", value)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a multipart form with files, as the story editor does.
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [(field: String, filename: String, bytes: Data)] = []) async throws -> TestResponse {
        let boundary = "----broadsheet-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields + (csrf.map { [("csrf", $0)] } ?? []) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(data: body))
        remember(response)
        return response
    }

    /// Signs in through the sign-in page, as a person would.
    @discardableResult
    func logIn(_ email: String, _ password: String) async throws -> TestResponse {
        let page = try await get("/newsroom/login")
        let token = String(page.text.firstMatch(of: /name="login_token" value="([^"]+)"/)?.1 ?? "")
        let response = try await post("/newsroom/login", [("login_token", token), ("email", email), ("password", password), ("next", "/newsroom")], sendCSRF: false)
        if response.status == .seeOther { try await get("/newsroom") }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

extension Fixture {
    /// An account with a known password (bcrypt at cost 4).
    func account(_ role: Role, email: String? = nil, author: Author? = nil) async throws -> (user: User, password: String) {
        let password = "pass-\(role.rawValue)-12345"
        let authenticator = Authenticator(users: store, sessions: store, attempts: store, hasher: testHasher, clock: FixedClock(Fixture.now))
        let user = try await authenticator.createUser(
            NewUser(email: email ?? "\(role.rawValue)@example.test", name: "Test \(role.label)", role: role, authorID: author?.id), password: password
        )
        return (user, password)
    }
}

/// A tiny but well-formed PNG header: what the upload check reads.
func pngBytes(width: UInt32 = 640, height: UInt32 = 480) -> Data {
    var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
    for value in [width, height] { data += Data([UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]) }
    data += Data([8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 0]) + Data("IEND".utf8) + Data([0xAE, 0x42, 0x60, 0x82])
    return data
}

import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates`, parsed once at start-up.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init(directory: URL) async throws {
        library = try await MustacheLibrary(directory: directory.path)
    }

    /// An HTML response from `template` rendered with `model`.
    func response(
        _ template: String, _ model: Any, status: HTTPResponse.Status = .ok, cacheControl: String = "public, max-age=60",
        varyOnCookie: Bool = false
    ) -> Response {
        let html = library.render(model, withTemplate: template) ?? ""
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: cacheControl]
        if varyOnCookie { headers[.vary] = "Cookie" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates`, parsed once at start-up.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init(directory: URL) async throws {
        library = try await MustacheLibrary(directory: directory.path)
    }

    /// A template that is not in the library: a programming error, answered with a 500 page and logged.
    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var description: String { "no template named \(name)" }
    }

    /// An HTML response from `template` rendered with `model`.
    func response(
        _ template: String, _ model: Any, status: HTTPResponse.Status = .ok, cacheControl: String = "public, max-age=60",
        varyOnCookie: Bool = false
    ) throws -> Response {
        guard let html = library.render(TemplateValues.convert(model), withTemplate: template) else { throw MissingTemplate(name: template) }
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: cacheControl]
        if varyOnCookie { headers[.vary] = "Cookie" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

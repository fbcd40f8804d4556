import BroadsheetCore
import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates`, parsed once at start-up.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Every template, partials included (the engine resets the content type for each partial), starts with
    /// `{{% CONTENT_TYPE: BROADSHEET_HTML }}` to escape with `HTMLEscaping`, which passes text with nothing to escape
    /// through without copying (the engine's own escaping builds every string anew, character by character).
    static let contentTypeName = "BROADSHEET_HTML"

    struct HTMLContent: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    init(directory: URL) async throws {
        MustacheContentTypes.register(HTMLContent(), named: Self.contentTypeName)
        library = try await MustacheLibrary(directory: directory.path)
    }

    /// A template that is not in the library: a programming error, answered with a 500 page and logged.
    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var description: String { "no template named \(name)" }
    }

    /// An HTML response from `template` rendered with `model`.
    func response(
        _ template: String, _ model: Any, status: HTTPResponse.Status = .ok, cacheControl: String? = nil,
        varyOnCookie: Bool = false
    ) throws -> Response {
        guard let html = library.render(TemplateValues.convert(model), withTemplate: template) else { throw MissingTemplate(name: template) }
        // Without a choice here, the caching middleware applies the configured lifetime.
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if let cacheControl { headers[.cacheControl] = cacheControl }
        if varyOnCookie { headers[.vary] = "Cookie" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

import BroadsheetCore
import Foundation
import Hummingbird

/// Renders the Mustache templates in `Resources/templates`, parsed once at start-up by our own engine
/// (`Templates/`): a page model is converted to a `TemplateValue` once and written straight into bytes.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    init(directory: URL) throws {
        templates = try TemplateLibrary(directory: directory)
        if let missing = templates.missingReferences.first { throw MissingTemplate(name: missing) }
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
        guard let html = templates.render(template, TemplateValues.convert(model)) else { throw MissingTemplate(name: template) }
        // Without a choice here, the caching middleware applies the configured lifetime.
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if let cacheControl { headers[.cacheControl] = cacheControl }
        if varyOnCookie { headers[.vary] = "Cookie" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: html)))
    }
}

import BroadsheetCore
import Hummingbird
import Logging

/// Turns every error into a page that looks like the rest of the site. Errors that carry no client-error status
/// are unexpected: they are logged and answered with a 500 page that reveals nothing of the cause.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: ReaderSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Newsroom pages are personal: their errors are not cached either.
        let cacheable = !NewsroomRoute.isNewsroom(request.uri.path)
        do {
            return try await next(request, context)
        } catch is SearchTookTooLong {
            return await page(
                status: .serviceUnavailable, message: "The search took too long. Try fewer words, or less common ones.",
                extraHeaders: [.retryAfter: "5"], cacheable: false
            )
        } catch let error as HTTPError {
            return await page(status: error.status, message: error.body, extraHeaders: error.headers, cacheable: cacheable)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            // Errors that know their status, such as a body over the size limit (413).
            return await page(status: error.status, message: nil, extraHeaders: [:], cacheable: cacheable)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return await page(status: .internalServerError, message: nil, extraHeaders: [:], cacheable: false)
        }
    }

    private func page(status: HTTPResponse.Status, message: String?, extraHeaders: HTTPFields, cacheable: Bool) async -> Response {
        let model = await ErrorPage.load(site: site, status: status, message: message)
        var response: Response
        do {
            response = try site.renderer.response("error", model, status: status, cacheControl: status.code == 404 && cacheable ? "public, max-age=\(site.configuration.cacheMaxAge)" : "no-store")
        } catch {
            response = Response(
                status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: model.title + "\n"))
            )
        }
        for field in extraHeaders where field.name != .contentType && field.name != .contentLength {
            response.headers.append(field)
        }
        return response
    }
}

import Hummingbird

/// Applies the newsroom gate to /newsroom and everything under it, and to nothing else.
struct NewsroomPathGate: RouterMiddleware {
    typealias Context = AppRequestContext
    let gate: NewsroomGateMiddleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard NewsroomRoute.isNewsroom(request.uri.path) else {
            return try await next(request, context)
        }
        return try await gate.handle(request, context: context, next: next)
    }
}

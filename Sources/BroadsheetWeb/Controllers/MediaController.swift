import BroadsheetCore
import Hummingbird

/// Stored images and the site's own assets, both named by content and so cached for a year.
struct MediaController<Context: RequestContext>: Sendable {
    static var immutable: String { "public, max-age=31536000, immutable" }

    let images: any ImageReading
    let assets: Assets

    func addRoutes(to router: Router<Context>) {
        router.get(RouterPath(SiteRoute.Kind.image.pattern)) { _, context in
            let file = context.parameters.get("file") ?? ""
            let parts = file.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64, parts[0].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                  let type = ImageMediaType(fileExtension: String(parts[1])),
                  let image = try await images.image(sha256: String(parts[0])), image.reference.mediaType == type
            else { throw HTTPError(.notFound, message: "There is no image at this address.") }
            var headers: HTTPFields = [.contentType: type.rawValue, .cacheControl: Self.immutable]
            if type == .svg {
                // An SVG opened on its own must not run anything, whatever it contains.
                headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: image.bytes)))
        }
        router.get(RouterPath(SiteRoute.Kind.asset.pattern)) { _, context in
            guard let asset = assets.asset(named: context.parameters.get("file") ?? "") else {
                throw HTTPError(.notFound, message: "There is no file at this address.")
            }
            return Response(
                status: .ok, headers: [.contentType: asset.contentType, .cacheControl: Self.immutable],
                body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes))
            )
        }
    }
}

import Hummingbird

/// Reads and validates what a request asks for; anything malformed becomes a 400 with a message for the reader.
enum RequestParameters {
    /// The `page` query parameter: absent means 1; otherwise a whole number from 1 to `PageRequest.maximumNumber`.
    static func pageNumber(_ request: Request) throws -> Int {
        let values = FormQuery(request).getAll("page")
        guard let raw = values.first else { return 1 }
        guard values.count == 1, !raw.isEmpty, raw.count <= 5, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let number = Int(raw), (1...PageRequest.maximumNumber).contains(number)
        else {
            throw HTTPError(.badRequest, message: "The page number must be a whole number from 1 to \(PageRequest.maximumNumber).")
        }
        return number
    }

    /// A slug from the path, which must be well formed to name anything.
    static func slug(_ context: some RequestContext, _ name: String = "slug") throws -> String {
        guard let slug = context.parameters.get(name), Slug.isValid(slug) else {
            throw HTTPError(.notFound)
        }
        return slug
    }
}
import BroadsheetCore

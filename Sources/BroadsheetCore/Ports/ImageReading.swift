/// Read access to stored image bytes.
public protocol ImageReading: Sendable {
    /// The image whose content hash is `sha256`, or nil.
    func image(sha256: String) async throws -> ImageData?
}

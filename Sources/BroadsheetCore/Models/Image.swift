import Foundation

/// A stored image, named by the SHA-256 of its bytes so that its address never changes and can be cached forever.
public struct ImageReference: Sendable, Hashable {
    public var sha256: String
    public var mediaType: ImageMediaType
    public var width: Int
    public var height: Int
    /// Size of the stored file in bytes (0 when not known).
    public var byteSize: Int

    public init(sha256: String, mediaType: ImageMediaType, width: Int, height: Int, byteSize: Int = 0) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.width = width
        self.height = height
        self.byteSize = byteSize
    }

    /// Images are served under this folder. Stored story bodies embed image paths, so it is part of the data format.
    public static let pathPrefix = "/images/"

    /// The site-relative path the image is served at.
    public var path: String { Self.pathPrefix + "\(sha256).\(mediaType.fileExtension)" }
}

/// The image formats Broadsheet stores and serves.
public enum ImageMediaType: String, Sendable, Codable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"
    case gif = "image/gif"
    case svg = "image/svg+xml"

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .gif: "gif"
        case .svg: "svg"
        }
    }

    public init?(fileExtension: String) {
        guard let match = Self.allCases.first(where: { $0.fileExtension == fileExtension.lowercased() }) else {
            return nil
        }
        self = match
    }
}

/// An image's bytes, as served to readers.
public struct ImageData: Sendable {
    public var reference: ImageReference
    public var bytes: Data

    public init(reference: ImageReference, bytes: Data) {
        self.reference = reference
        self.bytes = bytes
    }
}

/// An image placed at the top of a story, with the words that go with it.
public struct LeadImage: Sendable, Hashable {
    public var image: ImageReference
    /// Text alternative for readers who cannot see the image.
    public var alt: String
    public var caption: String
    /// Who made the image, e.g. "Photo: Ana Ruiz / Harbour Courier".
    public var credit: String

    public init(image: ImageReference, alt: String, caption: String, credit: String) {
        self.image = image
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}

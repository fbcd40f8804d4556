import Foundation

/// What the bytes of an image say it is, whatever its file is called.
public struct ImageInspection: Sendable, Hashable {
    public var mediaType: ImageMediaType
    public var width: Int
    public var height: Int
}

/// Reads the type and size of JPEG, PNG, GIF and WebP images from their first bytes.
public enum ImageInspector {
    /// The largest side accepted, in pixels.
    public static let maximumSide = 20_000

    /// nil when the bytes are not one of the accepted formats or carry no usable size.
    public static func inspect(_ data: Data) -> ImageInspection? {
        // A JPEG's frame header can follow large metadata blocks (EXIF, ICC, XMP): walk the whole file for it.
        let isJPEG = data.starts(with: [0xFF, 0xD8, 0xFF])
        let bytes = [UInt8](isJPEG ? data : data.prefix(64 * 1024))
        func u16be(_ i: Int) -> Int? { i + 1 < bytes.count ? Int(bytes[i]) << 8 | Int(bytes[i + 1]) : nil }
        func u16le(_ i: Int) -> Int? { i + 1 < bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : nil }
        func u24le(_ i: Int) -> Int? { i + 2 < bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 : nil }
        func u32be(_ i: Int) -> Int? { i + 3 < bytes.count ? Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) : nil }
        func matches(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        func result(_ type: ImageMediaType, _ width: Int?, _ height: Int?) -> ImageInspection? {
            guard let width, let height, (1...maximumSide).contains(width), (1...maximumSide).contains(height) else { return nil }
            return ImageInspection(mediaType: type, width: width, height: height)
        }

        if matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), matches(Array("IHDR".utf8), at: 12) {
            return result(.png, u32be(16), u32be(20))
        }
        if matches(Array("GIF87a".utf8)) || matches(Array("GIF89a".utf8)) {
            return result(.gif, u16le(6), u16le(8))
        }
        if matches(Array("RIFF".utf8)), matches(Array("WEBP".utf8), at: 8) {
            if matches(Array("VP8 ".utf8), at: 12), let w = u16le(26), let h = u16le(28) {
                return result(.webp, w & 0x3FFF, h & 0x3FFF)
            }
            if matches(Array("VP8L".utf8), at: 12), bytes.count > 24, bytes[20] == 0x2F {
                let b1 = Int(bytes[21]), b2 = Int(bytes[22]), b3 = Int(bytes[23]), b4 = Int(bytes[24])
                return result(.webp, 1 + (b1 | (b2 & 0x3F) << 8), 1 + (b2 >> 6 | b3 << 2 | (b4 & 0x0F) << 10))
            }
            if matches(Array("VP8X".utf8), at: 12), let w = u24le(24), let h = u24le(27) {
                return result(.webp, w + 1, h + 1)
            }
            return nil
        }
        if matches([0xFF, 0xD8, 0xFF]) {
            // Walk the segments to the frame header (SOF0 to SOF15, except DHT, JPG and DAC).
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                if marker == 0xFF { index += 1; continue }
                guard let length = u16be(index + 2), length >= 2 else { return nil }
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return result(.jpeg, u16be(index + 7), u16be(index + 5))
                }
                index += 2 + length
            }
            return nil
        }
        return nil
    }
}

/// Why an upload was refused. The messages are shown to the person uploading.
public enum ImageUploadError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(limit: Int)
    case notAnImage

    public var description: String {
        switch self {
        case .empty: "The file is empty."
        case .tooLarge(let limit): "The file is larger than \(limit / 1_048_576) MB. Use a smaller image."
        case .notAnImage: "That file is not a JPEG, PNG, WebP or GIF image. The file's name does not matter: its content does."
        }
    }
}

/// Stores an uploaded image after checking what it really is.
public struct ImageUpload: Sendable {
    let writer: any PublicationWriting
    public let byteLimit: Int

    public init(writer: any PublicationWriting, byteLimit: Int) {
        self.writer = writer
        self.byteLimit = byteLimit
    }

    /// The stored image. Nothing is stored when the upload is refused.
    public func store(_ bytes: Data, by user: User) async throws -> ImageReference {
        guard NewsroomPolicy.allows(user.role, .uploadImage) else { throw NotAllowed("Your role does not allow uploads.") }
        guard !bytes.isEmpty else { throw ImageUploadError.empty }
        guard bytes.count <= byteLimit else { throw ImageUploadError.tooLarge(limit: byteLimit) }
        guard let inspection = ImageInspector.inspect(bytes) else { throw ImageUploadError.notAnImage }
        return try await writer.storeImage(bytes, mediaType: inspection.mediaType, width: inspection.width, height: inspection.height)
    }
}

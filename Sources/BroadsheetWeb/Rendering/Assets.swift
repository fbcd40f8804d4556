import BroadsheetCore
import Foundation

/// The stylesheet, script and icon, served under names that carry a hash of their content so that browsers can
/// keep them forever and still see every change.
struct Assets: Sendable {
    struct Asset: Sendable {
        let fileName: String
        let contentType: String
        let bytes: Data
    }

    let stylesheet: Asset
    let script: Asset
    let icon: Asset
    private let byName: [String: Asset]

    init(directory: URL) throws {
        func load(_ name: String, _ ext: String, _ type: String) throws -> Asset {
            let bytes = try Data(contentsOf: directory.appendingPathComponent("\(name).\(ext)"))
            return Asset(fileName: "\(name).\(Self.fingerprint(bytes)).\(ext)", contentType: type, bytes: bytes)
        }
        stylesheet = try load("site", "css", "text/css; charset=utf-8")
        script = try load("site", "js", "text/javascript; charset=utf-8")
        icon = try load("icon", "svg", "image/svg+xml")
        byName = Dictionary(uniqueKeysWithValues: [stylesheet, script, icon].map { ($0.fileName, $0) })
    }

    func asset(named fileName: String) -> Asset? { byName[fileName] }

    /// 64-bit FNV-1a of the bytes, as 12 hex digits: enough to tell versions apart, not a security measure.
    static func fingerprint(_ bytes: Data) -> String {
        String(String(FNV1a.hash(bytes), radix: 16).suffix(12))
    }
}

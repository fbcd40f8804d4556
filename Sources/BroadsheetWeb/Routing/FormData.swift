import Foundation
import Hummingbird
import NIOCore

/// A submitted form: `application/x-www-form-urlencoded` or `multipart/form-data` (for uploads).
struct FormData: Sendable {
    struct File: Sendable {
        let filename: String
        let bytes: Data
    }

    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: File] = [:]

    func value(_ name: String) -> String? { fields[name]?.first }
    func values(_ name: String) -> [String] { fields[name] ?? [] }
    func text(_ name: String) -> String { value(name) ?? "" }

    /// Reads the request's body, at most `limit` bytes (413 beyond), as the form its content type says.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        let body = try await request.body.collect(upTo: limit)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", of: type), !boundary.isEmpty, boundary.count <= 200 else {
                throw HTTPError(.badRequest, message: "The form could not be read (no multipart boundary).")
            }
            return try multipart(Data(buffer: body), boundary: boundary)
        }
        var form = FormData()
        for (name, value) in FormQuery.pairs(String(buffer: body)) { form.fields[name, default: []].append(value) }
        return form
    }

    private static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Splits a multipart body on its boundary; each part's name and filename come from Content-Disposition.
    private static func multipart(_ data: Data, boundary: String) throws -> FormData {
        var form = FormData()
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = data.range(of: delimiter)?.upperBound else {
            throw HTTPError(.badRequest, message: "The form could not be read (malformed multipart body).")
        }
        while cursor < data.endIndex {
            // "--" after a delimiter ends the body.
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            guard let headersRange = data.range(of: headerEnd, in: cursor..<data.endIndex),
                  let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headersRange.upperBound..<data.endIndex)
            else {
                throw HTTPError(.badRequest, message: "The form could not be read (malformed multipart body).")
            }
            let headers = String(decoding: data[cursor..<headersRange.lowerBound], as: UTF8.self)
            let content = data[headersRange.upperBound..<next.lowerBound]
            var name: String?
            var filename: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", of: line)
                filename = parameter("filename", of: line)
            }
            if let name {
                if let filename {
                    if !filename.isEmpty || !content.isEmpty { form.files[name] = File(filename: filename, bytes: Data(content)) }
                } else {
                    form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
                }
            }
            cursor = next.upperBound
        }
        return form
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to a server on loopback, written to byte by byte as a test chooses (a request split across
/// writes, several requests in one write), and read back as whole HTTP/1.1 responses. Blocking: call it inside
/// `blocking { }`. Reads give up after five seconds.
final class RawHTTPConnection {
    struct Response: Sendable {
        let head: String
        let body: Data

        var status: Int? { head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } }

        func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socket: Int32
    private var received = Data()

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "could not connect to 127.0.0.1:\(port)")
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw Failure(description: "send failed") }
            sent += written
        }
    }

    /// The next `count` responses, in the order they came.
    func responses(_ count: Int) throws -> [Response] {
        var responses: [Response] = []
        while responses.count < count {
            if let response = takeResponse() {
                responses.append(response)
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let read = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard read > 0 else {
                throw Failure(description: "the connection ended or went quiet after \(responses.count) of \(count) responses")
            }
            received.append(contentsOf: chunk[0..<read])
        }
        return responses
    }

    private func takeResponse() -> Response? {
        guard let end = received.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: received[received.startIndex..<end.lowerBound], as: UTF8.self)
        let partial = Response(head: head, body: Data())
        let length = partial.status == 304 ? 0 : (partial.header("content-length").flatMap { Int($0) } ?? 0)
        guard received.distance(from: end.upperBound, to: received.endIndex) >= length else { return nil }
        let bodyEnd = received.index(end.upperBound, offsetBy: length)
        let response = Response(head: head, body: Data(received[end.upperBound..<bodyEnd]))
        received = Data(received[bodyEnd...])
        return response
    }
}

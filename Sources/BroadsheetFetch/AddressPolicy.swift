import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which network addresses feed requests may reach. Partner feeds are on the public internet; a feed address (or a
/// redirect) naming this machine, the local network or a cloud metadata service is refused — checked on the
/// addresses the host name resolves to, before connecting and again after every redirect.
public struct AddressPolicy: Sendable, Hashable {
    /// 127.0.0.0/8 and ::1 (tests serve fixture feeds there).
    public var allowsLoopback: Bool
    /// Private, shared, link-local and other non-public ranges.
    public var allowsPrivate: Bool

    public init(allowsLoopback: Bool = false, allowsPrivate: Bool = false) {
        self.allowsLoopback = allowsLoopback
        self.allowsPrivate = allowsPrivate
    }

    /// Why `address` may not be reached, or nil if it may.
    public func refusal(of address: IPAddress) -> String? {
        switch address.kind {
        case .public: nil
        case .loopback: allowsLoopback ? nil : "\(address) is a loopback address"
        case .nonPublic(let what): allowsPrivate ? nil : "\(address) is \(what)"
        }
    }

    /// Resolves `host` and checks every address it resolves to; throws a message naming the first refused one.
    public func check(host: String) async throws(AddressRefusal) {
        let addresses: [IPAddress]
        if let literal = IPAddress(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) {
            addresses = [literal]
        } else {
            addresses = try await Self.resolve(host)
        }
        for address in addresses {
            if let why = refusal(of: address) { throw AddressRefusal(description: "refused \(host): \(why)") }
        }
    }

    static func resolve(_ host: String) async throws(AddressRefusal) -> [IPAddress] {
        let result: Result<[IPAddress], AddressRefusal> = await Task.detached {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, nil, &hints, &list)
            guard status == 0, let first = list else {
                return .failure(AddressRefusal(description: "the host \(host) could not be found"))
            }
            defer { freeaddrinfo(list) }
            var found: [IPAddress] = []
            var node: UnsafeMutablePointer<addrinfo>? = first
            while let current = node {
                if let address = current.pointee.ai_addr {
                    if current.pointee.ai_family == AF_INET {
                        address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                            let value = UInt32(bigEndian: $0.pointee.sin_addr.s_addr)
                            found.append(IPAddress(v4: value))
                        }
                    } else if current.pointee.ai_family == AF_INET6 {
                        address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                            var bytes = [UInt8](repeating: 0, count: 16)
                            withUnsafeBytes(of: $0.pointee.sin6_addr) { raw in for i in 0..<16 { bytes[i] = raw[i] } }
                            found.append(IPAddress(v6: bytes))
                        }
                    }
                }
                node = current.pointee.ai_next
            }
            return found.isEmpty ? .failure(AddressRefusal(description: "the host \(host) has no address")) : .success(found)
        }.value
        return try result.get()
    }
}

public struct AddressRefusal: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// An IPv4 or IPv6 address and the kind of network it belongs to.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 16 bytes; IPv4 as IPv4-mapped IPv6.
    let bytes: [UInt8]

    public enum Kind: Sendable, Equatable {
        case `public`
        case loopback
        case nonPublic(String)
    }

    init(v4: UInt32) {
        bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, UInt8(v4 >> 24), UInt8((v4 >> 16) & 0xFF), UInt8((v4 >> 8) & 0xFF), UInt8(v4 & 0xFF)]
    }

    init(v6: [UInt8]) { bytes = v6 }

    /// Parses a literal address ("10.0.0.1", "::1", "fe80::1"); nil for anything else.
    public init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.init(v4: UInt32(bigEndian: v4.s_addr))
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            var bytes = [UInt8](repeating: 0, count: 16)
            withUnsafeBytes(of: v6) { raw in for i in 0..<16 { bytes[i] = raw[i] } }
            self.init(v6: bytes)
        } else {
            return nil
        }
    }

    var isV4: Bool { bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF }

    public var kind: Kind {
        if isV4 {
            let a = bytes[12], b = bytes[13], c = bytes[14]
            switch (a, b) {
            case (127, _): return .loopback
            case (0, _): return .nonPublic("a \"this network\" address")
            case (10, _), (172, 16...31), (192, 168): return .nonPublic("a private address")
            case (100, 64...127): return .nonPublic("a shared (carrier-grade NAT) address")
            case (169, 254): return .nonPublic("a link-local address")
            case (192, 0) where c == 0 || c == 2: return .nonPublic("a reserved address")
            case (198, 18...19): return .nonPublic("a benchmarking address")
            case (198, 51) where c == 100, (203, 0) where c == 113: return .nonPublic("a documentation address")
            case (224...239, _): return .nonPublic("a multicast address")
            case (240...255, _): return .nonPublic("a reserved address")
            default: return .public
            }
        }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? .loopback : .nonPublic("an unspecified address")
        }
        switch bytes[0] {
        case 0xFC, 0xFD: return .nonPublic("a private (unique local) address")
        case 0xFE where bytes[1] & 0xC0 == 0x80: return .nonPublic("a link-local address")
        case 0xFF: return .nonPublic("a multicast address")
        default: break
        }
        // NAT64 (64:ff9b::/96) carries an IPv4 address: judge that one.
        if bytes[0] == 0, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return IPAddress(v4: UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])).kind
        }
        return .public
    }

    public var description: String {
        if isV4 { return bytes[12...].map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }
}

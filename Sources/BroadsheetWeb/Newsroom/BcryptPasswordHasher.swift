import BroadsheetCore
import Dispatch
import HummingbirdBcrypt

/// bcrypt, run on a background queue so that its deliberate slowness never blocks the server's event loops.
public struct BcryptPasswordHasher: PasswordHashing {
    public let cost: UInt8
    public let decoyHash: String

    /// `cost` is bcrypt's work factor (4 to 31); each step doubles the time. 12 takes about 0.3 s here.
    public init(cost: UInt8) {
        self.cost = cost
        decoyHash = Bcrypt.hash(Authenticator.randomToken(), cost: cost)
    }

    public func hash(_ password: String) async -> String {
        let cost = cost
        return await Self.offLoop { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        await Self.offLoop { Bcrypt.verify(password, hash: hash) }
    }

    private static func offLoop<T: Sendable>(_ work: @Sendable @escaping () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

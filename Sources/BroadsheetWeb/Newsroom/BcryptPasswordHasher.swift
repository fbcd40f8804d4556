import BroadsheetCore
import Dispatch
import Foundation
import HummingbirdBcrypt

/// bcrypt, run on a background queue so that its deliberate slowness never blocks the server's event loops, at most
/// as many at once as there are cores, so that a flood of sign-ins queues up instead of taking the whole machine.
public struct BcryptPasswordHasher: PasswordHashing {
    public let cost: UInt8
    public let decoyHash: String
    private let slots = AsyncSlots(count: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// `cost` is bcrypt's work factor (4 to 31); each step doubles the time. 12 takes about 0.3 s here.
    public init(cost: UInt8) {
        self.cost = cost
        decoyHash = Bcrypt.hash(Authenticator.randomToken(), cost: cost)
    }

    public func hash(_ password: String) async -> String {
        let cost = cost
        return await slots.run { await Self.offLoop { Bcrypt.hash(password, cost: cost) } }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        await slots.run { await Self.offLoop { Bcrypt.verify(password, hash: hash) } }
    }

    private static func offLoop<T: Sendable>(_ work: @Sendable @escaping () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

/// At most `count` pieces of work at a time; the rest wait their turn, in order.
actor AsyncSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func run<T: Sendable>(_ work: @Sendable () async -> T) async -> T {
        if free > 0 {
            free -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        let result = await work()
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        return result
    }
}

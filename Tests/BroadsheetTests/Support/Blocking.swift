import Foundation

/// Runs blocking work (waiting for a child process, reading its output) on a thread of its own, so that the test
/// process's few Swift concurrency threads stay free: servers that tests run in-process (the fixture feed server,
/// the application) answer on them, and on a 2-core machine two blocked threads would stall every other test.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

// Measures what a reader's page costs in the store, without HTTP or rendering: the reads of a story page, a front
// page and a bare round trip, one after another on a seeded database. Prints microseconds per call.
//
//   read-bench DATABASE [CALLS] [ONLY]     (ONLY: run just the measurements whose name contains it)

import BroadsheetCore
import BroadsheetStore
import Foundation
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: read-bench DATABASE [CALLS] [ONLY]\n".utf8))
    exit(2)
}
let calls = arguments.count > 2 ? max(10, Int(arguments[2]) ?? 2_000) : 2_000
let only = arguments.count > 3 ? arguments[3] : nil
let store = try SQLiteStore(path: arguments[1])
guard let latest = PageRequest(number: 1, size: 50), let block = PageRequest(number: 1, size: 4),
      let frontRequest = PageRequest(number: 1, size: 12)
else { exit(1) }
let slugs = try await store.publishedArticles(.all, page: latest).items.map(\.slug)
guard !slugs.isEmpty else {
    FileHandle.standardError.write(Data("read-bench: the database has no published stories\n".utf8))
    exit(1)
}

/// CPU time spent inside snapshots (on whichever thread ran them), in nanoseconds: the store's own work, without the
/// hand-off to a reader's thread and back that the wall time per call includes.
enum Inside {
    static let nanoseconds = Mutex<Int>(0)

    static func threadCPUNanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}

/// A snapshot whose CPU time is added to `insideNanoseconds`.
func timedSnapshot<T: Sendable>(_ body: @escaping @Sendable (any ReaderSnapshot) throws -> T) async throws -> T {
    try await store.readSnapshot { snapshot in
        let start = Inside.threadCPUNanoseconds()
        defer { let spent = Inside.threadCPUNanoseconds() - start; Inside.nanoseconds.withLock { $0 += spent } }
        return try body(snapshot)
    }
}

/// Runs `body` `calls` times and prints the mean time per call, and the CPU time inside its snapshots.
func measure(_ name: String, _ body: (Int) async throws -> Void) async throws {
    if let only, !name.contains(only) { return }
    for index in 0..<min(200, calls) { try await body(index) }  // warm the statement caches and the page cache
    Inside.nanoseconds.withLock { $0 = 0 }
    let clock = ContinuousClock()
    let start = clock.now
    for index in 0..<calls { try await body(index) }
    let elapsed = clock.now - start
    let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(calls)
    let inside = Double(Inside.nanoseconds.withLock { $0 }) / 1_000 / Double(calls)
    print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.1f µs per call, %6.1f µs CPU inside", micros, inside))
}

try await measure("round trip (sections only)") { _ in _ = try await timedSnapshot { try $0.sections() } }
try await measure("story page: story, related, sections") { index in
    let slug = slugs[index % slugs.count]
    _ = try await timedSnapshot { snapshot -> Int in
        guard let article = try snapshot.publishedArticle(slug: slug) else { return 0 }
        return try snapshot.relatedArticles(to: article.summary, limit: 4).count + snapshot.sections().count
    }
}
try await measure("story alone") { index in
    let slug = slugs[index % slugs.count]
    _ = try await timedSnapshot { try $0.publishedArticle(slug: slug)?.id }
}
try await measure("front page: sections and lists") { _ in
    _ = try await timedSnapshot { snapshot -> Int in
        let sections = try snapshot.sections()
        let lists = [ArticleListRequest(.all, page: frontRequest)]
            + sections.map { ArticleListRequest(.section(id: $0.id), page: block, excludingEarlierLists: true) }
        return try snapshot.publishedArticleLists(lists).count
    }
}
try await measure("latest 12 stories") { _ in _ = try await timedSnapshot { try $0.publishedArticles(.all, page: frontRequest).items.count } }

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many malloc arenas the server's threads share. glibc gives a process up to eight per core, one per thread
/// that found the others busy, and each keeps what was freed into it for its own thread: a server whose event loops,
/// task threads and database readers all allocate grew by tens of megabytes that way under load (100,000 stories,
/// `bench/http.sh`'s load: 142–143 MiB at its peak, against 130–133 with two arenas per core). Two per core, unless
/// the operator set glibc's own `MALLOC_ARENA_MAX`.
enum MallocArenas {
    /// The limit to set, or nil when the environment sets one.
    static func limit(environment: [String: String], cores: Int) -> Int? {
        // glibc takes a positive number there (anything else it ignores), or its tunable of the same meaning.
        let given = Int(environment["MALLOC_ARENA_MAX"] ?? "").map { $0 > 0 } == true
            || environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.arena_max=") == true
        return given ? nil : 2 * max(1, cores)
    }

    /// Sets the limit (before the server's threads start allocating) and says what it is, for the log.
    static func apply() -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let limit = limit(environment: environment, cores: ProcessInfo.processInfo.activeProcessorCount) else {
            return "malloc arenas: as MALLOC_ARENA_MAX or GLIBC_TUNABLES set them"
        }
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which Swift's Glibc module leaves out; M_ARENA_MAX is -8 in glibc's ABI.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return "malloc arenas: the system's default" }
        guard unsafeBitCast(symbol, to: Mallopt.self)(-8, Int32(clamping: limit)) == 1 else {
            return "malloc arenas: glibc's default (the limit was refused)"
        }
        return "malloc arenas: at most \(limit), two per core (MALLOC_ARENA_MAX changes it)"
        #else
        return "malloc arenas: the system's default"
        #endif
    }
}

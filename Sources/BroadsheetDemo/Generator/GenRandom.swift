import Foundation

/// SplitMix64: small, fast and the same on every platform and in every process.
/// The generator never uses the system's random numbers, `Date()` or `Hasher`, so its output depends on the seed alone.
struct GenRandom {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of a family, e.g. (corpus seed, story index): independent streams without sharing state.
    init(_ seed: UInt64, _ stream: UInt64, _ index: UInt64 = 0) {
        state = GenRandom.mix(seed ^ GenRandom.mix(stream &+ GenRandom.mix(index &+ 0x632B_E59B_D9B4_E019)))
    }

    /// The SplitMix64 finaliser, also used to derive seeds.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<count (the modulo bias is far below anything a demo can notice).
    mutating func below(_ count: Int) -> Int {
        precondition(count > 0, "empty range")
        return Int(truncatingIfNeeded: (next() >> 1) % UInt64(count))
    }

    /// A number in lower...upper.
    mutating func int(_ lower: Int, _ upper: Int) -> Int {
        lower + below(upper - lower + 1)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// `count` distinct indices from 0..<total, in random order.
    mutating func sample(_ count: Int, of total: Int) -> [Int] {
        var all = Array(0..<total)
        shuffle(&all)
        return Array(all.prefix(max(0, min(count, total))))
    }
}

/// A Zipf-like distribution over ranks 0..<count: P(k) ∝ 1 / (k + offset)^exponent.
/// A few entries are very common, most are rare: the shape of real vocabulary, for realistic search benchmarks.
struct GenZipf: Sendable {
    private let cumulative: [Double]

    init(count: Int, exponent: Double = 1.05, offset: Double = 1.5) {
        precondition(count > 0)
        var total = 0.0
        var cumulative = [Double]()
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            total += 1.0 / pow(Double(rank) + offset, exponent)
            cumulative.append(total)
        }
        self.cumulative = cumulative
    }

    var count: Int { cumulative.count }

    func sample(_ rng: inout GenRandom) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Words drawn with a Zipf-like distribution, the list's order being the ranking.
struct GenZipfList: Sendable {
    let words: [String]
    private let zipf: GenZipf

    init(_ words: [String], exponent: Double = 1.05, offset: Double = 1.5) {
        self.words = words
        zipf = GenZipf(count: words.count, exponent: exponent, offset: offset)
    }

    func pick(_ rng: inout GenRandom) -> String {
        words[zipf.sample(&rng)]
    }
}

/// Line-by-line differences between two texts, for comparing a revision with the current version.
public enum TextDiff {
    public enum Kind: String, Sendable {
        case same, removed, added
    }

    public struct Line: Sendable, Hashable {
        public var kind: Kind
        public var text: String
    }

    /// Beyond this many line pairs the comparison would be slow; the texts are then shown as wholly replaced.
    static let maximumWork = 4_000_000

    /// The lines of `old` and `new` in order, each marked as kept, removed or added (longest common subsequence).
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        guard a.count * b.count <= maximumWork else {
            return a.map { Line(kind: .removed, text: $0) } + b.map { Line(kind: .added, text: $0) }
        }
        // lengths[i][j]: length of the common subsequence of a[i...] and b[j...].
        var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(Line(kind: .same, text: a[i]))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                result.append(Line(kind: .added, text: b[j]))
                j += 1
            } else {
                result.append(Line(kind: .removed, text: a[i]))
                i += 1
            }
        }
        return result
    }
}

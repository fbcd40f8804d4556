/// The reader's chosen size for story text, kept in a cookie that the server reads (no flash of the wrong size)
/// and the page's script writes (no reload). The cookie holds the percentage, e.g. `text_size=112.5`.
struct TextSize: Sendable, Equatable {
    static let cookieName = "text_size"
    static let steps: [Double] = [87.5, 100, 112.5, 125, 137.5, 150, 175]
    static let defaultIndex = 1
    static let standard = TextSize(index: defaultIndex)

    /// A change a reader asks for.
    enum Change: String, Sendable {
        case smaller, larger, reset
    }

    /// Every step as the cookie writes it, space-separated, for the page's script.
    static let stepList = cookieValues.joined(separator: " ")

    let index: Int

    init(index: Int) {
        self.index = min(max(index, 0), Self.steps.count - 1)
    }

    /// The size a cookie value names; anything unrecognised is the standard size.
    init(cookieValue: String?) {
        guard let value = cookieValue, let percent = Double(value), let index = Self.steps.firstIndex(of: percent) else {
            self = .standard
            return
        }
        self.init(index: index)
    }

    func applying(_ change: Change) -> TextSize {
        switch change {
        case .smaller: TextSize(index: index - 1)
        case .larger: TextSize(index: index + 1)
        case .reset: .standard
        }
    }

    var percent: Double { Self.steps[index] }
    /// "112.5" or "100": the cookie value and the label's number.
    var cookieValue: String { Self.cookieValues[index] }
    var label: String { Self.labels[index] }
    /// The class on `<html>` that sets `--text-scale` in the stylesheet.
    var cssClass: String { Self.cssClasses[index] }

    // Made once: every page and every cached answer asks for them.
    private static let cookieValues = steps.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
    private static let labels = cookieValues.map { $0 + "%" }
    private static let cssClasses = steps.indices.map { "text-size-\($0)" }
    var canShrink: Bool { index > 0 }
    var canGrow: Bool { index < Self.steps.count - 1 }
    var isStandard: Bool { index == Self.defaultIndex }
}

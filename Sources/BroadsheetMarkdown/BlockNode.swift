// The block structure of a document (CommonMark part 4 and 5): containers hold blocks, leaves hold text.

enum BlockKind {
    case document
    case blockQuote
    case list
    case item
    case paragraph
    case heading
    case thematicBreak
    case codeBlock

    /// Whether blocks of this kind may contain a child of `kind`.
    func canContain(_ kind: BlockKind) -> Bool {
        switch self {
        case .document, .blockQuote, .item: return kind != .item
        case .list: return kind == .item
        default: return false
        }
    }

    /// Whether the lines that follow the block's start are added to it as text.
    var acceptsLines: Bool { self == .paragraph || self == .codeBlock }
}

/// How a list or list item was marked.
struct ListMarker {
    var isOrdered = false
    var bulletChar: UInt8 = 0
    var start = 1
    var delimiter: UInt8 = 0
    /// Columns from the item's indentation to its content.
    var padding = 0
    /// Columns of indentation before the marker.
    var markerOffset = 0

    func continuesList(_ other: ListMarker) -> Bool {
        isOrdered == other.isOrdered && bulletChar == other.bulletChar && delimiter == other.delimiter
    }
}

final class BlockNode {
    let kind: BlockKind
    /// The parent owns its children, so the back reference does not retain; the whole tree lives as long as its root.
    unowned(unsafe) var parent: BlockNode?
    var children: [BlockNode] = []
    var isOpen = true
    /// Whether the block's last line was blank, for telling tight lists from loose ones.
    var lastLineBlank = false
    let startLine: Int
    /// How many containers enclose the block (0 for the document).
    private(set) var depth = 0

    /// Paragraph and heading text, or code block lines (each line ending in "\n").
    var content: [UInt8] = []

    var headingLevel = 0

    var isFenced = false
    var fenceChar: UInt8 = 0
    var fenceLength = 0
    var fenceOffset = 0
    /// The fenced code block's info string, unescaped.
    var info: [UInt8] = []

    var marker = ListMarker()
    var isTight = true

    init(_ kind: BlockKind, startLine: Int) {
        self.kind = kind
        self.startLine = startLine
    }

    func append(_ child: BlockNode) {
        child.parent = self
        child.depth = depth + 1
        children.append(child)
    }
}

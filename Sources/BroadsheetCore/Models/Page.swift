/// Which page of a paginated list is wanted. Pages are numbered from 1.
public struct PageRequest: Sendable, Hashable {
    /// Pages beyond this are refused as malformed: nobody reads them and they cost deep scans.
    public static let maximumNumber = 10_000

    public let number: Int
    public let size: Int

    /// Returns nil when the number is outside 1...maximumNumber or the size outside 1...100.
    public init?(number: Int, size: Int) {
        guard (1...Self.maximumNumber).contains(number), (1...100).contains(size) else { return nil }
        self.number = number
        self.size = size
    }

    public var offset: Int { (number - 1) * size }
}

/// One page of a list, and whether there are more after it.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var request: PageRequest
    public var hasMore: Bool

    public init(items: [Item], request: PageRequest, hasMore: Bool) {
        self.items = items
        self.request = request
        self.hasMore = hasMore
    }

    public var hasPrevious: Bool { request.number > 1 }
    /// Whether a next page can be asked for: there are more, and this is not the last page number a request may ask
    /// for (`PageRequest.maximumNumber`; a link past it would answer 400).
    public var hasNext: Bool { hasMore && request.number < PageRequest.maximumNumber }
}

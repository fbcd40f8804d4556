/// A free-form topic attached to stories.
public struct Tag: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var slug: String
    public var name: String

    public init(id: Int64, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}

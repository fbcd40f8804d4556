/// A section of the publication (World, Business, ...), listed in the site's navigation by `position`.
public struct Section: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var description: String
    public var position: Int

    public init(id: Int64, slug: String, name: String, description: String, position: Int) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.position = position
    }
}

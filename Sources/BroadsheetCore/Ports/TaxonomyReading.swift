/// Read access to the things stories are filed under.
public protocol TaxonomyReading: Sendable {
    /// All sections, in navigation order.
    func sections() async throws -> [Section]
    /// The section with this slug, or nil.
    func section(slug: String) async throws -> Section?
    /// All authors, by name.
    func authors() async throws -> [Author]
    /// The author with this slug, or nil.
    func author(slug: String) async throws -> Author?
    /// All tags, by name.
    func tags() async throws -> [Tag]
    /// The tag with this slug, or nil.
    func tag(slug: String) async throws -> Tag?
}

/// A person whose byline appears on stories.
public struct Author: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var slug: String
    public var name: String
    /// Job title shown with the byline, e.g. "Economics correspondent".
    public var role: String
    public var bio: String
    public var photo: ImageReference?

    public init(id: Int64, slug: String, name: String, role: String, bio: String, photo: ImageReference?) {
        self.id = id
        self.slug = slug
        self.name = name
        self.role = role
        self.bio = bio
        self.photo = photo
    }
}

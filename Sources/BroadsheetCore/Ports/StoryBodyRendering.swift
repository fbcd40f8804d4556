import Foundation

/// A story body rendered from its Markdown source, kept with the story so that no request renders Markdown.
public struct RenderedStoryBody: Sendable, Hashable {
    /// Safe HTML: everything the author typed is escaped; links and images use allowed schemes only.
    public var html: String
    /// The text without markup, for search and summaries.
    public var plainText: String
    public var wordCount: Int

    public init(html: String, plainText: String, wordCount: Int) {
        self.html = html
        self.plainText = plainText
        self.wordCount = wordCount
    }
}

/// Turns a story's Markdown into HTML. The site, the newsroom preview and every import use the same one.
public protocol StoryBodyRendering: Sendable {
    func render(markdown: String) -> RenderedStoryBody
}

/// What a story's body source is written in. Stories written in the newsroom are Markdown; stories taken in from a
/// partner's feed keep the partner's HTML (sanitized), and editing one keeps it HTML.
public enum StoryBodyFormat: String, Sendable, Hashable, CaseIterable {
    case markdown
    case html
}

/// Makes untrusted HTML safe to show (an allow-list sanitizer) and derives its plain text. Used once, when a story
/// is taken in or an HTML body is saved; what is stored is already clean.
public protocol HTMLBodyCleaning: Sendable {
    /// `base` resolves relative links and images (the item's address).
    func clean(html: String, base: URL?) -> RenderedStoryBody
}

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

import Foundation

/// What imported HTML may keep: elements, their attributes, and which attributes hold addresses. Everything not
/// named here is removed; the content of the elements in `dropsContent` goes with them, the text of other removed
/// elements stays.
public struct SanitizerPolicy: Sendable {
    /// Allowed elements and the attributes each may carry (besides `global`).
    public var elements: [String: Set<String>]
    public var global: Set<String>
    /// Attributes whose value is an address, checked by scheme and resolved against the base.
    public var urlAttributes: Set<String>
    /// Schemes allowed in links; images may also be `data:` pictures.
    public var linkSchemes: Set<String>
    /// Players that may be embedded in an `iframe`: host and the path their embeddable pages start with (https only).
    public var embedHosts: [String: String]
    /// Removed together with everything inside them.
    public var dropsContent: Set<String>
    /// Elements deeper than this are removed (their text stays).
    public var maximumDepth: Int

    public static let standard = SanitizerPolicy(
        elements: [
            "a": ["href"], "abbr": [], "b": [], "blockquote": ["cite"], "br": [], "caption": [], "cite": [], "code": [],
            "dd": [], "del": ["cite", "datetime"], "dfn": [], "div": [], "dl": [], "dt": [], "em": [], "figcaption": [],
            "figure": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "i": [],
            "img": ["src", "alt", "width", "height"], "ins": ["cite", "datetime"], "kbd": [], "li": ["value"], "mark": [],
            "ol": ["start", "reversed", "type"], "p": [], "pre": [], "q": ["cite"], "s": [], "samp": [], "small": [],
            "span": [], "strong": [], "sub": [], "sup": [], "table": [], "tbody": [], "td": ["colspan", "rowspan"],
            "tfoot": [], "th": ["colspan", "rowspan", "scope"], "thead": [], "time": ["datetime"], "tr": [], "u": [],
            "ul": [], "iframe": ["src", "width", "height", "allowfullscreen"],
        ],
        global: ["title", "lang", "dir"],
        urlAttributes: ["href", "src", "cite"],
        linkSchemes: ["http", "https", "mailto"],
        embedHosts: ["www.youtube-nocookie.com": "/embed/", "www.youtube.com": "/embed/", "player.vimeo.com": "/video/"],
        dropsContent: [
            "script", "style", "template", "iframe", "object", "embed", "applet", "svg", "math", "noscript", "noembed",
            "noframes", "xmp", "textarea", "select", "title", "head", "plaintext", "frameset", "frame",
        ],
        maximumDepth: 64
    )

    public init(
        elements: [String: Set<String>], global: Set<String>, urlAttributes: Set<String>, linkSchemes: Set<String>,
        embedHosts: [String: String], dropsContent: Set<String>, maximumDepth: Int
    ) {
        self.elements = elements
        self.global = global
        self.urlAttributes = urlAttributes
        self.linkSchemes = linkSchemes
        self.embedHosts = embedHosts
        self.dropsContent = dropsContent
        self.maximumDepth = maximumDepth
    }

    /// Elements with no content and no end tag.
    static let void: Set<String> = ["br", "hr", "img", "wbr", "area", "base", "col", "embed", "input", "link", "meta", "source", "track", "param", "keygen", "frame"]
    /// Starting one of these closes an open paragraph, as in HTML.
    static let closesParagraph: Set<String> = [
        "blockquote", "div", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "table", "ul", "figcaption",
    ]
    /// A story's page has its own h1: imported h1s become h2.
    static let renamed: [String: String] = ["h1": "h2"]
}

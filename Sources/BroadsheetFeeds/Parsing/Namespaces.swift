/// XML namespaces of feed formats and their common extensions.
enum NS {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let media: Set<String> = ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"]
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// RSS 2.0 has no namespace; some feeds put its elements in one anyway (RSS 1.0's, or a made-up default).
    static let rssCore: Set<String> = ["", rss10, rss090, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss"]
    static let atom: Set<String> = [atom10, atom03]
}

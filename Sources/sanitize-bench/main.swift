import BroadsheetSanitizer
import Foundation

// Sanitizer throughput on large generated pages: a clean article, the same article wrapped in a page full of
// scripts, styles and event handlers, and a page of deeply misnested hostile markup. Prints MB/s per kind, the
// median of `rounds` runs.
//
//     swift run -c release sanitize-bench [rounds]

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 7

func article(paragraphs: Int) -> String {
    var html = "<article><h1>A headline</h1>"
    for number in 0..<paragraphs {
        html += "<p>Paragraph \(number) with <a href=\"/story/\(number)\">a link</a>, <em>emphasis</em>, &amp; entities &eacute; &#8217; and text that goes on for a while as reporting does.</p>\n"
        if number % 10 == 0 { html += "<figure><img src=\"/img/\(number).jpg\" alt=\"A picture\" width=\"640\" height=\"480\"><figcaption>Caption \(number)</figcaption></figure>\n" }
        if number % 15 == 0 { html += "<blockquote><p>“A quotation,” she said.</p></blockquote>\n" }
    }
    return html + "</article>"
}

func noisyPage(paragraphs: Int) -> String {
    var html = "<!doctype html><html><head><title>T</title><style>body{color:red}</style><script>var x = '</p>';</script></head><body>"
    for number in 0..<paragraphs {
        html += "<div class=\"ad\" onclick=\"track(\(number))\"><script>track(\(number))</script><p style=\"x\" onmouseover=\"x()\">Paragraph \(number) <a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.com/\(number)\">good</a></p><!-- comment \(number) --></div>\n"
    }
    return html + "</body></html>"
}

func hostile(count: Int) -> String {
    var html = ""
    for number in 0..<count {
        html += "<b><i><p><table><td>\(number)<svg><script>alert(1)</script></svg></i></b><a href=\"&#106;avascript:x\" <img src=x onerror=y>text</a><<p>>\n"
    }
    return html
}

let sanitizer = HTMLSanitizer()
let base = URL(string: "https://partner.example/news/")!
let inputs = [("clean article", article(paragraphs: 4_000)), ("page with scripts and handlers", noisyPage(paragraphs: 6_000)), ("misnested hostile markup", hostile(count: 6_000))]
print("rounds: \(rounds)")
for (label, html) in inputs {
    let bytes = Double(html.utf8.count)
    var seconds: [Double] = []
    var outputBytes = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        outputBytes = sanitizer.sanitize(html, base: base).utf8.count
        let elapsed = ContinuousClock.now - start
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    print(String(format: "%@: %.1f MB in, %.1f MB out, median %.1f ms, %.1f MB/s", label, bytes / 1e6, Double(outputBytes) / 1e6, median * 1000, bytes / 1e6 / median))
}

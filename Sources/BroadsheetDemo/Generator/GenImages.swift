import BroadsheetCore
import Foundation

/// Generated SVG placeholders: abstract landscapes for stories, initials for portraits.
/// Standalone documents (xmlns, viewBox, width, height, a title), no scripts, no external references, under 3 KB.
enum GenImages {
    struct Scene {
        var svg: Data
        var alt: String
    }

    private struct Sky {
        var name: String
        var top: String
        var bottom: String
        var light: String?  // sun or moon colour; nil when overcast
        var isNight: Bool
    }

    private static let skies: [Sky] = [
        Sky(name: "a clear blue", top: "#3d7cc9", bottom: "#bcdcf2", light: "#fff4c2", isNight: false),
        Sky(name: "a pale morning", top: "#8fb7e0", bottom: "#f6e3c6", light: "#ffe9a8", isNight: false),
        Sky(name: "a pink dawn", top: "#6d7fc4", bottom: "#f4b4a4", light: "#ffd9a0", isNight: false),
        Sky(name: "an orange evening", top: "#4b3f7a", bottom: "#f39a5b", light: "#ffcf73", isNight: false),
        Sky(name: "a grey, overcast", top: "#7d8791", bottom: "#c9ced3", light: nil, isNight: false),
        Sky(name: "a stormy", top: "#3e4650", bottom: "#8d969e", light: nil, isNight: false),
        Sky(name: "a deep blue night", top: "#0e1a3a", bottom: "#2f4a7a", light: "#f1f0e0", isNight: true),
        Sky(name: "a hazy summer", top: "#9cc3dd", bottom: "#f2eed8", light: "#fffbe0", isNight: false),
    ]

    private static let hillPalettes: [(name: String, colours: [String])] = [
        ("green", ["#8db870", "#6a9a52", "#4b7a3b"]),
        ("moorland brown", ["#b39a72", "#8f7652", "#6b553a"]),
        ("blue-grey", ["#8c9bb0", "#6d7c92", "#4f5d72"]),
        ("autumn", ["#d0a25a", "#b5713c", "#7f4a2c"]),
        ("dark green", ["#5f8a5a", "#446e45", "#2f5233"]),
        ("heather purple", ["#a58bb0", "#836a90", "#5e4a6c"]),
    ]

    private static let waters: [(name: String, colour: String)] = [
        ("a blue river", "#4f86b8"), ("a grey estuary", "#7d95a6"), ("a green-brown river", "#6f8a6a"),
        ("a silver bay", "#a9bccb"), ("a dark river", "#34506b"),
    ]

    /// A landscape of 1200×675.
    static func landscape(_ rng: inout GenRandom) -> Scene {
        let sky = rng.pick(skies)
        let hills = rng.pick(hillPalettes)
        let hasWater = rng.chance(0.7)
        let water = rng.pick(waters)
        var features = [String]()
        var body = ""
        body.reserveCapacity(2_200)
        body += "<defs><linearGradient id=\"s\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"\(sky.top)\"/><stop offset=\"1\" stop-color=\"\(sky.bottom)\"/></linearGradient></defs>"
        body += "<rect width=\"1200\" height=\"675\" fill=\"url(#s)\"/>"
        if sky.isNight {
            for _ in 0..<rng.int(5, 9) {
                body += "<circle cx=\"\(rng.int(20, 1180))\" cy=\"\(rng.int(15, 260))\" r=\"\(rng.int(1, 3))\" fill=\"#fff\"/>"
            }
        }
        if let light = sky.light {
            let x = rng.int(140, 1060)
            let y = rng.int(80, 230)
            let r = sky.isNight ? rng.int(28, 40) : rng.int(40, 75)
            body += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" fill=\"\(light)\"/>"
            features.append(sky.isNight ? "a moon" : "a low sun")
        } else {
            // Clouds: a few soft ellipses.
            for _ in 0..<rng.int(2, 4) {
                body += "<ellipse cx=\"\(rng.int(100, 1100))\" cy=\"\(rng.int(70, 200))\" rx=\"\(rng.int(90, 180))\" ry=\"\(rng.int(22, 40))\" fill=\"#fff\" fill-opacity=\"0.35\"/>"
            }
        }
        // Hills, back to front, each a smooth curve across the frame.
        let layers = rng.int(2, 3)
        let horizon = hasWater ? 470 : 560
        for layer in 0..<layers {
            let base = horizon - 150 + layer * 60 + rng.int(-20, 20)
            let y0 = base + rng.int(-40, 40)
            let c1 = base - rng.int(30, 140)
            let mid = base + rng.int(-30, 30)
            let y1 = base + rng.int(-40, 40)
            let colour = hills.colours[min(layer + (3 - layers), 2)]
            body += "<path d=\"M0 \(y0) Q\(rng.int(150, 450)) \(c1) 600 \(mid) T1200 \(y1) L1200 675 L0 675 Z\" fill=\"\(colour)\"/>"
        }
        if hasWater {
            body += "<rect y=\"\(horizon)\" width=\"1200\" height=\"\(675 - horizon)\" fill=\"\(water.colour)\"/>"
            for _ in 0..<rng.int(2, 4) {
                let y = rng.int(horizon + 25, 650)
                let x = rng.int(40, 900)
                body += "<path d=\"M\(x) \(y) h\(rng.int(80, 260))\" stroke=\"#fff\" stroke-opacity=\"0.4\" stroke-width=\"3\"/>"
            }
        }
        // A few shapes: a boat, houses, trees, a bridge, birds.
        if hasWater, rng.chance(0.6) {
            let x = rng.int(150, 950)
            let y = horizon + rng.int(40, 110)
            body += "<path d=\"M\(x) \(y) h120 l-20 24 h-80 Z\" fill=\"#3b2f2a\"/><path d=\"M\(x + 58) \(y - 4) v-80 l44 76 Z\" fill=\"#f4efe6\"/>"
            features.append("a sailing boat")
        }
        if rng.chance(0.55) {
            let count = rng.int(1, 4)
            var x = rng.int(80, 700)
            let ground = hasWater ? horizon - rng.int(20, 60) : horizon + rng.int(0, 40)
            let walls = rng.pick(["#efe6d4", "#d9c7a8", "#c97f63", "#e8e1e8"])
            let roofs = rng.pick(["#7a3b2e", "#44505e", "#5d4a3a"])
            for _ in 0..<count {
                let w = rng.int(40, 70)
                let h = rng.int(30, 50)
                body += "<rect x=\"\(x)\" y=\"\(ground - h)\" width=\"\(w)\" height=\"\(h)\" fill=\"\(walls)\"/><path d=\"M\(x - 6) \(ground - h) l\(w / 2 + 6) -\(rng.int(22, 34)) l\(w / 2 + 6) \(0) Z\" fill=\"\(roofs)\"/>"
                x += w + rng.int(12, 40)
            }
            features.append(count == 1 ? "a cottage" : "\(GenText.word(count)) houses")
        }
        if rng.chance(0.6) {
            let count = rng.int(2, 5)
            let ground = hasWater ? horizon - rng.int(5, 40) : horizon + rng.int(10, 60)
            for _ in 0..<count {
                let x = rng.int(40, 1160)
                let r = rng.int(18, 34)
                body += "<rect x=\"\(x - 4)\" y=\"\(ground - r)\" width=\"8\" height=\"\(r + 6)\" fill=\"#4a3626\"/><circle cx=\"\(x)\" cy=\"\(ground - r - r / 2)\" r=\"\(r)\" fill=\"\(hills.colours[2])\"/>"
            }
            features.append("trees")
        }
        if hasWater, rng.chance(0.3) {
            let x = rng.int(100, 700)
            body += "<path d=\"M\(x) \(horizon + 8) q170 -110 340 0\" stroke=\"#5a5550\" stroke-width=\"12\" fill=\"none\"/>"
            features.append("an arched bridge")
        }
        if !sky.isNight, rng.chance(0.5) {
            for _ in 0..<rng.int(2, 4) {
                let x = rng.int(200, 1000)
                let y = rng.int(90, 260)
                body += "<path d=\"M\(x) \(y) q10 -8 20 0 q10 -8 20 0\" stroke=\"#333\" stroke-width=\"2\" fill=\"none\"/>"
            }
            features.append("birds")
        }

        var alt = "Illustration of \(hills.name) hills"
        alt += hasWater ? " above \(water.name)" : " and fields"
        alt += " under \(sky.name) sky"
        if !features.isEmpty {
            alt += ", with " + listed(features)
        }
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\" viewBox=\"0 0 1200 675\"><title>"
            + HTMLEscaping.escape(alt) + "</title>" + body + "</svg>\n"
        return Scene(svg: Data(svg.utf8), alt: alt)
    }

    /// A square 400×400 portrait placeholder: initials on a coloured background with soft abstract shapes.
    static func portrait(name: String, index: Int, seed: UInt64) -> Scene {
        var rng = GenRandom(seed, 0x9047_A17, UInt64(index))
        let hue = Double((index * 47 + rng.int(0, 20)) % 360)
        let background = hsl(hue, 0.45, 0.42)
        let accent = hsl((hue + 35).truncatingRemainder(dividingBy: 360), 0.5, 0.55)
        let initials = Self.initials(name)
        var body = "<rect width=\"400\" height=\"400\" fill=\"\(background)\"/>"
        body += "<circle cx=\"\(rng.int(40, 120))\" cy=\"\(rng.int(40, 120))\" r=\"\(rng.int(90, 150))\" fill=\"\(accent)\" fill-opacity=\"0.45\"/>"
        body += "<circle cx=\"\(rng.int(280, 360))\" cy=\"\(rng.int(290, 370))\" r=\"\(rng.int(70, 130))\" fill=\"#fff\" fill-opacity=\"0.12\"/>"
        body += "<text x=\"200\" y=\"200\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"Georgia, serif\" font-size=\"150\" fill=\"#fff\">"
            + HTMLEscaping.escape(initials) + "</text>"
        let alt = "Portrait placeholder for \(name): the initials \(initials) on a coloured background"
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" viewBox=\"0 0 400 400\"><title>"
            + HTMLEscaping.escape(alt) + "</title>" + body + "</svg>\n"
        return Scene(svg: Data(svg.utf8), alt: alt)
    }

    static func initials(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard let first = words.first?.first else { return "?" }
        if words.count == 1 { return String(first) }
        return String(first) + String(words.last!.first!)
    }

    private static func listed(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "#rrggbb" from hue (degrees), saturation and lightness in 0...1.
    static func hsl(_ hue: Double, _ saturation: Double, _ lightness: Double) -> String {
        let c = (1 - abs(2 * lightness - 1)) * saturation
        let h = hue / 60
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch Int(h) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = lightness - c / 2
        let digits = Array("0123456789abcdef")
        var out = "#"
        for value in [r, g, b] {
            let byte = max(0, min(255, Int(((value + m) * 255).rounded())))
            out.append(digits[byte / 16])
            out.append(digits[byte % 16])
        }
        return out
    }
}

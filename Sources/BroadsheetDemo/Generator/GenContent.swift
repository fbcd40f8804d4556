import Foundation

// The written material: for each kind of story (a flood, a council budget, a football match...) a block of templates
// in a small line format, parsed once on first use.
//
//   #headline            a part of the story; one template per line until the next "#" line
//   #list.venue          a named list, used in templates as {venue} (one value per story) or {~venue} (fresh each time)
//   #link                "link text => https://address.example/path" lines, used by {link}
//   #amount 2e5 4e6      the range of {amount} in pounds; #count 20 400 the range of {count}
//   @closure text        a template for one angle of the kind only (a story follows one angle: a ward closing,
//                        a new centre opening...); lines without "@" suit every angle
//   // comment

enum GenPart: Int, CaseIterable, Sendable {
    case headline, standfirst, lede, body, quoteOfficial, quoteExpert, quoteResident, subhead, bulletLead, bullet, closer
    case caption, roleOfficial, roleExpert, roleResident, org, longtail

    static func named(_ name: String) -> GenPart? {
        switch name {
        case "headline": .headline
        case "standfirst": .standfirst
        case "lede": .lede
        case "body": .body
        case "quote.official": .quoteOfficial
        case "quote.expert": .quoteExpert
        case "quote.resident": .quoteResident
        case "subhead": .subhead
        case "bullet.lead": .bulletLead
        case "bullet": .bullet
        case "closer": .closer
        case "caption": .caption
        case "role.official": .roleOfficial
        case "role.expert": .roleExpert
        case "role.resident": .roleResident
        case "org": .org
        case "longtail": .longtail
        default: nil
        }
    }
}

struct GenLink: Sendable {
    var text: GenTemplate
    var url: String
}

/// Parsed material: one kind of story, or the shared material every kind falls back on.
struct GenBlock: Sendable {
    var id: String
    var section: String
    var tags: [String]
    var weight: Int
    var parts: [[GenTemplate]]
    /// For each template of `parts`, the angle it belongs to, or -1 for any.
    var angleOf: [[Int]]
    var angles: [String]
    var lists: [[GenTemplate]]
    var listNames: [String]
    var links: [GenLink]
    var amountRange: ClosedRange<Double>
    var countRange: ClosedRange<Int>

    subscript(part: GenPart) -> [GenTemplate] { parts[part.rawValue] }
}

/// Unparsed material for one kind of story.
struct GenKindSource: Sendable {
    var id: String
    var section: String
    var tags: [String]
    var weight: Int
    var text: String
}

enum GenBlockParser {
    static func parse(_ source: GenKindSource, shared: GenBlock?) -> GenBlock {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        var listNames = [String]()
        for line in lines where line.hasPrefix("#list.") {
            let name = String(line.dropFirst(6))
            precondition(!listNames.contains(name), "\(source.id): list \(name) defined twice")
            listNames.append(name)
        }
        let sharedNames = shared?.listNames ?? []
        let parser = GenTemplateParser(
            lookupList: { name in
                if let index = listNames.firstIndex(of: name) { return GenListRef(isShared: shared == nil, index: index) }
                if let index = sharedNames.firstIndex(of: name) { return GenListRef(isShared: true, index: index) }
                return nil
            },
            context: source.id
        )
        var parts = Array(repeating: [GenTemplate](), count: GenPart.allCases.count)
        var angleOf = Array(repeating: [Int](), count: GenPart.allCases.count)
        var angles = [String]()
        var lists = Array(repeating: [GenTemplate](), count: listNames.count)
        var links = [GenLink]()
        var amountRange: ClosedRange<Double> = 20_000...400_000
        var countRange: ClosedRange<Int> = 12...400

        enum Target { case part(GenPart), list(Int), link, none }
        var target = Target.none
        for line in lines {
            if line.hasPrefix("#") {
                let words = line.dropFirst().split(separator: " ").map(String.init)
                let header = words[0]
                if header == "amount", words.count == 3, let low = Double(words[1]), let high = Double(words[2]) {
                    amountRange = low...high
                    target = .none
                } else if header == "count", words.count == 3, let low = Int(words[1]), let high = Int(words[2]) {
                    countRange = low...high
                    target = .none
                } else if header.hasPrefix("list.") {
                    target = .list(listNames.firstIndex(of: String(header.dropFirst(5)))!)
                } else if header == "link" {
                    target = .link
                } else if let part = GenPart.named(header) {
                    target = .part(part)
                } else {
                    fatalError("\(source.id): unknown header \(line)")
                }
                continue
            }
            var text = line
            var angle = -1
            if text.hasPrefix("@"), let space = text.firstIndex(of: " ") {
                let name = String(text[text.index(after: text.startIndex)..<space])
                if let index = angles.firstIndex(of: name) { angle = index } else { angles.append(name); angle = angles.count - 1 }
                text = String(text[text.index(after: space)...])
                guard case .part = target else { fatalError("\(source.id): angles only apply to parts: \(line)") }
            }
            switch target {
            case .part(let part):
                parts[part.rawValue].append(parser.parse(text))
                angleOf[part.rawValue].append(angle)
            case .list(let index): lists[index].append(parser.parse(line))
            case .link:
                let halves = line.components(separatedBy: " => ")
                precondition(halves.count == 2 && halves[1].hasPrefix("https://"), "\(source.id): bad link line \(line)")
                links.append(GenLink(text: parser.parse(halves[0]), url: halves[1]))
            case .none: fatalError("\(source.id): text outside a part: \(line)")
            }
        }
        for (index, list) in lists.enumerated() where list.isEmpty {
            fatalError("\(source.id): list \(listNames[index]) is empty")
        }
        for angle in angles.indices {
            for part in [GenPart.headline, .standfirst, .lede] where !angleOf[part.rawValue].contains(where: { $0 == angle || $0 == -1 }) {
                fatalError("\(source.id): angle \(angles[angle]) has no \(part)")
            }
        }
        return GenBlock(
            id: source.id, section: source.section, tags: source.tags, weight: source.weight, parts: parts,
            angleOf: angleOf, angles: angles, lists: lists,
            listNames: listNames, links: links, amountRange: amountRange, countRange: countRange
        )
    }
}

/// All the material, parsed once (thread-safe lazy global initialisation).
struct GenLibrary: Sendable {
    /// The universal shared material: lists, links, roles and the parts every kind may use.
    let shared: GenBlock
    let kinds: [GenBlock]
    /// For each kind, the shared material it falls back on: the universal parts plus its section's generic ones
    /// (civic life for news and politics, the terraces for sport, the arts for culture). Same lists as `shared`.
    let fallbackForKind: [GenBlock]
    /// Cumulative weights over `kinds`, for weighted picking.
    let cumulativeWeights: [Int]

    static let standard = GenLibrary()

    private init() {
        let shared = GenBlockParser.parse(GenSharedContent.source, shared: nil)
        self.shared = shared
        var generic = [String: GenBlock]()
        for source in GenSharedContent.sectionGeneric {
            let block = GenBlockParser.parse(source, shared: shared)
            precondition(block.lists.isEmpty, "\(source.id): section material uses the shared lists only")
            var merged = shared
            merged.id = source.id
            for part in GenPart.allCases {
                merged.parts[part.rawValue] += block.parts[part.rawValue]
                merged.angleOf[part.rawValue] += block.angleOf[part.rawValue]
            }
            merged.links += block.links
            for section in source.tags { generic[section] = merged }
        }
        var kinds = [GenBlock]()
        var fallbacks = [GenBlock]()
        for source in GenContentCatalogue.all {
            let kind = GenBlockParser.parse(source, shared: shared)
            for part in [GenPart.headline, .standfirst, .lede, .body, .quoteOfficial, .quoteResident, .caption] where kind[part].isEmpty {
                fatalError("\(kind.id): no \(part) templates")
            }
            for tag in kind.tags where !GenMasthead.tagNames.contains(tag) {
                fatalError("\(kind.id): tag \(tag) is not in the tag list")
            }
            guard let fallback = generic[kind.section] else { fatalError("\(kind.id): no generic material for \(kind.section)") }
            kinds.append(kind)
            fallbacks.append(fallback)
        }
        self.kinds = kinds
        fallbackForKind = fallbacks
        var total = 0
        cumulativeWeights = kinds.map { total += $0.weight; return total }
    }

    func pickKind(_ rng: inout GenRandom) -> Int {
        let target = rng.below(cumulativeWeights[cumulativeWeights.count - 1])
        var index = 0
        while cumulativeWeights[index] <= target { index += 1 }
        return index
    }
}

import Foundation

// Sentence templates: literal text with slots and alternatives, parsed once into pieces.
//
//   {place}            a slot, filled from the story's frame (see `GenSlot`)
//   {official,}        a person: "Dana Whitlock, the harbour master," on first mention, "Whitlock" afterwards
//   {official.}        the same without the trailing comma, for the end of a clause
//   {~venue}           a fresh value from the list "venue" each time (without "~": one value for the whole story)
//   [rose|climbed|]    one of the alternatives (an empty one makes the text optional); they nest and may hold slots

/// How a person is named in running text.
enum GenPersonForm: Sendable {
    /// Full name on first mention, surname afterwards.
    case mention
    /// "Full Name, role," on first mention, surname afterwards.
    case introComma
    /// "Full Name, role" on first mention, surname afterwards.
    case introEnd
    case role
    case full
    case last
    case first
}

/// Values fixed for a whole story, so that a figure or a day stays the same from headline to last paragraph.
enum GenFixed: Int, Sendable, CaseIterable {
    case amount, amount2, count, count2, percent, percent2, weekday, weekday2, month, month2, season, years, time, date
    case scoreHigh, scoreLow, place3

    static func named(_ name: String) -> GenFixed? {
        switch name {
        case "amount": .amount
        case "amount2": .amount2
        case "count": .count
        case "count2": .count2
        case "percent": .percent
        case "percent2": .percent2
        case "weekday": .weekday
        case "weekday2": .weekday2
        case "month": .month
        case "month2": .month2
        case "season": .season
        case "years": .years
        case "time": .time
        case "date": .date
        case "scoreHigh": .scoreHigh
        case "scoreLow": .scoreLow
        case "place3": .place3
        default: nil
        }
    }
}

/// Values drawn afresh at each use, many of them from the long-tail vocabulary.
enum GenFresh: Sendable {
    case item, items, adj, surname, person, first, street, business, pub, smallNumber, number, anyPlace, anyWeekday, link
    case aItem, aAdjItem, species, dish, craft, title

    static func named(_ name: String) -> GenFresh? {
        switch name {
        case "item": .item
        case "items": .items
        case "adj": .adj
        case "surname": .surname
        case "person": .person
        case "first": .first
        case "street": .street
        case "business": .business
        case "pub": .pub
        case "n": .smallNumber
        case "num": .number
        case "anyplace": .anyPlace
        case "anyweekday": .anyWeekday
        case "link": .link
        case "a_item": .aItem
        case "a_adj_item": .aAdjItem
        case "species": .species
        case "dish": .dish
        case "craft": .craft
        case "title": .title
        default: nil
        }
    }
}

/// A named list of templates, in the story's kind or in the shared content.
struct GenListRef: Sendable, Hashable {
    var isShared: Bool
    var index: Int
}

enum GenSlot: Sendable {
    /// place 0 (the story's main place), 1, 2; `description` gives "the largest town in the valley" and the like.
    case place(Int, description: Bool)
    /// 0 official, 1 expert, 2-4 residents, 5 the current speaker.
    case person(Int, GenPersonForm)
    case org
    case fixed(GenFixed)
    case fresh(GenFresh)
    case list(GenListRef, fixed: Bool)
}

indirect enum GenPiece: Sendable {
    case text(String)
    case slot(GenSlot)
    case choice([[GenPiece]])
}

struct GenTemplate: Sendable {
    var pieces: [GenPiece]
}

enum GenPeople {
    static let official = 0
    static let expert = 1
    static let resident = 2
    static let resident2 = 3
    static let resident3 = 4
    static let speaker = 5
    static let count = 5
}

/// Parses templates; `lookupList` finds a named list (the kind's first, then the shared ones).
struct GenTemplateParser {
    var lookupList: (String) -> GenListRef?
    var context: String

    func parse(_ source: String) -> GenTemplate {
        let characters = Array(source)
        var position = 0
        let pieces = parseSequence(characters, &position, nested: false)
        if position < characters.count {
            fatalError("Template \(context): unexpected '\(characters[position])' in: \(source)")
        }
        return GenTemplate(pieces: pieces)
    }

    private func parseSequence(_ characters: [Character], _ position: inout Int, nested: Bool) -> [GenPiece] {
        var pieces = [GenPiece]()
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
        }
        while position < characters.count {
            let character = characters[position]
            switch character {
            case "{":
                flush()
                guard let end = characters[position...].firstIndex(of: "}") else {
                    fatalError("Template \(context): unclosed slot in: \(String(characters))")
                }
                let name = String(characters[(position + 1)..<end])
                pieces.append(.slot(resolve(name, in: String(characters))))
                position = end + 1
            case "[":
                flush()
                position += 1
                var alternatives = [[GenPiece]]()
                while true {
                    alternatives.append(parseSequence(characters, &position, nested: true))
                    guard position < characters.count else {
                        fatalError("Template \(context): unclosed alternatives in: \(String(characters))")
                    }
                    let separator = characters[position]
                    position += 1
                    if separator == "]" { break }
                }
                pieces.append(.choice(alternatives))
            case "|", "]":
                if nested {
                    flush()
                    return pieces
                }
                fatalError("Template \(context): stray '\(character)' in: \(String(characters))")
            case "}":
                fatalError("Template \(context): stray '}' in: \(String(characters))")
            default:
                literal.append(character)
                position += 1
            }
        }
        flush()
        return pieces
    }

    private func resolve(_ raw: String, in template: String) -> GenSlot {
        var name = raw
        var fixed = true
        if name.hasPrefix("~") {
            fixed = false
            name.removeFirst()
        }
        if fixed, let slot = GenTemplateParser.builtin(name) { return slot }
        if let list = lookupList(name) { return .list(list, fixed: fixed) }
        fatalError("Template \(context): unknown slot {\(raw)} in: \(template)")
    }

    static func builtin(_ name: String) -> GenSlot? {
        switch name {
        case "place": return .place(0, description: false)
        case "place2": return .place(1, description: false)
        case "place:desc": return .place(0, description: true)
        case "place2:desc": return .place(1, description: true)
        case "org": return .org
        default: break
        }
        if let fixed = GenFixed.named(name) { return .fixed(fixed) }
        if let fresh = GenFresh.named(name) { return .fresh(fresh) }
        let people: [(String, Int)] = [
            ("official", GenPeople.official), ("expert", GenPeople.expert), ("resident2", GenPeople.resident2),
            ("resident3", GenPeople.resident3), ("resident", GenPeople.resident), ("speaker", GenPeople.speaker),
        ]
        for (prefix, index) in people where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            switch rest {
            case "": return .person(index, .mention)
            case ",": return .person(index, .introComma)
            case ".": return .person(index, .introEnd)
            case ":role": return .person(index, .role)
            case ":full": return .person(index, .full)
            case ":last": return .person(index, .last)
            case ":first": return .person(index, .first)
            default: continue
            }
        }
        return nil
    }
}

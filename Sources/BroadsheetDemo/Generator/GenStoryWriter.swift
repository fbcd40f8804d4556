import Foundation

/// A person in a story: introduced with name and role on first mention, by surname afterwards.
struct GenPerson {
    var first: String
    var last: String
    var role: String
    var mentioned = false

    /// "Zoë Marchetti", or a single name ("Zōr").
    var full: String { last.isEmpty ? first : first + " " + last }
    var short: String { last.isEmpty ? first : last }
}

/// What the writer produced, before the corpus adds authors, images, dates and the like.
struct GenDraft {
    var headline: String
    var standfirst: String
    var markdown: String
    var wordCount: Int
    var tags: [String]
    var kindID: String
    var section: String
    var leadCaption: String
    var inlineCaptions: [String]
}

/// How a story should be shaped.
struct GenPlan {
    /// The body's target length in words; the result lands within a few dozen words of it.
    var targetWords: Int
    /// Inline images to place: their alt text, caption (nil: the writer writes one from the story) and credit.
    var inlineImages: [(alt: String, caption: String?, credit: String)] = []
    var blockQuotes: Int = 0
    var pullQuotes: Int = 0
    var bulletLists: Int = 0
    /// Bounds on the body's length, a little inside 400-1,200 so that other ways of counting words agree.
    var minimumWords = 410
    var maximumWords = 1_180
    /// How often a body sentence comes from the long-tail templates (odd local detail, rare words) rather than
    /// the kind's own material: low for the demo, higher for benchmark corpora.
    var longtailRate = 0.03
}

/// Writes one story from a kind's templates. Everything it does is driven by its `GenRandom`.
struct GenStoryWriter {
    private let library: GenLibrary
    private let kind: GenBlock
    /// The shared material this kind falls back on (same lists as `library.shared`).
    private let shared: GenBlock
    private var rng: GenRandom
    private var places: [Int]
    private var people: [GenPerson]
    private var speaker = 0
    private var org: String
    private var fixed: [String]
    private var kindValues: [String?]
    private var sharedValues: [String?]
    private var usedKind: [[Bool]]
    /// For each part, the indices of the kind's templates that suit the story's angle.
    private var eligible: [[Int]]
    private var longtailRate = 0.03
    private var usedShared: [[Bool]]
    private var quotesUsed: [(text: String, person: Int)] = []
    private var nextResident = GenPeople.resident
    private var usedSpeakingTo = false

    /// `angle` picks one of the kind's angles (taken modulo their number); nil draws one at random.
    init(library: GenLibrary, kindIndex: Int, angle: Int? = nil, rng: GenRandom) {
        self.library = library
        kind = library.kinds[kindIndex]
        shared = library.fallbackForKind[kindIndex]
        self.rng = rng
        places = []
        people = []
        org = ""
        fixed = []
        kindValues = Array(repeating: nil, count: kind.lists.count)
        sharedValues = Array(repeating: nil, count: library.shared.lists.count)
        usedKind = kind.parts.map { Array(repeating: false, count: $0.count) }
        var rng = rng
        let kind = library.kinds[kindIndex]
        let chosen: Int
        if kind.angles.isEmpty {
            chosen = -1
        } else if let angle {
            chosen = angle % kind.angles.count
        } else {
            chosen = rng.below(kind.angles.count)
        }
        eligible = kind.angleOf.map { angles in angles.indices.filter { angles[$0] == -1 || angles[$0] == chosen } }
        self.rng = rng
        usedShared = shared.parts.map { Array(repeating: false, count: $0.count) }
        setUpFrame()
    }

    // MARK: The frame: who, where, how much

    private mutating func setUpFrame() {
        // Three distinct places, the first weighted towards the big towns.
        while places.count < 3 {
            let place = places.isEmpty ? GenVocabulary.pickPlace(&rng) : rng.below(GenVocabulary.places.count)
            if !places.contains(place) { places.append(place) }
        }
        var fixed = [String]()
        let amount = logUniform(kind.amountRange)
        let count = logUniformInt(kind.countRange)
        let weekday = rng.below(7)
        let weekday2 = (weekday + 1 + rng.below(6)) % 7
        let month = rng.below(12)
        let month2 = (month + 1 + rng.below(11)) % 12
        let scoreHigh = rng.int(1, 5)
        for slot in GenFixed.allCases {
            switch slot {
            case .amount: fixed.append(GenText.money(amount))
            case .amount2: fixed.append(GenText.money(amount * (0.06 + 0.3 * rng.unit())))
            case .count: fixed.append(GenText.number(count))
            case .count2: fixed.append(GenText.number(max(2, Int(Double(count) * (0.1 + 0.5 * rng.unit())))))
            case .percent: fixed.append(String(rng.int(4, 38)))
            case .percent2: fixed.append(String(rng.int(2, 15)))
            case .weekday: fixed.append(GenVocabulary.weekdays[weekday])
            case .weekday2: fixed.append(GenVocabulary.weekdays[weekday2])
            case .month: fixed.append(GenVocabulary.months[month])
            case .month2: fixed.append(GenVocabulary.months[month2])
            case .season: fixed.append(rng.pick(GenVocabulary.seasons))
            case .years: fixed.append(GenText.number(rng.int(3, 45)))
            case .time: fixed.append(rng.pick(GenVocabulary.times))
            case .date: fixed.append("\(rng.int(1, 28)) \(GenVocabulary.months[month])")
            case .scoreHigh: fixed.append(String(scoreHigh))
            case .scoreLow: fixed.append(String(rng.below(scoreHigh)))
            case .place3: fixed.append(GenVocabulary.places[places[2]].name)
            }
        }
        self.fixed = fixed

        // People: an official, an expert and three residents, with distinct surnames.
        var surnames = [String]()
        func newName(_ rng: inout GenRandom) -> (String, String) {
            while true {
                let last = GenVocabulary.surnames.pick(&rng)
                if !surnames.contains(last) {
                    surnames.append(last)
                    return (GenVocabulary.firstNames.pick(&rng), last)
                }
            }
        }
        let roleSources: [(GenPart, Int)] = [
            (.roleOfficial, GenPeople.official), (.roleExpert, GenPeople.expert), (.roleResident, GenPeople.resident),
            (.roleResident, GenPeople.resident2), (.roleResident, GenPeople.resident3),
        ]
        var people = [GenPerson]()
        for _ in roleSources {
            let (first, last) = newName(&rng)
            people.append(GenPerson(first: first, last: last, role: ""))
        }
        people.append(people[0])  // the speaker slot, replaced while quoting
        self.people = people
        org = render(pickAny(.org))
        for (part, index) in roleSources {
            let template: GenTemplate
            if part == .roleResident, !eligible[part.rawValue].isEmpty, rng.chance(0.5) {
                template = kind[part][rng.pick(eligible[part.rawValue])]
            } else {
                template = pickAny(part)
            }
            self.people[index].role = render(template)
        }
    }

    private mutating func logUniform(_ range: ClosedRange<Double>) -> Double {
        let low = log(range.lowerBound)
        let high = log(range.upperBound)
        return exp(low + (high - low) * rng.unit())
    }

    private mutating func logUniformInt(_ range: ClosedRange<Int>) -> Int {
        Int(logUniform(Double(range.lowerBound)...Double(range.upperBound)).rounded())
    }

    /// A template of the kind's part if it has any, otherwise of the shared part.
    private mutating func pickAny(_ part: GenPart) -> GenTemplate {
        let own = eligible[part.rawValue]
        if !own.isEmpty { return kind[part][rng.pick(own)] }
        return rng.pick(shared[part])
    }

    /// An unused template of a part (marking it used), from the kind or from the shared material.
    private mutating func pickUnused(_ part: GenPart, shared: Bool) -> GenTemplate? {
        if shared {
            let templates = self.shared[part]
            guard !templates.isEmpty else { return nil }
            var index = rng.below(templates.count)
            for _ in 0..<templates.count {
                if !usedShared[part.rawValue][index] {
                    usedShared[part.rawValue][index] = true
                    return templates[index]
                }
                index = (index + 1) % templates.count
            }
            return nil
        }
        let candidates = eligible[part.rawValue]
        guard !candidates.isEmpty else { return nil }
        var position = rng.below(candidates.count)
        for _ in 0..<candidates.count {
            let index = candidates[position]
            if !usedKind[part.rawValue][index] {
                usedKind[part.rawValue][index] = true
                return kind[part][index]
            }
            position = (position + 1) % candidates.count
        }
        return nil
    }

    /// Unused from the kind first, then from the shared material.
    private mutating func pickUnusedEither(_ part: GenPart) -> GenTemplate? {
        pickUnused(part, shared: false) ?? pickUnused(part, shared: true)
    }

    // MARK: Rendering templates

    mutating func render(_ template: GenTemplate) -> String {
        var out = ""
        out.reserveCapacity(160)
        render(template.pieces, into: &out)
        return out
    }

    private mutating func render(_ pieces: [GenPiece], into out: inout String) {
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let slot): fill(slot, into: &out)
            case .choice(let alternatives): render(alternatives[rng.below(alternatives.count)], into: &out)
            }
        }
    }

    private mutating func fill(_ slot: GenSlot, into out: inout String) {
        switch slot {
        case .place(let index, let description):
            let place = GenVocabulary.places[places[index]]
            out += description ? place.description : place.name
        case .person(let index, let form):
            let target = index == GenPeople.speaker ? speaker : index
            var person = people[target]
            switch form {
            case .mention: out += person.mentioned ? person.short : person.full
            case .introComma: out += person.mentioned ? person.short : person.full + ", " + person.role + ","
            case .introEnd: out += person.mentioned ? person.short : person.full + ", " + person.role
            case .role: out += person.role
            case .full: out += person.full
            case .last: out += person.short
            case .first: out += person.first
            }
            if form != .role { person.mentioned = true }
            people[target] = person
        case .org: out += org
        case .fixed(let value): out += fixed[value.rawValue]
        case .fresh(let value): fresh(value, into: &out)
        case .list(let ref, let isFixed):
            if isFixed {
                let cached = ref.isShared ? sharedValues[ref.index] : kindValues[ref.index]
                if let cached {
                    out += cached
                } else {
                    let templates = ref.isShared ? library.shared.lists[ref.index] : kind.lists[ref.index]
                    let value = render(templates[rng.below(templates.count)])
                    if ref.isShared { sharedValues[ref.index] = value } else { kindValues[ref.index] = value }
                    out += value
                }
            } else {
                let templates = ref.isShared ? library.shared.lists[ref.index] : kind.lists[ref.index]
                render(templates[rng.below(templates.count)].pieces, into: &out)
            }
        }
    }

    private mutating func fresh(_ value: GenFresh, into out: inout String) {
        switch value {
        case .item: out += GenVocabulary.nouns.pick(&rng)
        case .items: out += GenText.plural(GenVocabulary.nouns.pick(&rng))
        case .aItem:
            let noun = GenVocabulary.nouns.pick(&rng)
            out += GenText.article(for: noun) + " " + noun
        case .aAdjItem:
            let adjective = GenVocabulary.adjectives.pick(&rng)
            out += GenText.article(for: adjective) + " " + adjective + " " + GenVocabulary.nouns.pick(&rng)
        case .adj: out += GenVocabulary.adjectives.pick(&rng)
        case .surname: out += GenVocabulary.surnames.pick(&rng)
        case .first: out += GenVocabulary.firstNames.pick(&rng)
        case .person: out += GenVocabulary.firstNames.pick(&rng) + " " + GenVocabulary.surnames.pick(&rng)
        case .street:
            let stem = rng.chance(0.7) ? GenVocabulary.streetStems.pick(&rng) : GenVocabulary.surnames.pick(&rng)
            out += stem + " " + rng.pick(GenVocabulary.streetTypes)
        case .business:
            let shop = GenVocabulary.shopKinds.pick(&rng)
            switch rng.below(4) {
            case 0: out += GenVocabulary.surnames.pick(&rng) + "'s " + shop
            case 1: out += "the " + GenVocabulary.surnames.pick(&rng) + " & " + GenVocabulary.surnames.pick(&rng) + " " + shop
            case 2: out += "the " + GenVocabulary.streetStems.pick(&rng) + " Street " + shop
            default: out += "the " + rng.pick(GenVocabulary.titleAdjectives) + " " + rng.pick(GenVocabulary.pubSecond) + " " + shop
            }
        case .pub: out += "the " + rng.pick(GenVocabulary.pubFirst) + " " + rng.pick(GenVocabulary.pubSecond)
        case .smallNumber: out += GenText.word(rng.int(2, 9))
        case .number: out += GenText.grouped(rng.int(12, 950))
        case .anyPlace: out += GenVocabulary.places[rng.below(GenVocabulary.places.count)].name
        case .anyWeekday: out += rng.pick(GenVocabulary.weekdays)
        case .link:
            let links = kind.links.isEmpty ? shared.links : kind.links
            let link = links[rng.below(links.count)]
            out += "["
            render(link.text.pieces, into: &out)
            out += "](" + link.url + ")"
        case .species:
            out += rng.pick(GenVocabulary.speciesColours) + "-" + rng.pick(GenVocabulary.speciesParts) + " "
                + rng.pick(GenVocabulary.speciesCreatures)
        case .dish:
            out += rng.pick(GenVocabulary.ingredients) + " and " + rng.pick(GenVocabulary.ingredients) + " "
                + rng.pick(GenVocabulary.dishTypes)
        case .craft: out += rng.pick(GenVocabulary.craftMaterials) + " " + rng.pick(GenVocabulary.craftObjects)
        case .title:
            switch rng.below(3) {
            case 0: out += "The " + rng.pick(GenVocabulary.titleAdjectives) + " " + rng.pick(GenVocabulary.titleNouns)
            case 1: out += rng.pick(GenVocabulary.titleNouns) + " of the " + rng.pick(GenVocabulary.titleAdjectives) + " " + rng.pick(GenVocabulary.titleNouns)
            default: out += rng.pick(GenVocabulary.titleAdjectives) + " and " + rng.pick(GenVocabulary.titleAdjectives)
            }
        }
    }

    /// A rendered sentence: capitalised, ending with punctuation.
    private mutating func sentence(_ template: GenTemplate) -> String {
        var text = render(template)
        GenText.capitalizeFirst(&text)
        if !GenText.endsSentence(text) { text += "." }
        return text
    }

    // MARK: Headline and standfirst

    private mutating func headline() -> String {
        var best = ""
        for attempt in 0..<12 {
            var text = render(pickAny(.headline))
            while text.hasSuffix(".") { text.removeLast() }
            GenText.capitalizeFirst(&text)
            let words = GenText.wordCount(text)
            if (6...14).contains(words) { return text }
            if attempt == 0 || abs(words - 10) < abs(GenText.wordCount(best) - 10) { best = text }
        }
        return best
    }

    private mutating func standfirst() -> String {
        var best = ""
        for attempt in 0..<12 {
            let text = sentence(pickAny(.standfirst))
            let words = GenText.wordCount(text)
            if (20...45).contains(words) { return text }
            if attempt == 0 || abs(words - 32) < abs(GenText.wordCount(best) - 32) { best = text }
        }
        return best
    }

    // MARK: Quotes

    private mutating func quoteText(for person: Int) -> String? {
        let template: GenTemplate?
        switch person {
        case GenPeople.official: template = pickUnused(.quoteOfficial, shared: false) ?? pickUnused(.quoteOfficial, shared: true)
        case GenPeople.expert: template = pickUnusedEither(.quoteExpert)
        default:
            template = rng.chance(0.65)
                ? (pickUnused(.quoteResident, shared: false) ?? pickUnused(.quoteResident, shared: true))
                : (pickUnused(.quoteResident, shared: true) ?? pickUnused(.quoteResident, shared: false))
        }
        guard let template else { return nil }
        let text = sentence(template)
        quotesUsed.append((text, person))
        return text
    }

    /// "We were told... since." -> "We were told... since," for “…,” said X.
    private static func withComma(_ quote: String) -> String {
        guard let last = quote.last else { return quote }
        if last == "." { return String(quote.dropLast()) + "," }
        return quote
    }

    /// A paragraph of reported speech.
    private mutating func quoteParagraph(person: Int, quote: String) -> String {
        speaker = person
        let subject = people[person]
        let first = !subject.mentioned
        people[person].mentioned = true
        let intro = subject.full + ", " + subject.role
        let sentences = quote.components(separatedBy: ". ")
        let official = person == GenPeople.official
        switch rng.below(first ? 4 : 6) {
        case 0:
            // "said Dana Whitlock, the harbour master." on first mention; later "Whitlock told the Gazette."
            let verb = rng.chance(0.3) ? rng.pick(["told the Gazette", "said in a statement", "added"]) : "said"
            return first
                ? "“\(Self.withComma(quote))” said \(intro)."
                : "“\(Self.withComma(quote))” \(subject.short) \(official || verb != "said in a statement" ? verb : "said")."
        case 1:
            let verb = rng.pick(["said", "told the Gazette", "said", "explained"])
            return first ? "\(intro), \(verb): “\(quote)”" : "\(subject.short) \(verb): “\(quote)”"
        case 2 where sentences.count >= 2:
            let head = sentences[0] + "."
            let rest = sentences.dropFirst().joined(separator: ". ")
            return first
                ? "“\(Self.withComma(head))” said \(intro). “\(rest)”"
                : "“\(Self.withComma(head))” \(subject.short) said. “\(rest)”"
        case 3 where first && !usedSpeakingTo:
            usedSpeakingTo = true
            return "Speaking to the Gazette, \(intro), said: “\(quote)”"
        case 4:
            return "“\(Self.withComma(quote))” \(subject.short) \(rng.pick(["added", "said", "continued", "went on"]))."
        default:
            return first
                ? "“\(Self.withComma(quote))” said \(intro)."
                : "\(subject.short) \(rng.pick(["added", "said", "went on"])): “\(quote)”"
        }
    }

    private mutating func nextResidentIndex() -> Int {
        let index = nextResident
        nextResident = nextResident == GenPeople.resident3 ? GenPeople.resident : nextResident + 1
        return index
    }

    // MARK: The body

    private enum BlockKind { case lede, paragraph, quote, blockQuote, pullQuote, list, image, subhead, closer }

    private struct Block {
        var text: String
        var words: Int
        var kind: BlockKind
    }

    /// A paragraph of one to three sentences from the kind's body, the shared body or (now and then, or when
    /// `allowLongtail` says so) the long-tail templates. Nil when the material has run out.
    private mutating func bodyParagraph(sentences count: Int, allowLongtail: Bool = false) -> String? {
        var parts = [String]()
        for _ in 0..<count {
            var template: GenTemplate?
            let roll = rng.unit()
            if roll < 0.8 - longtailRate {
                template = pickUnused(.body, shared: false) ?? pickUnused(.body, shared: true)
            } else if roll < 1 - longtailRate {
                template = pickUnused(.body, shared: true) ?? pickUnused(.body, shared: false)
            } else {
                template = longtailTemplate()
            }
            if template == nil, allowLongtail { template = longtailTemplate() }
            guard let template else { break }
            parts.append(sentence(template))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private mutating func longtailTemplate() -> GenTemplate? {
        if !kind[.longtail].isEmpty, rng.chance(0.5) { return rng.pick(kind[.longtail]) }
        let templates = shared[.longtail]
        return templates.isEmpty ? nil : rng.pick(templates)
    }

    mutating func write(plan: GenPlan) -> GenDraft {
        longtailRate = plan.longtailRate
        let headline = headline()
        let standfirst = standfirst()
        for index in people.indices { people[index].mentioned = false }

        var blocks = [Block]()
        var words = 0
        var sinceHeading = 0
        var subheadsUsed = 0
        func add(_ text: String, _ kind: BlockKind, words count: Int? = nil) {
            let n = count ?? GenText.wordCount(text)
            blocks.append(Block(text: text, words: n, kind: kind))
            words += n
            sinceHeading += n
        }

        // Lede: the news in one or two sentences.
        var lede = sentence(pickUnused(.lede, shared: false) ?? pickAny(.lede))
        if rng.chance(0.45), let more = pickUnused(.body, shared: false) { lede += " " + sentence(more) }
        add(lede, .lede)

        // The opening beats are fixed in kind: detail, the official's word, more detail, a resident's view.
        if let paragraph = bodyParagraph(sentences: rng.int(1, 3)) { add(paragraph, .paragraph) }
        if let quote = quoteText(for: GenPeople.official) { add(quoteParagraph(person: GenPeople.official, quote: quote), .quote) }
        if let paragraph = bodyParagraph(sentences: rng.int(1, 3)) { add(paragraph, .paragraph) }
        let firstResident = nextResidentIndex()
        if let quote = quoteText(for: firstResident) { add(quoteParagraph(person: firstResident, quote: quote), .quote) }

        // A story runs as long as its kind has things to say: thin angles make short stories rather than
        // stories padded with generic lines.
        var material = 0
        for part in [GenPart.body, .quoteOfficial, .quoteExpert, .quoteResident] { material += eligible[part.rawValue].count }
        let targetWords = min(plan.targetWords, max(plan.minimumWords + 60, (150 + 26 * material) * 3 / 2))

        var imagesLeft = plan.inlineImages
        var inlineCaptions = [String]()
        var blockQuotesLeft = plan.blockQuotes
        var pullQuotesLeft = plan.pullQuotes
        var listsLeft = plan.bulletLists
        let closingReserve = 55
        let subheadGap = rng.int(200, 270)
        var guardCount = 0

        func placeImage(_ writer: inout GenStoryWriter) {
            let image = imagesLeft.removeFirst()
            let caption = image.caption ?? writer.caption()
            let index = inlineCaptions.count
            inlineCaptions.append(caption)
            add("![\(image.alt)](demo-image:\(index) \"\(caption) | \(image.credit)\")", .image, words: 0)
        }

        if !imagesLeft.isEmpty, rng.chance(0.5) { placeImage(&self) }

        while words + closingReserve < targetWords, guardCount < 200 {
            guardCount += 1
            let remaining = targetWords - words
            if targetWords >= 520, sinceHeading >= subheadGap, remaining > 110,
                let template = pickUnusedEither(.subhead)
            {
                var text = render(template)
                GenText.capitalizeFirst(&text)
                while text.hasSuffix(".") { text.removeLast() }
                add("## " + text, .subhead)
                sinceHeading = 0
                subheadsUsed += 1
                if !imagesLeft.isEmpty, rng.chance(0.5) { placeImage(&self) }
                // Under a heading, start with plain text.
                if let paragraph = bodyParagraph(sentences: rng.int(1, 3)) { add(paragraph, .paragraph) }
                continue
            }
            let roll = rng.unit()
            let last = blocks.last?.kind
            if !imagesLeft.isEmpty, blocks.count >= 4, roll < 0.12, last != .image {
                placeImage(&self)
            } else if blockQuotesLeft > 0, roll < 0.25, last != .blockQuote, last != .pullQuote {
                let person = rng.chance(0.65) ? nextResidentIndex() : (rng.chance(0.5) ? GenPeople.official : GenPeople.expert)
                guard let quote = quoteText(for: person) else { blockQuotesLeft -= 1; continue }
                let subject = people[person]
                people[person].mentioned = true
                add("> \(quote)\n>\n> — \(subject.full), \(subject.role)", .blockQuote,
                    words: GenText.wordCount(quote) + GenText.wordCount(subject.full + " " + subject.role))
                blockQuotesLeft -= 1
            } else if pullQuotesLeft > 0, roll < 0.36, !quotesUsed.isEmpty, last != .blockQuote, last != .pullQuote {
                var candidates = quotesUsed.filter { (12...32).contains(GenText.wordCount($0.text)) }
                if candidates.isEmpty { candidates = quotesUsed.filter { GenText.wordCount($0.text) <= 32 } }
                let chosen = candidates.isEmpty ? quotesUsed[0] : candidates[rng.below(candidates.count)]
                var text = "> [!pullquote]\n> \(chosen.text)"
                var count = GenText.wordCount(chosen.text)
                if rng.chance(0.75) {
                    let name = people[chosen.person].full
                    text += "\n>\n> — \(name)"
                    count += GenText.wordCount(name)
                }
                add(text, .pullQuote, words: count)
                pullQuotesLeft -= 1
            } else if listsLeft > 0, roll < 0.45, remaining > 90 {
                listsLeft -= 1
                var items = [String]()
                let itemCount = rng.int(3, 5)
                while items.count < itemCount, let template = pickUnused(.bullet, shared: false) {
                    var item = render(template)
                    GenText.capitalizeFirst(&item)
                    items.append("- " + item)
                }
                guard items.count >= 3, let leadTemplate = pickUnusedEither(.bulletLead) else { continue }
                var lead = render(leadTemplate)
                GenText.capitalizeFirst(&lead)
                if !lead.hasSuffix(":") { lead += ":" }
                add(lead, .paragraph)
                add(items.joined(separator: "\n"), .list)
            } else if roll < 0.66 {
                if let paragraph = bodyParagraph(sentences: rng.int(1, 3)) {
                    add(paragraph, .paragraph)
                } else if words >= plan.minimumWords + 20 {
                    break  // the kind's material for this angle has run out: close the story here
                } else if let paragraph = bodyParagraph(sentences: 2, allowLongtail: true) {
                    add(paragraph, .paragraph)
                }
            } else {
                var person: Int
                switch rng.below(5) {
                case 0: person = GenPeople.official
                case 1, 2: person = GenPeople.expert
                default: person = nextResidentIndex()
                }
                // Never the same voice twice in a row: the next resident instead, or a plain paragraph.
                if last == .quote, person == speaker { person = person == GenPeople.expert ? nextResidentIndex() : GenPeople.expert }
                if last == .quote, person == speaker, let paragraph = bodyParagraph(sentences: 2) {
                    add(paragraph, .paragraph)
                } else if let quote = quoteText(for: person) {
                    add(quoteParagraph(person: person, quote: quote), .quote)
                } else if let paragraph = bodyParagraph(sentences: 2) {
                    add(paragraph, .paragraph)
                } else if words >= plan.minimumWords + 20 {
                    break
                }
            }
        }
        while !imagesLeft.isEmpty { placeImage(&self) }

        // The close: what happens next.
        if let closer = pickUnusedEither(.closer) {
            var paragraph = sentence(closer)
            if words + GenText.wordCount(paragraph) < targetWords - 25, let more = pickUnusedEither(.closer) {
                paragraph += " " + sentence(more)
            }
            add(paragraph, .closer)
        }

        // Keep within bounds: drop middle paragraphs if long, add background if short.
        while words > plan.maximumWords,
            let index = blocks.indices.dropFirst(2).dropLast().last(where: { blocks[$0].kind == .paragraph || blocks[$0].kind == .quote })
        {
            words -= blocks[index].words
            blocks.remove(at: index)
        }
        var padding = 0
        while words < plan.minimumWords, padding < 40 {
            padding += 1
            if let paragraph = bodyParagraph(sentences: 2, allowLongtail: true) {
                let count = GenText.wordCount(paragraph)
                blocks.insert(Block(text: paragraph, words: count, kind: .paragraph), at: max(1, blocks.count - 1))
                words += count
            }
        }

        var markdown = ""
        markdown.reserveCapacity(words * 7)
        for (index, block) in blocks.enumerated() {
            if index > 0 { markdown += "\n\n" }
            markdown += block.text
        }
        markdown += "\n"
        return GenDraft(
            headline: headline, standfirst: standfirst, markdown: markdown, wordCount: words, tags: tags(),
            kindID: kind.id, section: kind.section, leadCaption: caption(), inlineCaptions: inlineCaptions
        )
    }

    /// An image caption from the kind's captions, ending with a full stop.
    mutating func caption() -> String {
        var text = render(pickUnused(.caption, shared: false) ?? pickUnused(.caption, shared: true) ?? pickAny(.caption))
        GenText.capitalizeFirst(&text)
        if !text.hasSuffix(".") { text += "." }
        return text
    }

    private mutating func tags() -> [String] {
        var tags = [String]()
        // The kind's main tag, usually one or two more of its own, sometimes the place.
        tags.append(kind.tags[0])
        for tag in kind.tags.dropFirst() where tags.count < 3 && rng.chance(0.55) {
            tags.append(tag)
        }
        // The story's place as a tag, unless the kind is tied to a place of its own (the harbour, the ferry).
        let place = GenVocabulary.places[places[0]].name
        let kindHasPlace = kind.tags.contains { tag in GenVocabulary.places.contains { $0.name == tag } }
        if !kindHasPlace, GenMasthead.tagNames.contains(place), rng.chance(0.6), !tags.contains(place) {
            tags.append(place)
        }
        return Array(tags.prefix(4))
    }
}

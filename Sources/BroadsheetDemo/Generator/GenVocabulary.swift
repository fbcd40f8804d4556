import Foundation

// Word lists written for this project. Everything is fictional: the valley, its towns, its people and its businesses.
// Lists drawn with a Zipf-like distribution (`GenZipfList`) are ordered so that the plain, common words come first.

struct GenPlace: Sendable {
    var name: String
    var description: String
    var population: Int
    var weight: Int
}

enum GenVocabulary {
    static let publication = "The Eastmere Gazette"
    static let river = "the Marren"

    static let places: [GenPlace] = [
        GenPlace(name: "Eastmere", description: "the largest town in the Marren valley", population: 48_300, weight: 30),
        GenPlace(name: "Harrowgate Ferry", description: "the riverside village named after its chain ferry", population: 3_150, weight: 9),
        GenPlace(name: "Linden Cross", description: "the market town at the head of the valley", population: 11_400, weight: 10),
        GenPlace(name: "Aldwick", description: "the former mill town on the north bank", population: 7_850, weight: 9),
        GenPlace(name: "Marren Bay", description: "the harbour town at the mouth of the river", population: 14_200, weight: 12),
        GenPlace(name: "Upper Sallow", description: "the hill village above the Sallow reservoir", population: 920, weight: 3),
        GenPlace(name: "Kestle Bridge", description: "the village at the valley's oldest crossing", population: 2_310, weight: 4),
        GenPlace(name: "Wrenfold", description: "the commuter village between Eastmere and Aldwick", population: 4_640, weight: 4),
        GenPlace(name: "Fennick Green", description: "the estate village on the south side of the valley", population: 1_720, weight: 3),
        GenPlace(name: "Brackwater", description: "the low-lying hamlet beside the Marren marshes", population: 610, weight: 3),
        GenPlace(name: "Môle End", description: "the old pilot station on the bay's western arm", population: 480, weight: 1),
        GenPlace(name: "Coldharbour Ness", description: "the shingle spit at the edge of Marren Bay", population: 350, weight: 2),
    ]

    static let placeCumulative: [Int] = {
        var total = 0
        return places.map { total += $0.weight; return total }
    }()

    static func pickPlace(_ rng: inout GenRandom) -> Int {
        let target = rng.below(placeCumulative[placeCumulative.count - 1])
        var index = 0
        while placeCumulative[index] <= target { index += 1 }
        return index
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let seasons = ["spring", "summer", "autumn", "winter"]
    static let times = [
        "7pm", "7.30pm", "6pm", "6.30pm", "10am", "11am", "2pm", "9.30am", "noon", "8pm", "5.30pm", "1pm",
    ]

    // MARK: People

    static let firstNames = GenZipfList([
        "Sarah", "James", "Priya", "Tom", "Helen", "David", "Anna", "Michael", "Ruth", "Daniel", "Claire", "Owen",
        "Fatima", "Peter", "Lucy", "Sam", "Grace", "Ben", "Martha", "Joe", "Hannah", "Chris", "Emma", "Rob", "Kate",
        "Alan", "Nadia", "Mark", "Esther", "Paul", "Rosa", "Liam", "Jo", "Rachel", "Gareth", "Maya", "Simon", "Leah",
        "Ian", "Aoife", "Tariq", "Wendy", "Nathan", "Zoë", "José", "Imogen", "Dev", "Bethan", "Marcus", "Ines", "Kwame",
        "Eleanor", "Hugo", "Yusuf", "Molly", "Callum", "Sunita", "Frank", "Ada", "Neil", "Chloë", "Tomás", "Miriam",
        "Ewan", "Agnieszka", "Lewis", "Noor", "Stuart", "Freya", "Raúl", "Jenny", "Felix", "Amara", "Graham", "Isla",
        "Hamid", "Polly", "Victor", "Saoirse", "Keith", "Renée", "Adam", "Shona", "Olu", "Harriet", "Mateo", "Bridget",
        "Arjun", "Cerys", "Dominic", "Lena", "Gus", "Siân", "Joaquín", "Mina", "Rhys", "Dorothy", "Kofi", "Beatrix",
        "Ravi", "Teresa", "Idris", "Phoebe", "Colm", "Núria", "Barnaby", "Yasmin", "Elliot", "Marisol", "Declan",
        "Anaïs", "Howard", "Thandi", "Robin", "Noémie", "Cyril", "Ayesha", "Fergus", "Héloïse", "Walter", "Kirsty",
        "Emeka", "Ottilie", "Dmitri", "Maeve", "Lorcan", "Perpetua", "Gideon", "Zsófia", "Anselm", "Rukhsana",
        "Crispin", "Ngozi", "Ivo", "Dilys", "Zoltán", "Hester", "Teodor", "Winifred", "Bartholomew", "Şule", "Ágnes",
        "Émile", "Hélène", "Björn", "Mirela", "Cosmo", "Eun-ji", "Florin", "Jūra", "Tamsin", "Radek", "Oona",
        "Lysander", "Wilhelmina", "Ebenezer", "Clémence", "Joanna", "Efua", "Lachlan", "Petra", "Ruairi", "Valentina",
        "Hollis", "Marit", "Seren", "Osian", "Delphine", "Ambrose", "Kezia", "Leopold", "Farida", "Rufus", "Signe",
        "Tobias", "Orla", "Jarrah", "Wren", "Cassius", "Elin", "Ignatius", "Sorcha", "Augustin", "Philippa", "Ciarán",
        "Ottoline", "Mercy", "Edmund", "Greer", "Jericho", "Linnea", "Fintan", "Vesna", "Horatio", "Aurelie",
    ], exponent: 0.9, offset: 4)

    /// Hand-written surnames first (the common ones), then names composed from valley-sounding parts.
    static let surnames: GenZipfList = {
        let written = [
            "Whitlock", "Anand", "Marsh", "Okafor", "Hale", "Reith", "Ibáñez", "Marchetti", "Calloway", "Brennan",
            "Osei", "Pryce", "Lindqvist", "Tull", "Varga", "Dunleavy", "Strand", "Laine", "Kowalczyk", "Achterberg",
            "Fenwick", "Nakamura", "Rennick", "Mbeki", "Haverford", "Quint", "Delacroix", "Sallis", "Moorcroft", "Ferrante",
            "Greenhalgh", "Oduya", "Tremayne", "Castellanos", "Pennock", "Adebayo", "Vance", "Sørby", "Cardew", "Iqbal",
            "Halloran", "Ruiz", "Ashdown", "Mensah", "Pellow", "Dubois", "Kerrigan", "Szabó", "Thwaite", "Nair",
            "Cotterill", "Bergström", "Ogunleye", "Farrant", "Lucchesi", "Maddox", "Çelik", "Rosewarne", "Quayle",
            "Petrović", "Amberley", "Gallagher", "Hosseini", "Trevethan", "Nyström", "Abernethy", "Lockyer", "Mbatha",
            "Ellery", "Fonseca", "Grimshaw", "Yilmaz", "Penhallow", "Costa", "Wetherall", "Dăscălescu", "Birtwistle",
            "Mwangi", "Lavelle", "Rousseau", "Hargreave", "Ó Briain", "Tanaka", "Blythe", "Kavanagh", "Zielinski",
            "Southgate", "Araújo", "Featherstone", "Kaur", "Merriman", "Villeneuve", "Holloway", "Ndiaye", "Crabtree",
            "Jansen", "Pemberton", "Salazar", "Winterbourne", "Chaudhry", "Gillespie", "Lefèvre", "Oakes", "Andersson",
        ]
        let heads = [
            "Ash", "Black", "Brad", "Brack", "Bram", "Bright", "Brook", "Cald", "Carr", "Chal", "Ches", "Cleve", "Coll",
            "Cran", "Crom", "Dal", "Dar", "Dun", "Eld", "Fair", "Farn", "Fen", "Fern", "Gar", "Gold", "Grey", "Ham",
            "Har", "Hart", "Hay", "Hol", "Kel", "Kim", "Lang", "Lind", "Mar", "Mel", "Mid", "Mill", "Mor", "Nor", "Oak",
            "Pem", "Rad", "Rath", "Red", "Ren", "Ris", "Rom", "Sal", "Scar", "Shel", "Stan", "Stock", "Thorn", "Trel",
            "Tun", "Wad", "Wal", "War", "Wen", "Whit", "Win", "Wood", "Wyn", "Alder", "Birch", "Cole", "Elm", "Frith",
        ]
        let tails = [
            "ley", "ton", "by", "combe", "well", "worth", "field", "ford", "wick", "more", "den", "ham", "shaw", "stone",
            "bury", "cott", "hurst", "lock", "mere", "wood", "dale", "brook", "gate", "thorpe", "holm", "ridge", "croft",
            "ell", "ing", "low",
        ]
        var composed = [String]()
        var seen = Set(written)
        for tail in tails {
            for head in heads {
                let name = head.hasSuffix(String(tail.first!)) ? head + tail.dropFirst() : head + tail
                if seen.insert(name).inserted { composed.append(name) }
            }
        }
        // A fixed shuffle so that the common composed names are not all from the same head.
        var rng = GenRandom(seed: 0x5EED_0F_5A11)
        rng.shuffle(&composed)
        return GenZipfList(written + composed, exponent: 1.0, offset: 3)
    }()

    // MARK: Things

    /// Concrete nouns with regular plurals, roughly from common to rare.
    /// Concrete nouns with regular plurals, roughly from common to rare.
    static let nouns = GenZipfList([
        "bench", "sign", "lamp", "fence", "gate", "path", "wall", "roof", "window", "door", "car", "bus", "bike",
        "bridge", "road", "pavement", "field", "tree", "hedge", "garden", "park", "school", "shop", "house", "flat",
        "street", "lane", "bin", "drain", "pipe", "pump", "boat", "van", "lorry", "tractor", "barn", "shed", "yard",
        "kiosk", "shelter", "notice board", "map", "ticket", "timetable", "queue", "crane", "mast", "pier", "jetty",
        "slipway", "ramp", "railing", "step", "cable", "pole", "lantern", "bollard", "kerb", "verge", "ditch",
        "culvert", "sluice", "weir", "lock", "towpath", "footpath", "stile", "meadow", "orchard", "allotment",
        "greenhouse", "polytunnel", "hive", "chicken", "goat", "pony", "heron", "swan", "otter", "kingfisher",
        "crab", "oyster", "mussel", "gull", "cormorant", "buoy", "anchor", "rope", "net", "trawler", "dinghy",
        "kayak", "canoe", "oar", "paddle", "sail", "hull", "keel", "rudder", "engine", "propeller", "compass",
        "lighthouse", "beacon", "siren", "radio", "phone", "laptop", "printer", "camera", "microscope", "telescope",
        "sensor", "gauge", "meter", "thermometer", "barometer", "data logger", "drone", "satellite", "antenna",
        "battery", "solar panel", "turbine", "generator", "boiler", "radiator", "heater", "kettle", "oven", "fridge",
        "freezer", "cooker", "toaster", "blender", "teapot", "mug", "plate", "bowl", "jug", "jar", "tin", "bottle",
        "basket", "crate", "sack", "bucket", "barrel", "trolley", "pallet", "ladder", "scaffold", "hammer", "chisel",
        "spanner", "drill", "saw", "trowel", "spade", "shovel", "rake", "hoe", "wheelbarrow", "hosepipe",
        "sprinkler", "mower", "chainsaw", "strimmer", "tarpaulin", "sandbag", "bale", "hayloft", "silo", "trough",
        "bird feeder", "incubator", "kennel", "stable", "paddock", "pond", "reed", "willow", "alder", "oak", "beech",
        "birch", "hazel", "holly", "rowan", "elm", "lime", "poplar", "sycamore", "fern", "mushroom", "bramble",
        "nettle", "thistle", "daisy", "primrose", "bluebell", "snowdrop", "poppy", "cornflower", "buttercup",
        "dandelion", "foxglove", "pebble", "boulder", "cliff", "cave", "cove", "dune", "marsh", "bog", "fen", "moor",
        "hill", "valley", "ridge", "summit", "crag", "quarry", "mine", "spoil heap", "tunnel", "viaduct", "aqueduct",
        "embankment", "cutting", "platform", "signal", "sleeper", "carriage", "wagon", "locomotive", "tram", "ferry",
        "pontoon", "mooring", "marina", "harbour", "quay", "wharf", "warehouse", "granary", "maltings", "brewery",
        "distillery", "bakery", "dairy", "creamery", "tannery", "foundry", "forge", "smithy", "pottery", "kiln",
        "loom", "spindle", "mill", "waterwheel", "millpond", "millrace", "chapel", "church", "spire", "steeple",
        "belfry", "bell", "organ", "pew", "font", "lectern", "pulpit", "vestry", "crypt", "graveyard", "monument",
        "statue", "fountain", "bandstand", "pavilion", "clubhouse", "scoreboard", "goalpost", "dugout", "terrace",
        "turnstile", "floodlight", "grandstand", "changing room", "trophy", "medal", "shield", "pennant", "banner",
        "flag", "rosette", "ribbon", "certificate", "plaque", "portrait", "painting", "sketch", "drawing", "print",
        "poster", "leaflet", "flyer", "pamphlet", "booklet", "brochure", "catalogue", "newsletter", "magazine",
        "journal", "diary", "notebook", "ledger", "archive", "document", "letter", "postcard", "envelope", "parcel",
        "stamp", "coin", "banknote", "receipt", "invoice", "cheque", "voucher", "token", "badge", "lanyard",
        "helmet", "glove", "boot", "coat", "jacket", "hat", "cap", "apron", "overall", "uniform", "blazer", "tie",
        "satchel", "rucksack", "suitcase", "umbrella", "torch", "whistle", "stopwatch", "clipboard", "megaphone",
        "microphone", "loudspeaker", "amplifier", "guitar", "fiddle", "accordion", "trumpet", "drum", "piano",
        "cello", "harp", "flute", "clarinet", "banjo", "mandolin", "ukulele", "harmonica", "tambourine", "xylophone",
        "choir", "stage", "curtain", "spotlight", "prop", "costume", "mask", "puppet", "marionette", "backdrop",
        "rehearsal", "audition", "programme", "manuscript", "script", "sonnet", "ballad", "novel", "memoir",
        "anthology", "atlas", "almanac", "dictionary", "encyclopedia", "textbook", "workbook", "register",
        "blackboard", "whiteboard", "projector", "desk", "chair", "table", "cupboard", "cabinet", "drawer", "locker",
        "wardrobe", "mirror", "rug", "carpet", "blind", "cushion", "blanket", "quilt", "pillow", "mattress", "cot",
        "pram", "buggy", "scooter", "skateboard", "trampoline", "swing", "slide", "roundabout", "seesaw", "sandpit",
        "paddling pool", "climbing frame", "treehouse", "bonfire", "firework", "sparkler", "candle", "bauble",
        "wreath", "garland", "hamper", "picnic", "barbecue", "marquee", "gazebo", "stall", "awning", "canopy",
        "parasol", "deckchair", "windbreak", "beach hut", "ice cream van", "carousel", "raffle", "tombola",
        "jumble sale", "auction", "bazaar", "fete", "carnival", "parade", "procession", "pageant", "regatta",
        "gymkhana", "rally", "marathon", "relay", "sprint", "hurdle", "javelin", "longboat", "skiff", "scull",
        "tiller", "boathouse", "winch", "capstan", "fender", "hawser", "dredger", "barge", "tug", "pilot boat",
        "cutter", "lifeboat", "coastguard station", "lookout", "watchtower", "signal box", "toll house", "gatehouse",
        "lodge", "cottage", "farmhouse", "manor", "vicarage", "rectory", "almshouse", "workhouse", "schoolhouse",
        "courthouse", "town hall", "guildhall", "market hall", "corn exchange", "arcade", "precinct", "bypass",
        "junction", "level crossing", "underpass", "flyover", "layby", "depot", "garage", "showroom", "forecourt",
        "car park", "bus station", "ticket office", "waiting room", "footbridge", "turnpike", "milestone",
        "fingerpost", "signpost", "waymark", "cairn", "trig point", "boundary stone", "sheepfold", "dovecote",
        "icehouse", "bathhouse", "lido", "boating lake", "skate park", "pump track", "cycle lane", "bike rack",
        "postbox", "phone box", "defibrillator", "grit bin", "water fountain", "litter bin", "recycling bank",
        "compost heap", "wormery", "beehive", "bat box", "bird hide", "nature trail", "boardwalk", "jetty light",
        "tide gauge", "rain gauge", "weather vane", "sundial", "clock tower", "war memorial", "drinking trough",
        "horse trough", "cattle grid", "stepping stone",
    ], exponent: 1.05, offset: 2.5)

    /// Adjectives that suit things (the long-tail nouns), roughly from common to rare.
    static let adjectives = GenZipfList([
        "old", "new", "small", "large", "local", "former", "main", "public", "wooden", "painted", "stone", "brick",
        "iron", "steel", "copper", "brass", "glass", "concrete", "timber", "rusted", "broken", "damaged", "repaired",
        "restored", "refurbished", "replacement", "spare", "second", "heavy", "light", "long", "short", "tall",
        "low", "narrow", "wide", "temporary", "permanent", "modern", "historic", "green", "grey", "white", "red",
        "blue", "yellow", "brown", "black", "battered", "weathered", "faded", "crumbling", "sturdy", "fragile",
        "enormous", "tiny", "compact", "hefty", "slender", "crooked", "curved", "polished", "ornate", "plain",
        "rough", "smooth", "tidy", "grubby", "disused", "derelict", "overgrown", "borrowed", "donated", "shared",
        "communal", "portable", "folding", "second-hand", "home-made", "hand-built", "hand-painted", "recycled",
        "reclaimed", "salvaged", "upcycled", "waterproof", "lightweight", "heavy-duty", "well-worn", "half-finished",
        "much-loved", "little-known", "golden", "silver", "amber", "crimson", "scarlet", "violet", "ochre", "russet",
        "teal", "turquoise", "emerald", "indigo", "ivory", "charcoal", "slate", "pewter", "bronze", "mahogany",
        "walnut", "oaken", "woven", "knitted", "embroidered", "enamelled", "carved", "gilded", "lacquered",
        "varnished", "riveted", "galvanised", "cast-iron", "wrought-iron", "striped", "spotted", "chequered",
        "tartan", "patched", "mended", "dented", "chipped", "cracked", "tarnished", "mossy", "lichen-covered",
        "ivy-covered", "salt-stained", "rain-soaked", "sun-bleached", "tar-black", "whitewashed", "pebble-dashed",
        "thatched", "slate-roofed", "Victorian", "Edwardian", "Georgian", "medieval", "wartime", "post-war",
        "nineteenth-century", "pre-war", "art-deco",
    ], exponent: 1.0, offset: 3)

    static let streetStems = GenZipfList([
        "Mill", "Church", "Station", "Quay", "High", "Bridge", "Market", "Chapel", "Orchard", "Willow", "Tanner",
        "Rope", "Foundry", "Lock", "Weir", "Granary", "Ferry", "School", "Castle", "Abbey", "Kiln", "Salt", "Cooper",
        "Fuller", "Dyer", "Weaver", "Wharf", "Harbour", "Beacon", "Heron", "Alder", "Rowan", "Hazel", "Linden",
        "Sallow", "Kestle", "Barley", "Malt", "Cobble", "Lantern", "Pilot", "Anchor", "Tollgate", "Turnpike",
        "Vicarage", "Garden", "Meadow", "Pound", "Well", "Spring", "Brook", "Marsh", "Reed", "Osier", "Cherry",
    ], exponent: 0.9, offset: 3)

    static let streetTypes = [
        "Street", "Street", "Lane", "Road", "Road", "Row", "Walk", "Close", "Terrace", "Hill", "Way", "Crescent", "Yard",
        "Place", "Gardens",
    ]

    static let shopKinds = GenZipfList([
        "bakery", "café", "bookshop", "hardware store", "delicatessen", "florist", "pharmacy", "bicycle shop",
        "greengrocer", "launderette", "print shop", "toy shop", "cheese shop", "wine merchant", "record shop",
        "gallery", "yarn shop", "pottery studio", "repair café", "garden centre", "chandlery", "sail loft", "boatyard",
        "tea room", "fish bar", "ironmonger", "bridal shop", "opticians", "dance studio", "climbing wall",
        "bike hire", "pet shop", "frame maker", "music shop", "barber shop", "nail bar", "tattoo studio",
        "vintage clothing shop", "zero-waste shop", "coffee roastery", "microbrewery", "cider press", "smokehouse",
        "chocolatier", "patisserie", "noodle bar", "pizzeria", "taqueria", "dumpling house", "bagel shop",
        "bookbinder", "clockmaker", "saddlery", "upholsterer", "glassblower", "letterpress studio", "model shop",
        "comic shop", "games café", "guitar workshop", "piano tuner", "organic grocer", "refill shop",
    ], exponent: 0.95, offset: 3)

    static let pubFirst = [
        "Red", "Golden", "Old", "Drowned", "Jolly", "Crooked", "Silver", "Black", "Green", "Lazy", "Blue",
        "Laughing", "Sleeping", "Wandering", "Ferryman's", "Miller's", "Pilot's", "Salter's", "Copper",
    ]
    static let pubSecond = [
        "Lion", "Heron", "Anchor", "Oar", "Lantern", "Kettle", "Barge", "Swan", "Otter", "Bell", "Plough", "Eel",
        "Rest", "Millwheel", "Compass", "Gull", "Fox", "Hart", "Crown", "Boatman", "Keel", "Tankard", "Pike", "Cormorant",
    ]

    static let speciesColours = [
        "amber", "grey", "silver", "copper", "pale", "dusky", "rust", "olive", "slate", "cream", "russet", "speckled",
        "banded", "spotted", "black", "white", "golden", "violet", "brindled", "mottled",
    ]
    static let speciesParts = [
        "backed", "throated", "winged", "tailed", "bellied", "crested", "eyed", "legged", "headed", "spotted",
        "finned", "shelled", "horned", "necked", "striped",
    ]
    static let speciesCreatures = [
        "water beetle", "dragonfly", "damselfly", "mayfly", "caddisfly", "stonefly", "warbler", "wagtail", "dipper",
        "sandpiper", "plover", "newt", "toad", "frog", "snail", "mussel", "shrimp", "crayfish", "minnow", "loach",
        "stickleback", "lamprey", "moth", "hoverfly", "bumblebee", "mining bee", "spider", "woodlouse", "vole",
        "shrew", "bat", "pipit", "bunting", "sedge fly", "leech", "flatworm",
    ]

    static let ingredients = [
        "smoked eel", "leek", "mussel", "crab", "wild garlic", "samphire", "rhubarb", "damson", "apple", "pear",
        "cheddar", "goat's cheese", "mushroom", "chestnut", "beetroot", "parsnip", "lamb", "venison", "rabbit",
        "pork", "trout", "mackerel", "cod", "potato", "onion", "fennel", "nettle", "elderflower", "blackberry",
        "gooseberry", "plum", "honey", "oat", "barley", "saffron", "lentil", "chickpea", "squash", "spinach",
        "kale", "radish", "sorrel", "hazelnut", "walnut", "lemon", "ginger", "cardamom", "chilli", "sweetcorn", "quince",
    ]
    static let dishTypes = [
        "pie", "tart", "pasty", "stew", "broth", "soup", "risotto", "flatbread", "cake", "crumble", "fritter",
        "salad", "curry", "pudding", "sausage roll", "loaf", "scone", "galette", "chowder", "dumpling",
    ]

    static let craftMaterials = [
        "willow", "salt-glazed", "hand-thrown", "driftwood", "copper", "woven", "stitched", "carved", "enamelled",
        "stained-glass", "felted", "blown-glass", "pewter", "oak", "slate", "cast-iron", "embroidered", "block-printed",
    ]
    static let craftObjects = [
        "basket", "jug", "bowl", "spoon", "lantern", "panel", "quilt", "tapestry", "chair", "stool", "vase", "plate",
        "screen", "chest", "figure", "mobile", "map", "banner", "weathervane", "clock",
    ]

    static let titleAdjectives = [
        "Lantern", "Salt", "Silver", "Quiet", "Long", "Last", "Low", "Drowned", "Winter", "Harbour", "River", "Paper",
        "Iron", "Borrowed", "Broken", "Small", "Hidden", "Tidal", "Restless", "Glass", "Amber", "Northern", "Burning",
    ]
    static let titleNouns = [
        "Year", "Tide", "Ferry", "Garden", "Weir", "Crossing", "House", "Letters", "Season", "Lamps", "Orchard",
        "Hours", "Bridge", "Country", "Voices", "Ground", "Harvest", "Reckoning", "Shore", "Choir", "Kingdom",
        "Mapmakers", "Keepers", "Water", "Fields", "Boatmen", "Summer", "Archive",
    ]
}

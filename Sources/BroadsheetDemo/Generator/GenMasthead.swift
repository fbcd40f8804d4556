import Foundation

/// The fixed cast of the demo publication: sections, staff, partner outlets and the tag list.
enum GenMasthead {
    static let sections: [DemoSection] = [
        DemoSection(slug: "news", name: "News", description: "Everyday life in Eastmere and the Marren valley: transport, health, schools, the river and the weather."),
        DemoSection(slug: "politics", name: "Politics", description: "The town and district councils, local elections, budgets and the decisions that shape the valley."),
        DemoSection(slug: "business", name: "Business", description: "Shops, farms, the harbour and the firms that employ the valley, from new openings to closures."),
        DemoSection(slug: "science", name: "Science", description: "Research at Eastmere University, the valley's wildlife and climate, and the people who study them."),
        DemoSection(slug: "culture", name: "Culture", description: "Theatre, music, books, museums and festivals across Eastmere and its neighbours."),
        DemoSection(slug: "sport", name: "Sport", description: "Eastmere Athletic, rowing on the Marren, cricket, running and grassroots sport in the valley."),
    ]

    /// Every tag a story can carry (stories use 1-4 of them).
    static let tagNames: [String] = [
        "Flooding", "Weather", "River Marren", "Transport", "Ferries", "Roads", "Health", "Policing", "Education",
        "Housing", "Council budget", "Local elections", "Planning", "Local government", "Business openings",
        "High street", "Jobs", "Harbour", "Fishing", "Tourism", "Farming", "Research", "Eastmere University",
        "Wildlife", "Climate", "Astronomy", "Theatre", "Festivals", "Museums", "Libraries", "Music", "Books",
        "Eastmere Athletic", "Football", "Rowing", "Cricket", "Athletics", "Community", "Heritage", "Energy",
        "Eastmere", "Marren Bay", "Linden Cross", "Aldwick", "Harrowgate Ferry",
    ]

    struct Staff {
        var name: String
        var role: String
        var bio: String
        var sections: [String]
    }

    static let staff: [Staff] = [
        Staff(
            name: "Helena Strand", role: "Editor",
            bio: "Helena Strand has edited The Eastmere Gazette since the paper moved online. She grew up in Kestle Bridge and started out covering magistrates' courts and flower shows for the paper's print edition. She writes occasionally about the valley's councils and the future of local news.",
            sections: ["news", "politics"]),
        Staff(
            name: "Zoë Marchetti", role: "Environment correspondent",
            bio: "Zoë Marchetti reports on the River Marren, flooding, farming and the valley's changing climate. Before joining the Gazette she spent six years as a field ecologist on the Marren marshes. She is usually reachable somewhere near a tide gauge.",
            sections: ["science", "news"]),
        Staff(
            name: "José Ibáñez", role: "Business editor",
            bio: "José Ibáñez covers the valley's economy, from the harbour at Marren Bay to the high streets of Eastmere and Linden Cross. He previously ran a bakery in Aldwick, which he says taught him more about business than any spreadsheet. He writes a weekly column on new openings.",
            sections: ["business"]),
        Staff(
            name: "Amara Okafor", role: "Political reporter",
            bio: "Amara Okafor follows Eastmere Town Council and Marren Valley District Council, budgets, planning committees and elections. She has sat through more late-night council meetings than she cares to count. She studied history at Eastmere University.",
            sections: ["politics", "news"]),
        Staff(
            name: "Callum Reith", role: "Sports reporter",
            bio: "Callum Reith has covered Eastmere Athletic home and away for nine seasons. He also reports on rowing, cricket and the valley's running clubs. He still plays five-a-side on Thursday nights, badly.",
            sections: ["sport"]),
        Staff(
            name: "Ines Varga", role: "Science correspondent",
            bio: "Ines Varga writes about research at Eastmere University and the scientists working across the valley. She trained as a physicist before turning to journalism. Her reporting on the Marren's water quality won a regional press award.",
            sections: ["science"]),
        Staff(
            name: "Benedict Laine", role: "Arts and culture writer",
            bio: "Benedict Laine reviews theatre, music and books and reports on the valley's museums and festivals. He has been a stagehand, a bookseller and a choir tenor. He lives in Linden Cross with a great many records.",
            sections: ["culture"]),
        Staff(
            name: "Saoirse Dunleavy", role: "Chief reporter",
            bio: "Saoirse Dunleavy leads the Gazette's news coverage of transport, health, schools and the emergency services. She joined the paper as a trainee and has reported from every village in the valley. Story tips are always welcome.",
            sections: ["news", "politics", "business"]),
    ]

    static let photographers = [
        "Marit Osei", "Hollis Tremayne", "Efua Lindqvist", "Radek Pellow", "Wren Castellanos", "Ottilie Brennan",
    ]

    static let partners: [(name: String, homepage: String)] = [
        ("Marren Bay Courier", "https://www.marrenbaycourier.example/"),
        ("Upper Valley Post", "https://uppervalleypost.example/"),
        ("Linden Cross Listener", "https://news.lindencrosslistener.example/"),
        ("Aldwick & District Chronicle", "https://www.aldwickchronicle.example/"),
    ]

    /// Authors able to write for a section (every section has at least one).
    static func staffIndices(for section: String) -> [Int] {
        staff.indices.filter { staff[$0].sections.contains(section) }
    }
}

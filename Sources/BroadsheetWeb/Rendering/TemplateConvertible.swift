/// A value that builds its template dictionary by hand, for the values that pages show many times over (story cards)
/// where reflecting on each one is measurable. The keys must match the stored properties' names.
protocol TemplateConvertible {
    var templateValue: TemplateValue { get }
}

extension ImageView: TemplateConvertible {
    var templateValue: TemplateValue { .object(["src": .text(src), "width": .number(width), "height": .number(height), "alt": .text(alt)]) }
}

extension BylineEntry: TemplateConvertible {
    var templateValue: TemplateValue { .object(["name": .text(name), "url": .text(url), "role": .text(role), "separator": .text(separator)]) }
}

extension TimeView: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: [String: TemplateValue] = ["datetime": .text(datetime), "text": .text(text), "shortText": .text(shortText)]
        if let relative { value["relative"] = .text(relative) }
        return .object(value)
    }
}

extension StoryCard: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: [String: TemplateValue] = [
            "url": .text(url), "headline": .text(headline), "standfirst": .text(standfirst), "sectionName": .text(sectionName),
            "sectionURL": .text(sectionURL), "byline": .list(byline.map(\.templateValue)), "published": published.templateValue,
        ]
        if let thumbnail { value["thumbnail"] = thumbnail.templateValue }
        if let sourceName { value["sourceName"] = .text(sourceName) }
        return .object(value)
    }
}

extension SearchPage.Result: TemplateConvertible {
    var templateValue: TemplateValue { .object(["card": card.templateValue, "snippetHTML": .text(snippetHTML)]) }
}

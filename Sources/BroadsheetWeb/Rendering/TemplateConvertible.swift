/// A value that builds its template dictionary by hand, for the values that pages show many times over (story cards)
/// where reflecting on each one is measurable. The keys must match the stored properties' names.
protocol TemplateConvertible {
    var templateValue: [String: Any] { get }
}

extension ImageView: TemplateConvertible {
    var templateValue: [String: Any] { ["src": src, "width": width, "height": height, "alt": alt] }
}

extension BylineEntry: TemplateConvertible {
    var templateValue: [String: Any] { ["name": name, "url": url, "role": role, "separator": separator] }
}

extension TimeView: TemplateConvertible {
    var templateValue: [String: Any] {
        var value: [String: Any] = ["datetime": datetime, "text": text, "shortText": shortText]
        if let relative { value["relative"] = relative }
        return value
    }
}

extension StoryCard: TemplateConvertible {
    var templateValue: [String: Any] {
        var value: [String: Any] = [
            "url": url, "headline": headline, "standfirst": standfirst, "sectionName": sectionName, "sectionURL": sectionURL,
            "byline": byline.map(\.templateValue), "published": published.templateValue,
        ]
        if let thumbnail { value["thumbnail"] = thumbnail.templateValue }
        if let sourceName { value["sourceName"] = sourceName }
        return value
    }
}

extension SearchPage.Result: TemplateConvertible {
    var templateValue: [String: Any] { ["card": card.templateValue, "snippetHTML": snippetHTML] }
}

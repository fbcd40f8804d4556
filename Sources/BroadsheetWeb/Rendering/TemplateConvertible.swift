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
        var value: TemplateFields = ["datetime": .text(datetime), "text": .text(text), "shortText": .text(shortText)]
        if let relative { value["relative"] = .text(relative) }
        return .object(value)
    }
}

extension StoryCard: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = [
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

// What every page carries (navigation, head, social preview), by hand: reflecting on it was most of a search
// page's conversion.

extension NavigationItem: TemplateConvertible {
    var templateValue: TemplateValue { .object(["name": .text(name), "url": .text(url), "isCurrent": .bool(isCurrent)]) }
}

extension SiteChrome: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "name": .text(name), "tagline": .text(tagline), "language": .text(language), "homeURL": .text(homeURL),
            "sections": .list(sections.map(\.templateValue)), "searchQuery": .text(searchQuery),
            "stylesheetURL": .text(stylesheetURL), "scriptURL": .text(scriptURL), "iconURL": .text(iconURL), "rssURL": .text(rssURL),
            "aboutURL": .text(aboutURL), "contactURL": .text(contactURL), "feedsURL": .text(feedsURL),
            "correctionsURL": .text(correctionsURL), "searchURL": .text(searchURL), "year": .number(year),
            "textSizeClass": .text(textSizeClass),
        ])
    }
}

extension FeedAlternate: TemplateConvertible {
    var templateValue: TemplateValue { .object(["title": .text(title), "url": .text(url), "type": .text(type)]) }
}

extension SocialMeta: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = [
            "type": .text(type), "title": .text(title), "description": .text(description), "url": .text(url),
            "siteName": .text(siteName), "imageAlt": .text(imageAlt), "twitterCard": .text(twitterCard),
        ]
        if let ogImage { value["ogImage"] = .text(ogImage) }
        if let ogPublished { value["ogPublished"] = .text(ogPublished) }
        if let ogModified { value["ogModified"] = .text(ogModified) }
        if let ogSection { value["ogSection"] = .text(ogSection) }
        return .object(value)
    }
}

extension PageHead: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title), "description": .text(description), "canonicalURL": .text(canonicalURL), "noIndex": .bool(noIndex),
            "feeds": .list(feeds.map(\.templateValue)), "social": social.templateValue,
        ])
    }
}

extension PaginationView: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = ["pageNumber": .number(pageNumber), "isNeeded": .bool(isNeeded)]
        if let newerURL { value["newerURL"] = .text(newerURL) }
        if let olderURL { value["olderURL"] = .text(olderURL) }
        return .object(value)
    }
}

extension FeedLinkView: TemplateConvertible {
    var templateValue: TemplateValue { .object(["label": .text(label), "url": .text(url)]) }
}

extension SearchPage.Option: TemplateConvertible {
    var templateValue: TemplateValue { .object(["value": .text(value), "label": .text(label), "isSelected": .bool(isSelected)]) }
}

// The search page: reflecting on it and its form was about 5% of an uncached search sorted by date.

extension SearchPage.Form: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "q": .text(q), "sections": .list(sections.map(\.templateValue)), "authors": .list(authors.map(\.templateValue)),
            "tag": .text(tag), "from": .text(from), "to": .text(to), "sortsByDate": .bool(sortsByDate),
        ])
    }
}

extension SearchPage: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "chrome": chrome.templateValue, "head": head.templateValue, "query": .text(query), "hasQuery": .bool(hasQuery),
            "countText": .text(countText), "results": .list(results.map(\.templateValue)), "noResults": .bool(noResults),
            "latest": .list(latest.map(\.templateValue)), "pagination": pagination.templateValue, "form": form.templateValue,
            "feedURL": .text(feedURL), "feeds": .list(feeds.map(\.templateValue)), "jsonURL": .text(jsonURL),
        ])
    }
}

// A story's page, the one page readers open most: by hand too (reflection was a tenth of its time uncached).

extension StoryView.LeadImageView: TemplateConvertible {
    var templateValue: TemplateValue { .object(["image": image.templateValue, "caption": .text(caption), "credit": .text(credit)]) }
}

extension StoryView.TagView: TemplateConvertible {
    var templateValue: TemplateValue { .object(["name": .text(name), "url": .text(url)]) }
}

extension StoryView.CorrectionView: TemplateConvertible {
    var templateValue: TemplateValue { .object(["label": .text(label), "text": .text(text), "time": time.templateValue]) }
}

extension StoryView.SourceView: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = ["outletName": .text(outletName), "url": .text(url)]
        if let originalAuthor { value["originalAuthor"] = .text(originalAuthor) }
        if let originalTime { value["originalTime"] = originalTime.templateValue }
        return .object(value)
    }
}

extension StoryView: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = [
            "headline": .text(headline), "standfirst": .text(standfirst), "sectionName": .text(sectionName), "sectionURL": .text(sectionURL),
            "byline": .list(byline.map(\.templateValue)), "published": published.templateValue, "bodyHTML": .text(bodyHTML),
            "readingMinutes": .number(readingMinutes), "tags": .list(tags.map(\.templateValue)),
            "corrections": .list(corrections.map(\.templateValue)), "correctionsURL": .text(correctionsURL),
        ]
        if let updated { value["updated"] = updated.templateValue }
        if let leadImage { value["leadImage"] = leadImage.templateValue }
        if let source { value["source"] = source.templateValue }
        return .object(value)
    }
}

extension ArticlePage.TextSizeView: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "label": .text(label), "steps": .text(steps), "anchor": .text(anchor), "canShrink": .bool(canShrink), "canGrow": .bool(canGrow),
            "isStandard": .bool(isStandard), "actionURL": .text(actionURL), "returnPath": .text(returnPath),
        ])
    }
}

extension ArticlePage: TemplateConvertible {
    var templateValue: TemplateValue {
        .object([
            "chrome": chrome.templateValue, "head": head.templateValue, "storyHeader": .text(storyHeader), "storyBody": .text(storyBody),
            "jsonLD": .text(jsonLD), "sectionName": .text(sectionName), "related": .list(related.map(\.templateValue)),
            "textSize": textSize.templateValue, "rssURL": .text(rssURL),
        ])
    }
}

// The front page and the section, author and topic lists: dozens of cards each, and reflecting on the page around
// them was a tenth of an uncached front page.

extension FrontPage.SectionBlock: TemplateConvertible {
    var templateValue: TemplateValue { .object(["name": .text(name), "url": .text(url), "stories": .list(stories.map(\.templateValue))]) }
}

extension FrontPage: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = [
            "chrome": chrome.templateValue, "head": head.templateValue, "isFirstPage": .bool(isFirstPage),
            "latest": .list(latest.map(\.templateValue)), "sectionBlocks": .list(sectionBlocks.map(\.templateValue)),
            "pagination": pagination.templateValue,
        ]
        if let lead { value["lead"] = lead.templateValue }
        return .object(value)
    }
}

extension StoryListPage.Profile: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = ["role": .text(role), "bio": .text(bio)]
        if let photo { value["photo"] = photo.templateValue }
        return .object(value)
    }
}

extension StoryListPage: TemplateConvertible {
    var templateValue: TemplateValue {
        var value: TemplateFields = [
            "chrome": chrome.templateValue, "head": head.templateValue, "kind": .text(kind), "title": .text(title),
            "description": .text(description), "stories": .list(stories.map(\.templateValue)), "pagination": pagination.templateValue,
            "feeds": .list(feeds.map(\.templateValue)),
        ]
        if let profile { value["profile"] = profile.templateValue }
        return .object(value)
    }
}

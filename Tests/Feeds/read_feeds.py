#!/usr/bin/env python3
"""Reads Broadsheet's feeds with independent parsers and prints what they found, as JSON, for the Swift tests.

RSS and Atom go through feedparser (PyPI). feedparser 6.0 does not read JSON Feed, so JSON Feeds go through
Python's json module and are checked against the JSON Feed 1.1 specification's required fields here.

    read_feeds.py FILE...      prints {"FILE": {...}, ...}
"""
import calendar
import datetime
import json
import sys

import feedparser


def seconds(parsed):
    return calendar.timegm(parsed) if parsed else None


def from_feedparser(path):
    with open(path, "rb") as handle:
        data = handle.read()
    parsed = feedparser.parse(data)
    feed = parsed.feed
    links = feed.get("links", [])
    entries = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        entries.append({
            "id": entry.get("id"),
            "title": entry.get("title"),
            "link": entry.get("link"),
            "published": seconds(entry.get("published_parsed")),
            "updated": seconds(entry.get("updated_parsed")),
            "authors": [author.get("name") for author in entry.get("authors", []) if author.get("name")],
            "authorURLs": [author.get("href") for author in entry.get("authors", []) if author.get("href")],
            "tags": [tag.get("term") for tag in entry.get("tags", [])],
            "summary": entry.get("summary"),
            "content": content[0].get("value") if content else None,
            "enclosures": [
                {"url": enclosure.get("href"), "type": enclosure.get("type"), "length": int(enclosure.get("length") or -1)}
                for enclosure in entry.get("enclosures", [])
            ],
            "media": [
                {"url": media.get("url"), "type": media.get("type"), "length": int(media.get("filesize") or -1)}
                for media in entry.get("media_content", [])
            ],
        })
    return {
        "version": parsed.get("version", ""),
        "wellFormed": not parsed.get("bozo", 0),
        "problem": str(parsed.get("bozo_exception", "")),
        "title": feed.get("title"),
        "link": feed.get("link"),
        "language": feed.get("language"),
        "updated": seconds(feed.get("updated_parsed")),
        "selfLink": next((link.get("href") for link in links if link.get("rel") == "self"), None),
        "hub": next((link.get("href") for link in links if link.get("rel") == "hub"), None),
        "entries": entries,
        "requiredMissing": [],
    }


def iso_seconds(text):
    if not text:
        return None
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def from_json_feed(path):
    with open(path, "rb") as handle:
        feed = json.loads(handle.read().decode("utf-8"))
    missing = []
    # JSON Feed 1.1: version (a URL) and title are required at the top, items must be an array; each item
    # needs an id (a string) and content_html or content_text.
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        missing.append("version")
    if not isinstance(feed.get("title"), str) or not feed.get("title"):
        missing.append("title")
    if not isinstance(feed.get("items"), list):
        missing.append("items")
    entries = []
    for index, item in enumerate(feed.get("items") or []):
        if not isinstance(item.get("id"), str) or not item.get("id"):
            missing.append("items[%d].id" % index)
        if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
            missing.append("items[%d].content" % index)
        entries.append({
            "id": item.get("id"),
            "title": item.get("title"),
            "link": item.get("url"),
            "published": iso_seconds(item.get("date_published")),
            "updated": iso_seconds(item.get("date_modified")),
            "authors": [author.get("name") for author in item.get("authors", [])],
            "authorURLs": [author.get("url") for author in item.get("authors", []) if author.get("url")],
            "tags": item.get("tags", []),
            "summary": item.get("summary"),
            "content": item.get("content_html"),
            "enclosures": [
                {"url": attachment.get("url"), "type": attachment.get("mime_type"), "length": attachment.get("size_in_bytes", -1)}
                for attachment in item.get("attachments", [])
            ],
            "media": [{"url": item["image"], "type": None, "length": -1}] if item.get("image") else [],
        })
    hubs = [hub.get("url") for hub in feed.get("hubs", []) if hub.get("type", "").lower() == "websub"]
    return {
        "version": "json11" if feed.get("version") == "https://jsonfeed.org/version/1.1" else "",
        "wellFormed": True,
        "problem": "",
        "title": feed.get("title"),
        "link": feed.get("home_page_url"),
        "language": feed.get("language"),
        "updated": None,
        "selfLink": feed.get("feed_url"),
        "hub": hubs[0] if hubs else None,
        "entries": entries,
        "requiredMissing": missing,
    }


def main():
    results = {}
    for path in sys.argv[1:]:
        try:
            results[path] = from_json_feed(path) if path.endswith(".json") else from_feedparser(path)
        except Exception as error:  # report, do not crash: the Swift side fails the test with this message
            results[path] = {"version": "", "wellFormed": False, "problem": repr(error), "entries": [], "requiredMissing": []}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

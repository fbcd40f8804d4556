#!/usr/bin/env python3
"""Checks `broadsheet feed parse` against the expectations in feedparser's test feeds.

Each test feed (../shared/testdata/feeds/feedparser/{rss,atom,atom10,rdf}) starts with an XML comment holding
`Expect:`, a Python expression over feedparser's result. We run our parser on every file, present its JSON in the
shape of feedparser's result for the fields our model has, and evaluate each expression. An expression that asks
for a field our model does not have (feedparser's `title_detail`, `cloud`, `textinput`, ...) is "not applicable";
the others pass or fail.

    conformance.py BROADSHEET_BINARY DIRECTORY...     prints a JSON summary; with -v also every failure
"""
import calendar
import json
import os
import re
import subprocess
import sys
import time


class Missing(KeyError):
    pass


class Record(dict):
    """A dict whose absent keys are reported as not applicable, not as failures."""

    def __getitem__(self, key):
        if key not in self:
            raise Missing(key)
        return dict.__getitem__(self, key)

    def __getattr__(self, key):
        return self[key]


def parsed_time(text):
    if not text:
        return None
    return time.gmtime(calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ")))


def person(author):
    record = Record()
    if author.get("name") is not None:
        record["name"] = author["name"]
    if author.get("email") is not None:
        record["email"] = author["email"]
    if author.get("url") is not None:
        record["href"] = author["url"]
    return record


def feedparser_shape(result):
    if "error" in result:
        return Record(bozo=1, feed=Record(), entries=[])
    feed = Record(title=result["title"], subtitle=result["description"], description=result["description"])
    if result["link"] is not None:
        feed["link"] = result["link"]
    if result["language"] is not None:
        feed["language"] = result["language"]
    if result["updated"] is not None:
        feed["updated_parsed"] = parsed_time(result["updated"])
    entries = []
    for item in result["items"]:
        entry = Record(title=item["title"], summary=item["summary"], description=item["summary"])
        for ours, theirs in (("id", "id"), ("link", "link")):
            if item[ours] is not None:
                entry[theirs] = item[ours]
        if item["id"] is not None:
            entry["guid"] = item["id"]
        if item["published"] is not None:
            entry["published_parsed"] = parsed_time(item["published"])
        if item["updated"] is not None:
            entry["updated_parsed"] = parsed_time(item["updated"])
        authors = [person(author) for author in item["authors"]]
        if authors:
            entry["authors"] = authors
            entry["author_detail"] = authors[0]
            if "name" in authors[0]:
                entry["author"] = authors[0]["name"] + (" (%s)" % authors[0]["email"] if "email" in authors[0] else "")
            elif "email" in authors[0]:
                entry["author"] = authors[0]["email"]
        entry["tags"] = [Record(term=term) for term in item["categories"]]
        if item["content_html"]:
            entry["content"] = [Record(value=item["content_html"])]
        entry["enclosures"] = [Record(href=e["url"], type=e["type"], length=str(e["length"]) if e["length"] is not None else None)
                               for e in item["enclosures"]]
        entries.append(entry)
    return Record(bozo=0, feed=feed, entries=entries, version=result["format"])


def expectation(path):
    with open(path, "rb") as handle:
        head = handle.read(4096).decode("utf-8", "replace")
    match = re.search(r"Expect:\s*(.*?)\n", head)
    return match.group(1).strip() if match else None


def main():
    verbose = "-v" in sys.argv
    arguments = [a for a in sys.argv[1:] if a != "-v"]
    binary, directories = arguments[0], arguments[1:]
    files = sorted(os.path.join(d, f) for d in directories for f in os.listdir(d) if f.endswith(".xml"))
    output = subprocess.run([binary, "feed", "parse"] + files, capture_output=True, text=True).stdout
    results = {}
    for line in output.splitlines():
        record = json.loads(line)
        results[record["file"]] = record
    summary = {"files": len(files), "applicable": 0, "passed": 0, "not_applicable": 0, "failures": []}
    for path in files:
        expect = expectation(path)
        if expect is None or path not in results:
            continue
        shape = feedparser_shape(results[path])
        namespace = {"bozo": shape["bozo"], "feed": shape["feed"], "entries": shape["entries"], "time": time,
                     "version": shape.get("version", ""), "u": lambda s: s}
        try:
            ok = bool(eval(expect, {"__builtins__": {"len": len, "isinstance": isinstance, "str": str, "int": int, "list": list}}, namespace))
        except (Missing, IndexError, NameError, AttributeError, TypeError):
            summary["not_applicable"] += 1
            continue
        summary["applicable"] += 1
        if ok:
            summary["passed"] += 1
        else:
            summary["failures"].append({"file": path, "expect": expect, "ours": results[path]})
    if not verbose:
        summary["failures"] = [failure["file"] for failure in summary["failures"]]
    json.dump(summary, sys.stdout, indent=1 if verbose else None)


if __name__ == "__main__":
    main()

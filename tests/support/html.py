"""Read links and ids out of built HTML files (a parser, not patterns)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar


class LinksAndIds(HTMLParser):
    """Collects every element id and every URL a page links to or loads."""

    URL_ATTRIBUTES: ClassVar = {
        "a": "href",
        "link": "href",
        "script": "src",
        "img": "src",
        "source": "src",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, rel, url)
        self.switcher: set[str] = set()  # links of the language switcher (they carry hreflang)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        attribute = self.URL_ATTRIBUTES.get(tag)
        if tag == "a" and attributes.get("hreflang") and attributes.get("href"):
            self.switcher.add(attributes["href"])
        if attribute and attributes.get(attribute) is not None:
            self.urls.append((tag, attributes.get("rel") or "", attributes[attribute]))


def parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser

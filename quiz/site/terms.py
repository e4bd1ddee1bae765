"""The terms page, as the message blocks' rules see it: the anchors of its headings, which every
clause of quiz/messages.yml links to, and its table of terms by flag, which must list each flag's
clauses (the rules themselves are in quiz/message_rules.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quiz.message_rules import TermsPage
from quiz.site.pages import ContentSettings, PageSource, markdown_renderer


def terms_page(page: PageSource, html: str, toc: list[dict]) -> TermsPage:
    """The terms page as the message rules see it: its headings' anchors, and its table of terms by
    flag (each row's link to a flag page, and its links to the page's own sections)."""
    parser = _TableLinks(TERMS_TABLE)
    parser.feed(html)
    parser.close()
    by_flag = {}
    for hrefs in parser.rows:
        flags = [match.group(1) for match in map(_FLAG_LINK.search, hrefs) if match]
        if flags:
            by_flag[flags[0]] = frozenset(href[1:] for href in hrefs if href.startswith("#"))
    return TermsPage(page.shown, frozenset(token["id"] for token in toc), by_flag)


def terms_pages(
    settings: ContentSettings, sources: dict[tuple[str, str], PageSource]
) -> dict[str, TermsPage]:
    """The terms page in every language, rendered here for `make validate` (a build reads each
    one from the HTML it renders anyway)."""
    render = markdown_renderer(settings)
    return {
        language: terms_page(page, *render(page.body))
        for (stem, language), page in sources.items()
        if stem == TERMS_PAGE
    }


# ---------------------------------------------------------------------------- helpers


class _TableLinks(HTMLParser):
    """The links of each table row in one level-2 section."""

    def __init__(self, section: str) -> None:
        super().__init__(convert_charrefs=True)
        self.section = section
        self.inside = False
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.inside = dict(attrs).get("id") == self.section
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag == "a" and self.rows:
            self.rows[-1].append(dict(attrs).get("href") or "")


# The page whose sections the message blocks' clauses link to, and its table of terms by flag.
TERMS_PAGE = "terms"
TERMS_TABLE = "by-flag"
# A link to a flag's page, as written (flags/vision.md) or as MkDocs renders it (../flags/vision/).
_FLAG_LINK = re.compile(r"(?:^|/)flags/([a-z0-9-]+)")

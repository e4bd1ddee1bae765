"""The terms page: the anchors of its headings, which every clause of quiz/messages.yml links to
(the rule is in quiz/message_rules.py), and its table of terms by flag, generated in each language
from the one mapping of flags to clauses (each flag's `terms` in quiz/messages.yml).

The page holds a marker line where the table goes; the build's `on_page_markdown` hook puts the
table there, and the validator renders the page with it too. The table lists the quiz's flags in
the quiz's order, each linking its page by the page's title, with the flag's clauses in the terms
page's order, each linking its section by the clause's short name (its title when it has none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from quiz.message_rules import TermsPage
from quiz.messages import Clause, Messages
from quiz.model import Quiz
from quiz.problems import Problem
from quiz.site.pages import (
    FLAGS_FOLDER,
    ContentSettings,
    PageSource,
    front_text,
    markdown_renderer,
)
from quiz.site.strings import translator


def terms_page(page: PageSource, toc: list[dict]) -> TermsPage:
    """The terms page as the message rules see it: its headings' anchors."""
    return TermsPage(page.shown, frozenset(token["id"] for token in toc))


def terms_pages(
    settings: ContentSettings, sources: Mapping[tuple[str, str], PageSource]
) -> dict[str, TermsPage]:
    """The terms page in every language, rendered here for `make validate` (a build reads each
    one from the HTML it renders anyway)."""
    render = markdown_renderer(settings)
    return {
        language: terms_page(page, render(page.body)[1])
        for (stem, language), page in sources.items()
        if stem == TERMS_PAGE
    }


def terms_tables(
    quiz: Quiz | None, messages: Messages | None, sources: Mapping[tuple[str, str], PageSource]
) -> dict[str, str]:
    """The table of terms by flag as Markdown, by the language of each terms page; none while
    the quiz or the message blocks have problems (a build stops before any page then)."""
    if quiz is None or messages is None:
        return {}
    return {
        language: _table(quiz, messages, sources, language)
        for stem, language in sources
        if stem == TERMS_PAGE
    }


def with_terms_table(page: PageSource, markdown: str, tables: Mapping[str, str]) -> str:
    """A page's Markdown as the build renders it: on the terms page, the marker line replaced by
    the table in the page's language."""
    table = tables.get(page.language)
    if page.stem != TERMS_PAGE or table is None:
        return markdown
    return "".join(
        table if line.strip() == TABLE_MARKER else line
        for line in markdown.splitlines(keepends=True)
    )


def marker_problems(sources: Mapping[tuple[str, str], PageSource]) -> Iterable[Problem]:
    """The terms page in each language holds the table's marker line once, and no other page
    holds it (there it would stay an empty comment)."""
    for (stem, _language), page in sorted(sources.items()):
        lines = page.text.splitlines()
        markers = [number for number, line in enumerate(lines, 1) if line.strip() == TABLE_MARKER]
        if stem != TERMS_PAGE:
            for number in markers:
                yield Problem(
                    page.shown,
                    number,
                    f"the table of terms by flag goes on docs/{TERMS_PAGE}.md only: "
                    "remove this marker",
                )
        elif not markers and page.text:  # an unreadable page has its problem already
            heading = next(
                (number for number, line in enumerate(lines, 1) if _SECTION_ID in line), 1
            )
            yield Problem(
                page.shown,
                heading,
                "the table of terms by flag has no place on the page: "
                f"add the line {TABLE_MARKER} where it goes (below the heading {_SECTION_ID})",
            )
        for number in markers[1:]:
            yield Problem(
                page.shown, number, "the table of terms by flag is placed twice: keep one marker"
            )


# ---------------------------------------------------------------------------- helpers


def _table(
    quiz: Quiz, messages: Messages, sources: Mapping[tuple[str, str], PageSource], language: str
) -> str:
    t = translator(language)
    order = list(messages.clauses)
    rows = [
        f"| {_escaped(t('terms.table.flag'))} | {_escaped(t('terms.table.terms'))} |",
        "| --- | --- |",
    ]
    for flag in quiz.flags:
        page = sources.get((f"{FLAGS_FOLDER}/{flag.id}", language))
        title = (page and front_text(page, "title")) or flag.name.get(language)
        clauses = " · ".join(
            f"[{_escaped(_name(messages.clauses[clause], language))}](#{clause})"
            for clause in sorted(messages.flags[flag.id].terms, key=order.index)
        )
        rows.append(f"| [{_escaped(title)}]({FLAGS_FOLDER}/{flag.id}.md) | {clauses} |")
    return "".join(row + "\n" for row in rows)


def _name(clause: Clause, language: str) -> str:
    return (clause.short or clause.title).get(language)


def _escaped(text: str) -> str:
    """Text as Markdown shows it literally inside a table cell's link."""
    return _SPECIAL.sub(r"\\\g<0>", text).replace("<", "&lt;")


# The page whose sections the message blocks' clauses link to, and the line that places its
# table of terms by flag (in the section with this id).
TERMS_PAGE = "terms"
TABLE_MARKER = "<!-- terms-by-flag -->"
_SECTION_ID = "{#by-flag}"
# Characters Python-Markdown reads as markup in a cell's link text; a backslash keeps each.
_SPECIAL = re.compile(r"[\\`*_\[\]{}|]")

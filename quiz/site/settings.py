"""The site's one check: the guide's pages, the quiz data and the message blocks, validated once
per build, and what the build makes of them for the pages (the terms page's table of terms by
flag).

`scripts/validate.py` (`make validate`), the build hooks and the tests all call `check_site`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from quiz.loader import QUIZ_FILE
from quiz.message_rules import CheckedMessages, check_messages_file, check_terms_pages
from quiz.messages import MESSAGES_FILE
from quiz.problems import Problem
from quiz.rules import Checked, check_file
from quiz.site.page_rules import check_content, check_rendered_page
from quiz.site.pages import FLAGS_FOLDER, PageSource, read_pages, settings_from_config, shown_path
from quiz.site.terms import (
    TERMS_PAGE,
    marker_problems,
    terms_page,
    terms_pages,
    terms_tables,
    with_terms_table,
)


@dataclass(frozen=True)
class SiteCheck:
    """Every problem of the site, sorted by file and line, the checked quiz and message blocks,
    and the pages as read (by stem and language), for the checks a build runs on each rendered
    page; and the table of terms by flag in each language, for the terms page."""

    problems: list[Problem]
    quiz: Checked
    pages: dict[tuple[str, str], PageSource]
    messages: CheckedMessages
    terms_tables: dict[str, str]


def check_site(
    config,
    quiz_file: Path = QUIZ_FILE,
    messages_file: Path = MESSAGES_FILE,
    *,
    rendered: bool = True,
) -> SiteCheck:
    """Check the content, the quiz data and the message blocks of the site configured by a
    loaded `config`.

    A build passes `rendered=False` and checks each page's HTML as it renders it
    (`check_rendered`), so no page is rendered twice.
    """
    settings = settings_from_config(config)
    checked = check_file(
        quiz_file, settings.docs_dir / FLAGS_FOLDER, shown_path(quiz_file, settings)
    )
    pages = read_pages(settings)
    terms = terms_pages(settings, pages) if rendered else None
    messages = check_messages_file(
        messages_file, checked.quiz, shown_path(messages_file, settings), terms
    )
    tables = terms_tables(checked.quiz, messages.messages, pages)
    problems = [
        *check_content(
            settings,
            pages,
            rendered=rendered,
            prepare=lambda page: with_terms_table(page, page.body, tables),
        ),
        *marker_problems(pages),
        *checked.problems,
        *messages.problems,
    ]
    return SiteCheck(sorted(problems), checked, pages, messages, tables)


def check_rendered(site: SiteCheck, page: PageSource, html: str, toc: list[dict]) -> list[Problem]:
    """The checks that need a page's HTML, on the HTML a build has just rendered: the page's own,
    and for the terms page the message blocks' clauses against its anchors."""
    problems = check_rendered_page(page, html, toc)
    if page.stem == TERMS_PAGE:
        problems += check_terms_pages(site.messages, {page.language: terms_page(page, toc)})
    return problems


def validate_site(config_file: Path) -> list[Problem]:
    """All problems of the site configured by `config_file`, sorted by file and line."""
    return check_site(load_site_config(config_file)).problems


def load_site_config(config_file: Path):
    """The loaded MkDocs config, without the loader's INFO chatter."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(config_file))

"""The site's one check: the guide's pages and the quiz data, validated once per build.

`scripts/validate.py` (`make validate`), the build hooks and the tests all call `check_site`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from quiz.loader import QUIZ_FILE
from quiz.problems import Problem
from quiz.rules import Checked, check_file
from quiz.site.content import PageSource, check_content, read_pages, settings_from_config


@dataclass(frozen=True)
class SiteCheck:
    """Every problem of the site, sorted by file and line, the checked quiz, and the pages as
    read (by stem and language), for the checks a build runs on each rendered page."""

    problems: list[Problem]
    quiz: Checked
    pages: dict[tuple[str, str], PageSource]


def check_site(config, quiz_file: Path = QUIZ_FILE, *, rendered: bool = True) -> SiteCheck:
    """Check the content and the quiz data of the site configured by a loaded `config`.

    A build passes `rendered=False` and checks each page's HTML as it renders it
    (`quiz.site.content.check_rendered_page`), so no page is rendered twice.
    """
    settings = settings_from_config(config)
    try:
        shown = quiz_file.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        shown = quiz_file.as_posix()
    checked = check_file(quiz_file, settings.docs_dir / "flags", shown)
    pages = read_pages(settings)
    problems = check_content(settings, pages, rendered=rendered) + checked.problems
    return SiteCheck(sorted(problems), checked, pages)


def validate_site(config_file: Path) -> list[Problem]:
    """All problems of the site configured by `config_file`, sorted by file and line."""
    return check_site(load_site_config(config_file)).problems


def load_site_config(config_file: Path):
    """The loaded MkDocs config, without the loader's INFO chatter."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(config_file))

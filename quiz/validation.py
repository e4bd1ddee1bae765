"""Every check the site runs, in one call for scripts/validate.py, the hooks and the tests."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config

from quiz.content import check_content, settings_from_config
from quiz.model import Quiz
from quiz.problems import Problem
from quiz.rules import validate_quiz

QUIZ_FILE = Path(__file__).with_name("quiz.yml")


def validate_site(config_file: Path) -> list[Problem]:
    """All problems of the site configured by `config_file`, sorted by file and line."""
    config = load_site_config(config_file)
    _, quiz_problems = checked_quiz(config)
    return sorted(check_content(settings_from_config(config)) + quiz_problems)


def checked_quiz(config, path: Path = QUIZ_FILE) -> tuple[Quiz | None, list[Problem]]:
    """The quiz data file, validated against the guide's flag pages of this site."""
    settings = settings_from_config(config)
    try:
        shown = path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return validate_quiz(path, settings.docs_dir / "flags", shown)


def load_site_config(config_file: Path):
    """The loaded MkDocs config, without the loader's INFO chatter."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(config_file))

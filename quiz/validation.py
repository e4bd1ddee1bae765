"""Every check the site runs, in one call for scripts/validate.py and the tests."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config

from quiz.content import check_content, settings_from_config
from quiz.problems import Problem


def validate_site(config_file: Path) -> list[Problem]:
    """All problems of the site configured by `config_file`, sorted by file and line."""
    config = load_site_config(config_file)
    return sorted(check_content(settings_from_config(config)))


def load_site_config(config_file: Path):
    """The loaded MkDocs config, without the loader's INFO chatter."""
    # Loading the config is chatty at INFO level; the validator prints only problems.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(config_file))

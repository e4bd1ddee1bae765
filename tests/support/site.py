"""The tests' handle on the built site: the helpers the scripts use too (quiz/site/preview.py),
and facts read from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from quiz.site.preview import (
    CHROMIUM_ARGS,
    ROOT,
    build_site,
    chromium_path,
    copy_project,
    serve,
    site_path,
)

__all__ = [
    "CHROMIUM_ARGS",
    "ROOT",
    "build_site",
    "chromium_path",
    "copy_project",
    "nav_flag_ids",
    "serve",
    "site_path",
]


def nav_flag_ids() -> list[str]:
    """The flag pages in the order the navigation lists them."""
    from quiz.site.settings import load_site_config

    config = load_site_config(ROOT / "mkdocs.yml")
    section = next(item for item in config.nav if isinstance(item, dict) and "Red flags" in item)
    return [Path(entry).stem for entry in section["Red flags"]]

"""The tests' handle on the built site: the helpers the scripts use too (quiz/site/preview.py),
and facts read from mkdocs.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.site.preview import CHROMIUM_ARGS, ROOT, build_site, chromium_path, serve, site_path

__all__ = ["CHROMIUM_ARGS", "ROOT", "build_site", "chromium_path", "copy_project", "nav_flag_ids", "serve", "site_path"]


def nav_flag_ids() -> list[str]:
    """The flag pages in the order the navigation lists them."""
    from quiz.site.settings import load_site_config

    config = load_site_config(ROOT / "mkdocs.yml")
    section = next(item for item in config.nav if isinstance(item, dict) and "Red flags" in item)
    return [Path(entry).stem for entry in section["Red flags"]]


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (config, content, templates, quiz) to edit or break."""
    for name in ("mkdocs.yml", "docs", "overrides", "quiz"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target

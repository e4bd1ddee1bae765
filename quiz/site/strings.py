"""Interface strings: one YAML file of flat dotted keys per language, with English as fallback."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

STRINGS_FILE = Path(__file__).with_name("strings.yml")
FALLBACK = "en"


def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    """All strings by language, as written in the file (read again whenever the file changes,
    so `mkdocs serve` never shows stale strings)."""
    stat = path.stat()
    return _load(path, stat.st_mtime_ns, stat.st_size)


def translator(language: str, path: Path = STRINGS_FILE) -> Callable[[str], str]:
    """A `t(key)` for one language that falls back to English and fails on an unknown key."""
    strings = load_strings(path)
    own = strings.get(language, {})
    fallback = strings[FALLBACK]

    def t(key: str) -> str:
        if key in own:
            return own[key]
        if key in fallback:
            return fallback[key]
        raise KeyError(f"unknown interface string '{key}' in {path.name}")

    return t


def localizer(config) -> Callable[[str], str]:
    """A filter that points a site-relative page path (`quiz/`) at the current language's copy.

    In a non-default language build, MkDocs' `url` filter still resolves paths from the site's
    root, so `'quiz/' | url` would lead a Korean reader to the English quiz.
    """
    prefix = _language_prefix(config)
    directory_urls = config.use_directory_urls

    def localized(path: str) -> str:
        if not directory_urls:  # the offline copy: page.md becomes page.html
            path = path[:-1] + ".html" if path.endswith("/") else path or "index.html"
        return prefix + path

    return localized


def publisher(config) -> Callable[[str], str]:
    """A filter that gives a site-relative page path (`quiz/`) its absolute address on the
    published site (`site_url`), in the current language: what paper prints and what share
    links from the offline copy lead to, which a file:// address or `quiz.html` would not."""
    site = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    prefix = _language_prefix(config)
    return lambda path: site + prefix + path


def is_default_language_build(config) -> bool:
    """Whether the i18n plugin is building the default language (it builds each in turn)."""
    i18n = config.plugins["i18n"]
    return i18n.current_language in (None, i18n.default_language)


def _language_prefix(config) -> str:
    """'' for the default language (at the site's root), 'ko/' for the others."""
    i18n = config.plugins["i18n"]
    default = next(language.locale for language in i18n.config.languages if language.default)
    language = config.theme["language"]
    return "" if language == default else f"{language}/"


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when present

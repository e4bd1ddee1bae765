"""Interface strings: one YAML file of flat dotted keys per language, with English as fallback."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        # libyaml when present.
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

#!/usr/bin/env python3
"""Compare two builds of the site byte for byte, and print each difference: a file that only one
build has, or a file whose bytes differ (with the first lines that differ, when it is text).

Usage: python scripts/compare_builds.py FIRST_SITE SECOND_SITE
Exits 1 when the builds differ other than as ALLOWED says, 2 when a folder is missing or empty.

CI's `properdocs` job builds the site with MkDocs and with ProperDocs, the maintained fork of
MkDocs 1.x, and runs this on the two. The same locally, in a virtual environment made from
requirements-properdocs.txt (the site's pins plus ProperDocs), after `npm ci`:

    export SOURCE_DATE_EPOCH=1700000000
    mkdocs build --strict --site-dir /tmp/site-mkdocs
    properdocs build --strict --config-file mkdocs.yml --site-dir /tmp/site-properdocs
    python scripts/compare_builds.py /tmp/site-mkdocs /tmp/site-properdocs
"""

from __future__ import annotations

import difflib
import sys
from itertools import islice
from pathlib import Path

# Differences accepted between the two builds: a file's path in the site, and why it may differ.
# Empty, because with ProperDocs 1.6.7 every file is identical. The one place a build names its
# generator, Material's `<meta name="generator">`, is left out by overrides/main.html, and the
# sitemap's dates come from SOURCE_DATE_EPOCH. An entry is for a difference understood and
# harmless; one that no longer differs fails the comparison, so the list only ever shrinks.
ALLOWED: dict[str, str] = {}

# Lines of a text file's diff printed for each difference, and characters of each line (the
# bundles and the search index are long single lines).
DIFF_LINES = 12
LINE_WIDTH = 160


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _excerpt(first: bytes, second: bytes, names: tuple[str, str]) -> list[str]:
    try:
        old, new = first.decode("utf-8"), second.decode("utf-8")
    except UnicodeDecodeError:
        return [f"    binary: {len(first)} bytes and {len(second)} bytes"]
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), *names, n=0, lineterm="")
    excerpt = [f"    {line[:LINE_WIDTH]}" for line in islice(lines, DIFF_LINES)]
    return excerpt or ["    the same lines, different line endings"]


def compare(
    first: Path, second: Path, allowed: dict[str, str] = ALLOWED
) -> tuple[list[str], list[str]]:
    """The differences between two built sites: (the unexpected ones, each with an excerpt, and
    the allowed ones, each with its reason). An allowed path that no longer differs is
    unexpected."""
    one, two = _files(first), _files(second)
    unexpected: list[str] = []
    accepted: list[str] = []
    for path in sorted(one.keys() | two.keys()):
        if path not in two:
            found = [f"only in {first}: {path}"]
        elif path not in one:
            found = [f"only in {second}: {path}"]
        elif one[path] != two[path]:
            names = (f"{first.name}/{path}", f"{second.name}/{path}")
            found = [f"differs: {path}", *_excerpt(one[path], two[path], names)]
        else:
            if path in allowed:
                unexpected.append(f"no longer differs, remove it from ALLOWED: {path}")
            continue
        if path in allowed:
            accepted.append(f"{found[0]} (allowed: {allowed[path]})")
        else:
            unexpected.extend(found)
    for path in sorted(allowed.keys() - one.keys() - two.keys()):
        unexpected.append(f"in neither build, remove it from ALLOWED: {path}")
    return unexpected, accepted


def main(argv: list[str], allowed: dict[str, str] = ALLOWED) -> int:
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    first, second = Path(argv[1]), Path(argv[2])
    for folder in (first, second):
        if not folder.is_dir() or not any(folder.iterdir()):
            print(f"{folder} is not a built site: missing or empty.", file=sys.stderr)
            return 2
    unexpected, accepted = compare(first, second, allowed)
    for line in accepted + unexpected:
        print(line)
    if unexpected:
        print(f"The builds differ: {first} and {second}.", file=sys.stderr)
        return 1
    count = sum(path.is_file() for path in first.rglob("*"))
    print(f"The builds are identical byte for byte ({count} files)", end="")
    print(f", apart from {len(accepted)} allowed." if accepted else ".")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

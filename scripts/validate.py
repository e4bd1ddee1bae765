#!/usr/bin/env python3
"""Check the guide's content and the quiz data, and print each problem as `file:line: message`
(`file:line:column: message` for the quiz data).

Usage: python scripts/validate.py [path/to/mkdocs.yml]
Exits 1 when anything is wrong; the build runs the same checks and refuses to ship.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.site.settings import validate_site  # noqa: E402


def main(argv: list[str]) -> int:
    config_file = Path(argv[1]) if len(argv) > 1 else ROOT / "mkdocs.yml"
    problems = validate_site(config_file)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    print("Content OK.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Build the site and take screenshots (desktop and 375 px, English and Korean) for review.

Usage: python scripts/screenshots.py [OUT_DIR] [PAGE ...]   e.g. `flags/vision/` or `quiz/`
Pages default to the home page and one flag page; files land in OUT_DIR (default: screenshots/).
A missing page (`no-such-page/`) shows the not-found page, served as GitHub Pages serves it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from quiz.site.preview import CHROMIUM_ARGS, build_site, chromium_path, serve, site_path  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 740}}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    pages = argv[2:] or ["", "flags/vision/"]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        result = build_site(Path(folder))
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        with (
            serve(Path(folder), site_path(), not_found_page=True) as base,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for name, viewport in VIEWPORTS.items():
                page = browser.new_page(viewport=viewport)
                for path in pages:
                    for prefix in ("", "ko/"):
                        page.goto(base + prefix + path, wait_until="networkidle")
                        slug = (prefix + path).strip("/").replace("/", "-") or "home"
                        for suffix, full_page in (("", True), ("-top", False)):
                            target = out / f"{slug}-{name}{suffix}.png"
                            page.screenshot(path=str(target), full_page=full_page)
                            print(target)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

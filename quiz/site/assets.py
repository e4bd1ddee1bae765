"""The browser bundles, built from quiz/web/ at build time and emitted as generated MkDocs files.

Each page loads one script of its own: the quiz page `assets/quiz.js`, the saved-prospects page
`assets/prospects.js`; every page also loads `assets/search.js` for the search box. A bundle is
the small modules its page needs, concatenated in a fixed order, the page's own module last (it
starts the widget once every declaration has run), inside one strict-mode function: no module
loader, no globals, and a classic script, so the site also works opened from disk. Bundles and
stylesheets are minified and carry no banner comment, and every name a bundle declares is
shortened (quiz/site/mangle.py): the quiz page's own script and styles have a budget of 10 KB
gzipped (README, "Benchmarks").
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from quiz.drafting import NAME_MAX
from quiz.site.mangle import mangle

WEB = Path(__file__).resolve().parents[1] / "web"
# Limits the scripts share with the Python side, written into the bundles from their one source.
LIMITS = "limits"
GENERATED = {LIMITS: f"const MAX_NAME = {NAME_MAX};"}
SCRIPTS = {
    "assets/quiz.js": (
        "errors.js",
        "dom.js",
        "scoring.js",
        LIMITS,
        "store.js",
        "share.js",
        "message.js",
        "journey.js",
        "quiz.js",
    ),
    "assets/prospects.js": (
        "errors.js",
        "dom.js",
        "scoring.js",
        LIMITS,
        "store.js",
        "archive.js",
        "prospects.js",
    ),
    "assets/search.js": ("search.js",),
}
STYLES = {"assets/quiz.css": "quiz.css", "assets/pages.css": "pages.css"}


def bundles() -> dict[str, str]:
    """Every generated asset, by its path in the site, minified."""
    built = {}
    for path in SCRIPTS:
        built[path] = mangle(minified_script(path)) + "\n"
    for path, source in STYLES.items():
        built[path] = rcssmin.cssmin((WEB / source).read_text(encoding="utf-8")) + "\n"
    return built


def minified_script(path: str) -> str:
    """A bundle before its names are shortened: its modules in order, in one strict-mode
    function, minified."""
    body = "\n".join(module_source(part) for part in SCRIPTS[path])
    return rjsmin.jsmin('(function () {\n"use strict";\n' + body + "\n})();\n")


def module_source(part: str) -> str:
    """A bundle part's source: a module of quiz/web/, or the generated limits."""
    return GENERATED.get(part) or (WEB / part).read_text(encoding="utf-8")


def prepare_offline_copy(config) -> None:
    """Adjust the offline build (opened from disk) so it stays private and within its policy.

    Material's offline plugin makes search work from disk with a Web Worker shim that it loads
    from a CDN and that runs inline scripts in an iframe; the first breaks the promise of no
    requests to other hosts, the second the Content Security Policy. The offline copy therefore
    has no search box; everything else, the quiz included, works.
    """
    config.extra["polyfills"] = [
        url for url in config.extra.get("polyfills", []) if "://" not in url
    ]
    config.plugins["material/search"].config.enabled = False

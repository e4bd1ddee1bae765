"""The browser bundles, built from quiz/web/ at build time and emitted as generated MkDocs files.

Each page loads one script of its own: the quiz page `assets/quiz.js`, the saved-prospects page
`assets/prospects.js`; every page also loads `assets/search.js` for the search box. The files in
quiz/web/ are ES modules that import what they use; esbuild (npm, pinned in package-lock.json)
bundles each page's entry module with what it imports into one classic strict-mode script (an
IIFE: no module loader and no globals, so the offline copy also works opened from disk), and
minifies the stylesheets. Nothing carries a banner comment; the quiz page's own script and styles
have a budget of 11 KB gzipped (README, "Benchmarks").
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "quiz" / "web"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# Each page's script, by its entry module.
SCRIPTS = {
    "assets/quiz.js": "quiz.js",
    "assets/prospects.js": "prospects.js",
    "assets/search.js": "search.js",
}
STYLES = {"assets/quiz.css": "quiz.css", "assets/pages.css": "pages.css"}


class BuildToolMissing(RuntimeError):
    """esbuild is not installed: `npm ci` installs it (make serve, make test and make build do)."""


def bundles() -> dict[str, str]:
    """Every generated asset, by its path in the site, minified."""
    built = {path: esbuild(entry, "--bundle", "--format=iife") for path, entry in SCRIPTS.items()}
    built |= {path: esbuild(source) for path, source in STYLES.items()}
    return built


def esbuild(source: str, *options: str) -> str:
    """A file of quiz/web/ through esbuild, minified; for a script, strict mode throughout."""
    if not ESBUILD.exists():
        raise BuildToolMissing(
            f"esbuild is not installed ({ESBUILD} is missing): run "
            "`npm ci --ignore-scripts` in the project's folder (make serve and make test do)."
        )
    strict = ['--banner:js="use strict";'] if source.endswith(".js") else []
    command = [str(ESBUILD), str(WEB / source), "--minify", "--charset=utf8", *strict, *options]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise RuntimeError(f"esbuild could not build quiz/web/{source}:\n{done.stderr}")
    return done.stdout


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

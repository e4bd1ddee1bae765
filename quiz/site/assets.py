"""The browser bundles, built from quiz/web/ at build time and emitted as generated MkDocs files.

Each page loads one script of its own: the quiz page `assets/quiz.js`, the saved-prospects page
`assets/prospects.js`; every page also loads `assets/search.js` for the search box. The files in
quiz/web/ are ES modules that import what they use; esbuild (npm, pinned in package-lock.json)
bundles each page's entry module with what it imports into one classic strict-mode script (an
IIFE: no module loader and no globals, so the offline copy also works opened from disk), and
minifies the stylesheets. terser (npm, pinned too) then minifies each bundle a second time: it
inlines and folds what esbuild's single pass leaves, about 3 % of the quiz page's script gzipped.
Nothing carries a banner comment; the quiz page's own script and styles have a budget of 11 KB
gzipped (README, "Benchmarks").

The tools run side by side, one process per file, and what they make is kept in
`.cache/bundles/`, under a digest of everything it is made from: every file of quiz/web/, this
module (its options and INTERNAL) and package-lock.json (the tools' versions). A build whose
sources are unchanged, the common case while one edits the guide's Markdown, reads the bundles
back instead of running terser again, which took two seconds of every build. A cached file that
cannot be read is made anew.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "quiz" / "web"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
TERSER = ROOT / "node_modules" / ".bin" / "terser"
CACHE = ROOT / ".cache" / "bundles"
LOCK = ROOT / "package-lock.json"
# Each page's script, by its entry module.
SCRIPTS = {
    "assets/quiz.js": "quiz.js",
    "assets/prospects.js": "prospects.js",
    "assets/search.js": "search.js",
    "assets/track.js": "track.js",
}
STYLES = {"assets/quiz.css": "quiz.css", "assets/pages.css": "pages.css"}
# Properties of the scripts' own state (the quiz's parts and look-ups, the message's state, a
# verdict's internals, the store as read: its raw value, invalid entries and problem), which the
# bundles rename to short names. None may be a key the scripts share with anything outside the
# bundle (the JSON island, a string's {placeholder}, the store or the tab's draft) or a property
# of the browser's that they read; tests/quiz/site/test_assets.py holds the first.
INTERNAL = (
    "parts inError fieldsets errorItems radios editing saving stay errors notice progress "
    "announce workspace nameError shareField shareLink changes printHeading heading errorsHeading "
    "startOver includeName toMessage messageHeading redraft replacedNote variants written "
    "replaced kept raisedBy raisedFlags ownLines busy status root term invalid problem "
    "raw"
).split()


class BuildToolMissing(RuntimeError):
    """esbuild or terser is not installed: `npm ci` installs both (make serve, test, build)."""


def bundles() -> dict[str, str]:
    """Every generated asset, by its path in the site, minified: from the cache when its
    sources are unchanged."""
    key = digest()
    cached = _read_cache(key)
    if cached is not None:
        return cached
    built = _build()
    _write_cache(key, built)
    return built


def digest() -> str:
    """A digest of everything the bundles are made from (the module's docstring says what)."""
    sha = hashlib.sha256()
    sources = sorted(path for path in WEB.rglob("*") if path.is_file())
    for path in [*sources, Path(__file__), LOCK]:
        data = path.read_bytes() if path.exists() else b""
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        sha.update(f"{name}\0{len(data)}\0".encode())
        sha.update(data)
    return sha.hexdigest()


def _build() -> dict[str, str]:
    internal = "--mangle-props=^(" + "|".join(INTERNAL) + ")$"

    def script(entry: str) -> str:
        return terser(esbuild(entry, "--bundle", "--format=iife", internal))

    jobs = [(path, script, entry) for path, entry in SCRIPTS.items()]
    jobs += [(path, esbuild, source) for path, source in STYLES.items()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = {path: pool.submit(make, source) for path, make, source in jobs}
        return {path: future.result() for path, future in done.items()}


def _read_cache(key: str) -> dict[str, str] | None:
    try:
        value = json.loads((CACHE / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    expected = {*SCRIPTS, *STYLES}
    if not isinstance(value, dict) or set(value) != expected:
        return None
    if not all(isinstance(text, str) and text for text in value.values()):
        return None
    return value


def _write_cache(key: str, built: dict[str, str]) -> None:
    """Keep the bundles under `key`, written whole or not at all (two builds at once, as the
    test processes run, each write a file of their own and rename it). Only the latest is kept.
    A cache that cannot be written costs the next build its time, nothing else."""
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(built, file, ensure_ascii=False)
        os.replace(temporary, CACHE / f"{key}.json")
        for old in CACHE.glob("*.json"):
            if old.stem != key:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def installed(tool: Path) -> None:
    if not tool.exists():
        raise BuildToolMissing(
            f"{tool.name} is not installed ({tool} is missing): run "
            "`npm ci --ignore-scripts` in the project's folder (make serve and make test do)."
        )


def esbuild(source: str, *options: str) -> str:
    """A file of quiz/web/ through esbuild, minified; for a script, strict mode throughout."""
    installed(ESBUILD)
    strict = ['--banner:js="use strict";'] if source.endswith(".js") else []
    command = [str(ESBUILD), str(WEB / source), "--minify", "--charset=utf8", *strict, *options]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise RuntimeError(f"esbuild could not build quiz/web/{source}:\n{done.stderr}")
    return done.stdout


def terser(script: str) -> str:
    """A bundle minified again: two passes of terser's compressor, then its renamer."""
    installed(TERSER)
    command = [str(TERSER), "--compress", "passes=2", "--mangle"]
    done = subprocess.run(
        command, input=script, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"terser could not minify a bundle:\n{done.stderr}")
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

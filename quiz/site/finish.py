"""The steps that finish a built site, on its output folder alone, so that any generator that
writes this site's pages from its templates (MkDocs today; ProperDocs, or Zensical once it can)
calls them the same way, with nothing but the folder and the language folders:

1. the browser bundles and stylesheets written into `assets/` (quiz/site/assets.py);
2. the search index split by language folder (quiz/site/search.py);
3. every page's Content Security Policy, from the inline scripts it holds outside its article
   (quiz/site/csp.py).

What stays in the MkDocs hooks is what needs the build itself: the site check, each page's
content checks, the templates' globals, the search entries of generated pages, and the Korean
404 page, which MkDocs would otherwise write over the root's.
"""

from __future__ import annotations

from pathlib import Path

from quiz.site.assets import bundles
from quiz.site.csp import with_policy
from quiz.site.search import split_index


def finish_site(site_dir: Path, language_folders: list[str]) -> None:
    """Finish the site in `site_dir`, whose other languages live in `language_folders` (`ko/`).
    Running it again changes nothing."""
    site = Path(site_dir)
    for path, content in bundles().items():
        _write(site / path, content)
    split_index(site, language_folders)
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        finished = with_policy(html)
        if finished != html:
            _write(page, finished)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")

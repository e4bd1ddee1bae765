"""Search in the reader's own language, over everything a page shows.

Material's search plugin indexes each page's Markdown, and the i18n plugin merges every
language's entries into one `search/search_index.json`, which Material loads from `__config.base`.
Two steps change that:

- A page whose body a template generates (quiz, checklist, methodology, prospects) is indexed
  again from its rendered article, so its questions and tables are found, not only its intro.
- After the last language is built, the merged index is split: the default language's entries
  stay at the root, every other language's go to `<locale>/search/search_index.json` with their
  locations made relative to that folder; each language's pages point `__config.base` at their
  own folder (`with_config_base`, in the `config` block of overrides/main.html), so each reader
  searches only their own language.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import TemplateRuntimeError, pass_environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.utils import write_file

INDEX = "search/search_index.json"
# Material's settings for its script, as its `config` block writes them.
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


@pass_environment
def with_config_base(environment, block: str, base: str) -> Markup:
    """Material's `config` block (`super()`) with its settings' `base` replaced, written as
    Material's `tojson` writes them, so that the rest (the search worker's file name, the
    translations) stays whatever the installed Material writes. A block without exactly one such
    setting stops the build: Material has changed, and search would quietly go wrong."""
    block = str(block)
    scripts = list(CONFIG_SCRIPT.finditer(block))
    settings = json.loads(scripts[0].group(2)) if len(scripts) == 1 else None
    if not isinstance(settings, dict) or "base" not in settings:
        raise TemplateRuntimeError(
            'Material\'s config block no longer holds one <script id="__config"> with a "base"; '
            "see the config block of overrides/main.html"
        )
    settings["base"] = base
    written = htmlsafe_json_dumps(
        settings,
        dumps=environment.policies["json.dumps_function"],
        **environment.policies["json.dumps_kwargs"],
    )
    start, end = scripts[0].span(2)
    return Markup(block[:start] + str(written) + block[end:])


def index_rendered_page(config, page, html: str) -> None:
    """Replace a template-generated page's index entries with entries for what its article shows."""
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled or not page.meta.get("template"):
        return
    entries = search.search_index.entries
    entries[:] = [entry for entry in entries if entry["location"].split("#")[0] != page.url]
    search.search_index.add_entry_from_context(_Rendered(page, shown_article(html)))


def split_index(site_dir: Path, folders: list[str]) -> None:
    """Split the site's search index by language folder (`ko/`): each folder's entries go to its
    own index, relative to it, and the root's index keeps the rest.

    The i18n plugin writes the merged index once all languages are built; call this after it.
    Calling it again does no harm: a folder whose entries the root's index no longer holds keeps
    the index it has.
    """
    root = Path(site_dir) / INDEX
    if not root.is_file():  # search is off (the offline copy)
        return
    index = json.loads(root.read_text(encoding="utf-8"))
    by_folder: dict[str, list[dict]] = {folder: [] for folder in ["", *folders]}
    for entry in index["docs"]:
        folder = next((folder for folder in folders if entry["location"].startswith(folder)), "")
        by_folder[folder].append({**entry, "location": entry["location"][len(folder) :]})
    for folder, docs in by_folder.items():
        if folder and not docs:
            continue
        data = json.dumps(
            {"config": index["config"], "docs": docs}, separators=(",", ":"), ensure_ascii=False
        )
        write_file(data.encode("utf-8"), str(Path(site_dir) / folder / INDEX))


def shown_article(html: str) -> str:
    """The inner HTML of a rendered page's first <article> (Material's content area), without
    what a reader does not see there: elements marked `hidden` (results and messages that the
    page's script reveals), <template> and <noscript>."""
    begin, close = html.find("<article"), html.rfind("</article>")
    if begin >= 0 and close > begin:
        html = html[begin : close + len("</article>")]  # the rest of the page is not read
    reader = _Article()
    reader.feed(html)
    reader.close()
    if reader.start is None or reader.end is None:
        raise ValueError("the page has no <article> element")
    kept, position = [], reader.start
    for cut_start, cut_end in reader.unseen:
        kept.append(html[position:cut_start])
        position = cut_end
    kept.append(html[position : reader.end])
    return "".join(kept).strip()


class _Rendered:
    """The page as Material's search index reads it, with the rendered article as its content."""

    def __init__(self, page, content: str) -> None:
        self.content = content
        self.toc = page.toc
        self.url = page.url
        self.meta = page.meta
        self.title = page.title


class _Article(HTMLParser):
    """Finds the character offsets of the first <article>'s content and of the elements in it
    that are not shown. Expects the well-formed HTML that the templates write."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.start: int | None = None
        self.end: int | None = None
        self.unseen: list[tuple[int, int]] = []
        self._open: list[str] = []  # the elements open inside the article, outermost first
        self._unseen_at: int | None = None  # how many were open when an unseen element began
        self._cut_start = 0
        self._lines = [0]
        self._text = ""

    def feed(self, data: str) -> None:
        """Read the whole page in one call (offsets count from its start)."""
        self._text = data
        position = data.find("\n")
        while position >= 0:
            self._lines.append(position + 1)
            position = data.find("\n", position + 1)
        super().feed(data)

    def handle_starttag(self, tag, attrs):
        if self.end is not None:
            return
        if self.start is None:
            if tag == "article":
                self.start = self._offset() + len(self.get_starttag_text())
            return
        unseen = tag in UNSEEN_ELEMENTS or any(name == "hidden" for name, _ in attrs)
        if tag in VOID_ELEMENTS:
            if unseen and self._unseen_at is None:
                offset = self._offset()
                self.unseen.append((offset, offset + len(self.get_starttag_text())))
            return
        if unseen and self._unseen_at is None:
            self._unseen_at = len(self._open)
            self._cut_start = self._offset()
        self._open.append(tag)

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None:
            return
        if tag == "article" and "article" not in self._open:
            self.end = self._offset()
            return
        if tag not in self._open:
            return
        while self._open and self._open.pop() != tag:  # close what an omitted end tag left open
            pass
        if self._unseen_at is not None and len(self._open) <= self._unseen_at:
            offset = self._offset()
            self.unseen.append((self._cut_start, self._text.index(">", offset) + 1))
            self._unseen_at = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column


# Elements whose content a reader of the page with scripts on never sees as it stands.
UNSEEN_ELEMENTS = {"template", "noscript"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}

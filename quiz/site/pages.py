"""The guide's Markdown pages as files: where they are, which language each is in, what each holds
(front matter as a YAML node, the body and where it starts), and which translations are missing.

Reading is bounded: a page too large, bytes that are not UTF-8 or front matter that is not plain
data give a `Problem` (`file:line: message`) and an empty page, so nothing renders it. The rules the
pages' words follow are in `page_rules.py`; the terms page's own support in `terms.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml

from quiz.model import LANGUAGE_NAMES
from quiz.problems import Problem


@dataclass(frozen=True)
class ContentSettings:
    """What the checks need to know about the site, taken from mkdocs.yml."""

    docs_dir: Path
    default_language: str
    languages: tuple[str, ...]
    markdown_extensions: list = field(default_factory=list)
    mdx_configs: dict = field(default_factory=dict)
    root: Path = Path(".")


@dataclass(frozen=True)
class PageSource:
    """One Markdown page as written: its front matter (a YAML node), its body and where it
    starts."""

    stem: str
    language: str
    shown: str
    text: str
    front: object
    body: str
    body_start: int
    front_problems: tuple[Problem, ...]


def settings_from_config(config) -> ContentSettings:
    """Read the languages and Markdown set-up from a loaded MkDocs config."""
    i18n = config.plugins["i18n"].config
    languages = tuple(language.locale for language in i18n.languages)
    default = next(language.locale for language in i18n.languages if language.default)
    docs_dir = Path(config.docs_dir)
    return ContentSettings(
        docs_dir=docs_dir,
        default_language=default,
        languages=languages,
        markdown_extensions=list(config.markdown_extensions),
        mdx_configs=dict(config.mdx_configs),
        root=Path(config.config_file_path).parent if config.config_file_path else docs_dir.parent,
    )


def read_pages(settings: ContentSettings) -> dict[tuple[str, str], PageSource]:
    """Every page of the docs folder as written, by (stem, language)."""
    return {key: read_page(path, *key, settings) for key, path in _collect_pages(settings).items()}


def read_page(path: Path, stem: str, language: str, settings: ContentSettings) -> PageSource:
    """A page as written. A byte-order mark is dropped, as MkDocs drops it; bytes that are not
    UTF-8, or a page past the bounds Python-Markdown handles in good time, give a problem and an
    empty page, so that nothing renders it."""
    shown = shown_path(path, settings)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(
            shown,
            line,
            f"column {column}: byte 0x{raw[error.start]:02x} is not UTF-8; save the page as UTF-8",
        )
        return PageSource(stem, language, shown, "", None, "", 1, (problem,))
    bounds = list(_bound_problems(text, shown))
    if bounds:
        return PageSource(stem, language, shown, "", None, "", 1, tuple(bounds))
    front, body, body_start, problems = _split_front_matter(text, shown)
    return PageSource(stem, language, shown, text, front, body, body_start, tuple(problems))


def page_key(relative: str, settings: ContentSettings) -> tuple[str, str]:
    """(stem, language) of a page by its path under docs/ ('flags/vision.ko.md' ->
    ('flags/vision', 'ko'))."""
    stem = relative[: -len(".md")] if relative.endswith(".md") else relative
    for other in settings.languages:
        if other != settings.default_language and stem.endswith("." + other):
            return stem[: -len(other) - 1], other
    return stem, settings.default_language


def missing_translations(
    sources: Mapping[tuple[str, str], PageSource], settings: ContentSettings
) -> Iterable[Problem]:
    """A problem on each page for each language it has no version in, naming the file to
    create."""
    for stem in sorted({stem for stem, _ in sources}):
        present = [language for language in settings.languages if (stem, language) in sources]
        for language in settings.languages:
            if language in present:
                continue
            expected = _page_name(stem, language, settings)
            yield Problem(
                sources[(stem, present[0])].shown,
                1,
                f"{LANGUAGE_NAMES.get(language, language)} version is missing: create {expected}",
            )


def front_text(page: PageSource, key: str) -> str | None:
    """A front matter value written as text (a page's title), None when it has none."""
    if not isinstance(page.front, yaml.MappingNode):
        return None
    for name, value in page.front.value:
        if isinstance(name, yaml.ScalarNode) and name.value == key:
            return value.value if isinstance(value, yaml.ScalarNode) else None
    return None


def markdown_renderer(settings: ContentSettings) -> Callable[[str], tuple[str, list[dict]]]:
    """Render a page's Markdown as the site's set-up does, into its HTML and its flat table of
    contents (`flat_toc`)."""
    extensions = list(settings.markdown_extensions)
    if "toc" not in extensions:
        extensions.append("toc")

    def render(body: str) -> tuple[str, list[dict]]:
        md = markdown.Markdown(extensions=extensions, extension_configs=settings.mdx_configs)
        html = md.convert(body)
        return html, flat_toc(md.toc_tokens)

    return render


def flat_toc(toc) -> list[dict]:
    """A flat list of {level, id}, in page order, from a nested table of contents: MkDocs'
    (`page.toc`, its links' attributes) or Python-Markdown's (`toc_tokens`, dictionaries)."""
    flat = []
    for entry in toc:
        if isinstance(entry, dict):
            level, ident, children = entry["level"], entry["id"], entry["children"]
        else:
            level, ident, children = entry.level, entry.id, entry.children
        flat.append({"level": level, "id": ident})
        flat.extend(flat_toc(children))
    return flat


def shown_path(path: Path, settings: ContentSettings) -> str:
    """A file as problems name it: relative to the project when it is inside it."""
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------------- helpers


def _collect_pages(settings: ContentSettings) -> dict[tuple[str, str], Path]:
    """Map (page stem, language) to its file, using the `page.<lang>.md` suffix convention."""
    return {
        page_key(path.relative_to(settings.docs_dir).as_posix(), settings): path
        for path in sorted(settings.docs_dir.rglob("*.md"))
    }


def _page_name(stem: str, language: str, settings: ContentSettings) -> str:
    suffix = "" if language == settings.default_language else "." + language
    return shown_path(settings.docs_dir / f"{stem}{suffix}.md", settings)


def _bound_problems(text: str, shown: str) -> Iterable[Problem]:
    """What would make Python-Markdown slow (it is quadratic in some inputs) or too deep, checked
    before it runs: the page's size, a line's length, list nesting, and links' brackets."""
    if len(text) > MAX_PAGE_CHARS:
        yield Problem(
            shown, 1, f"the page has {len(text):,} characters; split it below {MAX_PAGE_CHARS:,}"
        )
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            yield Problem(
                shown,
                number,
                f"the line has {len(line):,} characters; break it below {MAX_LINE_CHARS:,}",
            )
        elif len(line) - len(line.lstrip(" \t")) > MAX_INDENT:
            yield Problem(
                shown,
                number,
                f"the line is indented past {MAX_INDENT} columns; "
                "nest lists and quotes less deeply",
            )
    if text.count("[") > MAX_BRACKETS:
        yield Problem(
            shown,
            1,
            f"the page has {text.count('['):,} '[' characters; "
            f"a page may have {MAX_BRACKETS:,} (links and footnotes)",
        )


def _split_front_matter(text: str, shown: str):
    """Front matter as a YAML node, the body, the body's first line number, and problems."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        missing = "front matter is missing: start the page with --- and a title and description"
        return None, text, 1, [Problem(shown, 1, missing)]
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() not in ("---", "..."):
            continue
        body = "".join(lines[index + 1 :])
        try:
            node = _compose("".join(lines[1:index]))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = Problem(
                shown,
                mark.line + 2 if mark else 1,
                f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
            )
        except RecursionError:
            problem = Problem(
                shown, 2, f"front matter is nested too deeply; keep it to {MAX_FRONT_DEPTH} levels"
            )
        else:
            problems = list(_plain_front_matter(node, shown))
            return (None if problems else node), body, index + 2, problems
        return None, body, index + 2, [problem]
    unclosed = "front matter is not closed: add a line with --- after it"
    return None, text, 1, [Problem(shown, 1, unclosed)]


def _compose(source: str):
    """The front matter's YAML node, by libyaml when present."""
    try:
        return yaml.compose(source, Loader=_YAML_LOADER)
    except yaml.YAMLError:  # say it in PyYAML's own words, with or without libyaml
        return yaml.compose(source, Loader=yaml.SafeLoader)


def _plain_front_matter(node, shown: str) -> Iterable[Problem]:
    """Tags other than plain data's, and nesting past MAX_FRONT_DEPTH, walked without recursion:
    MkDocs would print front matter with an unknown tag as the page's text."""
    stack = [(node, 1)] if node is not None else []
    while stack:
        current, depth = stack.pop()
        if current.tag not in PLAIN_TAGS:
            yield Problem(
                shown,
                current.start_mark.line + 2,
                f"front matter uses the tag '{current.tag}'; "
                "write plain text, numbers or true/false",
            )
            continue
        if depth > MAX_FRONT_DEPTH:
            yield Problem(
                shown,
                current.start_mark.line + 2,
                f"front matter is nested too deeply; keep it to {MAX_FRONT_DEPTH} levels",
            )
            return
        if isinstance(current, yaml.MappingNode):
            stack.extend(
                (child, depth + 1) for pair in reversed(current.value) for child in reversed(pair)
            )
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(current.value))


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
# Bounds on a page before Python-Markdown sees it: about ten times the largest of the guide's own
# (16,551 characters, a line of 898, an indent of 4, 52 brackets), and far below what slows it
# down (20,000 '[' on one page take a minute).
MAX_PAGE_CHARS = 200_000
MAX_LINE_CHARS = 4_000
MAX_INDENT = 40
MAX_BRACKETS = 1_000
# Front matter is plain data: text, numbers, true/false, dates, lists and mappings.
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{kind}"
    for kind in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
MAX_FRONT_DEPTH = 8
# The folder of the flag pages under docs/, one page per flag of the quiz (flags/<id>.md).
FLAGS_FOLDER = "flags"

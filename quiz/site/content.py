"""Content checks for the guide's Markdown pages, shared by the build hook and scripts/validate.py.

Every finding is a `Problem` (`file:line: message`). The checks: each page exists in every
language; each page has front matter with a title and a one-sentence description; each flag page
has the five fixed sections in order and meets the length floor; a translated page is written in
its own script, section by section. Wording rules that can be checked mechanically: pages that
suggest contract terms carry the legal note; the English edition names nothing specific to Korea;
Korean pages address the reader one way and write particles that agree; no sentence of an example
message (a block quote) stands on two pages. For the message blocks' rules, the terms page's anchors
and its table of terms by flag (`terms_page`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml

from quiz.language import HANGUL, SCRIPTS, native_letters, written_in
from quiz.message_rules import TermsPage
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


def check_content(
    settings: ContentSettings, sources: dict | None = None, *, rendered: bool = True
) -> list[Problem]:
    """Every content problem in the docs folder, in file and line order.

    `sources` (from `read_pages`) saves reading the pages again. With `rendered=False` the checks
    that need a page's HTML are left out: a build runs them on the HTML it renders anyway
    (`check_rendered_page`, from the `on_page_content` hook).
    """
    pages = _collect_pages(settings)
    sources = sources if sources is not None else read_pages(settings)
    problems = list(_missing_translations(pages, settings))
    render = markdown_renderer(settings) if rendered else None
    for key in sorted(pages):
        page = sources[key]
        problems.extend(check_page_source(page))
        if render:
            problems.extend(check_rendered_page(page, *render(page.body)))
    problems.extend(_reused_message_sentences(sources))
    return sorted(problems)


def read_pages(settings: ContentSettings) -> dict[tuple[str, str], PageSource]:
    """Every page of the docs folder as written, by (stem, language)."""
    return {key: read_page(path, *key, settings) for key, path in _collect_pages(settings).items()}


def wording_problems(text: str, language: str) -> list[tuple[int, str]]:
    """(line, message) for each wording rule the text breaks in the given language (lines from 1).

    The same rules hold for the guide's pages, the quiz data and the interface strings.
    """
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, message in WORDING_RULES.get(language, ()):
            for match in re.finditer(pattern, line):
                found.append((number, message.format(match=match.group(0))))
    return found


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


def read_page(path: Path, stem: str, language: str, settings: ContentSettings) -> PageSource:
    """A page as written. A byte-order mark is dropped, as MkDocs drops it; bytes that are not
    UTF-8, or a page past the bounds Python-Markdown handles in good time, give a problem and an
    empty page, so that nothing renders it."""
    shown = _shown(path, settings)
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


def page_key(relative: str, settings: ContentSettings) -> tuple[str, str]:
    """(stem, language) of a page by its path under docs/ ('flags/vision.ko.md' ->
    ('flags/vision', 'ko'))."""
    stem = relative[: -len(".md")] if relative.endswith(".md") else relative
    for other in settings.languages:
        if other != settings.default_language and stem.endswith("." + other):
            return stem[: -len(other) - 1], other
    return stem, settings.default_language


def check_page_source(page: PageSource) -> list[Problem]:
    """The problems that show in the Markdown source: front matter, legal note, wording."""
    problems = list(page.front_problems)
    if page.front is not None:
        problems.extend(_check_front_matter(page.front, page.shown, page.language))
    if needs_legal_note(page.stem) and page.front is not None and not _has_legal_note(page.front):
        problems.append(
            Problem(
                page.shown,
                1,
                "this page suggests contract terms: "
                "add 'legal_note: true' to its front matter to show the legal note",
            )
        )
    problems.extend(
        Problem(page.shown, line, message)
        for line, message in wording_problems(page.text, page.language)
    )
    problems.extend(
        Problem(page.shown, line, message) for line, message in script_problems(page.text)
    )
    return problems


def script_problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for anything in a page's Markdown that a browser would run: a <script>, an
    event-handler attribute, a javascript: address. Only the templates' own scripts run (the
    Content Security Policy hashes theirs alone), so the guide's text may carry none."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, message in SCRIPT_RULES:
            if pattern.search(line):
                found.append((number, message))
    return found


# Linear patterns: a class of characters that cannot cross a tag's end, so no line backtracks.
SCRIPT_RULES = (
    (
        re.compile(r"<\s*script\b", re.IGNORECASE),
        "a <script> in the page: the guide's pages carry no scripts",
    ),
    (
        re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=", re.IGNORECASE),
        "an event-handler attribute (on...=) in the page: the guide's pages carry no scripts",
    ),
    (
        re.compile(r"javascript\s*:", re.IGNORECASE),
        "a javascript: address in the page: link to a page or a file instead",
    ),
)


def check_rendered_page(page: PageSource, html: str, toc: list[dict]) -> list[Problem]:
    """The problems that need the page's HTML and headings: a flag page's sections and length,
    and whether each section is in the page's language. `toc` is flat, as `toc_tokens` gives."""
    headings = _heading_lines(page.body, toc, page.body_start)
    sections = _section_texts(html)
    problems = []
    if page.stem.startswith(FLAGS_FOLDER + "/"):
        problems.extend(_check_sections(headings, page.shown, page.language, page.body_start))
        problems.extend(_check_length(sections, page.shown, page.language, page.body_start))
    problems.extend(_check_script(sections, headings, page.shown, page.language, page.body_start))
    return problems


def toc_tokens(toc) -> list[dict]:
    """A flat list of {level, id} from MkDocs' table of contents of a rendered page."""
    flat = []
    for link in toc:
        flat.append({"level": link.level, "id": link.id})
        flat.extend(toc_tokens(link.children))
    return flat


def terms_page(page: PageSource, html: str, toc: list[dict]) -> TermsPage:
    """The terms page as the message rules see it: its headings' anchors, and its table of terms by
    flag (each row's link to a flag page, and its links to the page's own sections)."""
    parser = _TableLinks(TERMS_TABLE)
    parser.feed(html)
    parser.close()
    by_flag = {}
    for hrefs in parser.rows:
        flags = [match.group(1) for match in map(_FLAG_LINK.search, hrefs) if match]
        if flags:
            by_flag[flags[0]] = frozenset(href[1:] for href in hrefs if href.startswith("#"))
    return TermsPage(page.shown, frozenset(token["id"] for token in toc), by_flag)


def terms_pages(
    settings: ContentSettings, sources: dict[tuple[str, str], PageSource]
) -> dict[str, TermsPage]:
    """The terms page in every language, rendered here for `make validate` (a build reads each
    one from the HTML it renders anyway)."""
    render = markdown_renderer(settings)
    return {
        language: terms_page(page, *render(page.body))
        for (stem, language), page in sources.items()
        if stem == TERMS_PAGE
    }


def needs_legal_note(stem: str) -> bool:
    """Whether a page (by its stem, e.g. 'flags/vision') suggests contract terms."""
    return stem.startswith(FLAGS_FOLDER + "/") or stem in LEGAL_NOTE_PAGES


# ---------------------------------------------------------------------------- helpers


def _has_legal_note(node) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "legal_note":
            return (
                isinstance(value, yaml.ScalarNode)
                and value.tag.endswith(":bool")
                and value.value.lower() == "true"
            )
    return False


def _reused_message_sentences(sources: dict[tuple[str, str], PageSource]) -> Iterable[Problem]:
    """Each sentence of an example message (a block quote line) belongs to one page only."""
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for (_stem, language), page in sorted(sources.items()):
        shown = page.shown
        for number, line in enumerate(page.text.splitlines(), start=1):
            stripped = line.lstrip()
            if not stripped.startswith(">"):
                continue
            for sentence in re.split(r"(?<=[.!?])\s+", stripped.lstrip("> ").strip()):
                sentence = " ".join(sentence.split())
                if len(sentence.split()) < MESSAGE_SENTENCE_MIN_WORDS:
                    continue
                seen = first.get((language, sentence))
                if seen is None:
                    first[(language, sentence)] = (shown, number)
                elif seen[0] != shown:
                    yield Problem(
                        shown,
                        number,
                        f"an example message repeats a sentence from {seen[0]}:{seen[1]}: "
                        f'write it afresh ("{_shorten(sentence)}")',
                    )


def _shorten(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _collect_pages(settings: ContentSettings) -> dict[tuple[str, str], Path]:
    """Map (page stem, language) to its file, using the `page.<lang>.md` suffix convention."""
    return {
        page_key(path.relative_to(settings.docs_dir).as_posix(), settings): path
        for path in sorted(settings.docs_dir.rglob("*.md"))
    }


def _missing_translations(pages, settings: ContentSettings) -> Iterable[Problem]:
    stems = sorted({stem for stem, _ in pages})
    for stem in stems:
        present = [language for language in settings.languages if (stem, language) in pages]
        for language in settings.languages:
            if language in present:
                continue
            source = pages[(stem, present[0])]
            expected = _page_name(stem, language, settings)
            yield Problem(
                _shown(source, settings),
                1,
                f"{LANGUAGE_NAMES.get(language, language)} version is missing: create {expected}",
            )


def _page_name(stem: str, language: str, settings: ContentSettings) -> str:
    suffix = "" if language == settings.default_language else "." + language
    path = settings.docs_dir / f"{stem}{suffix}.md"
    return _shown(path, settings)


def _shown(path: Path, settings: ContentSettings) -> str:
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _split_front_matter(text: str, shown: str):
    """Front matter as a YAML node, the body, the body's first line number, and problems."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return (
            None,
            text,
            1,
            [
                Problem(
                    shown,
                    1,
                    "front matter is missing: start the page with --- and a title and description",
                )
            ],
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            source = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            try:
                try:
                    node = yaml.compose(source, Loader=_YAML_LOADER)
                except yaml.YAMLError:  # say it in PyYAML's own words, with or without libyaml
                    node = yaml.compose(source, Loader=yaml.SafeLoader)
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line_number = mark.line + 2 if mark else 1
                return (
                    None,
                    body,
                    index + 2,
                    [
                        Problem(
                            shown,
                            line_number,
                            f"front matter is not valid YAML: {getattr(error, 'problem', error)}",
                        )
                    ],
                )
            except RecursionError:
                return (
                    None,
                    body,
                    index + 2,
                    [
                        Problem(
                            shown,
                            2,
                            "front matter is nested too deeply; "
                            f"keep it to {MAX_FRONT_DEPTH} levels",
                        )
                    ],
                )
            problems = list(_plain_front_matter(node, shown))
            return (None if problems else node), body, index + 2, problems
    return (
        None,
        text,
        1,
        [Problem(shown, 1, "front matter is not closed: add a line with --- after it")],
    )


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


def _check_front_matter(node, shown: str, language: str) -> Iterable[Problem]:
    if not isinstance(node, yaml.MappingNode):
        yield Problem(shown, 1, "front matter must be a mapping with title and description")
        return
    values = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    for key in REQUIRED_FRONT_MATTER:
        value = values.get(key)
        if value is None:
            yield Problem(shown, 1, f"front matter has no {key}")
        elif not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            yield Problem(
                shown, value.start_mark.line + 2, f"front matter {key} must be non-empty text"
            )
    description = values.get("description")
    if isinstance(description, yaml.ScalarNode) and str(description.value).strip():
        line = description.start_mark.line + 2
        sentence = " ".join(str(description.value).split())
        if not _is_one_sentence(sentence):
            yield Problem(
                shown, line, "front matter description must be one sentence ending with a full stop"
            )
        if len(sentence) > DESCRIPTION_MAX:
            yield Problem(
                shown,
                line,
                f"front matter description is {len(sentence)} characters; "
                f"keep it to {DESCRIPTION_MAX}",
            )
    for key in REQUIRED_FRONT_MATTER:
        value = values.get(key)
        if isinstance(value, yaml.ScalarNode) and str(value.value).strip():
            if not written_in(str(value.value), language, minimum_letters=1):
                yield Problem(
                    shown,
                    value.start_mark.line + 2,
                    f"front matter {key} is not in {LANGUAGE_NAMES[language]}",
                )


def _is_one_sentence(text: str) -> bool:
    if not text or text[-1] not in ".!?":
        return False
    return not re.search(r"[.!?]\s+\S", text[:-1])


def markdown_renderer(settings: ContentSettings) -> Callable[[str], tuple[str, list[dict]]]:
    extensions = list(settings.markdown_extensions)
    if "toc" not in extensions:
        extensions.append("toc")

    def render(body: str) -> tuple[str, list[dict]]:
        md = markdown.Markdown(extensions=extensions, extension_configs=settings.mdx_configs)
        html = md.convert(body)
        return html, _flatten(md.toc_tokens)

    return render


def _flatten(tokens: list[dict]) -> list[dict]:
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(_flatten(token.get("children", [])))
    return flat


def _heading_lines(body: str, toc: list[dict], body_start: int) -> list[tuple[int, str, int]]:
    """(level, id, file line) for each heading, matched in order to the ATX lines of the body."""
    candidates = []
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            candidates.append((level, body_start + offset))
    headings = []
    position = 0
    for token in toc:
        while position < len(candidates) and candidates[position][0] != token["level"]:
            position += 1
        line = candidates[position][1] if position < len(candidates) else body_start
        position += 1
        headings.append((token["level"], token["id"], line))
    return headings


def _check_sections(headings, shown: str, language: str, body_start: int) -> Iterable[Problem]:
    section_ids = [heading_id for level, heading_id, _ in headings if level == 2]
    first_line = headings[0][2] if headings else body_start
    missing = [section for section in FLAG_SECTIONS if section not in section_ids]
    for section in missing:
        yield Problem(
            shown,
            first_line,
            f"flag page has no section with id '{section}': add a heading '## ... {{#{section}}}'",
        )
    present = [section for section in section_ids if section in FLAG_SECTIONS]
    expected = [section for section in FLAG_SECTIONS if section in present]
    if not missing and present != expected:
        line = next(line for level, heading_id, line in headings if heading_id == present[0])
        yield Problem(
            shown, line, "flag page sections are out of order: expected " + ", ".join(FLAG_SECTIONS)
        )


def _check_length(
    sections: dict[str, str], shown: str, language: str, body_start: int
) -> Iterable[Problem]:
    text = " ".join(sections.values())
    unit, floor = LENGTH_FLOORS.get(language, LENGTH_FLOORS["en"])
    count = _count(text, unit)
    if count < floor:
        yield Problem(
            shown, body_start, f"flag page is too short: {count} {unit}, at least {floor} expected"
        )


def _check_script(
    sections: dict[str, str], headings, shown: str, language: str, body_start: int
) -> Iterable[Problem]:
    if language not in SCRIPTS:
        return
    lines = {heading_id: line for _, heading_id, line in headings}
    for section, text in sections.items():
        if not written_in(text, language, minimum_letters=MIN_LETTERS_TO_JUDGE):
            where = f"section '{section}'" if section else "the page introduction"
            yield Problem(
                shown,
                lines.get(section, body_start),
                f"{where} reads as English; {LANGUAGE_NAMES[language]} expected",
            )


def _count(text: str, unit: str) -> int:
    if unit == "words":
        return len(re.findall(r"[\w'’-]+", text))
    return native_letters(text, "ko")


def _section_texts(html: str) -> dict[str, str]:
    """Visible prose of each level-2 section ('' before the first), code excluded."""
    parser = _SectionText()
    parser.feed(html)
    parser.close()
    return {section: " ".join(parts) for section, parts in parser.sections.items()}


class _SectionText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {"": []}
        self.current = ""
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.current = dict(attrs).get("id") or ""
            self.sections.setdefault(self.current, [])
        if tag in ("code", "pre", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("code", "pre", "script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.sections[self.current].append(data)


class _TableLinks(HTMLParser):
    """The links of each table row in one level-2 section."""

    def __init__(self, section: str) -> None:
        super().__init__(convert_charrefs=True)
        self.section = section
        self.inside = False
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.inside = dict(attrs).get("id") == self.section
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag == "a" and self.rows:
            self.rows[-1].append(dict(attrs).get("href") or "")


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
FLAGS_FOLDER = "flags"
FLAG_SECTIONS = ("signs", "cost", "test", "respond", "walk-away")
REQUIRED_FRONT_MATTER = ("title", "description")
DESCRIPTION_MAX = 200
# A section with fewer letters than this is too short to judge its language (quiz/language.py).
MIN_LETTERS_TO_JUDGE = 40
# The floor for a flag page: English words, or Hangul syllables for Korean.
LENGTH_FLOORS = {"en": ("words", 350), "ko": ("Hangul syllables", 900)}
# Pages beyond the flag pages that suggest contract terms, and so carry the legal note.
LEGAL_NOTE_PAGES = ("terms", "after-signing", "decline")
# The page whose sections the message blocks' clauses link to, and its table of terms by flag.
TERMS_PAGE = "terms"
TERMS_TABLE = "by-flag"
# A link to a flag's page, as written (flags/vision.md) or as MkDocs renders it (../flags/vision/).
_FLAG_LINK = re.compile(r"(?:^|/)flags/([a-z0-9-]+)")
# Shorter sentences ("Thank you.") may recur; longer ones in example messages may not.
MESSAGE_SENTENCE_MIN_WORDS = 5
_HANGUL_WORD_START = f"(?<!{HANGUL})"
WORDING_RULES = {
    "en": (
        (
            r"₩|\bKRW\b|(?<![\w,.])\d[\d,.]*+\s*+(?:(?:million|thousand)\s+)?won\b|\bNaver\b|\bKakao(?:Talk)?\b|\bKmong\b|\bSoomgo\b",
            "'{match}' belongs to the Korean market; keep the English edition region-neutral "
            "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
        ),
        (
            HANGUL + "+",
            "'{match}' is Korean text on an English page; keep Korean detail in the Korean edition",
        ),
    ),
    "ko": (
        (
            r"작업자|" + _HANGUL_WORD_START + r"(?:당신|나는|내가|나의|나를|나에게)",
            "'{match}' addresses the reader another way; Korean pages call the reader 여러분 "
            "(or use no pronoun) and the freelancer in examples speaks as 저",
        ),
        (
            r"[을이은와]\((?:를|가|는|과)\)",
            "'{match}': write the one particle that agrees with the word before it",
        ),
    ),
}

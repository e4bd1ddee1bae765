"""The rules the guide's pages follow, shared by the build hook and scripts/validate.py.

Every finding is a `Problem` (`file:line: message`). The rules: each page exists in every language
and has front matter with a title and a one-sentence description; each flag page has the five
fixed sections in order and meets the length floor; a translated page is written in its own
script, section by section. Wording rules that can be checked mechanically: pages that suggest
contract terms carry the legal note; the English edition names nothing specific to Korea; Korean
pages address the reader one way and write particles that agree; no sentence of an example message
(a block quote) stands on two pages; no page carries a script. Pages are found and read by
`pages.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser

import yaml

from quiz.language import HANGUL, SCRIPTS, native_letters, written_in
from quiz.model import LANGUAGE_NAMES
from quiz.problems import Problem
from quiz.site.pages import (
    FLAGS_FOLDER,
    ContentSettings,
    PageSource,
    markdown_renderer,
    missing_translations,
    read_pages,
)


def check_content(
    settings: ContentSettings,
    sources: dict | None = None,
    *,
    rendered: bool = True,
    prepare: Callable[[PageSource], str] | None = None,
) -> list[Problem]:
    """Every content problem in the docs folder, in file and line order.

    `sources` (from `read_pages`) saves reading the pages again. With `rendered=False` the checks
    that need a page's HTML are left out: a build runs them on the HTML it renders anyway
    (`check_rendered_page`, from the `on_page_content` hook). `prepare` gives the Markdown a build
    renders for a page, with what it generates (the terms page's table); the body by default.
    """
    sources = sources if sources is not None else read_pages(settings)
    problems = list(missing_translations(sources, settings))
    render = markdown_renderer(settings) if rendered else None
    for key in sorted(sources):
        page = sources[key]
        problems.extend(check_page_source(page))
        if render:
            markdown = prepare(page) if prepare else page.body
            problems.extend(check_rendered_page(page, *render(markdown)))
    problems.extend(_reused_message_sentences(sources))
    return sorted(problems)


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


def check_rendered_page(page: PageSource, html: str, toc: list[dict]) -> list[Problem]:
    """The problems that need the page's HTML and headings: a flag page's sections and length,
    and whether each section is in the page's language. `toc` is flat, as `flat_toc` gives."""
    headings = _heading_lines(page.body, toc, page.body_start)
    sections = _section_texts(html)
    problems = []
    if page.stem.startswith(FLAGS_FOLDER + "/"):
        problems.extend(_check_sections(headings, page.shown, page.language, page.body_start))
        problems.extend(_check_length(sections, page.shown, page.language, page.body_start))
    problems.extend(_check_script(sections, headings, page.shown, page.language, page.body_start))
    return problems


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


FLAG_SECTIONS = ("signs", "cost", "test", "respond", "walk-away")
REQUIRED_FRONT_MATTER = ("title", "description")
DESCRIPTION_MAX = 200
# A section with fewer letters than this is too short to judge its language (quiz/language.py).
MIN_LETTERS_TO_JUDGE = 40
# The floor for a flag page: English words, or Hangul syllables for Korean.
LENGTH_FLOORS = {"en": ("words", 350), "ko": ("Hangul syllables", 900)}
# Pages beyond the flag pages that suggest contract terms, and so carry the legal note.
LEGAL_NOTE_PAGES = ("terms", "after-signing", "decline")
# Shorter sentences ("Thank you.") may recur; longer ones in example messages may not.
MESSAGE_SENTENCE_MIN_WORDS = 5
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

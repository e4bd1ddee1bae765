"""A mistake in the content or the quiz data stops `mkdocs build` with the validator's message."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from tests.support.site import copy_project


@pytest.fixture
def project(tmp_path):
    """A copy of the project's sources to break."""
    return copy_project(tmp_path)


def _build(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_the_copy_builds_before_it_is_broken(project):
    assert _build(project).returncode == 0


def test_a_broken_quiz_file_stops_the_build_with_file_line_and_item(project):
    path = project / "quiz" / "quiz.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"points: 3\b", "points: 9", text, count=1), encoding="utf-8")
    line, column = next(
        (number, content.index("points: 9") + len("points: ") + 1)
        for number, content in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "points: 9" in content
    )
    result = _build(project)
    assert result.returncode != 0
    assert (
        f"quiz/quiz.yml:{line}:{column}: flag 'boundaries', question 'boundaries-" in result.stderr
    )
    assert "points must be at most 3, not 9" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_flag_page_without_a_section_stops_the_build(project):
    path = project / "docs" / "flags" / "vision.ko.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{#cost}", "{#costs}"), encoding="utf-8"
    )
    result = _build(project)
    assert result.returncode != 0
    assert "docs/flags/vision.ko.md:" in result.stderr
    assert "flag page has no section with id 'cost'" in result.stderr


def test_a_korean_section_left_in_english_stops_the_build_at_its_heading(project):
    """The build checks each page's HTML as it renders it: here, the language of a section."""
    path = project / "docs" / "flags" / "vision.ko.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = next(number for number, line in enumerate(lines) if line.rstrip().endswith("{#cost}"))
    following = next(
        number for number in range(heading + 1, len(lines)) if lines[number].startswith("## ")
    )
    english = (
        "The project keeps changing shape, "
        "so every estimate you give turns out to be wrong and unpaid."
    )
    lines[heading + 1 : following] = ["", english, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode != 0
    assert (
        f"docs/flags/vision.ko.md:{heading + 1}: section 'cost' reads as English; Korean expected"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def _line_column(path, needle: str, offset: int = 0) -> tuple[int, int]:
    """The line and column (from 1) of the first `needle` in a file, plus `offset` columns."""
    for number, content in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in content:
            return number, content.index(needle) + offset + 1
    raise AssertionError(f"{needle!r} not in {path}")


def test_a_message_block_left_without_korean_stops_the_build_at_its_place(project):
    path = project / "quiz" / "messages.yml"
    text = path.read_text(encoding="utf-8")
    line, column = _line_column(path, 'named: {en: "Dear {name},", ko:', len("named: "))
    path.write_text(
        text.replace(
            'named: {en: "Dear {name},", ko: "{name}님, 안녕하십니까."}',
            'named: {en: "Dear {name},"}',
        ),
        encoding="utf-8",
    )
    result = _build(project)
    assert result.returncode != 0
    assert (
        f"quiz/messages.yml:{line}:{column}: greeting.formal: named (Korean) is missing"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_terms_page_without_a_clause_s_section_stops_the_build_at_the_clause(project):
    """The build reads the terms page's anchors from the HTML it renders, in each language."""
    page = project / "docs" / "terms.ko.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{#rights}", "{#rights-and-portfolio}"),
        encoding="utf-8",
    )
    # The key, under clauses.
    line, column = _line_column(project / "quiz" / "messages.yml", "  rights:", 2)
    result = _build(project)
    assert result.returncode != 0
    assert (
        f"quiz/messages.yml:{line}:{column}: clause 'rights' has no section on docs/terms.ko.md: "
        "a clause's id is the anchor of its heading there ({#rights})"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_script_written_in_a_markdown_page_stops_the_build_and_never_runs(project):
    """The Content Security Policy hashes the templates' own scripts; one in the Markdown would
    otherwise get its hash too. The content check refuses it first, at its line."""
    path = project / "docs" / "decline.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("<script>document.title = 'owned'</script>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode != 0
    assert f"docs/decline.md:{len(lines)}: a <script> in the page" in result.stderr
    assert "Traceback" not in result.stderr


ATTACKS = {
    "not-utf-8": (
        b"\n\nCaf\xe9 au lait.\n",
        "docs/decline.md:{end}: column 4: byte 0xe9 is not UTF-8",
    ),
    "brackets": (
        b"\n\n" + b"[" * 50_000 + b"\n",
        "docs/decline.md:{end}: the line has 50,000 characters",
    ),
    "long-line-of-stars": (
        b"\n\n" + b"*" * 4_096 + b"\n",
        "docs/decline.md:{end}: the line has 4,096 characters",
    ),
    "nested-lists": (
        b"\n\n" + b"".join(b" " * (2 * i) + b"- x\n" for i in range(100)),
        "docs/decline.md:{deep}: the line is indented past 40 columns",
    ),
    "backtracking-number": (
        b"\n\n" + b"1," * 40_000 + b"\n",
        "docs/decline.md:{end}: the line has 80,000 characters",
    ),
}


@pytest.mark.parametrize(("added", "expected"), ATTACKS.values(), ids=list(ATTACKS))
def test_a_page_that_would_crash_or_hang_markdown_gets_a_message_in_seconds(
    project, added, expected
):
    path = project / "docs" / "decline.md"
    raw = path.read_bytes().rstrip(b"\n") + b"\n"
    lines = raw.count(b"\n")
    path.write_bytes(raw + added)
    started = time.monotonic()
    result = _build(project)
    assert time.monotonic() - started < 30  # a build of the whole site; the check itself is instant
    assert result.returncode != 0
    assert expected.format(end=lines + 3, deep=lines + 3 + 21) in result.stderr, result.stderr[
        -2000:
    ]
    assert "Traceback" not in result.stderr


def test_front_matter_with_an_unknown_tag_stops_the_build_instead_of_printing_as_text(project):
    path = project / "docs" / "decline.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: !custom ", 1), encoding="utf-8")
    result = _build(project)
    assert result.returncode != 0
    assert "docs/decline.md:2: front matter uses the tag '!custom'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_saved_with_a_byte_order_mark_builds(project):
    path = project / "docs" / "decline.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _build(project).returncode == 0

"""The terms page: its anchors as the message blocks' rules see them, its table of terms by flag
generated from the data where its marker line stands, and validation of both."""

from __future__ import annotations

import dataclasses

from quiz.messages import MESSAGES_FILE, load_messages
from quiz.site.pages import markdown_renderer, read_page, read_pages, settings_from_config
from quiz.site.settings import load_site_config, validate_site
from quiz.site.terms import (
    TABLE_MARKER,
    marker_problems,
    terms_pages,
    terms_tables,
    with_terms_table,
)
from tests.support.quiz import real_quiz
from tests.support.site import ROOT, copy_project

SETTINGS = settings_from_config(load_site_config(ROOT / "mkdocs.yml"))
PAGES = read_pages(SETTINGS)
QUIZ = real_quiz()
MESSAGES = load_messages()[0]


def test_the_terms_pages_are_read_from_their_headings():
    pages = terms_pages(SETTINGS, PAGES)
    assert sorted(pages) == ["en", "ko"]
    for page in pages.values():
        assert {"deposit", "kill-fee", "termination", "by-flag"} <= page.anchors


def test_the_table_lists_each_flag_by_its_page_s_title_with_its_clauses_in_the_page_s_order():
    tables = terms_tables(QUIZ, MESSAGES, PAGES)
    assert sorted(tables) == ["en", "ko"]
    assert tables["en"].splitlines()[:3] == [
        "| Flag | Terms to look at |",
        "| --- | --- |",
        "| [The client who pushes your limits](flags/boundaries.md) | [Scope](#scope) · "
        "[Deposit](#deposit) · [Milestones](#milestones) · [Change requests](#change-requests) · "
        "[Revision rounds](#revisions) · [Rush fees](#rush-fees) |",
    ]
    assert tables["ko"].splitlines()[0] == "| 위험 신호 | 살펴볼 조항 |"
    assert tables["ko"].splitlines()[-1] == (
        "| [그냥 맞지 않는 클라이언트](flags/wrong-fit.md) | [작업 범위](#scope) · "
        "[중도 취소](#kill-fee) · [계약 해지](#termination) |"
    )
    assert len(tables["en"].splitlines()) == 2 + len(QUIZ.flags)


def test_the_table_waits_for_a_valid_quiz_and_valid_message_blocks():
    assert terms_tables(None, MESSAGES, PAGES) == {}
    assert terms_tables(QUIZ, None, PAGES) == {}


def test_the_marker_line_becomes_the_table_on_the_terms_page_only():
    tables = {"en": "| A | B |\n| --- | --- |\n"}
    terms, home = PAGES[("terms", "en")], PAGES[("index", "en")]
    markdown = f"## By flag\n\n{TABLE_MARKER}\n\nAfter.\n"
    assert (
        with_terms_table(terms, markdown, tables)
        == "## By flag\n\n| A | B |\n| --- | --- |\n\nAfter.\n"
    )
    assert with_terms_table(home, markdown, tables) == markdown
    assert with_terms_table(PAGES[("terms", "ko")], markdown, tables) == markdown


def test_a_title_with_markdown_s_own_characters_stays_text_in_its_cell(tmp_path):
    odd = "The [client] | who *pushes* `limits` {#x} <b>"
    path = tmp_path / "boundaries.md"
    path.write_text(f'---\ntitle: "{odd}"\ndescription: A flag.\n---\n# A flag\n', "utf-8")
    page = read_page(path, "flags/boundaries", "en", SETTINGS)
    table = terms_tables(QUIZ, MESSAGES, {**PAGES, ("flags/boundaries", "en"): page})["en"]
    html, _ = markdown_renderer(SETTINGS)(table)
    assert html.count("<tr>") == 1 + len(QUIZ.flags)
    shown = odd.replace("<", "&lt;").replace(">", "&gt;")
    assert f'<td><a href="flags/boundaries.md">{shown}</a></td>' in html


def test_the_marker_stands_once_on_each_terms_page_and_nowhere_else():
    assert list(marker_problems(PAGES)) == []
    pages = _with_marker_at_the_end(_with_marker_at_the_end(PAGES, "terms"), "index")
    assert [str(problem) for problem in marker_problems(pages)] == [
        f"docs/index.md:{_last_line(pages, 'index')}: the table of terms by flag goes on "
        "docs/terms.md only: remove this marker",
        f"docs/terms.md:{_last_line(pages, 'terms')}: the table of terms by flag is placed twice: "
        "keep one marker",
    ]


def test_validation_names_the_terms_page_without_its_marker_at_the_table_s_heading(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms.ko.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(TABLE_MARKER + "\n", ""), encoding="utf-8")
    heading = next(n for n, line in enumerate(text.splitlines(), 1) if "{#by-flag}" in line)
    assert [str(problem) for problem in validate_site(project / "mkdocs.yml")] == [
        f"docs/terms.ko.md:{heading}: the table of terms by flag has no place on the page: "
        f"add the line {TABLE_MARKER} where it goes (below the heading {{#by-flag}})"
    ]


def test_validation_still_names_a_clause_with_no_section_on_the_terms_page(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{#rights}", "{#rights-and-use}"),
        encoding="utf-8",
    )
    line = next(
        number
        for number, text in enumerate(MESSAGES_FILE.read_text(encoding="utf-8").splitlines(), 1)
        if text == "  rights:"
    )
    assert [str(problem) for problem in validate_site(project / "mkdocs.yml")] == [
        f"{MESSAGES_FILE.as_posix()}:{line}:3: clause 'rights' has no section on docs/terms.md: "
        "a clause's id is the anchor of its heading there ({#rights})"
    ]


def _with_marker_at_the_end(pages: dict, stem: str) -> dict:
    """The pages, with a marker line added at the end of one English page as written."""
    page = pages[(stem, "en")]
    return {**pages, (stem, "en"): dataclasses.replace(page, text=page.text + TABLE_MARKER + "\n")}


def _last_line(pages: dict, stem: str) -> int:
    return len(pages[(stem, "en")].text.splitlines())

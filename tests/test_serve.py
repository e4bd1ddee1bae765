"""`make serve` rebuilds on every kind of edit a maintainer makes, with nothing stale."""

from __future__ import annotations

import pytest

from quiz.site.preview import fetch, live_server, wait_until
from tests.support.site import copy_project

REBUILD_WAIT = 90  # seconds; a rebuild takes a few on this machine


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`mkdocs serve` on a copy of the project, and its base URL."""
    project = copy_project(tmp_path_factory.mktemp("serve"))
    with live_server(project, project / "serve.log", REBUILD_WAIT) as base:
        yield project, base


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "page", "expected"),
    [
        (
            "quiz/quiz.yml",
            "How did the prospect respond to your rate?",
            "How did the prospect take your rate, edited?",
            "quiz/",
            "take your rate, edited?",
        ),
        (
            "quiz/site/strings.yml",
            "quiz.submit: See the result",
            "quiz.submit: Show my result, edited",
            "quiz/",
            "Show my result, edited",
        ),
        (
            "quiz/web/quiz.css",
            ".crf-next {",
            ".crf-edited-marker{color:red}\n.crf-next {",
            "assets/quiz.css",
            ".crf-edited-marker",
        ),
        (
            "quiz/web/quiz.js",
            '"[data-print-heading]"',
            '"[data-print-heading-edited]"',
            "assets/quiz.js",
            "data-print-heading-edited",
        ),
        (
            "overrides/main.html",
            '{{ t("legal.title") }}</p>',
            '{{ t("legal.title") }} (template edited)</p>',
            "terms/",
            "(template edited)",
        ),
        (
            "docs/terms.md",
            "# Terms that protect you",
            "# Terms that protect you, edited",
            "terms/",
            "Terms that protect you, edited",
        ),
    ],
    ids=["quiz-data", "strings", "styles", "script", "template", "page"],
)
def test_an_edit_shows_up_after_the_rebuild(served, file, old, new, page, expected):
    project, base = served
    assert expected not in fetch(base + page)
    _edit(project / file, old, new)
    assert wait_until(lambda: expected in fetch(base + page), REBUILD_WAIT, interval=0.5), (
        f"mkdocs serve did not show the edit to {file} within {REBUILD_WAIT} s"
    )

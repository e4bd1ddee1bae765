"""`make serve` rebuilds on every kind of edit a maintainer makes, with nothing stale."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support.site import copy_project, site_path

REBUILD_WAIT = 90  # seconds; a rebuild takes a few on this machine


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`mkdocs serve` (as `make serve` runs it) on a copy of the project, and its base URL."""
    project = copy_project(tmp_path_factory.mktemp("serve"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (project / "serve.log").open("w")  # a pipe nobody reads would fill up and stall the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}{site_path()}"
    try:
        _wait_for(lambda: "Client Red Flags" in _get(base + "quiz/"), "the first build")
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + REBUILD_WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not show {what} within {REBUILD_WAIT} s")


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "page", "expected"),
    [
        ("quiz/quiz.yml", "How did the prospect respond to your rate?",
         "How did the prospect take your rate, edited?", "quiz/", "take your rate, edited?"),
        ("quiz/site/strings.yml", "quiz.submit: See the result",
         "quiz.submit: Show my result, edited", "quiz/", "Show my result, edited"),
        ("quiz/web/quiz.css", ".crf-next {",
         ".crf-edited-marker{color:red}\n.crf-next {", "assets/quiz.css", ".crf-edited-marker"),
        ("quiz/web/quiz.js", "function sameAnswers(",
         "function sameAnswersEdited() {}\nfunction sameAnswers(", "assets/quiz.js", "sameAnswersEdited"),
        ("overrides/main.html", '{{ t("legal.title") }}</p>',
         '{{ t("legal.title") }} (template edited)</p>', "terms/", "(template edited)"),
        ("docs/terms.md", "# Terms that protect you",
         "# Terms that protect you, edited", "terms/", "Terms that protect you, edited"),
    ],
    ids=["quiz-data", "strings", "styles", "script", "template", "page"],
)
def test_an_edit_shows_up_after_the_rebuild(served, file, old, new, page, expected):
    project, base = served
    assert expected not in _get(base + page)
    _edit(project / file, old, new)
    _wait_for(lambda: expected in _get(base + page), f"the edit to {file}")

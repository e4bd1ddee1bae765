"""Thousands of broken quiz files: the validator always answers `file:line: message`, never a traceback."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.rules import validate_quiz

VALID_TEXT = (Path(__file__).with_name("fixtures") / "valid.yml").read_text(encoding="utf-8")
VALID = yaml.safe_load(VALID_TEXT)
PROBLEM = re.compile(r"^quiz\.yml:\d+: \S.*$", re.S)
SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
ODD_TEXT = st.sampled_from(["", " ", "x" * 20000, "\u202e\u0000\ufeff", "한국어", "🙂" * 50, "- item", "{a: [", "&anchor *alias"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), TEXT, ODD_TEXT)


def _deep(depth: int):
    value = "bottom"
    for _ in range(depth):
        value = [value]
    return value


VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=4),
    st.dictionaries(TEXT, SCALARS, max_size=4),
    st.integers(50, 300).map(_deep),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


PATHS = list(_paths(VALID))[1:]


@st.composite
def broken_data(draw):
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            action = draw(st.sampled_from(["replace", "delete", "extra", "duplicate"]))
            key = path[-1]
            if action == "replace":
                parent[key] = draw(VALUES)
            elif action == "delete":
                del parent[key]
            elif action == "extra" and isinstance(parent, dict):
                parent[draw(TEXT)] = draw(VALUES)
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def broken_text(draw):
    text = VALID_TEXT
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "truncate"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from([":", "-", "  ", "\t", "[", "{", "}", "'", '"', "&a", "*a", "\n", "? ", "!!python/object:os.system ", "%YAML 9"])) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)):]
        else:
            text = text[:position]
    return text


def _check(tmp_path, text: str) -> None:
    path = tmp_path / "quiz.yml"
    path.write_text(text, encoding="utf-8")
    pages = tmp_path / "flags"
    pages.mkdir(exist_ok=True)
    for name in ("alpha.md", "beta.md"):
        (pages / name).write_text("page", encoding="utf-8")
    quiz, problems = validate_quiz(path, pages, "quiz.yml")
    assert (quiz is None) == bool(problems)
    for problem in problems:
        assert PROBLEM.match(str(problem)), str(problem)
        assert "Traceback" not in str(problem)


@SETTINGS
@given(text=broken_data())
def test_structurally_broken_files_get_clear_messages(tmp_path, text):
    _check(tmp_path, text)


@SETTINGS
@given(text=broken_text())
def test_textually_broken_files_get_clear_messages(tmp_path, text):
    _check(tmp_path, text)


@pytest.mark.parametrize("depth", [500, 5000])
def test_absurd_nesting_is_a_message_too(tmp_path, depth):
    _check(tmp_path, "flags: " + "[" * depth + "]" * depth + "\n")

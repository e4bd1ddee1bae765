"""Thousands of broken and hostile quiz files: the validator always answers
`file:line:column: message`, never a traceback, and refuses hostile input (alias bombs, tags, huge
numbers, wrong types, texts too long or in the wrong language) at the exact place it stands.
"""

from __future__ import annotations

import copy
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.loader import load_quiz
from quiz.rules import validate_quiz
from tests.support.data import data_paths
from tests.support.examples import examples
from tests.support.site import ROOT

VALID_TEXT = (Path(__file__).with_name("fixtures") / "valid.yml").read_text(encoding="utf-8")
VALID = yaml.safe_load(VALID_TEXT)
PROBLEM = re.compile(r"^quiz\.yml:\d+:\d+: \S.*$", re.S)
SETTINGS = settings(
    max_examples=examples(1000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "x" * 20000,
        "\u202e\u0000\ufeff",
        "한국어",
        "🙂" * 50,
        "- item",
        "{a: [",
        "&anchor *alias",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    TEXT,
    ODD_TEXT,
)


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


PATHS = list(data_paths(VALID))


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


INSERTED = [
    ":",
    "-",
    "  ",
    "\t",
    "[",
    "{",
    "}",
    "'",
    '"',
    "&a",
    "*a",
    "\n",
    "? ",
    "!!python/object:os.system ",
    "%YAML 9",
    "<<: {}",
    "!custom ",
    "? [a]: ",
    "1" * 30,
]


@st.composite
def broken_text(draw):
    text = VALID_TEXT
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "truncate"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(INSERTED)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        else:
            text = text[:position]
    return text


def _check(tmp_path, text: str) -> list[str]:
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
    return [str(problem) for problem in problems]


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


# ---------------------------------------------------------------------------- hostile files
# What an adversarial run fed the validator: each is refused with one message at the exact line
# and column where it stands, before the model sees any data.

TAG_NOT_ALLOWED = (
    "is not allowed: the quiz file holds only text, numbers, true or false, lists and mappings"
)
MERGE_KEY = "merge keys (<<) are not allowed: write the keys out in full"
NO_ANCHORS = (
    "is not allowed: the quiz file uses no anchors or aliases; write each value out in full"
)
# "Billion laughs": nine levels of nine aliases, 342 bytes that expand to 9**9 strings.
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{','.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def _edit(number: int, old: str, new: str) -> str:
    """valid.yml with `old` replaced by `new` on line `number` (from 1)."""
    return _edit_text(VALID_TEXT, number, old, new)


def _edit_text(text: str, number: int, old: str, new: str) -> str:
    """`text` with `old` replaced by `new` on line `number` (from 1)."""
    lines = text.split("\n")
    assert old in lines[number - 1], (number, old)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def _load(tmp_path, data: str | bytes):
    path = tmp_path / "quiz.yml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_quiz(path, "quiz.yml")


def _messages(tmp_path, data: str | bytes) -> list[str]:
    return [str(problem) for problem in _load(tmp_path, data)[2]]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(BOMB, f"quiz.yml:1:4: the anchor '&a' {NO_ANCHORS}", id="alias-bomb"),
        pytest.param(
            _edit(15, "weight: 1", "weight: &w 1"),
            f"quiz.yml:15:13: the anchor '&w' {NO_ANCHORS}",
            id="anchor",
        ),
        pytest.param(
            _edit(40, "weight: 2", "weight: *w"),
            f"quiz.yml:40:13: the alias '*w' {NO_ANCHORS}",
            id="alias",
        ),
        pytest.param(
            _edit(40, "2", "!!python/name:os.system ''"),
            f"quiz.yml:40:13: the tag '!!python/name:os.system' {TAG_NOT_ALLOWED}",
            id="python-name-tag",
        ),
        pytest.param(
            _edit(
                17, "{en: Write it down., ko: 적으십시오.}", "!!python/object/apply:os.system [ls]"
            ),
            f"quiz.yml:17:9: the tag '!!python/object/apply:os.system' {TAG_NOT_ALLOWED}",
            id="python-object-tag-on-a-list",
        ),
        pytest.param(
            _edit(14, "{en:", "!custom {en:"),
            f"quiz.yml:14:11: the tag '!custom' {TAG_NOT_ALLOWED}",
            id="unknown-tag-on-a-mapping",
        ),
        pytest.param(
            _edit(22, "en: Because.", "en: !!binary QmVjYXVzZS4="),
            f"quiz.yml:22:20: the tag '!!binary' {TAG_NOT_ALLOWED}",
            id="binary-tag",
        ),
        pytest.param(
            _edit(1, "thresholds:", "thresholds:\n  <<: {high-risk: 50}"),
            f"quiz.yml:2:3: {MERGE_KEY}",
            id="merge-key",
        ),
        pytest.param(
            _edit(25, '{id: "no"', '{<<: {points: 0}, id: "no"'),
            f"quiz.yml:25:14: {MERGE_KEY}",
            id="merge-key-in-flow",
        ),
        pytest.param(
            _edit(14, "{en:", "{{en: Alpha}: 1, en:"),
            "quiz.yml:14:12: a mapping cannot be a key: keys are names such as 'id' or 'text'",
            id="mapping-as-key",
        ),
        pytest.param(
            _edit(13, "- id: alpha", "- id: alpha\n    ? [name, weight]\n    : 1"),
            "quiz.yml:14:7: a list cannot be a key: keys are names such as 'id' or 'text'",
            id="list-as-key",
        ),
        pytest.param(
            _edit(5, "0.5", "1" * 5000),
            "quiz.yml:5:15: this number is 5,000 characters long; "
            "a number in the quiz file has at most 20",
            id="5000-digit-integer",
        ),
        pytest.param(
            _edit(27, "points: 3", "points: " + "9" * 21),
            "quiz.yml:27:34: this number is 21 characters long; "
            "a number in the quiz file has at most 20",
            id="21-digit-integer",
        ),
        pytest.param(
            _edit(5, "0.5", "0." + "5" * 30),
            "quiz.yml:5:15: this number is 32 characters long; "
            "a number in the quiz file has at most 20",
            id="long-float",
        ),
        pytest.param(
            _edit(22, "이유", "이\udcff유").encode("utf-8", "surrogateescape"),
            "quiz.yml:22:35: byte 0xff is not UTF-8: save the quiz file as UTF-8",
            id="byte-in-korean-text",
        ),
        pytest.param(
            _edit(21, "First", "Café").encode("latin-1", "replace"),
            "quiz.yml:21:36: byte 0xe9 is not UTF-8: save the quiz file as UTF-8",
            id="latin-1-file",
        ),
        pytest.param(
            _edit(22, "이유", "이\x07유"),
            "quiz.yml:22:35: not valid YAML: control characters are not allowed (U+0007)",
            id="control-character-after-korean",
        ),
        pytest.param(
            "flags: " + "[" * 20 + "]" * 20 + "\n",
            "quiz.yml:1:24: lists and mappings are nested more than 16 levels deep here: "
            "the quiz file needs far fewer",
            id="deep-nesting",
        ),
    ],
)
def test_each_hostile_file_is_refused_where_it_stands(tmp_path, data, expected):
    assert _messages(tmp_path, data) == [expected]


def test_a_20_digit_number_is_still_read_as_a_number(tmp_path):
    messages = _messages(tmp_path, _edit(27, "points: 3", "points: " + "9" * 20))
    assert messages == [
        "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
        "points must be at most 3, not 99999999999999999999"
    ]


def test_an_alias_bomb_is_refused_before_a_single_value_is_read(tmp_path):
    quiz, source, problems = _load(tmp_path, BOMB)
    assert quiz is None and source.data is None
    assert source.marks == {}
    assert [str(problem) for problem in problems] == [f"quiz.yml:1:4: the anchor '&a' {NO_ANCHORS}"]


def test_a_bigger_alias_bomb_is_refused_within_a_small_memory_limit(tmp_path):
    """Thirty levels (9**30 strings) in a process that may not take more than 512 MiB: a loader
    that expanded aliases would die with MemoryError here, not hang the suite."""
    bomb = tmp_path / "quiz.yml"
    names = [f"l{level}" for level in range(31)]
    bomb.write_text(
        f'{names[0]}: &{names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"{name}: &{name} [{','.join(['*' + previous] * 9)}]\n"
            for previous, name in itertools.pairwise(names)
        ),
        encoding="utf-8",
    )
    child = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))\n"
        "from pathlib import Path\n"
        "from quiz.loader import load_quiz\n"
        "quiz, source, problems = load_quiz(Path(sys.argv[1]), 'quiz.yml')\n"
        "print(*problems, f'values read: {len(source.marks)}', sep='\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, str(bomb)], cwd=ROOT, capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"quiz.yml:1:5: the anchor '&l0' {NO_ANCHORS}",
        "values read: 0",
    ]


# ---------------------------------------------------------------------------- the same, anywhere
# valid.yml's nodes, as PyYAML's own composer places them, are where the hostile text goes.


def _nodes(node, path=(), is_key=False):
    """Every node with its path into the data, keys included."""
    yield node, path, is_key
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key, path, True)
            yield from _nodes(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _nodes(item, (*path, index))


NODES = list(_nodes(yaml.compose(VALID_TEXT)))
VALUES_IN_PLACE = [
    node
    for node, _, is_key in NODES
    if not is_key and (isinstance(node, yaml.ScalarNode) or node.flow_style)
]
SCALAR_VALUES = [node for node in VALUES_IN_PLACE if isinstance(node, yaml.ScalarNode)]
FLOW_MAPPINGS = [node for node in VALUES_IN_PLACE if isinstance(node, yaml.MappingNode)]
PLACE_SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _at(node, offset: int = 0) -> str:
    return f"quiz.yml:{node.start_mark.line + 1}:{node.start_mark.column + 1 + offset}"


@PLACE_SETTINGS
@given(
    node=st.sampled_from(VALUES_IN_PLACE),
    tag=st.sampled_from(
        [
            "!custom",
            "!!python/name:os.system",
            "!!python/object:os.system",
            "!!set",
            "!<tag:evil.example,2024:x>",
        ]
    ),
)
def test_a_tag_on_any_value_is_refused_where_it_stands(tmp_path, node, tag):
    text = VALID_TEXT[: node.start_mark.index] + tag + " " + VALID_TEXT[node.start_mark.index :]
    shown = "tag:evil.example,2024:x" if tag.startswith("!<") else tag
    assert _messages(tmp_path, text) == [f"{_at(node)}: the tag '{shown}' {TAG_NOT_ALLOWED}"]


@PLACE_SETTINGS
@given(
    node=st.sampled_from(VALUES_IN_PLACE), name=st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True)
)
def test_an_anchor_on_any_value_is_refused_where_it_stands(tmp_path, node, name):
    text = VALID_TEXT[: node.start_mark.index] + f"&{name} " + VALID_TEXT[node.start_mark.index :]
    assert _messages(tmp_path, text) == [f"{_at(node)}: the anchor '&{name}' {NO_ANCHORS}"]


@PLACE_SETTINGS
@given(node=st.sampled_from(SCALAR_VALUES))
def test_an_alias_in_place_of_any_value_is_refused_where_it_stands(tmp_path, node):
    text = VALID_TEXT[: node.start_mark.index] + "*x" + VALID_TEXT[node.end_mark.index :]
    assert _messages(tmp_path, text) == [f"{_at(node)}: the alias '*x' {NO_ANCHORS}"]


@PLACE_SETTINGS
@given(
    node=st.sampled_from(SCALAR_VALUES),
    digits=st.integers(21, 6000),
    sign=st.sampled_from(["", "-", "+"]),
)
def test_a_number_too_long_in_place_of_any_value_is_refused_where_it_stands(
    tmp_path, node, digits, sign
):
    number = sign + "7" * digits
    text = VALID_TEXT[: node.start_mark.index] + number + VALID_TEXT[node.end_mark.index :]
    expected = (
        f"{_at(node)}: this number is {len(number):,} characters long; "
        "a number in the quiz file has at most 20"
    )
    assert _messages(tmp_path, text) == [expected]


# A key put first into a mapping, with where its refusal stands (columns after the '{') and why.
KEYS_REFUSED = {
    "<<: {}": (1, MERGE_KEY),
    "<<: [{}]": (1, MERGE_KEY),
    "? [a, b] : 1": (3, "a list cannot be a key: keys are names such as 'id' or 'text'"),
    "[a]: 1": (1, "a list cannot be a key: keys are names such as 'id' or 'text'"),
    "{a: 1}: 1": (1, "a mapping cannot be a key: keys are names such as 'id' or 'text'"),
}


@PLACE_SETTINGS
@given(node=st.sampled_from(FLOW_MAPPINGS), key=st.sampled_from(sorted(KEYS_REFUSED)))
def test_a_merge_key_or_a_complex_key_in_any_mapping_is_refused_where_it_stands(
    tmp_path, node, key
):
    text = (
        VALID_TEXT[: node.start_mark.index + 1]
        + key
        + ", "
        + VALID_TEXT[node.start_mark.index + 1 :]
    )
    offset, message = KEYS_REFUSED[key]
    assert _messages(tmp_path, text) == [f"{_at(node, offset)}: {message}"]


@PLACE_SETTINGS
@given(position=st.integers(0, len(VALID_TEXT)), byte=st.integers(0x80, 0xFF))
def test_a_byte_that_is_not_utf8_anywhere_is_refused_at_its_line_and_column(
    tmp_path, position, byte
):
    before = VALID_TEXT[:position]
    data = before.encode("utf-8") + bytes([byte]) + VALID_TEXT[position:].encode("utf-8")
    line, column = before.count("\n") + 1, position - before.rfind("\n")
    assert _messages(tmp_path, data) == [
        f"quiz.yml:{line}:{column}: byte 0x{byte:02x} is not UTF-8: save the quiz file as UTF-8"
    ]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
@pytest.mark.parametrize("inside", ["\x85", "\u2028", "\u2029"], ids=["nel", "ls", "ps"])
def test_lines_are_counted_as_an_editor_counts_them(tmp_path, inside, ending):
    """YAML also breaks lines at U+0085, U+2028 and U+2029; a text holding one (here the
    question's, on line 20) moves no message off its line, whatever the file's line ends."""
    text = _edit(20, 'en: "First?"', f'en: "First{inside}line?"')
    text = _edit_text(text, 27, "points: 3", 'points: "1"')
    assert _messages(tmp_path, text.replace("\n", ending)) == [
        "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
        "points must be a whole number, not the text '1' (write it without quotes)"
    ]


@pytest.mark.parametrize("empty", ["null", "~"])
def test_points_written_empty_are_refused_where_they_are_written(tmp_path, empty):
    flags = tmp_path / "flags"
    flags.mkdir()
    for name in ("alpha.md", "beta.md"):
        (flags / name).write_text("page", encoding="utf-8")
    path = tmp_path / "quiz.yml"
    path.write_text(_edit(27, "points: 3", f"points: {empty}"), encoding="utf-8")
    problems = [str(problem) for problem in validate_quiz(path, flags, "quiz.yml")[1]]
    assert problems == [
        "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
        "points are empty (0 to 3, or unsure: true)"
    ]


def test_a_data_file_too_large_is_refused_before_it_is_read(tmp_path):
    """Ten megabytes of valid YAML (the quiz, then comments) is refused with a message, not
    parsed: it would take seconds and a gigabyte."""
    text = VALID_TEXT + ("# " + "x" * 98 + "\n") * 100_000
    size = len(text.encode("utf-8")) / 1024 / 1024
    assert _messages(tmp_path, text) == [
        f"quiz.yml:1:1: the quiz file is {size:.1f} MB; a quiz file has at most 2 MB"
    ]
    assert _messages(tmp_path, VALID_TEXT + ("# " + "x" * 98 + "\n") * 20_000) == []


# ---------------------------------------------------------------------------- strict values
# Each value is what it is written as: no text read as a number, no number or true/false as text.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _edit(27, "points: 3", 'points: "1"'),
            "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
            "points must be a whole number, not the text '1' (write it without quotes)",
            id="points-as-text",
        ),
        pytest.param(
            _edit(27, "points: 3", "points: true"),
            "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
            "points must be a whole number, not true",
            id="points-as-true",
        ),
        pytest.param(
            _edit(27, "points: 3", "points: 3.0"),
            "quiz.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
            "points must be a whole number, not the number 3.0",
            id="points-as-float",
        ),
        pytest.param(
            _edit(40, "weight: 2", 'weight: "2"'),
            "quiz.yml:40:13: flag 'beta': "
            "weight must be a number, not the text '2' (write it without quotes)",
            id="weight-as-text",
        ),
        pytest.param(
            _edit(40, "weight: 2", "weight: false"),
            "quiz.yml:40:13: flag 'beta': weight must be a number, not false",
            id="weight-as-false",
        ),
        pytest.param(
            _edit(5, "0.5", "'0.5'"),
            "quiz.yml:5:15: "
            "min_definite must be a number, not the text '0.5' (write it without quotes)",
            id="min-definite-as-text",
        ),
        pytest.param(
            _edit(3, "50", '"fifty"'),
            "quiz.yml:3:14: thresholds: high-risk must be a whole number, not the text 'fifty'",
            id="threshold-as-word",
        ),
        pytest.param(
            _edit(28, "unsure: true", 'unsure: "true"'),
            "quiz.yml:28:34: flag 'alpha', question 'alpha-one', option 'unsure': "
            "unsure must be true or false, not the text 'true' (write it without quotes)",
            id="unsure-as-text",
        ),
        pytest.param(
            _edit(28, "unsure: true", "unsure: 1"),
            "quiz.yml:28:34: flag 'alpha', question 'alpha-one', option 'unsure': "
            "unsure must be true or false, not the number 1",
            id="unsure-as-number",
        ),
        pytest.param(
            _edit(26, "ko: 조금", "ko: 3"),
            "quiz.yml:26:56: flag 'alpha', question 'alpha-one', option 'some': "
            "text (Korean) must be text, not the number 3 (put it in quotes to make it text)",
            id="korean-as-number",
        ),
        pytest.param(
            _edit(26, "en: Some", "en: yes"),
            "quiz.yml:26:46: flag 'alpha', question 'alpha-one', option 'some': "
            "text (English) must be text, not true (put it in quotes to make it text)",
            id="english-yes-read-as-true",
        ),
        pytest.param(
            _edit(19, "alpha-one", "1"),
            "quiz.yml:19:13: flag 'alpha', question #1: "
            "id must be text, not the number 1 (put it in quotes to make it text)",
            id="id-as-number",
        ),
    ],
)
def test_each_value_of_the_wrong_type_is_refused_where_it_stands(tmp_path, text, expected):
    assert _messages(tmp_path, text) == [expected]


# ---------------------------------------------------------------------------- text limits
# The longest text each field may hold, in characters, in either language.
LIMITS = {
    "name": 40,
    "title": 80,
    "covers": 80,
    "text": 250,
    "ask": 250,
    "hint": 400,
    "actions": 400,
    "dealbreaker": 400,
    "verdict": 400,
    "next": 400,
    "score_only": 400,
}
TEXTS = [
    (node, next(step for step in reversed(path[:-1]) if isinstance(step, str)), path[-1])
    for node, path, is_key in NODES
    if not is_key and path and path[-1] in ("en", "ko")
]


def test_every_text_field_of_the_quiz_has_its_limit_here():
    assert {field for _, field, _ in TEXTS} == set(LIMITS)


def _replaced(node, value: str) -> str:
    return VALID_TEXT[: node.start_mark.index] + value + VALID_TEXT[node.end_mark.index :]


@PLACE_SETTINGS
@given(text=st.sampled_from(TEXTS), extra=st.integers(1, 5000))
def test_a_text_over_its_limit_is_refused_with_the_field_and_the_limit(tmp_path, text, extra):
    node, field, language = text
    length = LIMITS[field] + extra
    letter = "가" if language == "ko" else "a"
    problems = _messages(tmp_path, _replaced(node, letter * length))
    assert len(problems) == 1
    assert problems[0].startswith(_at(node) + ": ")
    name = {"en": "English", "ko": "Korean"}[language]
    assert problems[0].endswith(
        f"{field} ({name}) is {length:,} characters long; the limit is {LIMITS[field]}"
    )


@pytest.mark.parametrize(
    ("node", "field", "language"),
    TEXTS,
    ids=[f"line-{node.start_mark.line + 1}-{field}-{language}" for node, field, language in TEXTS],
)
def test_a_text_at_its_limit_is_accepted(tmp_path, node, field, language):
    letter = "가" if language == "ko" else "a"
    assert _check(tmp_path, _replaced(node, letter * LIMITS[field])) == []


def test_a_hint_of_a_megabyte_and_a_half_is_refused_with_its_length_and_the_limit(tmp_path):
    """As long as the file allows (a longer file is refused whole, unread)."""
    text = _edit(22, "en: Because.", "en: " + "x" * 1_500_000)
    assert _messages(tmp_path, text) == [
        "quiz.yml:22:20: flag 'alpha', question 'alpha-one': "
        "hint (English) is 1,500,000 characters long; the limit is 400"
    ]


# ---------------------------------------------------------------------------- Korean in Korean
# Every `ko` text must read as Korean, by the same rule as the guide's pages (quiz/language.py).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _edit(22, "ko: 이유.", "ko: Because we need to know."),
            [
                "quiz.yml:22:34: flag 'alpha', question 'alpha-one': "
                "hint (Korean) reads as English; Korean expected"
            ],
            id="english-hint",
        ),
        pytest.param(
            _edit(14, "ko: 알파", "ko: Alpha"),
            ["quiz.yml:14:27: flag 'alpha': name (Korean) reads as English; Korean expected"],
            id="english-flag-name",
        ),
        pytest.param(
            _edit(17, "ko: 적으십시오.", "ko: Write it down."),
            ["quiz.yml:17:34: flag 'alpha': actions (Korean) reads as English; Korean expected"],
            id="english-action",
        ),
        pytest.param(
            _edit(7, "ko: 좋음", "ko: Good"),
            ["quiz.yml:7:36: bands.good-fit: title (Korean) reads as English; Korean expected"],
            id="english-band-title",
        ),
        pytest.param(
            _edit(22, "ko: 이유.", "ko: NDA를 먼저 보내 주십시오."),
            [],
            id="korean-with-a-latin-word",
        ),
        pytest.param(
            _edit(22, "ko: 이유.", "ko: 2주 안에 PDF로 보내 주십시오."),
            [],
            id="korean-with-digits-and-a-latin-word",
        ),
        pytest.param(
            _edit(22, "en: Because.", "en: 이유."), [], id="english-fields-are-not-judged"
        ),
    ],
)
def test_a_korean_text_must_read_as_korean(tmp_path, text, expected):
    assert _check(tmp_path, text) == expected


KOREAN_TEXTS = [(node, field) for node, field, language in TEXTS if language == "ko"]


@PLACE_SETTINGS
# At most three words of twelve letters: within the shortest text limit (a flag name's 40).
@given(
    text=st.sampled_from(KOREAN_TEXTS),
    words=st.lists(st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True), min_size=1, max_size=3),
)
def test_latin_letters_in_any_korean_field_are_refused_where_they_stand(tmp_path, text, words):
    node, field = text
    problems = _check(tmp_path, _replaced(node, '"' + " ".join(words) + '"'))
    assert len(problems) == 1
    assert problems[0].startswith(_at(node) + ": ")
    assert problems[0].endswith(f"{field} (Korean) reads as English; Korean expected")


@PLACE_SETTINGS
@given(
    text=st.sampled_from(KOREAN_TEXTS),
    latin=st.from_regex(r"[A-Z]{1,5}", fullmatch=True),
    hangul=st.text(alphabet="가나다라마바사아자차카타파하", min_size=5, max_size=20),
)
def test_a_korean_field_may_hold_a_latin_word_among_more_hangul(tmp_path, text, latin, hangul):
    node, _ = text
    # at least as many Hangul syllables as Latin letters
    korean = f"{latin}{hangul[: len(latin)]} {hangul}"
    assert _check(tmp_path, _replaced(node, f'"{korean}"')) == []

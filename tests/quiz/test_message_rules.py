"""The message blocks' validator: the real file passes against the real quiz and terms pages; each
mistake written into the valid fixture gives its exact `file:line:column: message`."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.loader import QUIZ_FILE
from quiz.message_rules import TermsPage, check_messages_file, check_terms_pages
from quiz.messages import MESSAGES_FILE
from quiz.rules import validate_quiz
from quiz.schema import MESSAGES_SCHEMA_FILE, messages_schema_text
from quiz.site.pages import read_pages, settings_from_config
from quiz.site.settings import load_site_config
from quiz.site.terms import terms_pages
from tests.support.data import data_paths
from tests.support.examples import examples
from tests.support.site import ROOT
from tests.support.variants import Edit, write_variant

FIXTURES = Path(__file__).with_name("fixtures")
VALID = FIXTURES / "messages" / "valid.yml"


def _repeated(sentence: str, times: int) -> str:
    """`sentence` written `times` times, a space between."""
    return " ".join([sentence] * times)


# Each mistake: its edits to messages/valid.yml, and the exact messages the file then gives.
MISTAKES = {
    "alias": (
        [Edit(67, "[deposit", "&both [deposit")],
        [
            "alias.yml:67:12: the anchor '&both' is not allowed: "
            "the messages file uses no anchors or aliases; write each value out in full"
        ],
    ),
    "english-in-korean": (
        [Edit(9, "평소처럼 착수금입니다.", "A deposit, as usual.")],
        [
            "english-in-korean.yml:9:50: good-fit.usual: "
            "warm (Korean) reads as English; Korean expected"
        ],
    ),
    "missing-flag": (
        [
            Edit(68, "beta:", "# beta:"),
            Edit(69, "concern:", "# concern:"),
            Edit(70, "terms:", "# terms:"),
        ],
        [
            "missing-flag.yml:64:1: flags: no message for the quiz's flag 'beta': "
            "add flags.beta with its concern and terms"
        ],
    ),
    "missing-korean": (
        [Edit(69, ', ko: "베타는 중요합니다."', "")],
        ["missing-korean.yml:69:70: flags.beta.concern: formal (Korean) is missing"],
    ),
    "name-outside-greeting": (
        [Edit(12, "Proposal soon.", "Proposal soon, {name}.")],
        [
            "name-outside-greeting.yml:12:29: good-fit.closing.after-call: warm (English): "
            "{name} belongs only in the greeting with a name; write this text without it"
        ],
    ),
    # Every text within its 400 characters, the longest message over its 2,000.
    "over-long-message": (
        [
            Edit(16, "A few points.", _repeated("A few points.", 28)),
            Edit(19, "Reply when you can.", _repeated("Reply when you can.", 19)),
            Edit(29, '"Questions:"', f'"{_repeated("A few questions.", 14)}"'),
            Edit(30, '"Terms:"', f'"{_repeated("A few terms.", 18)}"'),
            Edit(66, "Alpha matters.", _repeated("Alpha matters.", 26)),
            Edit(69, "Beta matters.", _repeated("Beta matters.", 28)),
        ],
        [
            "over-long-message.yml:14:1: the longest proceed-with-care message "
            "(warm, before-call, English; concerns alpha, beta; 3 questions, a 120-character name) "
            "is 2,232 characters; the limit is 2,000: shorten its texts"
        ],
    ),
    "over-long-text": (
        [Edit(66, "Alpha matters.", "Alpha matters a great deal to me. " * 12)],
        [
            "over-long-text.yml:66:26: flags.alpha.concern: "
            "warm (English) is 408 characters long; the limit is 400"
        ],
    ),
    "unknown-clause": (
        [Edit(67, "kill-fee", "kill-fees")],
        [
            "unknown-clause.yml:67:22: flags.alpha: "
            "unknown clause 'kill-fees' in terms; the clauses are deposit, kill-fee"
        ],
    ),
    "unknown-question": (
        [Edit(70, "terms: [kill-fee]", "terms: [kill-fee]\n    asked-by: [beta-one, beta-three]")],
        [
            "unknown-question.yml:71:26: flags.beta: "
            "asked-by names 'beta-three', which is not a question of the quiz"
        ],
    ),
    "unknown-placeholder": (
        [Edit(3, "Dear {name}", "Dear {nmae}")],
        [
            "unknown-placeholder.yml:3:24: greeting.formal: named (English): "
            "needs {name} once, where the prospect's name goes (found 0)",
            "unknown-placeholder.yml:3:24: greeting.formal: named (English): "
            "unknown placeholder '{nmae}'; the only one is {name}, in the greeting with a name",
        ],
    ),
}


@pytest.fixture(scope="module")
def fixture_quiz(tmp_path_factory):
    """The quiz fixture with its two flags (alpha and beta), valid."""
    pages = tmp_path_factory.mktemp("flags")
    for name in ("alpha.md", "alpha.ko.md", "beta.md", "beta.ko.md"):
        (pages / name).write_text("page", encoding="utf-8")
    quiz, problems = validate_quiz(FIXTURES / "valid.yml", pages)
    assert problems == []
    return quiz


@pytest.fixture(scope="module")
def real_quiz():
    quiz, problems = validate_quiz(QUIZ_FILE, ROOT / "docs" / "flags")
    assert problems == []
    return quiz


@pytest.fixture(scope="module")
def real_terms_pages():
    settings = settings_from_config(load_site_config(ROOT / "mkdocs.yml"))
    return terms_pages(settings, read_pages(settings))


def _problems(path: Path, quiz, pages=None) -> list[str]:
    return [str(problem) for problem in check_messages_file(path, quiz, path.name, pages).problems]


def _mistake(tmp_path: Path, name: str) -> Path:
    return write_variant(tmp_path / f"{name}.yml", VALID, *MISTAKES[name][0])


def test_the_fixture_is_valid(fixture_quiz):
    """So that each mistake written into it is the only one in its file."""
    assert _problems(VALID, fixture_quiz) == []


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_gives_its_exact_message(tmp_path, fixture_quiz, name):
    assert _problems(_mistake(tmp_path, name), fixture_quiz) == MISTAKES[name][1]


def test_the_real_messages_are_valid_against_the_real_quiz_and_both_terms_pages(
    real_quiz, real_terms_pages
):
    assert sorted(real_terms_pages) == ["en", "ko"]
    checked = check_messages_file(MESSAGES_FILE, real_quiz, "quiz/messages.yml", real_terms_pages)
    assert checked.problems == []
    assert list(checked.messages.flags) == [flag.id for flag in real_quiz.flags]
    assert {
        "deposit",
        "change-requests",
        "revisions",
        "payment-terms",
        "kill-fee",
        "response-times",
        "rights",
    } <= set(checked.messages.clauses)


def test_the_rules_that_need_the_quiz_wait_for_a_valid_one(tmp_path):
    """With a broken quiz, the messages file is still read and checked on its own."""
    assert _problems(VALID, None) == []
    assert _problems(_mistake(tmp_path, "missing-flag"), None) == []
    assert _problems(_mistake(tmp_path, "unknown-placeholder"), None) != []


def _pages(**changes) -> dict[str, TermsPage]:
    """Terms pages that fit the fixture: both clauses as anchors."""
    pages = {
        language: TermsPage(f"docs/terms{suffix}.md", frozenset({"deposit", "kill-fee", "by-flag"}))
        for language, suffix in (("en", ""), ("ko", ".ko"))
    }
    for language, page in changes.items():
        pages[language] = page
    return pages


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (_pages(), []),
        (
            _pages(ko=TermsPage("docs/terms.ko.md", frozenset({"deposit", "by-flag"}))),
            [
                "valid.yml:76:3: clause 'kill-fee' has no section on docs/terms.ko.md: "
                "a clause's id is the anchor of its heading there ({#kill-fee})"
            ],
        ),
    ],
    ids=["agree", "missing-anchor-in-korean"],
)
def test_every_clause_is_an_anchor_of_the_terms_page_in_each_language(
    fixture_quiz, pages, expected
):
    assert _problems(VALID, fixture_quiz, pages) == expected


def test_the_terms_check_runs_on_one_page_as_a_build_renders_it(fixture_quiz):
    checked = check_messages_file(VALID, fixture_quiz, VALID.name)
    page = TermsPage("docs/terms.ko.md", frozenset({"deposit"}))
    assert [str(problem) for problem in check_terms_pages(checked, {"ko": page})] == [
        "valid.yml:76:3: clause 'kill-fee' has no section on docs/terms.ko.md: "
        "a clause's id is the anchor of its heading there ({#kill-fee})"
    ]


def test_the_committed_json_schema_is_generated_from_the_models():
    assert MESSAGES_SCHEMA_FILE.read_text(encoding="utf-8") == messages_schema_text(), (
        "run scripts/schema.py"
    )


def test_the_real_messages_match_their_json_schema_and_the_schema_refuses_what_the_model_refuses(
    tmp_path,
):
    schema = json.loads(MESSAGES_SCHEMA_FILE.read_text(encoding="utf-8"))
    data = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["flags"]["vision"]["concern"]["warm"]["ko"] = "가" * 401
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    del data["flags"]["vision"]["concern"]["warm"]["ko"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


REAL = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
PATHS = list(data_paths(REAL))
PROBLEM = re.compile(r"^messages\.yml:\d+:\d+: \S.*$", re.S)


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(PATHS),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 5),
        st.text(max_size=30),
        st.sampled_from(["{x}", "{name}", "}{", "x" * 500, "한국어 {name}"]),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    ),
)
def test_a_broken_messages_file_always_gets_file_line_column_answers(
    tmp_path, real_quiz, path, value
):
    data = copy.deepcopy(REAL)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    broken = tmp_path / "messages.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = check_messages_file(broken, real_quiz, "messages.yml").problems
    assert all(PROBLEM.match(str(problem)) for problem in problems), problems

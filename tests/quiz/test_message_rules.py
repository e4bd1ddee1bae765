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

from quiz.drafting import browser_messages
from quiz.loader import QUIZ_FILE
from quiz.message_rules import TermsPage, _longest_seen, check_messages_file, check_terms_pages
from quiz.messages import MESSAGES_FILE
from quiz.rules import validate_quiz
from quiz.schema import MESSAGES_SCHEMA_FILE, messages_schema_text
from quiz.site.pages import read_pages, settings_from_config
from quiz.site.settings import load_site_config
from quiz.site.terms import terms_pages
from quiz.synthetic import synthetic_messages, write_synthetic_quiz
from tests.support.data import data_paths
from tests.support.examples import examples
from tests.support.quiz import MESSAGES
from tests.support.site import ROOT
from tests.support.variants import Edit, write_variant

FIXTURES = Path(__file__).with_name("fixtures")
VALID = FIXTURES / "messages" / "valid.yml"


def _repeated(sentence: str, times: int) -> str:
    """`sentence` written `times` times, a space between."""
    return " ".join([sentence] * times)


# A `seen` line in both tones, for the mistakes that add one.
LINE = '{warm: {en: "Seen.", ko: "보았습니다."}, formal: {en: "Noted.", ko: "확인했습니다."}}'
# Each mistake: its edits to messages/valid.yml, and the exact messages the file then gives.
MISTAKES = {
    "alias": (
        [Edit(69, "[deposit", "&both [deposit")],
        [
            "alias.yml:69:12: the anchor '&both' is not allowed: "
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
            Edit(70, "beta:", "# beta:"),
            Edit(71, "concern:", "# concern:"),
            Edit(72, "settle:", "# settle:"),
            Edit(73, "terms:", "# terms:"),
        ],
        [
            "missing-flag.yml:65:1: flags: no message for the quiz's flag 'beta': "
            "add flags.beta with its concern and terms"
        ],
    ),
    "missing-korean": (
        [Edit(71, ', ko: "베타는 중요합니다."', "")],
        ["missing-korean.yml:71:70: flags.beta.concern: formal (Korean) is missing"],
    ),
    "name-outside-greeting": (
        [Edit(12, "Proposal soon.", "Proposal soon, {name}.")],
        [
            "name-outside-greeting.yml:12:29: good-fit.closing.after-call: warm (English): "
            "{name} belongs only in the greeting with a name; write this text without it"
        ],
    ),
    # Every text within its 400 characters, the longest message over its 2,600.
    "over-long-message": (
        [
            Edit(16, "A few points.", _repeated("A few points.", 28)),
            Edit(19, "Reply when you can.", _repeated("Reply when you can.", 19)),
            Edit(30, '"Questions:"', f'"{_repeated("A few questions.", 14)}"'),
            Edit(31, '"Terms:"', f'"{_repeated("A few terms.", 18)}"'),
            Edit(67, "Alpha matters.", _repeated("Alpha matters.", 26)),
            Edit(71, "Beta matters.", _repeated("Beta matters.", 28)),
            # Alpha's two answers worth raising say more than its concern, so they count instead;
            # figures count at their widest (999).
            Edit(85, '"You said strong."', f'"{_repeated("You said strong.", 23)}"'),
            Edit(
                87,
                '"Often, in {payment-days} days."',
                f'"{_repeated("Often, in {payment-days} days.", 12)}"',
            ),
            Edit(77, '"A {deposit}% deposit."', f'"{_repeated("A {deposit}% deposit.", 11)}"'),
        ],
        [
            "over-long-message.yml:14:1: the longest proceed-with-care message "
            "(warm, before-call, English; concerns alpha, beta; 3 questions, a 120-character name "
            "and signature) is 2,755 characters; the limit is 2,600: shorten its texts"
        ],
    ),
    "over-long-text": (
        [Edit(67, "Alpha matters.", "Alpha matters a great deal to me. " * 12)],
        [
            "over-long-text.yml:67:26: flags.alpha.concern: "
            "warm (English) is 408 characters long; the limit is 400"
        ],
    ),
    "unknown-clause": (
        [Edit(69, "kill-fee", "kill-fees")],
        [
            "unknown-clause.yml:69:22: flags.alpha: "
            "unknown clause 'kill-fees' in terms; the clauses are deposit, kill-fee"
        ],
    ),
    "unknown-clause-in-a-seen-line": (
        [Edit(85, "    strong: {warm:", "    strong: {terms: [kill-fee, deposits], warm:")],
        [
            "unknown-clause-in-a-seen-line.yml:85:32: seen.alpha-one.strong: "
            "unknown clause 'deposits' in terms; the clauses are deposit, kill-fee"
        ],
    ),
    "unknown-question": (
        [Edit(73, "terms: [kill-fee]", "terms: [kill-fee]\n    asked-by: [beta-one, beta-three]")],
        [
            "unknown-question.yml:74:26: flags.beta: "
            "asked-by names 'beta-three', which is not a question of the quiz"
        ],
    ),
    "seen-for-a-dealbreaker": (
        [Edit(87, '자주입니다."}}', '자주입니다."}}\n  beta-one:\n    "yes": ' + LINE)],
        [
            "seen-for-a-dealbreaker.yml:89:5: seen.beta-one.yes: this answer is a dealbreaker, "
            "and its message declines instead of naming it: take the line out"
        ],
    ),
    "seen-for-a-mild-answer": (
        [Edit(85, "    strong:", f"    some: {LINE}\n    strong:")],
        [
            "seen-for-a-mild-answer.yml:85:5: seen.alpha-one.some: this answer is not worth "
            "raising (under 2 points and no floor), so no message names it: take the line out"
        ],
    ),
    "seen-for-an-unknown-option": (
        [Edit(85, "    strong:", f"    maybe: {LINE}\n    strong:")],
        [
            "seen-for-an-unknown-option.yml:85:5: seen.alpha-one.maybe: "
            "question 'alpha-one' has no option 'maybe'"
        ],
    ),
    "seen-for-an-unknown-question": (
        [Edit(84, "  alpha-one:", f"  gamma-one:\n    strong: {LINE}\n  alpha-one:")],
        [
            "seen-for-an-unknown-question.yml:84:3: seen.gamma-one: "
            "the quiz has no question 'gamma-one'"
        ],
    ),
    "seen-missing": (
        [Edit(86, "  alpha-two:", "  # alpha-two:"), Edit(87, "    often:", "    # often:")],
        [
            "seen-missing.yml:83:1: seen: no line for the answer 'alpha-two:often' (2 points): "
            "add seen.alpha-two.often with what was seen, in both tones"
        ],
    ),
    "settled-by-an-unknown-answer": (
        [Edit(79, "alpha-two:no", "alpha-two:never")],
        [
            "settled-by-an-unknown-answer.yml:79:18: clauses.deposit: settled-by names "
            "'alpha-two:never', which is not an answer of the quiz (question:option)"
        ],
    ),
    "usual-after-a-raised-answer": (
        [Edit(10, "  closing:", f'  usual-after:\n    "alpha-two:often": {LINE}\n  closing:')],
        [
            "usual-after-a-raised-answer.yml:11:5: good-fit.usual-after: 'alpha-two:often', "
            "which no good fit holds (it is worth raising, or a dealbreaker)"
        ],
    ),
    "usual-after-an-unknown-answer": (
        [Edit(10, "  closing:", f'  usual-after:\n    "alpha-one:unsure": {LINE}\n  closing:')],
        [
            "usual-after-an-unknown-answer.yml:11:5: good-fit.usual-after: 'alpha-one:unsure', "
            "which is not a definite answer of the quiz (question:option)"
        ],
    ),
    "term-in-a-greeting": (
        [Edit(2, "Hi {name},", "Hi {name}, at {deposit}%,")],
        [
            "term-in-a-greeting.yml:2:22: greeting.warm: named (English): {deposit} belongs only "
            "in a message's body, where the reader's terms are filled in; "
            "write this text without it"
        ],
    ),
    "term-in-a-title": (
        [Edit(76, "en: Deposit,", 'en: "Deposit {deposit}%",')],
        [
            "term-in-a-title.yml:76:17: clauses.deposit: title (English): {deposit} belongs only "
            "in a message's body, where the reader's terms are filled in; "
            "write this text without it"
        ],
    ),
    "unknown-term": (
        [Edit(77, '"A {deposit}% deposit."', '"A {depost}% deposit."')],
        [
            "unknown-term.yml:77:16: clauses.deposit: line (English): unknown placeholder "
            "'{depost}'; the placeholders are {name}, in the greeting with a name, and the "
            "reader's terms {deposit}, {payment-days}, {revisions}, {rush}"
        ],
    ),
    "unknown-placeholder": (
        [Edit(3, "Dear {name}", "Dear {nmae}")],
        [
            "unknown-placeholder.yml:3:24: greeting.formal: named (English): "
            "needs {name} once, where the prospect's name goes (found 0)",
            "unknown-placeholder.yml:3:24: greeting.formal: named (English): "
            "unknown placeholder '{nmae}'; the placeholders are {name}, in the greeting with a "
            "name, and the reader's terms {deposit}, {payment-days}, {revisions}, {rush}",
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


def test_the_longest_case_names_as_many_answers_as_a_message_raising_that_many_flags(real_quiz):
    """Three lines for a flag raised alone or with one other, two each for three flags: the
    worst case counts what a draft can hold."""
    island = browser_messages(MESSAGES, "en", real_quiz)
    owner = {question.id: flag.id for flag, question in real_quiz.questions()}
    alone = _longest_seen(island, ("unresponsive",), owner, "warm")
    assert [len(keys) for keys in alone] == [3]
    three = _longest_seen(island, ("unresponsive", "expectations", "integrity"), owner, "warm")
    assert [len(keys) for keys in three] == [2, 2, 2]


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
                "valid.yml:80:3: clause 'kill-fee' has no section on docs/terms.ko.md: "
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
        "valid.yml:80:3: clause 'kill-fee' has no section on docs/terms.ko.md: "
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


def test_the_benchmarks_generated_quiz_and_its_messages_are_valid(tmp_path, real_quiz):
    """`make bench` builds a copy of the site with a generated quiz over the real flags and the
    real messages fitted to it (quiz/synthetic.py): both must pass the same checks as the real
    ones, or the benchmark's build stops."""
    flags = [flag.id for flag in real_quiz.flags]
    quiz_path = write_synthetic_quiz(tmp_path / "quiz.yml", 40, flags)
    quiz, problems = validate_quiz(quiz_path, ROOT / "docs" / "flags")
    assert problems == []
    data = yaml.safe_load(quiz_path.read_text(encoding="utf-8"))
    messages_path = tmp_path / "messages.yml"
    messages_path.write_text(json.dumps(synthetic_messages(data), ensure_ascii=False), "utf-8")
    assert check_messages_file(messages_path, quiz).problems == []

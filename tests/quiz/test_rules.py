"""The quiz validator: the real file passes; each mistake written into the valid fixture gives its
exact message."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.loader import QUIZ_FILE
from quiz.reachability import reachable_bands
from quiz.rules import validate_quiz
from quiz.schema import SCHEMA_FILE, schema_text
from quiz.scoring import score
from quiz.synthetic import write_synthetic_quiz
from tests.support.site import ROOT
from tests.support.variants import Edit, write_variant

VALID = Path(__file__).with_name("fixtures") / "valid.yml"

# Each mistake: its edits to valid.yml, and the exact messages the file then gives.
MISTAKES = {
    "basics-unknown-and-twice": (
        [
            Edit(
                5,
                "min_definite: 0.5",
                "min_definite: 0.5\nbasics: [beta-one, alpha-four, beta-one]",
            )
        ],
        [
            "basics-unknown-and-twice.yml:6:20: basics: 'alpha-four' is not a question of the quiz",
            "basics-unknown-and-twice.yml:6:32: basics: 'beta-one' is named twice",
        ],
    ),
    "outcomes-mixed": (
        [
            Edit(
                5,
                "min_definite: 0.5",
                "min_definite: 0.5\noutcomes:\n  - {id: paid, went: well, decides: declined}"
                "\n  - {id: lost}\n  - {id: paid, went: badly}",
            )
        ],
        [
            "outcomes-mixed.yml:7:3: outcomes: none is `decides: signed`",
            "outcomes-mixed.yml:7:5: outcome 'paid': give it either "
            "`decides` or `went`, not both or neither",
            "outcomes-mixed.yml:8:5: outcome 'lost': give it either "
            "`decides` or `went`, not both or neither",
            "outcomes-mixed.yml:9:5: outcome id 'paid' is used twice (first on line 7)",
        ],
    ),
    "bad-id": (
        [Edit(38, "beta", "Beta Flag")],
        [
            "bad-id.yml:38:9: flag 'Beta Flag': "
            "id 'Beta Flag' must be lowercase letters, digits and single hyphens"
        ],
    ),
    "duplicate-flag-id": (
        [Edit(38, "beta", "alpha")],
        [
            "duplicate-flag-id.yml:13:3: "
            "the quiz has no flag for the guide page docs/flags/beta.md",
            "duplicate-flag-id.yml:38:5: flag id 'alpha' is used twice (first on line 13)",
        ],
    ),
    "duplicate-key": (
        [Edit(40, "weight: 2", "weight: 2\n    weight: 3")],
        ["duplicate-key.yml:41:5: key 'weight' appears twice in the same mapping"],
    ),
    "duplicate-option-id": (
        [Edit(36, "often", '"no"')],
        [
            "duplicate-option-id.yml:36:13: flag 'alpha', question 'alpha-two': "
            "option id 'no' is used twice (first on line 35)"
        ],
    ),
    "duplicate-question-id": (
        [Edit(29, "alpha-two", "alpha-one")],
        [
            "duplicate-question-id.yml:29:9: flag 'alpha': "
            "question id 'alpha-one' is used twice (first on line 19)"
        ],
    ),
    "empty-text": (
        [Edit(45, '"셋째?"', '"  "')],
        ["empty-text.yml:45:34: flag 'beta', question 'beta-one': text (Korean) is empty"],
    ),
    "invalid-yaml": (
        [Edit(30, '"둘째?"}', '"둘째?"')],
        ["invalid-yaml.yml:31:9: not valid YAML: did not find expected ',' or '}'"],
    ),
    "min-definite-zero": (
        [Edit(5, "0.5", "0")],
        ["min-definite-zero.yml:5:15: min_definite must be more than 0.0, not 0"],
    ),
    "missing-band": (
        [Edit(10, "walk-away:", "# walk-away:")],
        ["missing-band.yml:7:3: bands: walk-away is missing"],
    ),
    "missing-korean": (
        [Edit(32, ", ko: 이유.", "")],
        ["missing-korean.yml:32:15: flag 'alpha', question 'alpha-two': hint (Korean) is missing"],
    ),
    "negative-weight": (
        [Edit(40, "weight: 2", "weight: -1")],
        ["negative-weight.yml:40:13: flag 'beta': weight must be more than 0.0, not -1"],
    ),
    "no-questions": (
        [Edit(43, "questions:", "questions: []\n    unused:")],
        [
            "no-questions.yml:43:16: flag 'beta': questions needs at least 1 item",
            "no-questions.yml:44:5: flag 'beta': unknown key 'unused'",
        ],
    ),
    "no-unsure-option": (
        [Edit(28, "- {id: unsure", "# - {id: unsure")],
        [
            "no-unsure-option.yml:25:11: flag 'alpha', question 'alpha-one': "
            'needs exactly one "Not sure yet" option (unsure: true), found none'
        ],
    ),
    "no-zero-option": (
        [Edit(35, "points: 0", "points: 1")],
        [
            "no-zero-option.yml:35:11: flag 'alpha', question 'alpha-two': "
            "needs an option with 0 points (no concern)"
        ],
    ),
    "option-without-points": (
        [Edit(52, " points: 1,", "")],
        [
            "option-without-points.yml:52:13: flag 'beta', question 'beta-one', option 'mild': "
            "points are missing (0 to 3, or unsure: true)"
        ],
    ),
    "points-not-a-number": (
        [Edit(27, "points: 3", "points: lots")],
        [
            "points-not-a-number.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
            "points must be a whole number, not the text 'lots'"
        ],
    ),
    "points-out-of-range": (
        [Edit(27, "points: 3", "points: 4")],
        [
            "points-out-of-range.yml:27:34: flag 'alpha', question 'alpha-one', option 'strong': "
            "points must be at most 3, not 4"
        ],
    ),
    "placeholder-outside-an-ask": (
        [Edit(22, "Because.", '"Because of {deposit}."')],
        [
            "placeholder-outside-an-ask.yml:22:20: flag 'alpha', question 'alpha-one': "
            "hint (English): {deposit} belongs only in a question's ask or email, where the "
            "reader's terms are filled in"
        ],
    ),
    "placeholder-unknown": (
        [Edit(23, '"Ask one?"', '"A {fee}% fee, {rush}% for rush?"')],
        [
            "placeholder-unknown.yml:23:19: flag 'alpha', question 'alpha-one': "
            "ask (English): unknown placeholder '{fee}'; the reader's terms are {deposit}, "
            "{payment-days}, {revisions}, {rush}"
        ],
    ),
    "placeholder-lone-brace": (
        [Edit(23, '"질문 하나?"', '"질문 {하나?"')],
        [
            "placeholder-lone-brace.yml:23:35: flag 'alpha', question 'alpha-one': "
            "ask (Korean): a lone brace; a placeholder reads {deposit}"
        ],
    ),
    "same-covers": (
        [Edit(31, '"Behaviour Second"', '"behaviour  first"')],
        [
            "same-covers.yml:31:22: question 'alpha-two' covers the same behaviour as 'alpha-one' "
            "(line 21); merge them or say what each one measures"
        ],
    ),
    "threshold-out-of-range": (
        [Edit(4, "75", "120")],
        ["threshold-out-of-range.yml:4:14: thresholds: walk-away must be at most 100, not 120"],
    ),
    "thresholds-not-increasing": (
        [Edit(3, "50", "20")],
        [
            "thresholds-not-increasing.yml:2:3: thresholds must increase strictly: "
            "proceed-with-care (25) < high-risk (20) < walk-away (75)"
        ],
    ),
    "two-unsure-options": (
        [Edit(36, "points: 2", "unsure: true")],
        [
            "two-unsure-options.yml:35:11: flag 'alpha', question 'alpha-two': "
            "needs an option with more than 0 points, or it can never raise a concern",
            "two-unsure-options.yml:35:11: flag 'alpha', question 'alpha-two': "
            'needs exactly one "Not sure yet" option (unsure: true), found 2',
        ],
    ),
    "unknown-flag-page": (
        [Edit(38, "beta", "gamma")],
        [
            "unknown-flag-page.yml:13:3: "
            "the quiz has no flag for the guide page docs/flags/beta.md",
            "unknown-flag-page.yml:38:5: flag 'gamma' has no guide page docs/flags/gamma.md",
        ],
    ),
    "unknown-key": (
        [Edit(40, "weight: 2", "weight: 2\n    colour: red")],
        ["unknown-key.yml:41:5: flag 'beta': unknown key 'colour'"],
    ),
    "unreachable-band": (
        [Edit(3, "50", "74")],
        [
            "unreachable-band.yml:2:3: band 'high-risk' (scores 74 to 74) "
            "cannot be reached by any set of definite answers"
        ],
    ),
    "unsure-with-points": (
        [Edit(37, "unsure: true,", "unsure: true, points: 0,")],
        [
            "unsure-with-points.yml:37:48: flag 'alpha', question 'alpha-two', option 'unsure': "
            'a "Not sure yet" option has no points'
        ],
    ),
}


@pytest.fixture
def flag_pages(tmp_path) -> Path:
    """A guide with pages for the fixture's two flags (alpha and beta)."""
    for name in ("alpha.md", "alpha.ko.md", "beta.md", "beta.ko.md"):
        (tmp_path / name).write_text("page", encoding="utf-8")
    return tmp_path


def test_the_fixture_is_valid(flag_pages):
    """So that each mistake written into it is the only one in its file."""
    assert validate_quiz(VALID, flag_pages)[1] == []


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_gives_its_exact_message(tmp_path, flag_pages, name):
    edits, expected = MISTAKES[name]
    path = write_variant(tmp_path / f"{name}.yml", VALID, *edits)
    assert [str(problem) for problem in validate_quiz(path, flag_pages, path.name)[1]] == expected


def test_the_real_quiz_is_valid_and_covers_every_guide_page():
    quiz, problems = validate_quiz(QUIZ_FILE, ROOT / "docs" / "flags")
    assert problems == []
    assert [flag.id for flag in quiz.flags] == [
        "boundaries",
        "vision",
        "values",
        "micromanager",
        "expectations",
        "unresponsive",
        "integrity",
        "profile",
        "distrust",
        "wrong-fit",
    ]
    assert 20 <= len(quiz.questions()) <= 30
    assert all(2 <= len(flag.questions) <= 5 for flag in quiz.flags)
    # A dealbreaker closes the door (decline firmly, no invitation back): only a matter of values or
    # honesty may carry one; a fit, focus or timing decline leaves the door open, so those answers
    # set a floor at most.
    dealbreakers = [
        (flag.id, option)
        for flag, question in quiz.questions()
        for option in question.options
        if option.dealbreaker
    ]
    assert dealbreakers and {flag for flag, _ in dealbreakers} <= {"values", "integrity"}


def test_every_band_of_the_real_quiz_has_a_witness_the_scorer_confirms():
    quiz, _ = validate_quiz(QUIZ_FILE, ROOT / "docs" / "flags")
    witnesses = reachable_bands(quiz)
    assert set(witnesses) == {
        "good-fit",
        "proceed-with-care",
        "high-risk",
        "walk-away",
        "not-enough-info",
    }
    for band, answers in witnesses.items():
        assert score(quiz, answers).band == band


def test_a_missing_file_and_an_empty_file_are_reported(tmp_path, flag_pages):
    _, missing = validate_quiz(tmp_path / "nope.yml", flag_pages, "nope.yml")
    assert next(str(problem) for problem in missing).startswith(
        "nope.yml:1:1: cannot read the quiz file:"
    )
    empty = tmp_path / "empty.yml"
    empty.write_text("", encoding="utf-8")
    assert [str(p) for p in validate_quiz(empty, flag_pages, "empty.yml")[1]] == [
        "empty.yml:1:1: the quiz file is empty"
    ]
    listing = tmp_path / "list.yml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    assert [str(p) for p in validate_quiz(listing, flag_pages, "list.yml")[1]] == [
        "list.yml:1:1: the quiz file must be a mapping with thresholds, bands and flags"
    ]


@pytest.mark.parametrize("size", [250, 1000, 2000])
def test_large_generated_quizzes_validate_and_reach_every_band(tmp_path, flag_pages, size):
    path = write_synthetic_quiz(tmp_path / "big.yml", size, ["alpha", "beta"])
    quiz, problems = validate_quiz(path, flag_pages)
    assert problems == []
    assert len(quiz.questions()) == size


def test_a_band_that_no_whole_score_reaches_is_caught_by_the_dp(tmp_path, flag_pages):
    """One question worth 0 or 3 points: averages are 0 or 100, so the middle bands are unreachable
    (the strong answer that would set proceed-with-care on its own also averages 100)."""
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    data["flags"] = [data["flags"][1]]
    data["flags"][0]["questions"][0]["options"] = [
        {"id": "no", "points": 0, "text": {"en": "No", "ko": "아니요"}},
        {"id": "yes", "points": 3, "text": {"en": "Yes", "ko": "예"}},
        {"id": "unsure", "unsure": True, "text": {"en": "Not sure yet", "ko": "아직 모르겠습니다"}},
    ]
    path = tmp_path / "coarse.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (flag_pages / "alpha.md").unlink()
    (flag_pages / "alpha.ko.md").unlink()
    messages = [problem.message for problem in validate_quiz(path, flag_pages)[1]]
    assert messages == [
        "band 'high-risk' (scores 50 to 74) cannot be reached by any set of definite answers",
        "band 'proceed-with-care' (scores 25 to 49) "
        "cannot be reached by any set of definite answers",
    ]


def test_the_committed_json_schema_is_generated_from_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run scripts/schema.py"


def test_the_real_quiz_matches_its_json_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(QUIZ_FILE.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("flags", 0, "questions", 0, "options", 0, "points"), 7),
        (("flags", 0, "questions", 0, "options", 0, "points"), "1"),
        (("flags", 0, "questions", 0, "options", 0, "points"), True),
        (("flags", 0, "weight"), "2"),
        (("thresholds", "high-risk"), 50.5),
        (("flags", 0, "questions", 0, "options", -1, "unsure"), "true"),
        (("flags", 0, "name", "en"), "x" * 41),
        (("flags", 0, "questions", 0, "covers", "ko"), "가" * 81),
        (("flags", 0, "questions", 0, "text", "en"), "x" * 251),
        (("flags", 0, "questions", 0, "hint", "ko"), "가" * 401),
        (("flags", 0, "questions", 0, "hint", "en"), 3),
    ],
)
def test_the_json_schema_refuses_what_the_model_refuses(tmp_path, path, value):
    """Editors see the same types and limits as the validator: the schema and the model agree."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = yaml.safe_load(QUIZ_FILE.read_text(encoding="utf-8"))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert validate_quiz(broken, ROOT / "docs" / "flags")[1] != []


def _with_options(tmp_path, options: list[dict]) -> Path:
    """valid.yml with alpha-one's options replaced."""
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    # A dict used twice would be dumped as an alias, which the loader refuses.
    options = json.loads(json.dumps(options))
    data["flags"][0]["questions"][0]["options"] = [
        *options,
        {"id": "unsure", "unsure": True, "text": {"en": "Not sure yet", "ko": "아직 모르겠습니다"}},
    ]
    path = tmp_path / "floors.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


WHY = {"en": "Because.", "ko": "이유입니다."}


NO = {"id": "no", "points": 0, "text": {"en": "No", "ko": "아니요"}}
FLOOR_MISTAKES = {
    "floor-on-a-mild-answer": (
        [
            {
                "id": "some",
                "points": 1,
                "text": {"en": "Some", "ko": "조금"},
                "floor": {"band": "proceed-with-care", "why": WHY},
            },
            {
                "id": "strong",
                "points": 3,
                "text": {"en": "Strong", "ko": "강함"},
                "floor": {"band": "high-risk", "why": WHY},
            },
        ],
        "option 'some': only an answer worth 2 or 3 points (a concern) can set a floor on its own",
    ),
    "milder-floor-on-a-more-serious-answer": (
        [
            {
                "id": "often",
                "points": 2,
                "text": {"en": "Often", "ko": "자주"},
                "floor": {"band": "high-risk", "why": WHY},
            },
            {
                "id": "strong",
                "points": 3,
                "text": {"en": "Strong", "ko": "강함"},
                "floor": {"band": "proceed-with-care", "why": WHY},
            },
        ],
        "option 'strong': worth 3 points, it allows a milder band than 'often' "
        "(2 points, at least high-risk); raise its floor or lower the other's",
    ),
    "floor-of-walk-away": (
        [
            {
                "id": "strong",
                "points": 3,
                "text": {"en": "Strong", "ko": "강함"},
                "floor": {"band": "walk-away", "why": WHY},
            }
        ],
        "option 'strong': band: Input should be 'proceed-with-care' or 'high-risk'",
    ),
}


@pytest.mark.parametrize(("options", "message"), FLOOR_MISTAKES.values(), ids=list(FLOOR_MISTAKES))
def test_a_floor_is_refused_where_it_could_soften_or_exceed_the_rule(
    tmp_path, flag_pages, options, message
):
    """A floor only on a concern (2 or 3 points), never milder on a more serious answer (so raising
    an answer can never soften the verdict), and at most high risk (walk-away is a dealbreaker)."""
    path = _with_options(tmp_path, [NO, *options])
    messages = [problem.message for problem in validate_quiz(path, flag_pages)[1]]
    assert messages == ["flag 'alpha', question 'alpha-one', " + message]


def test_the_models_python_names_are_refused_like_any_unknown_key(tmp_path, flag_pages):
    """The file spells keys as the JSON Schema does (`proceed-with-care`); the models' own
    attribute names (`proceed_with_care`) are not a second spelling."""
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    data["thresholds"] = {"proceed_with_care": 25, "high-risk": 50, "walk-away": 75}
    path = tmp_path / "python-names.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [problem.message for problem in validate_quiz(path, flag_pages)[1]] == [
        "thresholds: unknown key 'proceed_with_care'"
    ]


def test_a_key_with_a_newline_or_a_terminal_escape_cannot_forge_a_line_of_the_report(
    tmp_path, flag_pages
):
    data = yaml.safe_load(VALID.read_text(encoding="utf-8"))
    data["flags"][1]["x\nquiz.yml:1:1: all good \x1b[32mOK"] = 1
    path = tmp_path / "forged.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    printed = [str(problem) for problem in validate_quiz(path, flag_pages)[1]]
    assert len(printed) == 1 and "\n" not in printed[0] and "\x1b" not in printed[0]
    assert printed[0].endswith("unknown key 'x\\nquiz.yml:1:1: all good \\x1b[32mOK'"), printed


def test_a_quoted_number_with_an_explicit_tag_is_refused_as_text(tmp_path, flag_pages):
    path = write_variant(tmp_path / "tagged.yml", VALID, Edit(40, "2", '!!int "2"'))
    assert [str(problem) for problem in validate_quiz(path, flag_pages, path.name)[1]] == [
        "tagged.yml:40:13: '2' is quoted, so it is text: write it without quotes or tag"
    ]

"""The reference scorer, on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quiz.model import Quiz
from quiz.scoring import MIN_CONCERNS, band, concerns, round_half_up, score

FIXTURE = yaml.safe_load(
    (Path(__file__).with_name("fixtures") / "valid.yml").read_text(encoding="utf-8")
)
QUIZ = Quiz.model_validate(FIXTURE)  # alpha (weight 1): maxima 3 and 2; beta (weight 2): maximum 3


def _tiny(*flags: tuple[float, list[list[int]]]) -> Quiz:
    """A quiz from (weight, [[points of each option] per question]) per flag."""
    text = {"en": "x", "ko": "엑스"}
    data = dict(FIXTURE)
    data["flags"] = [
        {
            "id": f"f{i}",
            "name": text,
            "weight": weight,
            "actions": [text],
            "questions": [
                {
                    "id": f"f{i}-q{j}",
                    "text": text,
                    "covers": {"en": f"q{i}-{j}", "ko": f"질문 {i}-{j}"},
                    "hint": text,
                    "ask": text,
                    "options": [{"id": f"p{p}", "points": p, "text": text} for p in points]
                    + [{"id": "unsure", "unsure": True, "text": text}],
                }
                for j, points in enumerate(questions)
            ],
        }
        for i, (weight, questions) in enumerate(flags)
    ]
    return Quiz.model_validate(data)


def _flag_scores(result) -> dict:
    return {flag.id: flag.score for flag in result.flags}


def test_all_no_concern_is_a_good_fit_with_zero_everywhere():
    result = score(QUIZ, {"alpha-one": "no", "alpha-two": "no", "beta-one": "no"})
    assert (result.band, result.score, _flag_scores(result)) == (
        "good-fit",
        0,
        {"alpha": 0, "beta": 0},
    )
    assert (result.definite, result.total, result.confidence) == (3, 3, 1.0)


def test_weights_and_ratios_combine_as_the_rule_says():
    # alpha: (3 + 2) / (3 + 2) = 1; beta: 1 / 3; overall 100 * (1 * 1 + 2 * 1/3) / 3 = 55.56 -> 56
    result = score(QUIZ, {"alpha-one": "strong", "alpha-two": "often", "beta-one": "mild"})
    assert (result.band, result.score, _flag_scores(result)) == (
        "high-risk",
        56,
        {"alpha": 100, "beta": 33},
    )


def test_unsure_answers_leave_the_maximum_out_and_a_flag_can_be_unknown():
    # alpha: only alpha-one counts, 1 / 3 -> 33; beta unknown; overall from alpha alone
    result = score(QUIZ, {"alpha-one": "some", "alpha-two": "unsure", "beta-one": "unsure"})
    assert _flag_scores(result) == {"alpha": 33, "beta": None}
    assert result.score == 33
    assert result.band == "not-enough-info"  # 1 definite answer < 0.5 * 3


def test_no_definite_answer_at_all_has_no_score():
    result = score(QUIZ, {"alpha-one": "unsure", "alpha-two": "unsure", "beta-one": "unsure"})
    assert (result.band, result.score, result.definite) == ("not-enough-info", None, 0)


def test_unanswered_questions_count_as_not_definite():
    result = score(QUIZ, {"alpha-one": "no", "beta-one": "no"})
    assert (result.definite, result.total, result.band) == (2, 3, "good-fit")


def test_a_dealbreaker_means_walk_away_whatever_the_score():
    # beta-one "yes" is a dealbreaker; the average alone (100 * 2 / 3 = 66.67 -> 67) would be
    # high-risk, so the score shown is raised to walk-away's lowest, 75, to agree with the band
    result = score(QUIZ, {"alpha-one": "no", "alpha-two": "no", "beta-one": "yes"})
    assert (result.band, result.score, result.average) == ("walk-away", 75, 67)
    assert (result.dealbreakers, result.raised_by) == ((("beta-one", "yes"),), ("beta-one:yes",))


def test_a_dealbreaker_wins_even_with_too_few_definite_answers():
    result = score(QUIZ, {"alpha-one": "unsure", "alpha-two": "unsure", "beta-one": "yes"})
    assert result.band == "walk-away"


def test_the_overall_score_rounds_half_up_at_point_five():
    # f0: 1 / 2 = 0.5, weight 1; f1: 0, weight 3; overall 100 * 0.5 / 4 = 12.5 -> 13 (not 12)
    quiz = _tiny((1, [[0, 1, 2]]), (3, [[0, 3]]))
    result = score(quiz, {"f0-q0": "p1", "f1-q0": "p0"})
    assert result.score == 13
    assert _flag_scores(result) == {"f0": 50, "f1": 0}


def test_the_flag_score_rounds_half_up_at_point_five():
    # 1 / 8 = 0.125 -> 12.5 -> 13
    quiz = _tiny((1, [[0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1]]))
    answers = {f"f0-q{j}": "p0" for j in range(8)} | {"f0-q0": "p1"}
    assert _flag_scores(score(quiz, answers)) == {"f0": 13}


@pytest.mark.parametrize(
    ("overall", "expected"),
    [
        (0, "good-fit"),
        (24, "good-fit"),
        (25, "proceed-with-care"),
        (49, "proceed-with-care"),
        (50, "high-risk"),
        (74, "high-risk"),
        (75, "walk-away"),
        (100, "walk-away"),
    ],
)
def test_each_threshold_starts_its_band(overall, expected):
    assert band(QUIZ, overall, definite=3, total=3) == expected


def test_the_minimum_share_of_definite_answers_is_inclusive():
    assert band(QUIZ, 10, definite=2, total=4) == "good-fit"  # 2 == 0.5 * 4
    assert band(QUIZ, 10, definite=1, total=4) == "not-enough-info"


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, 1), (1.5, 2), (2.5, 3), (12.5, 13), (12.4999, 12), (-0.5, 0)]
)
def test_round_half_up(value, expected):
    assert round_half_up(value) == expected


def _answers_with_points(quiz: Quiz, points: list[int]) -> dict[str, str]:
    """One answer per flag (each flag here has one question), worth the given points."""
    return {flag.questions[0].id: f"p{p}" for flag, p in zip(quiz.flags, points, strict=True)}


def test_concerns_are_every_flag_at_high_risk_or_above_strongest_first():
    quiz = _tiny(*[(1, [[0, 1, 2, 3]])] * 6)  # scores 0, 33, 67 or 100 per flag
    result = score(quiz, _answers_with_points(quiz, [2, 3, 2, 3, 2, 1]))
    shown = [(flag.id, flag.score) for flag in concerns(quiz, result)]
    # Ties in file order.
    assert shown == [
        ("f1", 100),
        ("f3", 100),
        ("f0", 67),
        ("f2", 67),
        ("f4", 67),
    ]
    assert all(score >= quiz.thresholds.high_risk for _, score in shown)


def test_concerns_are_at_least_the_strongest_few_when_few_reach_high_risk():
    quiz = _tiny(*[(1, [[0, 1, 2, 3]])] * 5)
    result = score(quiz, _answers_with_points(quiz, [1, 0, 2, 1, 1]))
    assert [(flag.id, flag.score) for flag in concerns(quiz, result)] == [
        ("f2", 67),
        ("f0", 33),
        ("f3", 33),
    ]
    assert MIN_CONCERNS == 3


def test_no_concern_without_points():
    quiz = _tiny(*[(1, [[0, 1, 2, 3]])] * 3)
    assert concerns(quiz, score(quiz, _answers_with_points(quiz, [0, 0, 0]))) == ()


def test_a_walk_away_says_whether_a_dealbreaker_or_the_score_decided_it():
    by_dealbreaker = score(QUIZ, {"alpha-one": "no", "alpha-two": "no", "beta-one": "yes"})
    assert (by_dealbreaker.band, by_dealbreaker.decided_by) == ("walk-away", "dealbreaker")
    quiz = _tiny((1, [[0, 3]]), (1, [[0, 3]]))
    by_score = score(quiz, _answers_with_points(quiz, [3, 3]))
    assert by_score.score == 100
    assert (by_score.band, by_score.decided_by) == ("walk-away", "score")
    assert score(QUIZ, {"alpha-one": "no", "alpha-two": "no", "beta-one": "no"}).decided_by is None


def test_a_serious_answer_is_never_averaged_away_and_the_score_follows_the_band():
    # alpha-one "strong" (3 points) alone: the average is 100 * (1 * 3/5) / 3 = 20, a good fit by
    # the thresholds, but one strong concern is at least proceed-with-care, whose lowest score is 25
    result = score(QUIZ, {"alpha-one": "strong", "alpha-two": "no", "beta-one": "no"})
    assert (result.band, result.score, result.average, result.raised_by) == (
        "proceed-with-care",
        25,
        20,
        ("flag:alpha",),
    )


def test_the_average_decides_when_it_is_as_serious_as_the_answers():
    # strong (2 serious points) and often (1) make 3: at least proceed-with-care; the average,
    # 100 * (1 * 5/5) / 3 = 33, is proceed-with-care too, so it decides and nothing is raised
    result = score(QUIZ, {"alpha-one": "strong", "alpha-two": "often", "beta-one": "no"})
    assert (result.band, result.score, result.average, result.raised_by) == (
        "proceed-with-care",
        33,
        33,
        (),
    )


def test_too_little_known_stays_not_enough_info_unless_depth_demands_high_risk():
    milder = score(QUIZ, {"alpha-one": "strong", "alpha-two": "unsure", "beta-one": "unsure"})
    assert (milder.band, milder.score) == ("not-enough-info", 100)
    breaker = score(QUIZ, {"alpha-one": "unsure", "alpha-two": "unsure", "beta-one": "yes"})
    assert (breaker.band, breaker.score, breaker.raised_by) == ("walk-away", 100, ("beta-one:yes",))


# The reader's own lines ("question:option"): a chosen one decides walk-away for that reader as a
# dealbreaker does for everyone, and the result says it was theirs.
CALM = {"alpha-one": "no", "alpha-two": "no", "beta-one": "no"}


def test_an_own_line_decides_walk_away_as_a_dealbreaker_does():
    answers = {**CALM, "alpha-one": "some"}  # 1 point: a good fit for anyone else
    assert score(QUIZ, answers).band == "good-fit"
    result = score(QUIZ, answers, own_lines=("alpha-one:some",))
    assert (result.band, result.score, result.average) == ("walk-away", 75, 7)
    assert (result.raised_by, result.own_lines, result.dealbreakers) == (
        ("alpha-one:some",),
        ("alpha-one:some",),
        (),
    )
    assert result.decided_by == "own-line"
    assert [flag.id for flag in concerns(QUIZ, result)] == ["alpha"]  # its flag comes first


def test_an_own_line_not_chosen_changes_nothing():
    answers = {**CALM, "alpha-one": "strong"}
    lines = ("alpha-one:some", "alpha-two:often", "beta-one:mild")
    assert score(QUIZ, answers, own_lines=lines) == score(QUIZ, answers)


def test_not_sure_yet_is_never_an_own_line():
    answers = {"alpha-one": "unsure", "alpha-two": "no", "beta-one": "no"}
    assert score(QUIZ, answers, own_lines=("alpha-one:unsure",)) == score(QUIZ, answers)


def test_an_own_line_wins_even_with_too_few_definite_answers():
    answers = {"alpha-one": "some", "alpha-two": "unsure", "beta-one": "unsure"}
    assert score(QUIZ, answers).band == "not-enough-info"
    result = score(QUIZ, answers, own_lines=["alpha-one:some"])
    assert (result.band, result.decided_by) == ("walk-away", "own-line")


def test_a_real_dealbreaker_still_reports_a_dealbreaker_beside_an_own_line():
    answers = {**CALM, "alpha-two": "often", "beta-one": "yes"}
    result = score(QUIZ, answers, own_lines={"alpha-two:often"})
    assert result.decided_by == "dealbreaker"
    assert result.raised_by == ("alpha-two:often", "beta-one:yes")  # both, in file order
    assert result.own_lines == ("alpha-two:often",)
    # A dealbreaker marked as an own line too is a dealbreaker, as for everyone.
    marked = score(QUIZ, {**CALM, "beta-one": "yes"}, own_lines={"beta-one:yes"})
    assert (marked.decided_by, marked.own_lines, marked.raised_by) == (
        "dealbreaker",
        (),
        ("beta-one:yes",),
    )


def test_an_own_line_decides_when_the_average_already_says_walk_away():
    quiz = _tiny((1, [[0, 3]]), (1, [[0, 3]]))
    answers = _answers_with_points(quiz, [3, 3])
    result = score(quiz, answers, own_lines=("f0-q0:p3",))
    assert (result.band, result.decided_by, result.raised_by) == (
        "walk-away",
        "own-line",
        ("f0-q0:p3",),
    )

"""The verdict against what a seasoned freelancer would conclude (tests/fixtures/calibration/),
and the properties the methodology page promises, on the real quiz."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.drafting import browser_messages, draft, fill_terms, plan, worth_raising
from quiz.messages import TIMINGS, TONES
from quiz.model import SEVERITY
from quiz.reachability import reachable_bands
from quiz.scoring import concerns, score
from tests.support.calibration import prospects
from tests.support.examples import examples
from tests.support.quiz import MESSAGES, QUESTIONS, QUIZ, unsure, zero
from tests.support.site import ROOT

PROSPECTS = prospects(QUIZ)
FLAGS = {flag.id: flag for flag in QUIZ.flags}


@pytest.mark.parametrize("prospect", PROSPECTS, ids=[prospect.id for prospect in PROSPECTS])
def test_every_calibration_prospect_gets_a_band_a_freelancer_would_accept(prospect):
    result = score(QUIZ, prospect.answers)
    first_two = [flag.id for flag in concerns(QUIZ, result)[:2]]
    assert result.band in prospect.bands, (
        f"{prospect.story} -> {result.band} ({result.score}), not {prospect.bands}"
    )
    if prospect.top:
        assert prospect.top in first_two, f"{prospect.story}: concerns begin {first_two}"


@pytest.mark.parametrize("prospect", [p for p in PROSPECTS if p.message], ids=lambda p: p.id)
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("timing", TIMINGS)
def test_the_drafted_message_speaks_of_what_the_prospect_raised(prospect, tone, timing):
    made = draft(QUIZ, MESSAGES, prospect.answers, "en", tone, timing)
    titles = " ".join(MESSAGES.clauses[anchor].title.en for anchor in made.terms)
    for word in prospect.message:
        assert word.casefold() in (made.text + " " + titles).casefold(), word


REVIEWS = [
    p for p in PROSPECTS if score(QUIZ, p.answers).band in ("proceed-with-care", "high-risk")
]
ISLANDS = {language: browser_messages(MESSAGES, language, QUIZ) for language in ("en", "ko")}


@pytest.mark.parametrize("prospect", REVIEWS, ids=lambda p: p.id)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_drafted_message_names_the_behaviour_behind_each_concern_it_raises(prospect, language):
    """Each concern the message raises is said as what the prospect did: the line of each of its
    answers worth raising (the most points first; three each for one or two concerns, two each
    for three), in both tones; and every clause below it answers one of those lines (or a flag
    raised without one), none is already settled, and a rush fee only answers a date."""
    island = ISLANDS[language]
    raised = plan(QUIZ, prospect.answers).concerns
    assert raised
    named = 0
    answering = set()
    for tone in TONES:
        made = draft(QUIZ, MESSAGES, prospect.answers, language, tone, "before-call")
        text = made.text
        for flag in raised:
            answers = sorted(
                (
                    (-option.points, question.id, option.id)
                    for owner, question in QUIZ.questions()
                    if owner.id == flag
                    for option in question.options
                    if option.id == prospect.answers[question.id] and worth_raising(option)
                ),
                key=lambda found: found[0],
            )
            answers = answers[: 3 if len(raised) < 3 else 2]
            for _, question, option in answers:
                line = island["seen"][question][option][tone]
                assert fill_terms(line, island["defaults"]) in text, (flag, question, option)
                answering.update(island["seen"][question][option]["terms"])
                named += 1
            if not answers:
                answering.update(island["flags"][flag]["terms"])
        assert set(made.terms) <= answering, (made.terms, answering)
        given = {f"{question}:{option}" for question, option in prospect.answers.items()}
        for clause in made.terms:
            assert given.isdisjoint(island["clauses"][clause]["settled-by"]), clause
        if "rush-fees" in made.terms:
            assert prospect.answers["boundaries-timeline"] in ("tight", "firm", "impossible")
    assert named, "a review that names nothing the prospect did"


def test_a_two_line_enquiry_is_asked_the_basics_of_the_project_first():
    """The prospect nothing is known about (but the kind of work) is asked by when, for what
    budget, who decides and what success looks like before anything else, as an email asks it,
    in both languages."""
    prospect = next(p for p in PROSPECTS if p.id == "all-unknown")
    open_basics = [question for question in QUIZ.basics if prospect.answers[question] == "unsure"]
    assert len(open_basics) == 4
    questions = plan(QUIZ, prospect.answers).questions
    assert list(questions[:4]) == open_basics
    for language in ("en", "ko"):
        text = draft(QUIZ, MESSAGES, prospect.answers, language, "formal", "before-call").text
        asked = [line.split(". ", 1)[1] for line in text.splitlines() if line[:1].isdigit()]
        assert asked == [ISLANDS[language]["asks"][question] for question in questions]


def test_there_are_enough_calibration_prospects_of_our_own_each_citing_the_guide():
    own = [prospect for prospect in PROSPECTS if prospect.source]
    assert len(own) >= 15
    for prospect in own:
        match = re.fullmatch(r"(docs/[\w/.-]+\.md):(\d+)(?:-(\d+))?", prospect.source)
        assert match, prospect.source
        lines = (ROOT / match[1]).read_text(encoding="utf-8").splitlines()
        assert 1 <= int(match[2]) <= int(match[3] or match[2]) <= len(lines), prospect.source
        assert lines[int(match[2]) - 1].strip(), f"{prospect.source} cites a blank line"


# The acts the guide calls enough on its own (shared/calibration's principles): at least high risk.
ENOUGH_ON_ITS_OWN = [
    ("boundaries-scope", "unwritten"),
    ("boundaries-payment", "later"),
    ("distrust-proof", "free-work"),
    ("expectations-outcomes", "guarantee"),
    ("values-fit", "conflict"),
]
# Ordinary caution and healthy behaviour (issue 17's list): no concern at all.
HEALTHY = [
    ("vision-success", "rough"),
    ("distrust-advice", "tested"),
    ("integrity-facts", "slip"),
    ("values-request", "dropped"),
    ("micromanager-process", "updates"),
    ("expectations-outcomes", "hopes"),
    ("values-fit", "taste"),
    ("profile-criteria", "most"),
]
OPTIONS = {
    (question.id, option.id): option for question in QUESTIONS for option in question.options
}


@pytest.mark.parametrize(("question", "option"), ENOUGH_ON_ITS_OWN)
def test_what_the_guide_calls_enough_on_its_own_sets_at_least_high_risk(question, option):
    assert SEVERITY.index(OPTIONS[question, option].least_band) >= SEVERITY.index("high-risk")


@pytest.mark.parametrize(("question", "option"), HEALTHY)
def test_healthy_behaviour_scores_nothing(question, option):
    assert OPTIONS[question, option].points == 0


def test_answers_run_from_the_mildest_to_the_most_serious():
    for question in QUESTIONS:
        points = [option.points for option in question.options if not option.unsure]
        assert points == sorted(points) and points[0] == 0, question.id


def test_every_band_can_be_reached():
    assert all(witness is not None for witness in reachable_bands(QUIZ).values())


ANSWERS = st.fixed_dictionaries(
    {
        question.id: st.sampled_from([option.id for option in question.options])
        for question in QUESTIONS
    }
)


def _points(question_id: str, option_id: str) -> int | None:
    return OPTIONS[question_id, option_id].points


@settings(max_examples=examples(400), deadline=None)
@given(answers=ANSWERS, data=st.data())
def test_a_more_serious_answer_never_gives_a_milder_verdict_or_a_lower_score(answers, data):
    question = data.draw(
        st.sampled_from([q for q in QUESTIONS if _points(q.id, answers[q.id]) is not None])
    )
    before = _points(question.id, answers[question.id])
    raised = [o.id for o in question.options if o.points is not None and o.points > before]
    if not raised:
        return
    worse = answers | {question.id: data.draw(st.sampled_from(raised))}
    old, new = score(QUIZ, answers), score(QUIZ, worse)
    if old.band == "not-enough-info":
        assert new.band in ("not-enough-info", "high-risk", "walk-away")
    else:
        assert SEVERITY.index(new.band) >= SEVERITY.index(old.band), (old.band, new.band)
    if old.band != "not-enough-info" and new.band != "not-enough-info":
        assert new.score >= old.score


@settings(max_examples=examples(300), deadline=None)
@given(answers=ANSWERS, data=st.data())
def test_an_answer_that_decides_alone_is_never_averaged_away(answers, data):
    question, option = data.draw(
        st.sampled_from([(q, o) for q in QUESTIONS for o in q.options if o.least_band])
    )
    result = score(QUIZ, answers | {question.id: option.id})
    assert result.band != "good-fit"
    if SEVERITY.index(option.least_band) >= SEVERITY.index("high-risk"):
        assert SEVERITY.index(result.band) >= SEVERITY.index(option.least_band), (
            question.id,
            option.id,
            result.band,
        )


@settings(max_examples=examples(300), deadline=None)
@given(answers=ANSWERS, data=st.data())
def test_a_flag_at_its_worst_on_every_definite_answer_is_never_a_good_fit(answers, data):
    flag = data.draw(st.sampled_from(QUIZ.flags))
    worst = {
        q.id: data.draw(
            st.sampled_from([max(q.options, key=lambda o: o.points or 0).id, unsure(q)])
        )
        for q in flag.questions
    }
    if all(option == unsure(q) for q, option in zip(flag.questions, worst.values(), strict=True)):
        worst[flag.questions[0].id] = max(flag.questions[0].options, key=lambda o: o.points or 0).id
    result = score(QUIZ, answers | worst)
    assert result.band != "good-fit"


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_ordinary_caution_alone_is_a_good_fit(data):
    answers = {
        q.id: data.draw(st.sampled_from([o.id for o in q.options if o.points == 0]))
        for q in QUESTIONS
    }
    for question in data.draw(
        st.lists(st.sampled_from(QUESTIONS), max_size=len(QUESTIONS) // 2, unique_by=lambda q: q.id)
    ):
        answers[question.id] = unsure(question)
    assert score(QUIZ, answers).band == "good-fit"


@settings(max_examples=examples(300), deadline=None)
@given(answers=ANSWERS)
def test_the_score_shown_agrees_with_the_band(answers):
    result = score(QUIZ, answers)
    t = QUIZ.thresholds
    starts = dict(zip(SEVERITY, (0, t.proceed_with_care, t.high_risk, t.walk_away), strict=True))
    if result.band in SEVERITY:
        index = SEVERITY.index(result.band)
        upper = starts[SEVERITY[index + 1]] if index + 1 < len(SEVERITY) else 101
        assert starts[result.band] <= result.score < upper
        assert bool(result.raised_by) == (
            bool(result.dealbreakers) or result.band != _alone(result)
        )
        if result.band == _alone(result):
            assert result.score == result.average


def _alone(result):
    from quiz.scoring import band

    return band(QUIZ, result.average, result.definite, result.total)


def test_a_headline_never_says_nothing_points_to_trouble():
    for band in QUIZ.bands.by_id().values():
        assert "nothing" not in band.verdict.en.casefold()


def test_the_flag_order_and_zero_helpers_agree():
    assert all(zero(question) == question.options[0].id for question in QUESTIONS)

"""The browser's drafted message agrees exactly with the Python reference (quiz/drafting.py): the
same text and the same clauses, for any answers, tone, timing, variant, language and name."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quiz.drafting import NAME_MAX, draft, variants
from quiz.messages import TIMINGS, TONES
from quiz.scoring import score
from tests.support.examples import examples
from tests.support.quiz import MESSAGES, QUESTIONS, QUIZ, draft_on_page

pytestmark = pytest.mark.browser


@st.composite
def answer_sets(draw) -> dict[str, str]:
    """Prospects of every kind, so that every band, reason and variant comes up: a ceiling on how
    strong an answer may be, a share of "Not sure yet", and now and then a dealbreaker."""
    ceiling = draw(st.integers(0, 3))
    unknown = draw(st.sampled_from([0, 1, 3, 9]))  # in ten
    dealbreakers = draw(st.integers(0, 3)) == 0
    answers = {}
    for question in QUESTIONS:
        options = [
            o
            for o in question.options
            if not o.unsure and o.points <= ceiling and (dealbreakers or o.dealbreaker is None)
        ]
        unsure = draw(st.integers(0, 9)) < unknown
        answers[question.id] = (
            next(o.id for o in question.options if o.unsure)
            if unsure
            else draw(st.sampled_from(options)).id
        )
    return answers


# Half graded prospects, half answered at random (mostly walk-aways: most options raise concern).
ANSWER_SETS = st.one_of(
    answer_sets(),
    st.fixed_dictionaries({q.id: st.sampled_from([o.id for o in q.options]) for q in QUESTIONS}),
)
# Names as people type them, and worse: markup, every kind of white space Python and JavaScript
# disagree on, the Korean honorific, letters outside the Basic Multilingual Plane.
NAME_TEXT = st.text(
    alphabet=st.sampled_from(
        [*list("Ana María 박민아님<b>&;'\"\t\xa0\u3000\u2028\x85\x1c\ufeff"), "😀", "𠀀"]
    ),
    max_size=NAME_MAX,
)


@pytest.mark.parametrize("language", ["en", "ko"])
@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=ANSWER_SETS,
    tone=st.sampled_from(TONES),
    timing=st.sampled_from(TIMINGS),
    name=NAME_TEXT,
    data=st.data(),
)
def test_the_browser_drafts_what_python_drafts(
    quiz_pages, language, answers, tone, timing, name, data
):
    result = score(QUIZ, answers)
    variant = data.draw(st.sampled_from([None, *variants(result)]))
    event(f"{result.band} {result.decided_by or ''} {variant or ''}".strip())
    shown = draft_on_page(quiz_pages[language], answers, tone, timing, variant, name)
    # The name as the field holds it (a text field drops line breaks); the reference takes that.
    reference = draft(QUIZ, MESSAGES, answers, language, tone, timing, shown["name"], variant)
    assert (shown["text"], shown["terms"]) == (reference.text, list(reference.terms))

"""The browser engine agrees exactly with the Python reference scorer, in both languages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.scoring import score
from tests.support.examples import examples
from tests.support.quiz import expected, real_quiz, submit

pytestmark = pytest.mark.browser

QUIZ = real_quiz()
ANSWER_SETS = st.fixed_dictionaries(
    {
        question.id: st.sampled_from([option.id for option in question.options])
        for _, question in QUIZ.questions()
    }
)


@pytest.mark.parametrize("language", ["en", "ko"])
@settings(max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=ANSWER_SETS)
def test_browser_and_python_give_the_same_scores_and_band(quiz_pages, language, answers):
    assert submit(quiz_pages[language], answers) == expected(score(QUIZ, answers), QUIZ)


@pytest.mark.parametrize("language", ["en", "ko"])
@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_parity_holds_for_answer_sets_without_dealbreakers(quiz_pages, language, data):
    """Most random sets hit a dealbreaker; these explore the score bands themselves."""
    answers = {
        question.id: data.draw(
            st.sampled_from([o.id for o in question.options if o.dealbreaker is None])
        )
        for _, question in QUIZ.questions()
    }
    assert submit(quiz_pages[language], answers) == expected(score(QUIZ, answers), QUIZ)

"""The drafted message: one for every band and variant, complete, short enough to send, in the
page's language, with the prospect's name verbatim, naming what was seen, with the reader's own
terms; the plan's choices on hand-made answer sets."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.drafting import (
    MAX_NAMED,
    MAX_QUESTIONS,
    MAX_SEEN,
    MAX_TERMS,
    MESSAGE_LIMIT,
    NAME_MAX,
    Plan,
    browser_messages,
    choose_terms,
    compose,
    draft,
    fill_terms,
    plan,
    seen_limit,
    variants,
    worth_raising,
)
from quiz.language import HANGUL, written_in
from quiz.messages import NAME, TERMS, TIMINGS, TONES
from quiz.scoring import concerns, score
from tests.support.calibration import prospects
from tests.support.examples import examples
from tests.support.quiz import MESSAGES, QUIZ

ISLANDS = {language: browser_messages(MESSAGES, language, QUIZ) for language in ("en", "ko")}
QUESTIONS = QUIZ.questions()
FLAG_OF = {question.id: flag for flag, question in QUESTIONS}
DEFAULTS = ISLANDS["en"]["defaults"]
# The reader's own terms, every figure unlike its default.
OWN_TERMS = {
    "deposit": 45,
    "payment-days": 21,
    "revisions": 3,
    "rush": 80,
    "signature": "Mina Park",
}
STYLES = [(tone, timing) for tone in TONES for timing in TIMINGS]
# The answers that set a date shorter than the usual timeline: tight (with a reason), firm, or
# impossible; only these, or a date not yet known, may bring a rush fee.
TIMELINE = ("tight", "firm", "impossible")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Capital letters standing for what the reader was to fill in ("A and B, but not C", "A와 B"):
# two or more of them in one message (a sentence may well start with the article "A").
LETTER = re.compile(r"(?<![\w.])([ABC])(?![\w.])")
NUMBERED = re.compile(r"^\d+\. ")
# The 해요체 question endings the brief keeps out of formal Korean messages (content-style.md):
# "-어요?", "-세요?", "-나요?", "-겠어요?" (the courteous "-(으)실까요?", "-(으)신가요?" stay).
HAEYO = re.compile(r"(?:어요|세요|나요|해요|예요|에요|죠)\?")
# A sentence that leaves the door open or points elsewhere; a dealbreaker's decline has none.
REOPENING = {
    "en": (
        "plans change",
        "hear from you",
        "get in touch",
        "down the line",
        "in the future",
        "later",
        "suggest",
        "recommend",
        "colleague",
        "someone",
        "next available",
    ),
    "ko": ("다시 연락", "나중에", "이후", "언제든", "소개", "다음에"),
}


def answers(**chosen: str) -> dict[str, str]:
    """Every question at its 0-point option, but for the ones named (underscores for hyphens)."""
    base = {
        question.id: next(o.id for o in question.options if o.points == 0)
        for _, question in QUESTIONS
    }
    base.update({key.replace("_", "-"): value for key, value in chosen.items()})
    return base


def unsure(*questions: str, **chosen: str) -> dict[str, str]:
    return answers(**chosen) | {question: "unsure" for question in questions}


GOOD_FIT = answers()
# Two concerns (serious enough together to leave good fit) and a few mild answers.
CARE = answers(
    boundaries_price="returning",
    boundaries_payment="stretch",
    expectations_scope="phasing",
    unresponsive_materials="partial",
    vision_success="vague",
    distrust_proof="more",
)
# Two answers that set high risk on their own, and a few concerns that do not add up to walk-away.
HIGH_RISK = answers(
    boundaries_scope="unwritten",
    boundaries_payment="no-deposit",
    expectations_outcomes="guarantee",
    micromanager_process="steps",
    wrong_fit_workstyle="daily",
    distrust_proof="more",
)
BY_SCORE = answers(
    profile_criteria="few",
    profile_budget="fixed",
    wrong_fit_strength="outside",
    wrong_fit_workstyle="on-call",
    expectations_scope="far",
    expectations_outcomes="guarantee",
    expectations_tradeoff="dismissed",
    boundaries_price="condition",
    boundaries_timeline="impossible",
    distrust_advice="doubted",
    distrust_proof="free-work",
    micromanager_process="watching",
    micromanager_decider="many",
    vision_success="none",
    vision_shifting="moving",
    unresponsive_replies="patchy",
)
DEALBREAKER = answers(values_request="condition")
NOT_ENOUGH = {question.id: "unsure" for _, question in QUESTIONS} | {
    "boundaries-price": "again",
    "profile-criteria": "most",
}
BANDS = {
    "good-fit": GOOD_FIT,
    "proceed-with-care": CARE,
    "high-risk": HIGH_RISK,
    "walk-away": BY_SCORE,
    "not-enough-info": NOT_ENOUGH,
}


def _text(island_key_path: tuple, language: str, tone: str) -> str:
    node = ISLANDS[language]
    for step in island_key_path:
        node = node[step]
    return node[tone]


def test_the_answer_sets_reach_the_bands_they_are_named_for():
    assert {band: score(QUIZ, given).band for band, given in BANDS.items()} == {
        band: band for band in BANDS
    }
    assert score(QUIZ, BY_SCORE).decided_by == "score"
    assert score(QUIZ, DEALBREAKER).decided_by == "dealbreaker"


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(("tone", "timing"), STYLES)
def test_a_good_fit_confirms_the_next_step_and_the_usual_terms(language, tone, timing):
    result = draft(QUIZ, MESSAGES, GOOD_FIT, language, tone, timing, "Dana")
    fit = ISLANDS[language]["good-fit"]
    assert result.text.split("\n\n")[1:-1] == [
        fit["opening"][timing][tone],
        fill_terms(fit["usual"][tone], DEFAULTS),
        fit["closing"][timing][tone],
    ]
    assert result.terms == ("deposit", "payment-terms", "change-requests")


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("tone", TONES)
def test_a_good_fit_with_anything_above_zero_adds_the_one_thing_to_settle(language, tone):
    """Net 60 asked for (boundaries 7) and two colleagues who comment directly (micromanager 17):
    the stronger flag's line, after the usual terms (as said to a prospect who asked for longer
    payment terms) and before the next step."""
    given = answers(boundaries_payment="stretch", micromanager_decider="shared")
    assert score(QUIZ, given).band == "good-fit"
    paragraphs = draft(QUIZ, MESSAGES, given, language, tone, "before-call").text.split("\n\n")
    island = ISLANDS[language]
    assert paragraphs[2:5] == [
        fill_terms(island["good-fit"]["usual-after"]["boundaries-payment:stretch"][tone], DEFAULTS),
        island["flags"]["micromanager"]["settle"][tone],
        island["good-fit"]["closing"]["before-call"][tone],
    ]
    assert island["flags"]["boundaries"]["settle"][tone] not in "\n".join(paragraphs)


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(("tone", "timing"), STYLES)
def test_a_good_fit_that_asked_for_longer_payment_terms_is_answered_not_told_the_usual_days(
    language, tone, timing
):
    """The calibration's large company that pays net 60 as policy: the draft takes the longer
    terms (with the reader's own figures) and says how the reader works with them, instead of
    stating the reader's usual days as if nothing was said."""
    enterprise = next(p for p in prospects(QUIZ) if p.id == "ordinary-enterprise")
    assert score(QUIZ, enterprise.answers).band == "good-fit"
    fit = ISLANDS[language]["good-fit"]
    for terms in (None, OWN_TERMS):
        text = draft(QUIZ, MESSAGES, enterprise.answers, language, tone, timing, terms=terms).text
        answered = fill_terms(
            fit["usual-after"]["boundaries-payment:stretch"][tone], DEFAULTS, terms
        )
        assert answered in text.split("\n\n")
        assert fill_terms(fit["usual"][tone], DEFAULTS, terms) not in text
        assert str((terms or DEFAULTS)["payment-days"]) in answered


def test_every_answer_that_speaks_to_the_usual_terms_and_fits_a_good_fit_has_its_own_usual_line():
    """The figures a good fit states as usual ({deposit}, {payment-days}) are the ones some
    questions ask the prospect about; every answer to those above 0 points that a good fit can
    hold (asked for longer terms, today) gets the usual terms said to it, and a good fit with it
    says them so."""
    usual = set(PLACEHOLDER.findall(ISLANDS["en"]["good-fit"]["usual"]["warm"]))
    after = ISLANDS["en"]["good-fit"]["usual-after"]
    spoken = [
        f"{question.id}:{option.id}"
        for _, question in QUESTIONS
        if usual & set(PLACEHOLDER.findall((question.email or question.ask).en))
        for option in question.options
        if not option.unsure
        and option.points
        and option.dealbreaker is None
        and not worth_raising(option)
    ]
    assert spoken == ["boundaries-payment:stretch"]
    assert list(after) == spoken
    for key in spoken:
        question, option = key.split(":")
        given = answers(**{question.replace("-", "_"): option})
        assert score(QUIZ, given).band == "good-fit"
        for language in ("en", "ko"):
            paragraphs = draft(QUIZ, MESSAGES, given, language, "warm", "after-call").text
            fit = ISLANDS[language]["good-fit"]
            assert paragraphs.split("\n\n")[2] == fill_terms(
                fit["usual-after"][key]["warm"], DEFAULTS
            )


@pytest.mark.parametrize("band", ["proceed-with-care", "high-risk"])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_review_raises_the_top_concerns_asks_the_open_questions_and_proposes_their_terms(
    band, language
):
    given = dict(BANDS[band])
    given["micromanager-decider"] = given["unresponsive-contact"] = "unsure"
    del given["values-fit"]  # unanswered counts as open, as on the result page
    result = score(QUIZ, given)
    assert result.band == band
    made = plan(QUIZ, given)
    assert made.concerns == tuple(flag.id for flag in concerns(QUIZ, result)[:3])
    assert set(made.questions) == {"micromanager-decider", "unresponsive-contact", "values-fit"}
    text = draft(QUIZ, MESSAGES, given, language, "warm", "after-call").text
    island = ISLANDS[language]
    paragraphs = text.split("\n\n")
    assert paragraphs[1] == island[band]["opening"]["after-call"]["warm"]
    # Each concern names what was seen, or, with nothing worth raising, says the flag's paragraph.
    assert paragraphs[2:5] == [
        " ".join(fill_terms(_seen_line(island, key, "warm"), DEFAULTS) for key in seen)
        or island["flags"][flag]["concern"]["warm"]
        for flag, seen in zip(made.concerns, made.seen, strict=True)
    ]
    assert paragraphs[5].splitlines() == [island["review"]["questions"]["warm"]] + [
        f"{number}. {fill_terms(island['asks'][question], DEFAULTS)}"
        for number, question in enumerate(made.questions, 1)
    ]
    terms = choose_terms(island, made.concerns, made.answered, made.seen)
    introduction = (
        island["high-risk"]["conditions"] if band == "high-risk" else island["review"]["terms"]
    )
    assert paragraphs[6].splitlines()[0] == introduction["warm"]
    assert paragraphs[-2] == island[band]["closing"]["after-call"]["warm"]
    assert draft(QUIZ, MESSAGES, given, language, "warm", "after-call").terms == tuple(terms)


# Boundaries: a date insisted on (3 points), the price returned to and extras expected (2 each),
# high risk together; unresponsive: a mild answer (1 point) and nothing worth raising.
SEEN = answers(
    boundaries_price="returning",
    boundaries_timeline="impossible",
    boundaries_scope="extras",
    unresponsive_materials="partial",
    expectations_scope="phasing",
)


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("tone", TONES)
def test_a_concern_names_what_was_seen_strongest_first_two_at_most(language, tone):
    made = plan(QUIZ, SEEN)
    assert made.band == "high-risk"
    assert made.concerns[:1] == ("boundaries",)
    assert made.seen[0] == ("boundaries-timeline:impossible", "boundaries-price:returning")
    island = ISLANDS[language]
    text = draft(QUIZ, MESSAGES, SEEN, language, tone, "before-call").text
    timeline, price, extras = (
        island["seen"][question][option][tone]
        for question, option in (
            ("boundaries-timeline", "impossible"),
            ("boundaries-price", "returning"),
            ("boundaries-scope", "extras"),
        )
    )
    assert f"\n\n{timeline} {price}\n\n" in text  # one paragraph, the 3 points first
    assert extras not in text  # a third answer waits
    assert island["flags"]["boundaries"]["concern"][tone] not in text
    # A flag raised by mild answers alone keeps its paragraph.
    assert "unresponsive" in made.concerns
    assert made.seen[made.concerns.index("unresponsive")] == ()
    assert island["flags"]["unresponsive"]["concern"][tone] in text


def test_a_message_names_six_answers_at_most_three_for_each_concern():
    assert [seen_limit(raised) for raised in (1, 2, 3)] == [3, 3, 2]
    assert (MAX_SEEN, MAX_NAMED) == (3, 6)
    made = plan(QUIZ, SEEN)
    assert len(made.concerns) == 3 and max(map(len, made.seen)) == 2


GHOST = answers(
    unresponsive_replies="silent", unresponsive_materials="nothing", unresponsive_contact="absent"
)


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("tone", TONES)
def test_a_flag_red_on_every_question_is_named_for_each_answer(language, tone):
    """The ghost: weeks without a reply, no materials, hard to reach. One concern, three answers
    of 3 points: all three lines, in question order, in one paragraph; the clauses they ask for."""
    made = plan(QUIZ, GHOST)
    assert made.concerns == ("unresponsive",)
    assert made.seen == (
        (
            "unresponsive-replies:silent",
            "unresponsive-materials:nothing",
            "unresponsive-contact:absent",
        ),
    )
    island = ISLANDS[language]
    lines = [_seen_line(island, key, tone) for key in made.seen[0]]
    result = draft(QUIZ, MESSAGES, GHOST, language, tone, "before-call")
    assert f"\n\n{' '.join(lines)}\n\n" in result.text
    assert result.terms == ("response-times", "termination")


# Calibration prospects whose one serious answer asks for its own clauses, and nothing besides:
# no rush fee for a refused deposit or a guarantee, more than termination outside one's craft.
OWN_CLAUSES = {
    "no-deposit": ({"boundaries-payment": "no-deposit"}, ("milestones", "payment-terms")),
    "pays-when-funded": (
        {"boundaries-payment": "later"},
        ("payment-terms", "milestones", "deposit"),
    ),
    "guaranteed-results": ({"expectations-outcomes": "guarantee"}, ("scope",)),
    "outside-your-craft": ({"wrong-fit-strength": "outside"}, ("scope", "termination")),
    # (the deposit, accepted with the payment terms, is settled)
    "no-written-scope": ({"boundaries-scope": "unwritten"}, ("scope", "change-requests")),
    "free-work": ({"distrust-proof": "free-work"}, ("milestones", "rights")),
    "tight-date": ({"boundaries-timeline": "firm"}, ("rush-fees", "response-times")),
}


@pytest.mark.parametrize("name", OWN_CLAUSES)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_behaviour_gets_the_clauses_that_answer_it(name, language):
    chosen, clauses = OWN_CLAUSES[name]
    given = answers(**{key.replace("-", "_"): value for key, value in chosen.items()})
    result = draft(QUIZ, MESSAGES, given, language, "formal", "before-call")
    assert result.terms == clauses
    island = ISLANDS[language]
    for clause in clauses:
        assert fill_terms(island["clauses"][clause]["line"], DEFAULTS) in result.text
    assert ("rush-fees" in result.terms) == (chosen.get("boundaries-timeline") in TIMELINE)


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("tone", TONES)
def test_a_high_risk_message_states_its_terms_as_conditions(language, tone):
    island = ISLANDS[language]
    for band, chosen in (("high-risk", HIGH_RISK), ("proceed-with-care", CARE)):
        text = draft(QUIZ, MESSAGES, chosen, language, tone, "before-call").text
        conditions = island["high-risk"]["conditions"][tone] in text
        proposed = island["review"]["terms"][tone] in text
        assert (conditions, proposed) == (band == "high-risk", band != "high-risk"), band


def test_a_clause_already_agreed_or_refused_is_never_proposed():
    island = ISLANDS["en"]
    # Deposit and payment terms accepted, the scope kept, a date within the usual timeline (no
    # rush fee to price): boundaries, raised without a seen line, starts with milestones.
    assert choose_terms(island, ("boundaries",), tuple(_answered(GOOD_FIT))) == [
        "milestones",
        "revisions",
        "scope",
    ]
    # Not answered yet: everything is still to propose.
    assert choose_terms(island, ("boundaries",)) == [
        "change-requests",
        "deposit",
        "milestones",
        "rush-fees",
    ]
    # A refused deposit: paid stages instead, as the answer's line says, and no deposit.
    refused = draft(
        QUIZ, MESSAGES, answers(boundaries_payment="no-deposit"), "en", "warm", "after-call"
    )
    assert refused.terms == ("milestones", "payment-terms")
    assert island["clauses"]["deposit"]["line"].split("{")[0] not in refused.text
    # Payment only when funded: dated payments, paid stages and a deposit are the conditions.
    funded = draft(QUIZ, MESSAGES, answers(boundaries_payment="later"), "en", "warm", "after-call")
    assert funded.terms == ("payment-terms", "milestones", "deposit")
    assert "deposit of 30%" in funded.text
    # A seen line's clause that an answer settles gives way to the line's next one.
    assert choose_terms(
        island, ("boundaries",), ("boundaries-timeline:fits",), (("boundaries-timeline:firm",),)
    ) == ["response-times"]
    # Cancellation terms accepted: no kill fee offered again, but proposed when unknown.
    started = Plan("proceed-with-care", concerns=("wrong-fit",))
    assert "kill-fee" in compose(island, started, "warm", "after-call").terms
    agreed = Plan(
        "proceed-with-care",
        concerns=("wrong-fit",),
        answered=("boundaries-cancellation:negotiated",),
    )
    assert "kill-fee" not in compose(island, agreed, "warm", "after-call").terms


def _answered(given: dict[str, str]) -> list[str]:
    return [f"{question}:{option}" for question, option in given.items() if option != "unsure"]


def _seen_line(island: dict, key: str, tone: str) -> str:
    question, option = key.split(":")
    return island["seen"][question][option][tone]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_readers_terms_fill_every_figure_and_the_signature_closes(language):
    def good_fit(terms=None) -> str:
        return draft(
            QUIZ, MESSAGES, GOOD_FIT, language, "warm", "after-call", None, None, terms
        ).text

    text = good_fit(OWN_TERMS)
    usual = ISLANDS[language]["good-fit"]["usual"]["warm"]
    assert fill_terms(usual, {}, OWN_TERMS) in text
    assert "45%" in text and "21" in text and "30%" not in text and "14" not in text
    sign_off = ISLANDS[language]["sign-off"]["warm"]
    assert text.endswith(f"\n\n{sign_off}\nMina Park")
    # Terms left out take the defaults; a signature is plain text, verbatim, on its own line.
    partial = good_fit({"deposit": 0, "signature": "  {deposit}   &\nco "})
    assert fill_terms(usual, DEFAULTS, {"deposit": 0}) in partial
    assert partial.endswith(f"{sign_off}\n{{deposit}} & co")
    assert good_fit().endswith(sign_off)
    with pytest.raises(ValueError, match="signature has at most 120"):
        good_fit({"signature": "x" * (NAME_MAX + 1)})


def test_no_article_stands_before_one_of_the_readers_figures():
    """'a 30% deposit' would read 'a 80% deposit' with the reader's own: the figure comes after
    its noun ('a deposit of 80%')."""
    article = re.compile(r"\b(?:a|an)\s+\{(?:" + "|".join(TERMS) + r")\}", re.IGNORECASE)
    assert [text for text in _texts(ISLANDS["en"]) if article.search(text)] == []


def test_no_text_that_reaches_a_draft_writes_one_of_the_readers_figures_itself():
    """Every deposit, rush fee, payment period and revision count is a placeholder; figures that
    are not the reader's terms (a notice period, feedback within five working days) stay."""
    own = {
        "en": re.compile(r"\d\s?%|within \d+ days|\b(?:one|two|three|\d+) rounds? of revisions"),
        "ko": re.compile(
            r"\d\s?%|(?<!기준 )\d+일 (?:안에|이내)|수정은 [^.]*(?:두|세|\d+) ?(?:번|회)"
        ),
    }
    for language, island in ISLANDS.items():
        found = [text for text in _texts(island) if own[language].search(text)]
        assert found == [], found


def test_at_most_five_questions_the_strongest_flags_first():
    """Open answers on flags of scores 75 (boundaries), 67 (vision) and 0 or unknown (the rest):
    the strongest first; among equal scores the heavier flag (values, 1.5), then file order."""
    given = answers(
        boundaries_price="condition",
        boundaries_timeline="impossible",
        boundaries_payment="later",
        vision_success="vague",
    )
    for question in (
        "boundaries-scope",
        "vision-shifting",
        "profile-budget",
        "values-fit",
        "micromanager-decider",
        "wrong-fit-strength",
    ):
        given[question] = "unsure"
    del given["unresponsive-contact"]
    made = plan(QUIZ, given)
    assert made.questions == (
        "boundaries-scope",
        "vision-shifting",
        "values-fit",
        "micromanager-decider",
        "unresponsive-contact",
    )
    assert len(made.questions) == MAX_QUESTIONS


def test_a_review_without_open_questions_has_no_questions_paragraph():
    text = draft(QUIZ, MESSAGES, CARE, "en", "formal", "before-call").text
    assert ISLANDS["en"]["review"]["questions"]["formal"] not in text
    assert "\n1. " not in text


def test_clauses_are_chosen_round_by_round_once_each_and_at_most_four():
    island = ISLANDS["en"]
    # boundaries: change-requests, deposit, milestones, rush-fees, revisions, scope;
    # expectations: change-requests, revisions, rush-fees, deposit, scope
    assert choose_terms(island, ("boundaries", "expectations")) == [
        "change-requests",
        "deposit",
        "revisions",
        "milestones",
    ]
    # each concern's most direct answer comes before any second one
    assert choose_terms(island, ("unresponsive", "values", "profile")) == [
        "response-times",
        "termination",
        "deposit",
        "kill-fee",
    ]
    assert choose_terms(island, ("profile",)) == ["deposit", "payment-terms", "milestones", "scope"]
    for flags in [("boundaries", "vision", "micromanager"), ("integrity", "distrust", "wrong-fit")]:
        chosen = choose_terms(island, flags)
        assert len(chosen) == len(set(chosen)) <= MAX_TERMS


def test_a_clause_that_a_question_already_proposes_is_not_repeated_in_the_message():
    given = unsure(
        "boundaries-cancellation",
        **{key.replace("-", "_"): value for key, value in CARE.items() if value != "0"},
    )
    made = plan(QUIZ, given)
    island = ISLANDS["en"]
    assert "boundaries-cancellation" in made.questions
    # Vision's clauses include kill-fee.
    forced = Plan(made.band, concerns=("vision",), questions=made.questions)
    result = compose(island, forced, "warm", "after-call")
    assert "kill-fee" in result.terms  # still listed below the message
    assert island["clauses"]["kill-fee"]["line"] not in result.text
    assert island["clauses"]["change-requests"]["line"] in result.text


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("tone", ["warm", "formal"])
def test_a_concern_that_a_question_already_says_is_not_said_twice(language, tone):
    island = ISLANDS[language]
    flags = island["flags"]
    said = next(
        flag for flag in ("distrust", "integrity", "micromanager") if flags[flag]["asked-by"]
    )
    question = flags[said]["asked-by"][0]
    other = next(flag for flag in ("boundaries", "profile") if not flags[flag]["asked-by"])
    asking = compose(
        island,
        Plan("high-risk", concerns=(said, other), questions=(question,)),
        tone,
        "before-call",
    )
    assert flags[said]["concern"][tone] not in asking.text  # the question says it
    assert island["asks"][question] in asking.text
    assert flags[other]["concern"][tone] in asking.text
    assert asking.terms == tuple(choose_terms(island, (said, other)))  # its clauses still answer it
    not_asking = compose(island, Plan("high-risk", concerns=(said, other)), tone, "before-call")
    assert flags[said]["concern"][tone] in not_asking.text


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(("tone", "timing"), STYLES)
@pytest.mark.parametrize("variant", [None, "work-started"])
def test_a_dealbreaker_declines_firmly_and_leaves_no_door_open(language, tone, timing, variant):
    result = draft(QUIZ, MESSAGES, DEALBREAKER, language, tone, timing, None, variant)
    reopening = [phrase for phrase in REOPENING[language] if phrase in result.text]
    assert reopening == []
    decline = ISLANDS[language]["decline"]
    if variant is None:
        assert decline["dealbreaker"]["decline"][tone] in result.text
        assert result.terms == ()
    else:
        assert decline["work-started"]["reason"]["dealbreaker"][tone] in result.text
        # What is owed is settled on the way out.
        assert decline["work-started"]["settle"][tone] in result.text
        assert result.terms == ("kill-fee", "termination")


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(("tone", "timing"), STYLES)
def test_a_walk_away_by_score_alone_may_leave_the_door_open_or_refer_elsewhere(
    language, tone, timing
):
    result = draft(QUIZ, MESSAGES, BY_SCORE, language, tone, timing, "Jordan")
    decline = ISLANDS[language]["decline"]
    assert decline["score"]["decline"][tone] in result.text
    assert decline["dealbreaker"]["decline"][tone] not in result.text
    # The list above catches what it should.
    assert any(phrase in result.text for phrase in REOPENING[language])
    assert result.terms == ()


@pytest.mark.parametrize(
    "given", [GOOD_FIT, CARE, HIGH_RISK, BY_SCORE, NOT_ENOUGH], ids=list(BANDS)
)
def test_the_fully_booked_decline_fits_any_result_a_dealbreaker_did_not_decide(given):
    assert "fully-booked" in variants(score(QUIZ, given))
    for language in ("en", "ko"):
        result = draft(
            QUIZ, MESSAGES, given, language, "formal", "before-call", None, "fully-booked"
        )
        booked = ISLANDS[language]["decline"]["fully-booked"]
        assert result.text.split("\n\n")[1] == " ".join(
            [
                ISLANDS[language]["decline"]["opening"]["before-call"]["formal"],
                booked["decline"]["formal"],
                booked["closing"]["formal"],
            ]
        )
        assert result.terms == ()


def test_variants_that_do_not_fit_the_result_are_refused():
    assert variants(score(QUIZ, DEALBREAKER)) == ("work-started",)
    assert variants(score(QUIZ, GOOD_FIT)) == ("fully-booked",)
    with pytest.raises(ValueError, match="fully-booked"):
        draft(QUIZ, MESSAGES, DEALBREAKER, "en", "warm", "after-call", None, "fully-booked")
    with pytest.raises(ValueError, match="work-started"):
        draft(QUIZ, MESSAGES, CARE, "en", "warm", "after-call", None, "work-started")
    with pytest.raises(ValueError):
        draft(QUIZ, MESSAGES, CARE, "en", "warm", "after-call", None, "on-holiday")
    with pytest.raises(ValueError):
        draft(QUIZ, MESSAGES, CARE, "en", "chummy", "after-call")


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(("tone", "timing"), STYLES)
def test_not_enough_to_go_on_asks_the_open_questions(language, tone, timing):
    result = draft(QUIZ, MESSAGES, NOT_ENOUGH, language, tone, timing)
    island = ISLANDS[language]["not-enough-info"]
    paragraphs = result.text.split("\n\n")
    assert paragraphs[1] == island["opening"][timing][tone]
    lines = paragraphs[2].splitlines()
    assert lines[0] == island["questions"][tone]
    assert [line.split(". ", 1)[0] for line in lines[1:]] == ["1", "2", "3", "4", "5"]
    assert paragraphs[3] == island["closing"][timing][tone]


def test_without_enough_to_go_on_the_basics_are_asked_first():
    """A two-line enquiry: what the work is, by when, the budget, who decides and what success
    looks like, in the quiz's `basics` order, before the values and integrity questions that
    their heavier flags would put first."""
    unknown = {question.id: "unsure" for _, question in QUESTIONS}
    assert plan(QUIZ, unknown).questions == (
        "profile-criteria",
        "boundaries-timeline",
        "expectations-scope",
        "micromanager-decider",
        "vision-success",
    )
    assert tuple(QUIZ.basics) == plan(QUIZ, unknown).questions
    # A basic already answered is not asked again; the next open basics come first, then the
    # strongest flags' questions (values, the heavier flag, in file order).
    made = plan(QUIZ, NOT_ENOUGH | {"expectations-scope": "fits"})
    assert made.band == "not-enough-info"
    assert made.questions == (
        "boundaries-timeline",
        "micromanager-decider",
        "vision-success",
        "boundaries-scope",
        "boundaries-payment",
    )


def _courteous(text: str) -> bool:
    """Every question in a Korean text ends as a formal message asks: -(으)실까요?, -(으)신가요?
    or -ㅂ니까? (합니까, 주시겠습니까); never -을까요?, -어요?, -세요? or -나요?"""
    return all(
        part.endswith(("실까요", "신가요")) or (part.endswith("니까") and _final_b(part[-3:-2]))
        for part in text.split("?")[:-1]
    )


def _final_b(syllable: str) -> bool:
    """A Hangul syllable that ends in ㅂ (합, 습), as -ㅂ니까 is written."""
    return (
        bool(syllable) and "\uac00" <= syllable <= "\ud7a3" and (ord(syllable) - 0xAC00) % 28 == 17
    )


def test_every_korean_question_a_draft_asks_ends_courteously():
    island = ISLANDS["ko"]
    formal = [text for path, text in _texts_with_paths(island) if "formal" in path and "?" in text]
    asked = [text for text in island["asks"].values() if "?" in text]
    impolite = [text for text in asked + formal if not _courteous(text)]
    assert impolite == []
    assert not _courteous("이 조건에 동의하실 수 있을까요?")
    assert not _courteous("괜찮으세요?") and _courteous("동의해 주시겠습니까?")


def _texts_with_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts_with_paths(value, (*path, key))
    elif isinstance(node, str):
        yield path, node


@pytest.mark.parametrize(
    ("language", "name", "greeting"),
    [
        ("en", "  Dana   Whitfield ", "Hi Dana Whitfield,"),
        ("en", "   ", "Hi there,"),
        ("ko", "김하늘 대표", "김하늘 대표님, 안녕하세요."),
        # The greeting's own 님 is not doubled.
        (
            "ko",
            "김하늘 대표님",
            "김하늘 대표님, 안녕하세요.",
        ),
        ("ko", "한지훈 님", "한지훈님, 안녕하세요."),
        ("ko", "님", "안녕하세요."),
        ("ko", None, "안녕하세요."),
        ("en", '<b>Tom & "Jerry"</b> {name}', 'Hi <b>Tom & "Jerry"</b> {name},'),
    ],
)
def test_the_name_is_plain_text_in_the_greeting(language, name, greeting):
    assert (
        draft(QUIZ, MESSAGES, GOOD_FIT, language, "warm", "after-call", name).text.split("\n\n")[0]
        == greeting
    )


def test_a_name_longer_than_the_name_field_is_refused():
    assert draft(
        QUIZ, MESSAGES, GOOD_FIT, "en", "warm", "after-call", "x" * NAME_MAX
    ).text.startswith("Hi " + "x" * NAME_MAX)
    with pytest.raises(ValueError, match="120"):
        draft(QUIZ, MESSAGES, GOOD_FIT, "en", "warm", "after-call", "x" * (NAME_MAX + 1))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_island_is_plain_json_in_one_language_and_enough_to_draft_from(language):
    island = browser_messages(MESSAGES, language, QUIZ)
    parsed = json.loads(json.dumps(island, ensure_ascii=False))
    assert parsed == island
    assert parsed["greeting"]["formal"]["named"].count(NAME) == 1
    assert set(parsed["asks"]) == {question.id for _, question in QUESTIONS}
    texts = list(_texts(parsed))
    assert len(texts) > 100
    assert all(written_in(PLACEHOLDER.sub("", text), language) for text in texts)
    if language == "en":
        assert not [text for text in texts if re.search(HANGUL, text)]
    assert parsed["defaults"] == {"deposit": 30, "payment-days": 14, "revisions": 2, "rush": 30}
    for answers in BANDS.values():
        made = plan(QUIZ, answers)
        assert compose(parsed, made, "formal", "after-call", "Ada", OWN_TERMS) == draft(
            QUIZ, MESSAGES, answers, language, "formal", "after-call", "Ada", None, OWN_TERMS
        )
    assert "asks" not in browser_messages(MESSAGES, language)


def _texts(node):
    """Every text of an island: its string values, but not the ids its lists hold."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


# ---------------------------------------------------------------------------- the property


ANSWER_SETS = st.tuples(
    *[
        st.sampled_from([None, *(option.id for option in question.options)])
        for _, question in QUESTIONS
    ]
).map(
    lambda chosen: {
        question.id: option
        for (_, question), option in zip(QUESTIONS, chosen, strict=True)
        if option is not None
    }
)
# Most answer sets are definite: weight the draw towards whole answers, with some unsure and
# unanswered.
DEFINITE_SETS = st.tuples(
    *[
        st.sampled_from([o.id for o in question.options if not o.unsure] * 3 + ["unsure", None])
        for _, question in QUESTIONS
    ]
).map(
    lambda chosen: {
        question.id: option
        for (_, question), option in zip(QUESTIONS, chosen, strict=True)
        if option is not None
    }
)
# Mild answer sets (0 to 2 points, no dealbreaker) land in good-fit, proceed-with-care and
# high-risk.
MILD_SETS = st.tuples(
    *[
        st.sampled_from(
            [
                o.id
                for o in question.options
                if o.points is not None and o.points <= 2 and not o.dealbreaker
            ]
            * 2
            + ["unsure"]
        )
        for _, question in QUESTIONS
    ]
).map(
    lambda chosen: {
        question.id: option for (_, question), option in zip(QUESTIONS, chosen, strict=True)
    }
)
NAMES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "Tom & Jerry",
            'O\'Brien "Bob"',
            "{name}",
            "{{name}}",
            "{nmae}",
            "$& $1 $$",
            "김민수 대표님",
            "  김 민수  ",
            "Ana\nMaria",
            "\u202eevil",
            "🙂" * 30,
            "님님",
        ]
    ),
    st.text(max_size=NAME_MAX),
)


@settings(max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    given_answers=st.one_of(ANSWER_SETS, DEFINITE_SETS, MILD_SETS),
    language=st.sampled_from(["en", "ko"]),
    tone=st.sampled_from(TONES),
    timing=st.sampled_from(TIMINGS),
    name=NAMES,
    pick=st.sampled_from([None, "fully-booked", "work-started"]),
    terms=st.sampled_from([None, OWN_TERMS, {"deposit": 0, "signature": "  김민아   드림 "}]),
)
def test_every_draft_is_complete_within_the_limit_in_its_language_with_the_name_verbatim_once(
    given_answers, language, tone, timing, name, pick, terms
):
    variant = pick if pick in variants(score(QUIZ, given_answers)) else None
    result = draft(QUIZ, MESSAGES, given_answers, language, tone, timing, name, variant, terms)
    anonymous = draft(QUIZ, MESSAGES, given_answers, language, tone, timing, None, variant, terms)
    # the signature, the reader's own in any script, on the last line
    signed = " ".join((terms or {}).get("signature", "").split())
    if signed:
        assert result.text.endswith("\n" + signed)
    greeting, _, body = result.text.removesuffix("\n" + signed if signed else "").partition("\n\n")
    island = ISLANDS[language]

    # complete: every placeholder filled, no empty paragraph or line, the body the same with or
    # without a name
    assert PLACEHOLDER.search(body) is None
    assert result.text.partition("\n\n")[2] == anonymous.text.partition("\n\n")[2]
    assert "\n\n\n" not in result.text and result.text == result.text.strip()
    assert all(line.strip() for line in result.text.split("\n\n"))
    # within the limit
    assert len(result.text) <= MESSAGE_LIMIT
    # in the page's language (the name is the reader's, in any script)
    if language == "ko":
        assert written_in(body, "ko")
    else:
        assert re.search(HANGUL, body) is None
    # the name verbatim, once, in the greeting: whitespace collapsed and a trailing 님 folded into
    # the greeting's own
    cleaned = " ".join((name or "").split())
    if language == "ko" and cleaned.endswith("님"):
        cleaned = cleaned[:-1].rstrip()
    if cleaned:
        assert greeting == island["greeting"][tone]["named"].replace(NAME, cleaned)
    else:
        assert greeting == island["greeting"][tone]["anonymous"]
    # the clauses: known, each once, at most MAX_TERMS
    assert len(result.terms) == len(set(result.terms)) <= MAX_TERMS
    assert set(result.terms) <= set(island["clauses"])
    # a dealbreaker's decline never reopens the door
    if score(QUIZ, given_answers).decided_by == "dealbreaker":
        assert not [phrase for phrase in REOPENING[language] if phrase in body]
    # written as an email: no placeholder letters from the quiz page's wording ("A and B, but not
    # C"), no question asked twice, and in Korean formal drafts no 해요체 question
    assert len(set(LETTER.findall(body))) < 2, body
    asked = [line.split(". ", 1)[1] for line in body.split("\n") if NUMBERED.match(line)]
    assert len(asked) == len(set(asked))
    if language == "ko" and tone == "formal":
        assert HAEYO.search(body) is None, HAEYO.search(body)
    # what was seen: in a review, each raised flag's strongest answers worth raising (the most
    # points first, then file order; three each for one or two concerns, two each for three),
    # each by its own line; and every clause proposed answers one of those lines or, for a flag
    # that names none, the flag
    made = plan(QUIZ, given_answers, variant)
    if variant is None and made.band in ("proceed-with-care", "high-risk"):
        answering = set()
        for flag in made.concerns:
            raising = sorted(
                (
                    (-option.points, question.id, option.id)
                    for owner, question in QUESTIONS
                    for option in question.options
                    if owner.id == flag
                    and option.id == given_answers.get(question.id)
                    and not option.unsure
                    and worth_raising(option)
                ),
                key=lambda found: found[0],
            )[: min(3, 6 // len(made.concerns))]
            for _, question, option in raising:
                line = fill_terms(island["seen"][question][option][tone], DEFAULTS, terms)
                assert line in body, (question, option)
            if raising:
                for _, question, option in raising:
                    answering.update(island["seen"][question][option]["terms"])
            else:
                answering.update(island["flags"][flag]["terms"])
        assert set(result.terms) <= answering, (result.terms, answering)
    # never a clause the answers settle (agreed, not needed, or refused with another way), and a
    # rush fee only for a date shorter than the usual timeline, or one not yet known
    if made.band in ("proceed-with-care", "high-risk", "not-enough-info") and variant is None:
        given_keys = {f"{question}:{option}" for question, option in given_answers.items()}
        for clause in result.terms:
            assert given_keys.isdisjoint(island["clauses"][clause]["settled-by"]), clause
        if "rush-fees" in result.terms:
            assert given_answers.get("boundaries-timeline") in (None, "unsure", *TIMELINE)
    # the reader's terms: every figure where a placeholder stands, and nowhere else (written with
    # odd figures for defaults, the draft is the same draft with the reader's figures, or the
    # defaults, in their places), and the signature last
    odd = dict(zip(TERMS, (9001, 9002, 9003, 9004), strict=True))
    marked = compose({**island, "defaults": odd}, made, tone, timing, name).text
    plain = draft(QUIZ, MESSAGES, given_answers, language, tone, timing, name, variant).text
    for own, drafted in (({}, plain), (terms or {}, result.text)):
        expected = marked
        for term, value in odd.items():
            expected = expected.replace(str(value), str(own.get(term, DEFAULTS[term])))
        assert drafted == expected + (f"\n{signed}" if own is terms and signed else "")


def test_a_walk_away_by_an_own_line_declines_as_one_by_score_does(monkeypatch):
    """The reader's own line decides walk-away, but it is their line, not a line every client
    crosses: the decline uses the score's texts, and the fully-booked variant stays open."""
    flag, question = next((f, q) for f, q in QUESTIONS if any(o.points == 1 for o in q.options))
    option = next(o for o in question.options if o.points == 1)
    lines = (f"{question.id}:{option.id}",)
    given = {**GOOD_FIT, question.id: option.id}
    result = score(QUIZ, given, own_lines=lines)
    assert (result.band, result.decided_by) == ("walk-away", "own-line")
    assert variants(result) == ("fully-booked", "work-started")
    monkeypatch.setattr("quiz.drafting.score", lambda quiz, answers: score(quiz, answers, lines))
    assert plan(QUIZ, given).reason == "score"
    assert plan(QUIZ, given).concerns[0] == flag.id

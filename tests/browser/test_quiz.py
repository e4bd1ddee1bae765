"""The quiz as a person uses it: mouse, keyboard only, no JavaScript, errors, results, privacy."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from quiz.scoring import concerns as concerns_of
from quiz.scoring import score
from quiz.site.strings import translator
from tests.support.quiz import (
    BAD,
    GOOD,
    MIXED,
    QUESTIONS,
    QUIZ,
    click_answers,
    strongest,
    submit,
    unsure,
    zero,
)
from tests.support.watch import PageWatch, origin_of, settle

pytestmark = pytest.mark.browser

LANGUAGES = [("en", "quiz/"), ("ko", "ko/quiz/")]


@pytest.fixture(params=LANGUAGES, ids=[language for language, _ in LANGUAGES])
def quiz_page(request, page, base_url):
    language, path = request.param
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + path, wait_until="networkidle")
    # The script has set up the page.
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    page.language = language
    yield page
    assert watch.problems == []  # no console error, no request beyond the local server


def test_the_page_follows_the_test_contract(quiz_page):
    form = quiz_page.locator("form[data-quiz]")
    assert form.locator("[data-flag]").evaluate_all("els => els.map(e => e.dataset.flag)") == [
        flag.id for flag in QUIZ.flags
    ]
    for flag in QUIZ.flags:
        group = form.locator(f"[data-flag='{flag.id}']")
        for question in flag.questions:
            fieldset = group.locator(f"fieldset[data-question='{question.id}']")
            assert fieldset.locator("legend").count() == 1
            radios = fieldset.locator(f"input[type=radio][name='{question.id}']")
            assert radios.evaluate_all("els => els.map(e => e.value)") == [
                option.id for option in question.options
            ]
    assert form.locator("button[type=submit], input[type=submit]").count() == 1
    assert form.locator("input[type=radio]:checked").count() == 0  # nothing pre-selected


def test_progress_counts_the_answers(quiz_page):
    progress = quiz_page.locator("[data-quiz-progress]")
    template = translator(quiz_page.language)("quiz.progress")
    assert progress.inner_text() == template.format(answered=0, total=len(QUESTIONS))
    click_answers(quiz_page, dict(list(GOOD.items())[:2]))
    assert progress.inner_text() == template.format(answered=2, total=len(QUESTIONS))


def test_submitting_with_gaps_shows_an_error_summary_that_takes_focus_and_links_to_each(quiz_page):
    click_answers(quiz_page, dict(list(GOOD.items())[:3]))
    quiz_page.locator("[data-quiz-submit]").click()
    summary = quiz_page.locator("[data-quiz-errors]")
    assert summary.is_visible()
    assert quiz_page.evaluate(
        "document.activeElement.matches('[data-quiz-errors] [data-errors-heading]')"
    )
    links = summary.locator("li:not([hidden]) a")
    assert links.count() == len(QUESTIONS) - 3
    assert quiz_page.locator("[data-quiz-result]").is_hidden()
    fourth = QUESTIONS[3]
    fieldset = quiz_page.locator(f"fieldset[data-question='{fourth.id}']")
    assert fieldset.locator("[data-error-message]").is_visible()
    assert (
        fieldset.locator("[data-error-message] .crf-visually-hidden").bounding_box()["width"] <= 1
    )
    assert f"error-{fourth.id}" in fieldset.get_attribute("aria-describedby")
    links.first.click()
    assert (
        quiz_page.evaluate("document.activeElement.id") == f"q-{fourth.id}-{fourth.options[0].id}"
    )
    click_answers(quiz_page, {fourth.id: zero(fourth)})
    assert fieldset.locator("[data-error-message]").is_hidden()
    assert links.count() == len(QUESTIONS) - 4


@pytest.mark.parametrize(
    ("answers", "band"),
    [(GOOD, "good-fit"), (BAD, "walk-away"), (MIXED, None)],
    ids=["good", "bad", "mixed"],
)
def test_a_clear_verdict_for_good_bad_and_mixed_prospects(quiz_page, answers, band):
    reference = score(QUIZ, answers)
    if band:
        assert reference.band == band
    else:
        assert reference.band in ("proceed-with-care", "high-risk")
    click_answers(quiz_page, answers)
    quiz_page.locator("[data-quiz-submit]").click()
    result = quiz_page.locator("[data-quiz-result]")
    assert result.is_visible()
    assert quiz_page.evaluate(
        "document.activeElement.matches('[data-quiz-result] [data-result-heading]')"
    )
    assert result.get_attribute("data-band") == reference.band
    assert result.get_attribute("data-score") == str(reference.score)
    assert result.locator(f"[data-band-text='{reference.band}']").is_visible()
    announcer = quiz_page.locator("[data-quiz-announce]")
    assert announcer.bounding_box()["width"] <= 1  # read out, not shown
    announced = announcer.text_content()
    assert (
        result.locator(f"[data-band-text='{reference.band}'] [data-band-title]").inner_text()
        in announced
    )
    visible = result.locator("[data-raised-by]:visible").evaluate_all(
        "els => els.map(e => e.dataset.raisedBy)"
    )
    assert visible == list(reference.raised_by)
    concerns = result.locator("[data-concern]:visible")
    raised = concerns_of(QUIZ, reference)
    assert bool(raised) == (reference.band != "good-fit")
    assert result.locator("[data-concerns-none]").is_visible() == (not raised)
    assert concerns.evaluate_all("els => els.map(e => e.dataset.concern)") == [f.id for f in raised]
    for flag in raised:
        section = result.locator(f"[data-concern='{flag.id}']")
        assert section.locator("a[href$='#respond']").count() == 1
        quoted = section.locator("[data-concern-answer]:visible")
        assert quoted.count() >= 1
        question_id = quoted.first.get_attribute("data-concern-answer")
        label = quiz_page.locator(
            f"label[for='q-{question_id}-{answers[question_id]}']"
        ).inner_text()
        assert label.strip() in quoted.first.inner_text()
    asks = set(
        result.locator("[data-ask]:visible").evaluate_all("els => els.map(e => e.dataset.ask)")
    )
    if reference.band == "walk-away":
        assert asks == set()  # a walk-away result leads with declining, not with questions
    else:
        assert asks == {
            q for q, o in answers.items() if o == unsure(next(x for x in QUESTIONS if x.id == q))
        }


def _walk_away_by_score() -> dict[str, str]:
    """The strongest answers that are not dealbreakers: the score alone says walk away."""
    answers = {question.id: strongest(question, dealbreakers=False) for question in QUESTIONS}
    assert score(QUIZ, answers).band == "walk-away" and not score(QUIZ, answers).dealbreakers
    return answers


@pytest.mark.parametrize(
    ("answers", "reason"),
    [(BAD, "dealbreaker"), (_walk_away_by_score(), "score")],
    ids=["dealbreaker", "score-only"],
)
def test_a_walk_away_leads_with_declining_and_fits_its_reason(quiz_page, answers, reason):
    click_answers(quiz_page, answers)
    quiz_page.locator("[data-quiz-submit]").click()
    result = quiz_page.locator("[data-quiz-result]")
    plan = result.locator("[data-band-next='walk-away']")
    assert plan.is_visible()
    shown = plan.locator("[data-walk-reason]:visible")
    assert shown.evaluate_all("els => els.map(e => e.dataset.walkReason)") == [reason]
    bands = QUIZ.bands.walk_away
    expected_text = (bands.dealbreaker if reason == "dealbreaker" else bands.score_only).get(
        quiz_page.language
    )
    assert shown.inner_text().strip() == expected_text
    assert plan.locator("a[href$='/decline/']").count() == 1
    assert plan.locator("a[href$='/terms/#kill-fee']").count() == 1
    # The plan comes before the concerns; no "before you sign" steps and no questions to ask.
    assert plan.bounding_box()["y"] < result.locator("[data-concerns]").bounding_box()["y"]
    assert result.locator("[data-concern] [data-slot='actions']:visible").count() == 0
    assert result.locator("[data-result-asks]").is_hidden()
    for other in ("good-fit", "proceed-with-care", "high-risk", "not-enough-info"):
        assert result.locator(f"[data-band-next='{other}']").is_hidden()


def test_score_reads_naturally_in_each_language(quiz_page):
    click_answers(quiz_page, MIXED)
    quiz_page.locator("[data-quiz-submit]").click()
    reference = score(QUIZ, MIXED)
    facts = quiz_page.locator("[data-quiz-result] .crf-panel__facts dd").first.inner_text()
    wanted = {"en": f"{reference.score} out of 100", "ko": f"100점 만점에 {reference.score}점"}[
        quiz_page.language
    ]
    assert " ".join(facts.split()) == wanted


def test_everything_unsure_gives_not_enough_info_and_every_question_to_ask(quiz_page):
    answers = {question.id: unsure(question) for question in QUESTIONS}
    click_answers(quiz_page, answers)
    quiz_page.locator("[data-quiz-submit]").click()
    result = quiz_page.locator("[data-quiz-result]")
    assert (result.get_attribute("data-band"), result.get_attribute("data-score")) == (
        "not-enough-info",
        "",
    )
    assert result.locator("[data-ask]:visible").count() == len(QUESTIONS)
    assert all(
        row.get_attribute("data-score") == "" for row in result.locator("[data-flag-result]").all()
    )


def test_changing_an_answer_rescores_and_keeps_the_rest(quiz_page):
    click_answers(quiz_page, GOOD)
    quiz_page.locator("[data-quiz-submit]").click()
    changed = dict(GOOD)
    question = QUESTIONS[0]
    changed[question.id] = strongest(question, dealbreakers=False)
    click_answers(quiz_page, {question.id: changed[question.id]})
    result = quiz_page.locator("[data-quiz-result]")
    assert result.get_attribute("data-score") == str(score(QUIZ, changed).score)
    checked = quiz_page.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )
    assert checked == changed


def test_keyboard_alone_completes_the_quiz(quiz_page):
    first = QUESTIONS[0]
    for _ in range(200):  # Tab through the header and navigation to the first answer
        quiz_page.keyboard.press("Tab")
        if quiz_page.evaluate("document.activeElement.name") == first.id:
            break
    else:
        pytest.fail("Tab never reached the first question")
    chosen = {}
    for index, question in enumerate(QUESTIONS):
        assert quiz_page.evaluate("document.activeElement.name") == question.id
        if index == 1:
            quiz_page.keyboard.press("ArrowDown")  # moves to and selects the second option
            chosen[question.id] = question.options[1].id
        else:
            quiz_page.keyboard.press("Space")
            chosen[question.id] = question.options[0].id
        quiz_page.keyboard.press("Tab")
    assert quiz_page.evaluate("document.activeElement.hasAttribute('data-quiz-submit')")
    quiz_page.keyboard.press("Enter")
    result = quiz_page.locator("[data-quiz-result]")
    assert quiz_page.evaluate(
        "document.activeElement.matches('[data-quiz-result] [data-result-heading]')"
    )
    assert result.get_attribute("data-band") == score(QUIZ, chosen).band


def test_axe_finds_nothing_before_with_errors_and_with_a_result(quiz_page):
    axe = Axe()
    steps = [
        ("start", lambda: None),
        ("errors", lambda: quiz_page.locator("[data-quiz-submit]").click()),
        ("mixed result", lambda: submit(quiz_page, MIXED)),
        (
            "dark, walk-away result",
            lambda: (quiz_page.emulate_media(color_scheme="dark"), submit(quiz_page, BAD)),
        ),
    ]
    for name, step in steps:
        step()
        settle(quiz_page)
        results = axe.run(quiz_page)
        assert results.violations_count == 0, f"{name}: {results.generate_snapshot()}"


@pytest.mark.parametrize(("language", "path"), LANGUAGES)
def test_without_javascript_every_question_is_there_to_read_and_print(
    browser, base_url, language, path
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + path)
    assert page.locator("fieldset[data-question]").count() == len(QUESTIONS)
    assert page.locator("fieldset[data-question]:visible").count() == len(QUESTIONS)
    assert page.locator("form[data-quiz] input[type=radio]").count() == sum(
        len(q.options) for q in QUESTIONS
    )
    assert page.locator("form[data-quiz] input[type=radio]:checked").count() == 0
    assert page.locator("[data-quiz-noscript]").is_visible()
    assert (
        page.locator("[data-quiz-submit]").is_hidden()
        and page.locator("[data-quiz-submit]").is_disabled()
    )
    assert page.locator("[data-quiz-progress]").is_hidden()
    assert page.locator("[data-quiz-result]").is_hidden()
    context.close()


@pytest.mark.parametrize(("language", "path"), LANGUAGES)
def test_nothing_shifts_while_the_quiz_page_loads(context, base_url, language, path):
    context.add_init_script("""
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    """)
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01
    assert page.locator("[data-quiz-noscript]").count() == 0  # inside <noscript>, so never rendered

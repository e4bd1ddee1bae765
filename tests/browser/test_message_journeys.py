"""The draft where the reader is: an edited message survives a reload, Back and Forward, and waits
on its own language's page through a language switch; a replaced edit can be brought back; a
re-assessment lists the answers that changed; and "start over" can be undone, exactly, with the
keyboard alone. Each in both languages."""

from __future__ import annotations

import pytest

from quiz.drafting import draft
from quiz.site.strings import translator
from tests.support.quiz import GOOD, MESSAGES, MIXED, QUESTIONS, QUIZ, click_answers
from tests.support.watch import assert_accessible
from tests.support.workspace import idle, prospect, put_stored

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "ko": "ko/"}
OTHER = {"en": "ko", "ko": "en"}
EDIT = " P.S. Edited by hand."
BOX = "[data-next-message]"


@pytest.fixture(params=list(PREFIX))
def language(request):
    return request.param


def _ready(page) -> None:
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    idle(page)


def _open(page, base_url, language, fragment="") -> None:
    page.goto(base_url + PREFIX[language] + "quiz/" + fragment, wait_until="networkidle")
    _ready(page)


def _edited(page) -> str:
    """Greet Dana, choose formal after a call, and add a line to the draft; the edited text."""
    page.locator("[data-recipient-name]").fill("Dana")
    page.locator("[data-message-tone='formal']").check()
    page.locator("[data-message-timing='after-call']").check()
    box = page.locator(BOX)
    box.press("End")
    box.press_sequentially(EDIT)
    return box.input_value()


def _message(page) -> dict:
    """What the reader set and wrote, and what the page says about it."""
    return {
        "text": page.locator(BOX).input_value(),
        "name": page.locator("[data-recipient-name]").input_value(),
        "formal": page.locator("[data-message-tone='formal']").is_checked(),
        "after-call": page.locator("[data-message-timing='after-call']").is_checked(),
        "status": page.locator("[data-message-status]").inner_text(),
        "replace": page.locator("[data-action='redraft-message']").is_visible(),
    }


def _reference(language, answers, tone="formal", timing="after-call", name="Dana") -> str:
    return draft(QUIZ, MESSAGES, answers, language, tone, timing, name, None).text


def _clean(page) -> None:
    assert_accessible(page)


def test_an_edited_message_survives_reload_back_and_forward(page, base_url, language):
    _open(page, base_url, language)
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    edited = _edited(page)
    kept = {
        "text": edited,
        "name": "Dana",
        "formal": True,
        "after-call": True,
        "status": "",  # nothing changed since the edit: nothing to say
        "replace": True,
    }
    page.reload(wait_until="networkidle")
    _ready(page)
    assert _message(page) == kept
    page.goto(base_url + PREFIX[language] + "terms/", wait_until="networkidle")
    page.go_back(wait_until="networkidle")
    _ready(page)
    assert _message(page) == kept
    page.go_forward(wait_until="networkidle")
    page.go_back(wait_until="networkidle")
    _ready(page)
    assert _message(page) == kept
    # Replacing it is the reader's choice, and the draft is the one for their choices.
    page.locator("[data-action='redraft-message']").click()
    assert page.locator(BOX).input_value() == _reference(language, MIXED)


def test_a_changed_choice_keeps_the_edit_and_a_replaced_edit_comes_back(page, base_url, language):
    t = translator(language)
    _open(page, base_url, language)
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    edited = _edited(page)
    note = page.locator("[data-message-replaced]")
    page.locator("[data-message-tone='warm']").check()  # the draft changes, the edit stays
    assert _message(page) == {
        "text": edited,
        "name": "Dana",
        "formal": False,
        "after-call": True,
        "status": t("message.kept"),
        "replace": True,
    }
    page.reload(wait_until="networkidle")  # and so it stays after a reload, with the same note
    _ready(page)
    assert page.locator("[data-message-tone='warm']").is_checked()
    assert (_message(page)["text"], _message(page)["status"]) == (edited, t("message.kept"))
    assert note.is_hidden()
    page.locator("[data-action='redraft-message']").click()
    warm = _reference(language, MIXED, tone="warm")
    assert page.locator(BOX).input_value() == warm
    assert note.is_visible()
    assert note.inner_text().startswith(t("message.replaced"))
    _clean(page)
    page.reload(wait_until="networkidle")  # the way back survives a reload too
    _ready(page)
    assert note.is_visible()
    note.locator("[data-action='bring-back-message']").click()
    assert _message(page)["text"] == edited
    assert _message(page)["status"] == t("message.kept")  # still edited from the formal draft
    assert note.is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-next-message')")


def test_the_other_language_says_where_the_edit_waits_and_returning_restores_it(
    page, base_url, language
):
    t, other = translator(language), OTHER[language]
    _open(page, base_url, language)
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    edited = _edited(page)
    page.locator(".md-header__option .md-select button").hover()
    with page.expect_navigation(wait_until="networkidle"):
        page.locator(f".md-select__link[hreflang={other}]").click()
    _ready(page)
    # The other page drafts in its own language, for the same choices, and says where the edit is.
    assert _message(page) == {
        "text": _reference(other, MIXED),
        "name": "Dana",
        "formal": True,
        "after-call": True,
        "status": "",
        "replace": False,
    }
    elsewhere = page.locator(f"[data-message-elsewhere='{language}']")
    assert elsewhere.is_visible()
    assert elsewhere.inner_text().startswith(translator(other)("message.elsewhere"))
    _clean(page)
    changed = {QUESTIONS[0].id: GOOD[QUESTIONS[0].id]}
    click_answers(page, changed)  # the draft's answers change on the other page
    with page.expect_navigation(wait_until="networkidle"):
        elsewhere.locator(f"a[hreflang={language}]").click()
    _ready(page)
    assert page.url.split("#")[0] == base_url + PREFIX[language] + "quiz/"
    # The edit is back, and the note says that the answers changed since.
    assert _message(page) == {
        "text": edited,
        "name": "Dana",
        "formal": True,
        "after-call": True,
        "status": t("message.kept"),
        "replace": True,
    }
    assert page.locator("[data-message-elsewhere]").is_hidden()  # nothing edited over there
    page.locator("[data-action='redraft-message']").click()
    assert page.locator(BOX).input_value() == _reference(language, {**MIXED, **changed})


def _saved_prospect(page, base_url, language) -> None:
    """A prospect saved with MIXED, re-assessed: the quiz opens with its answers."""
    page.goto(base_url + PREFIX[language] + "prospects/", wait_until="networkidle")
    idle(page)
    put_stored(page, {"version": 2, "prospects": [prospect("p-undo000001", "Harbour", MIXED)]})
    _open(page, base_url, language, "#prospect=p-undo000001")


def _label(page, question, option) -> str:
    return page.locator(f"label[for='q-{question}-{option}']").inner_text().strip()


def _changed_answers(page) -> list[str]:
    return page.locator("[data-changes] [data-changed-answer]:visible").evaluate_all(
        "els => els.map(e => e.getAttribute('data-changed-answer'))"
    )


# An answer changed for another worth no more points: what changed lists it, though no score moved.
SAME_POINTS = next(
    (question, option.id)
    for question in QUESTIONS
    for option in question.options
    if option.id != MIXED[question.id]
    and option.points == 0
    and next(o for o in question.options if o.id == MIXED[question.id]).points == 0
)


def test_a_reassessment_lists_each_answer_that_changed(page, base_url, language):
    _saved_prospect(page, base_url, language)
    changes = page.locator("[data-changes]")
    assert _changed_answers(page) == []
    quiet, option = SAME_POINTS
    click_answers(page, {quiet.id: option})
    assert _changed_answers(page) == [quiet.id]
    assert changes.locator("[data-change]:not([data-changed-answer]):visible").count() == 0
    page.emulate_media(media="print")  # on paper what changed keeps to the scores: none here
    assert changes.is_hidden()
    page.emulate_media(media="screen")
    last = QUESTIONS[-1]
    changed = {
        quiet.id: option,
        last.id: next(o.id for o in last.options if o.points == last.maximum),  # a score moves
    }
    assert MIXED[last.id] != changed[last.id]
    click_answers(page, changed)
    assert _changed_answers(page) == sorted(changed, key=[q.id for q in QUESTIONS].index)
    for question in (quiet, last):
        text = changes.locator(f"[data-changed-answer='{question.id}']").inner_text()
        before = _label(page, question.id, MIXED[question.id])
        after = _label(page, question.id, changed[question.id])
        expected = f"{question.text.get(language)} {before} → {after}"
        assert " ".join(text.split()) == " ".join(expected.split())
    _clean(page)
    page.emulate_media(media="print")
    assert changes.is_visible() and _changed_answers(page) == []
    page.emulate_media(media="screen")
    # Changed back, an answer leaves the list.
    click_answers(page, {quiet.id: MIXED[quiet.id]})
    assert _changed_answers(page) == [last.id]


def _checked(page) -> dict[str, str]:
    return page.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )


def _everything(page) -> dict:
    """All that "start over" clears: the answers, the address, the notice of the prospect being
    re-assessed, its label, what changed since its save, and the message."""
    return {
        "answers": _checked(page),
        "url": page.url,
        "notice": page.locator("[data-quiz-notice]").inner_text(),
        "label": page.locator("[data-prospect-name]").input_value(),
        "changes": page.locator("[data-changed-answer]:visible").evaluate_all(
            "els => els.map(e => e.getAttribute('data-changed-answer'))"
        ),
        "message": _message(page),
    }


def test_start_over_is_undone_exactly_with_the_keyboard(page, base_url, language):
    t = translator(language)
    _saved_prospect(page, base_url, language)
    changed = {QUESTIONS[0].id: GOOD[QUESTIONS[0].id]}
    click_answers(page, changed)
    edited = _edited(page)
    before = _everything(page)
    assert before["message"]["text"] == edited and before["changes"] == [QUESTIONS[0].id]
    assert before["answers"] == {**MIXED, **changed}
    page.locator("[data-action='start-over']").focus()
    page.keyboard.press("Enter")
    notice = page.locator("[data-undo]")
    assert notice.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-undo')")
    assert notice.inner_text().startswith(t("quiz.cleared"))
    assert page.locator("form[data-quiz] input:checked").count() == 0
    assert page.locator("[data-quiz-result]").is_hidden()
    assert page.evaluate("sessionStorage.length") == 0
    assert "#" not in page.url
    _clean(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-action')") == "undo-start-over"
    page.keyboard.press("Enter")
    assert notice.is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-result-heading')")
    assert _everything(page) == before
    page.reload(wait_until="networkidle")  # the tab's draft holds it all again
    _ready(page)
    assert _message(page) == before["message"]


def test_undo_lasts_until_the_next_answer_and_brings_back_a_form_without_result(
    page, base_url, language
):
    _open(page, base_url, language)
    partial = dict(list(MIXED.items())[:3])
    click_answers(page, partial)
    start_over, notice = page.locator("[data-action='start-over']"), page.locator("[data-undo]")
    start_over.click()
    assert notice.is_visible()
    click_answers(page, {QUESTIONS[5].id: GOOD[QUESTIONS[5].id]})  # a new answer: no undo
    assert notice.is_hidden()
    start_over.click()
    assert notice.is_visible()
    notice.locator("[data-action='undo-start-over']").click()
    assert _checked(page) == {QUESTIONS[5].id: GOOD[QUESTIONS[5].id]}
    assert page.locator("[data-quiz-result]").is_hidden()
    assert page.evaluate("document.activeElement.name") == QUESTIONS[5].id  # on the form
    start_over.click()
    # Shown again from the browser's page cache (Chromium here has none: the event it sends), the
    # page no longer offers the undo: "Delete all my data" may have happened meanwhile.
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    assert notice.is_hidden()
    click_answers(page, partial)
    start_over.click()
    page.goto(base_url + PREFIX[language] + "terms/", wait_until="networkidle")
    page.go_back(wait_until="networkidle")  # left and come back: the undo went with the page
    _ready(page)
    assert notice.is_hidden()
    assert page.locator("form[data-quiz] input:checked").count() == 0

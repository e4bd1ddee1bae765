"""The drafted message on the quiz result as people use it: one for every band and reason, in the
page's language, written as text whatever the name, redrafted by its choices without losing the
reader's edits, copied, printed, and the same again from a share link or a saved prospect."""

from __future__ import annotations

import pytest

from quiz.drafting import draft, variants
from quiz.scoring import score
from quiz.site.strings import translator
from tests.support.pdf import page_texts, squeezed
from tests.support.quiz import (
    BAD,
    CARE,
    GOOD,
    MESSAGES,
    MIXED,
    QUIZ,
    UNSURE,
    WALK_BY_SCORE,
    click_answers,
    read_message,
)
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import idle, poll

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "ko": "ko/"}
SETS = {
    "good-fit": GOOD,
    "proceed-with-care": CARE,
    "high-risk": MIXED,
    "dealbreaker": BAD,
    "score": WALK_BY_SCORE,
    "not-enough-info": UNSURE,
}


@pytest.fixture(params=list(LANGUAGES))
def quiz_page(request, page, base_url):
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + LANGUAGES[request.param] + "quiz/", wait_until="networkidle")
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    page.language = request.param
    page.base_url = base_url
    yield page
    assert watch.problems == []


def _submit(page, answers, name="", label=""):
    """Answer and submit; `name` is whom the draft greets, `label` what the prospect is saved as."""
    click_answers(page, answers)
    page.locator("[data-quiz-submit]").click()
    if name:
        page.locator("[data-recipient-name]").fill(name)
    if label:
        page.locator("[data-prospect-name]").fill(label)


def _expected(page, answers, tone="warm", timing="before-call", name=None, variant=None):
    return draft(QUIZ, MESSAGES, answers, page.language, tone, timing, name, variant)


def test_the_answer_sets_reach_what_they_are_named_for():
    reached = {key: score(QUIZ, answers).band for key, answers in SETS.items()}
    assert reached == {
        **{key: key for key in SETS},
        "dealbreaker": "walk-away",
        "score": "walk-away",
    }
    assert [score(QUIZ, SETS[key]).decided_by for key in ("dealbreaker", "score")] == [
        "dealbreaker",
        "score",
    ]


@pytest.mark.parametrize("key", list(SETS))
def test_every_result_drafts_its_message_and_lists_the_terms_that_answer_it(quiz_page, key):
    answers = SETS[key]
    _submit(quiz_page, answers, "Dana Reyes")
    reference = _expected(quiz_page, answers, name="Dana Reyes")
    shown = read_message(quiz_page)
    assert shown["text"] == reference.text
    assert shown["terms"] == list(reference.terms)
    message = quiz_page.locator("[data-message]")
    assert message.locator("textarea[data-next-message]").is_editable()
    assert message.get_by_label(translator(quiz_page.language)("message.label")).count() == 1
    terms = message.locator("[data-terms]")
    assert terms.is_visible() == bool(reference.terms)
    terms_page = quiz_page.base_url + LANGUAGES[quiz_page.language] + "terms/"
    for clause in reference.terms:
        link = terms.locator(f"[data-term='{clause}'] a")
        assert link.evaluate("a => a.href") == terms_page + "#" + clause  # in the page's language
        assert link.inner_text() == MESSAGES.clauses[clause].title.get(quiz_page.language)
    if reference.terms:
        assert (
            terms.locator("[data-terms-note]")
            .inner_text()
            .startswith(translator(quiz_page.language)("legal.title"))
        )
    offered = [
        value
        for value in ("fully-booked", "work-started")
        if message.locator(f"[data-message-variant='{value}']").is_visible()
    ]
    assert offered == list(variants(score(QUIZ, answers)))


def test_tone_timing_and_variant_redraft_the_message(quiz_page):
    _submit(quiz_page, WALK_BY_SCORE)
    for tone, timing, variant in [
        ("formal", "before-call", None),
        ("formal", "after-call", None),
        ("warm", "after-call", "work-started"),
        ("warm", "after-call", "fully-booked"),
    ]:
        quiz_page.locator(f"[data-message-tone='{tone}']").check()
        quiz_page.locator(f"[data-message-timing='{timing}']").check()
        quiz_page.locator(f"[data-message-variant='{variant or ''}']").check()
        reference = _expected(quiz_page, WALK_BY_SCORE, tone, timing, variant=variant)
        shown = read_message(quiz_page)
        assert (shown["text"], shown["terms"]) == (reference.text, list(reference.terms))
    # A new answer that makes the variant impossible returns to the result's own message.
    quiz_page.locator("[data-message-variant='work-started']").check()
    click_answers(quiz_page, GOOD)
    assert quiz_page.locator("[data-message-variant='']").is_checked()
    assert quiz_page.locator("[data-message-variant='work-started']").is_hidden()
    assert read_message(quiz_page)["text"] == _expected(quiz_page, GOOD, "warm", "after-call").text


@pytest.mark.parametrize(
    "name", ["<b>x</b>", "<img src=x onerror=alert(1)>", "Lee &amp; Co", "  Ana\t María  "]
)
def test_a_name_is_text_in_the_greeting_whatever_it_holds(quiz_page, name):
    _submit(quiz_page, MIXED, name)
    shown = read_message(quiz_page)
    text = shown["text"]
    assert text == _expected(quiz_page, MIXED, name=shown["name"]).text
    assert " ".join(name.split()) in text.splitlines()[0]
    message = quiz_page.locator("[data-message]")
    assert message.locator("b, img").count() == 0
    assert " ".join(name.split()) in message.locator("[data-message-print]").text_content()


def test_the_korean_greeting_adds_its_honorific_once(page, base_url):
    page.goto(base_url + "ko/quiz/", wait_until="networkidle")
    page.language = "ko"
    _submit(page, GOOD, "박민아 님")
    assert read_message(page)["text"].startswith("박민아님, 안녕하세요.")


def test_edits_are_kept_when_a_choice_changes_until_the_reader_replaces_them(quiz_page):
    strings = translator(quiz_page.language)
    _submit(quiz_page, MIXED, "Dana")
    box = quiz_page.locator("[data-next-message]")
    redraft = quiz_page.locator("[data-action='redraft-message']")
    assert redraft.is_hidden()
    box.press("End")
    box.press_sequentially(" P.S. Talk soon.")
    edited = box.input_value()
    assert redraft.is_visible()  # the draft is one click away
    quiz_page.locator("[data-message-tone='formal']").check()
    quiz_page.locator("[data-recipient-name]").fill("Dana Reyes")
    assert box.input_value() == edited
    assert quiz_page.locator("[data-message-status]").inner_text() == strings("message.kept")
    redraft.click()
    assert box.input_value() == _expected(quiz_page, MIXED, "formal", name="Dana Reyes").text
    assert redraft.is_hidden()
    assert quiz_page.locator("[data-message-status]").inner_text() == ""
    assert quiz_page.evaluate("document.activeElement.hasAttribute('data-next-message')")


def test_copy_puts_the_text_as_edited_on_the_clipboard(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "quiz/", wait_until="networkidle")
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    _submit(page, CARE, "Dana")
    box = page.locator("[data-next-message]")
    box.press("End")
    box.press_sequentially("\nSam")
    page.locator("[data-action='copy-message']").click()
    status = page.locator("[data-message-status]")
    copied = translator("en")("message.copied")
    poll(lambda: status.inner_text() == copied, "the copied status")  # the clipboard answers later
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == box.input_value()
    assert box.input_value().endswith("\nSam")
    context.close()


def test_without_the_clipboard_copy_selects_the_text(browser, base_url):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    page = context.new_page()
    page.goto(base_url + "ko/quiz/", wait_until="networkidle")
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    _submit(page, CARE)
    page.locator("[data-action='copy-message']").click()
    failed = translator("ko")("message.copy-failed")
    poll(
        lambda: page.locator("[data-message-status]").inner_text() == failed,
        "the copy-failed status",
    )
    selected = page.evaluate(
        "(() => { const box = document.activeElement; "
        "return box.value.slice(box.selectionStart, box.selectionEnd); })()"
    )
    assert selected == read_message(page)["text"]
    context.close()


@pytest.mark.parametrize("key", ["high-risk", "dealbreaker"])
def test_the_message_and_its_terms_print_on_the_page_after_the_result(quiz_page, key):
    answers = SETS[key]
    _submit(quiz_page, answers, "Printed prospect")
    box = quiz_page.locator("[data-next-message]")
    box.press("End")
    box.press_sequentially(" Edited before printing.")
    pages = page_texts(quiz_page.pdf(format="A4"))
    assert len(pages) == 2
    assert squeezed(box.input_value()) in pages[1]
    assert squeezed(box.input_value()) not in pages[0]
    assert squeezed(translator(quiz_page.language)("result.heading")) in pages[0]
    for clause in _expected(quiz_page, answers).terms:
        assert squeezed(MESSAGES.clauses[clause].title.get(quiz_page.language)) in pages[1]


def test_a_share_link_reproduces_the_same_draft(browser, base_url):
    """The link carries the answers and, when asked, the saved label: never whom the draft
    greets, so the draft it opens greets no one by name."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "ko/quiz/", wait_until="networkidle")
    _submit(page, MIXED, label="<b>박민아</b>")
    page.locator("[data-message-tone='formal']").check()
    page.locator("[data-action='share-include-name']").check()  # the name travels only when asked
    page.locator("[data-action='share']").click()
    link = page.locator("[data-share-link]").input_value()
    sent = read_message(page)
    opened = context.new_page()
    opened.goto(link, wait_until="networkidle")
    opened.locator(
        "[data-message-tone='formal']"
    ).check()  # the link carries answers and name, not text
    assert read_message(opened) == sent
    assert opened.locator("[data-prospect-name]").input_value() == "<b>박민아</b>"
    assert "박민아" not in sent["text"]
    context.close()


def test_re_assessing_a_saved_prospect_drafts_from_its_answers(page, base_url):
    """The saved label (here a note to oneself) never reaches the greeting."""
    page.goto(base_url + "quiz/", wait_until="networkidle")
    page.language = "en"
    _submit(page, CARE, label="Acme Ltd (slow payer!)")
    page.locator("[data-action='save']").click()
    idle(page)  # saved (one transaction) before the page is left
    page.goto(base_url + "prospects/", wait_until="networkidle")
    idle(page)
    page.locator("[data-saved-prospect] a[href*='#prospect=']").first.click()
    page.locator("[data-quiz-result]:not([hidden])").wait_for()
    text = read_message(page)["text"]
    assert text == _expected(page, CARE).text
    assert "Acme" not in text
    page.locator("[data-recipient-name]").fill("Jo Acme")
    assert read_message(page)["text"] == _expected(page, CARE, name="Jo Acme").text


def test_one_step_from_the_verdict_to_the_draft_keeps_the_address(browser, base_url):
    """On a phone the draft is screens below the verdict: the link beside the verdict brings its
    heading to the top, focused, and leaves the address (a saved prospect's link) as it is."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(base_url + "quiz/", wait_until="networkidle")
    page.language = "en"
    _submit(page, CARE, label="Acme")
    page.locator("[data-action='save']").click()
    idle(page)
    address = page.url
    assert "#prospect=" in address
    page.locator("[data-result-heading]").evaluate("h => h.scrollIntoView()")  # at the verdict
    heading = page.locator("[data-message-heading]")
    assert not heading.evaluate("h => h.getBoundingClientRect().top < innerHeight")
    page.locator("[data-action='to-message']").click()
    assert page.evaluate("document.activeElement.hasAttribute('data-message-heading')")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200  # at the top, below the sticky header
    assert page.url == address
    context.close()

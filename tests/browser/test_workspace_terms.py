"""Your terms, once: the reader's settings on the prospects page (README.md, "Workspace test
contract"), in both languages. Their figures reach every draft on the quiz page, in another tab
too; their own lines decide walk-away and the result says so; a format-2 store opens and gains
them with nothing lost; they travel in exports and come back on import without replacing what
is here; bad values are refused with GOV.UK's error summary; and the pages stay axe-clean."""

from __future__ import annotations

import pytest

from quiz.drafting import draft
from quiz.scoring import score
from quiz.site.strings import translator
from quiz.your_terms import TERM_LIMITS
from tests.support.quiz import (
    GOOD,
    MESSAGES,
    QUESTIONS,
    QUIZ,
    WALK_BY_SCORE,
    read_message,
    read_result,
)
from tests.support.watch import PageWatch, assert_accessible, origin_of
from tests.support.workspace import (
    VERSION,
    Tab,
    export_body,
    forget_everything,
    idle,
    poll,
    prospect,
    put_stored,
    stored,
)

pytestmark = pytest.mark.browser

LANGUAGES = pytest.mark.parametrize("language", ["en", "ko"])
TERMS = {"deposit": 37, "payment-days": 23, "revisions": 4, "rush": 55, "signature": "Ada Quill"}
# An answer that alone is short of walk-away for anyone: the reader's own line.
LINE_QUESTION = next(q for q in QUESTIONS if q.id == "boundaries-payment")
LINE_OPTION = next(o for o in LINE_QUESTION.options if o.id == "no-deposit")
LINE = f"{LINE_QUESTION.id}:{LINE_OPTION.id}"
WITH_LINE = {**GOOD, LINE_QUESTION.id: LINE_OPTION.id}


@pytest.fixture
def tabs(browser, base_url):
    """A tab on the saved prospects and one on the quiz, in one browser context, watched."""
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page(), context.new_page()]
    for page in pages:
        watch.attach(page)
    yield pages, base_url
    assert watch.problems == []
    context.close()


def _t(language: str):
    return translator(language)


def _form(page):
    return page.locator("form[data-your-terms]")


def _fill(page, terms: dict) -> None:
    for key, value in terms.items():
        page.locator(f'[data-your-term="{key}"]').fill(str(value))


def _save(page) -> None:
    _form(page).locator("button[type=submit]").click()
    idle(page)


def _settings(page) -> dict | None:
    value = stored(page)
    return None if value is None else value.get("settings")


def _submit(page, answers: dict) -> None:
    page.evaluate(
        """([answers]) => {
          const form = document.querySelector("form[data-quiz]");
          for (const [name, value] of Object.entries(answers)) {
            form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
          }
          form.requestSubmit();
        }""",
        [answers],
    )


def _shown_note(page) -> str:
    # Both notes read in one go: the page switches them in one task, and two separate reads can
    # straddle the switch and see both.
    shown = page.evaluate(
        """() => [...document.querySelectorAll("[data-figures]")]
          .filter((note) => note.checkVisibility()).map((note) => note.dataset.figures)"""
    )
    assert len(shown) == 1, shown
    return shown[0]


def _tick(page, line: str) -> None:
    """Tick an own line as a reader does: its flag's disclosure opened first, when closed."""
    group = page.locator(f'details:has([data-your-line="{line}"])')
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    page.locator(f'[data-your-line="{line}"]').check()


def _focused(page) -> str:
    return page.evaluate(
        "document.activeElement.getAttribute('data-your-terms-saved') !== null ? 'saved'"
        " : document.activeElement.hasAttribute('data-your-terms-errors-heading') ? 'errors'"
        " : document.activeElement.tagName"
    )


# ------------------------------------------------------------------ the form


@LANGUAGES
def test_bad_values_show_the_error_summary_and_save_nothing(tabs, language):
    (page, _), base_url = tabs
    listing = Tab(page, base_url, "prospects", language).open()
    t = _t(language)
    _fill(page, {"deposit": "101", "payment-days": "0", "revisions": "two", "rush": "12.5"})
    _save(page)
    assert _focused(page) == "errors"
    summary = page.locator("[data-your-terms-errors]")
    assert summary.is_visible()
    low, high = TERM_LIMITS["deposit"]
    expected = t("yours.deposit.error").replace("{low}", str(low)).replace("{high}", str(high))
    links = [link.inner_text().strip() for link in summary.locator("a").all() if link.is_visible()]
    assert len(links) == 4 and links[0] == expected
    for key in ("deposit", "payment-days", "revisions", "rush"):
        field = page.locator(f'[data-your-term="{key}"]')
        assert field.get_attribute("aria-invalid") == "true"
        assert f"your-term-{key}-error" in field.get_attribute("aria-describedby")
        assert page.locator(f"#your-term-{key}-error").is_visible()
    assert not page.locator("#your-term-signature-error").is_visible()
    assert not page.locator("[data-your-terms-saved]").is_visible()
    assert _settings(page) is None
    assert listing.status() == ""
    # A link in the summary takes the reader to its field.
    summary.locator("a").nth(2).click()
    assert page.evaluate("document.activeElement.getAttribute('data-your-term')") == "revisions"
    # Corrected (a unit typed with the figure is fine), it saves and says so.
    _fill(page, {"deposit": "30 %", "payment-days": "14", "revisions": "2", "rush": "0"})
    _save(page)
    assert _focused(page) == "saved"
    assert not summary.is_visible()
    assert page.locator("[data-your-terms-saved] .crf-banner__heading").inner_text() == t(
        "yours.saved"
    )
    assert _settings(page) == {
        "terms": {"deposit": 30, "payment-days": 14, "revisions": 2, "rush": 0},
        "lines": [],
    }


@LANGUAGES
def test_terms_and_own_lines_are_saved_and_shown_again(tabs, language):
    (page, _), base_url = tabs
    Tab(page, base_url, "prospects", language).open()
    boxes = page.locator("[data-your-line]")
    # Every definite answer worth a point or more, and nothing else, grouped by question.
    expected = [
        f"{q.id}:{o.id}" for q in QUESTIONS for o in q.options if not o.unsure and o.points >= 1
    ]
    assert [box.get_attribute("data-your-line") for box in boxes.all()] == expected
    legend = page.locator(f'fieldset:has([data-your-line="{LINE}"]) legend')
    assert _words(legend) == LINE_QUESTION.text.get(language)
    _fill(page, TERMS)
    _tick(page, LINE)
    _save(page)
    assert _settings(page) == {"terms": TERMS, "lines": [LINE]}
    page.reload()
    idle(page)
    for key, value in TERMS.items():
        assert page.locator(f'[data-your-term="{key}"]').input_value() == str(value)
    assert [box.get_attribute("data-your-line") for box in boxes.all() if box.is_checked()] == [
        LINE
    ]
    # Emptied, a figure is no longer set: drafts take the example again.
    page.locator('[data-your-term="rush"]').fill("")
    _save(page)
    assert "rush" not in _settings(page)["terms"]


@LANGUAGES
def test_own_lines_fold_by_flag_and_each_says_how_many_are_chosen(browser, base_url, language):
    """On a phone the seventy own lines are one disclosure per flag (GOV.UK's details): all
    closed at first, each summary naming its flag and how many of its lines are chosen, kept up
    to date as boxes are ticked with the keyboard; after a reload, a flag that holds a chosen line
    is open by itself and the others stay closed."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    Tab(page, base_url, "prospects", language).open()
    t = _t(language)

    def counts() -> dict[str, str]:
        return {
            group.get_attribute("data-lines-flag"): _words(group.locator("summary"))
            for group in page.locator("details[data-lines-flag]").all()
        }

    def opened() -> list[str]:
        return [
            group.get_attribute("data-lines-flag")
            for group in page.locator("details[data-lines-flag]").all()
            if group.get_attribute("open") is not None
        ]

    with_lines = [
        flag
        for flag in QUIZ.flags
        if any(not o.unsure and o.points >= 1 for q in flag.questions for o in q.options)
    ]
    chosen = t("prospects.lines.chosen")
    assert counts() == {
        flag.id: f"{flag.name.get(language)} {chosen.replace('{count}', '0')}"
        for flag in with_lines
    }
    assert opened() == []
    assert not any(box.is_visible() for box in page.locator("[data-your-line]").all())
    # The keyboard opens a flag and ticks its lines; the summary follows.
    flag = next(f for f, q in QUIZ.questions() if q.id == LINE_QUESTION.id).id
    summary = page.locator(f'details[data-lines-flag="{flag}"] > summary')
    summary.focus()
    page.keyboard.press("Enter")
    assert opened() == [flag]
    box = page.locator(f'[data-your-line="{LINE}"]')
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert _words(summary).endswith(chosen.replace("{count}", "1"))
    other = page.locator(f'details[data-lines-flag="{flag}"] [data-your-line]').first
    other.focus()
    page.keyboard.press("Space")
    assert _words(summary).endswith(chosen.replace("{count}", "2"))
    page.keyboard.press("Space")
    assert _words(summary).endswith(chosen.replace("{count}", "1"))
    _save(page)
    page.reload()
    idle(page)
    assert opened() == [flag]
    assert _words(summary).endswith(chosen.replace("{count}", "1"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    context.close()


@LANGUAGES
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_saving_confirms_in_a_success_banner_that_takes_focus(tabs, language, scheme):
    """GOV.UK's success notification banner, not the site's notice: role="alert", focused, its
    title and message in the page's language, in green (not the error red) with text that meets
    AA contrast in both colour schemes."""
    (page, _), base_url = tabs
    Tab(page, base_url, "prospects", language).open()
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    t = _t(language)
    _fill(page, {"deposit": 40})
    _save(page)
    banner = page.locator("[data-your-terms-saved]")
    assert banner.is_visible() and _focused(page) == "saved"
    assert banner.get_attribute("role") == "alert"
    assert banner.locator(".crf-banner__title").inner_text() == t("yours.saved.title")
    paragraphs = banner.locator(".crf-banner__content p").all_inner_texts()
    assert paragraphs == [t("yours.saved"), t("yours.saved.more")]
    colours = page.evaluate(
        """() => {
          const style = (selector) => getComputedStyle(document.querySelector(selector));
          const banner = style("[data-your-terms-saved]");
          return {
            frame: banner.borderTopColor,
            bar: banner.backgroundColor,
            title: style(".crf-banner__title").color,
            text: style(".crf-banner__heading").color,
            page: style(".crf-banner__content").backgroundColor,
            error: getComputedStyle(document.body).getPropertyValue("--crf-error"),
          };
        }"""
    )
    assert colours["frame"] == colours["bar"] == "rgb(0, 112, 60)"  # GOV.UK's green
    assert _contrast(colours["title"], colours["bar"]) >= 4.5
    assert _contrast(colours["text"], colours["page"]) >= 4.5
    # Typing again takes the banner away: it speaks of the last save only.
    page.locator('[data-your-term="deposit"]').fill("41")
    assert not banner.is_visible()


def _words(element) -> str:
    """An element's text as read aloud: its words, one space between."""
    return " ".join(element.text_content().split())


def _contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two computed colours ("rgb(r, g, b)", opaque)."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# ------------------------------------------------------------------ the quiz page


@LANGUAGES
def test_an_own_line_decides_walk_away_and_the_result_says_it_was_yours(tabs, language):
    (listing_page, quiz_page), base_url = tabs
    quiz = Tab(quiz_page, base_url, "quiz", language).open()
    _submit(quiz_page, WITH_LINE)
    assert read_result(quiz_page)["band"] == score(QUIZ, WITH_LINE).band != "walk-away"
    # Set in another tab: the open result follows.
    Tab(listing_page, base_url, "prospects", language).open()
    _tick(listing_page, LINE)
    _save(listing_page)
    quiz_page.bring_to_front()
    poll(lambda: read_result(quiz_page)["band"] == "walk-away", "the result follows")
    reference = score(QUIZ, WITH_LINE, own_lines=[LINE])
    shown = read_result(quiz_page)
    assert (shown["score"], shown["walkReason"]) == (str(reference.score), "own-line")
    assert shown["raisedBy"] == ["own-line"]
    item = quiz_page.locator('[data-raised-by="own-line"]')
    t = _t(language)
    assert t("yours.raised") in item.inner_text()
    assert LINE_OPTION.text.get(language) in item.inner_text()  # it names the answer
    walk = quiz_page.locator('[data-walk-reason="own-line"]')
    assert walk.is_visible() and walk.inner_text().strip() == " ".join(t("yours.walk").split())
    # The decline is the score's: the reader's line, not one every client crosses.
    assert quiz_page.locator('[data-message-variant="fully-booked"]').is_visible()
    # A fresh visit reads the lines once, before the first result.
    quiz.open()
    _submit(quiz_page, WITH_LINE)
    assert read_result(quiz_page)["band"] == "walk-away"
    assert_accessible(quiz_page)


@LANGUAGES
def test_the_note_beside_the_draft_says_where_its_figures_come_from(tabs, language):
    (listing_page, quiz_page), base_url = tabs
    Tab(quiz_page, base_url, "quiz", language).open()
    _submit(quiz_page, GOOD)
    assert _shown_note(quiz_page) == "examples"
    link = quiz_page.locator('[data-figures="examples"] a')
    assert link.inner_text() == _t(language)("yours.examples.link")
    with quiz_page.expect_navigation():  # loaded: idle() alone passes on a page still parsing
        link.click()
    idle(quiz_page)
    assert quiz_page.url.endswith(("" if language == "en" else "ko/") + "prospects/#your-terms")
    assert quiz_page.locator("#your-terms").is_visible()
    quiz_page.go_back()
    idle(quiz_page)
    Tab(listing_page, base_url, "prospects", language).open()
    _fill(listing_page, TERMS)
    _save(listing_page)
    quiz_page.bring_to_front()
    poll(lambda: _shown_note(quiz_page) == "yours", "the note follows")
    href = quiz_page.locator('[data-figures="yours"] a').get_attribute("href")
    assert href.endswith("prospects/#your-terms")


@LANGUAGES
def test_a_decline_has_no_note_on_figures_it_does_not_hold(tabs, language):
    """The note on where the draft's figures come from stands beside a draft with figures; a
    decline (walk-away, the fully-booked variant, stepping away once work has started) has none,
    and nor does the note."""
    (_, quiz_page), base_url = tabs
    Tab(quiz_page, base_url, "quiz", language).open()

    def notes() -> list[str]:
        return [
            note.get_attribute("data-figures")
            for note in quiz_page.locator("[data-figures]").all()
            if note.is_visible()
        ]

    def variant(value: str) -> None:
        quiz_page.locator(f"[data-message-variant='{value}']").check()

    _submit(quiz_page, GOOD)
    assert read_result(quiz_page)["band"] == "good-fit"
    assert notes() == ["examples"]
    variant("fully-booked")
    assert notes() == []
    variant("")
    assert notes() == ["examples"]
    _submit(quiz_page, WALK_BY_SCORE)
    assert read_result(quiz_page)["band"] == "walk-away"
    for value in ("", "fully-booked", "work-started"):
        variant(value)
        assert notes() == [], value
    assert not any(char.isdigit() for char in read_message(quiz_page)["text"])


@LANGUAGES
def test_your_terms_change_every_figure_in_the_draft(tabs, language):
    (listing_page, quiz_page), base_url = tabs
    Tab(listing_page, base_url, "prospects", language).open()
    _fill(listing_page, TERMS)
    _save(listing_page)
    Tab(quiz_page, base_url, "quiz", language).open()
    _submit(quiz_page, GOOD)
    text = read_message(quiz_page)["text"]
    reference = draft(QUIZ, MESSAGES, GOOD, language, "warm", "before-call", terms=TERMS)
    assert text == reference.text
    assert text != draft(QUIZ, MESSAGES, GOOD, language, "warm", "before-call").text
    assert str(TERMS["deposit"]) in text and TERMS["signature"] in text


# ------------------------------------------------------------------ the store


@LANGUAGES
def test_a_format_2_store_opens_and_gains_settings_with_nothing_lost(tabs, language):
    (page, _), base_url = tabs
    alpha = prospect(
        "p-alphaalpha",
        "Alpha",
        GOOD,
        "2026-03-01T10:00:00.000Z",
        [{"updated": "2026-02-01T10:00:00.000Z", "answers": WITH_LINE}],
        tag="the prospect's own",
    )
    beta = prospect("p-betabetabe", "Beta", WITH_LINE, "2026-03-02T10:00:00.000Z")
    value = {
        "version": 2,
        "prospects": [alpha, beta, {"id": "unreadable", "kept": True}],
        "deleted": {"p-gonegonego": "2099-01-01T00:00:00.000Z"},
        "note": "a key of a later version",
    }
    page.goto(base_url + "prospects/")
    put_stored(page, value)
    listing = Tab(page, base_url, "prospects", language).open()
    assert sorted(name for _, name, _ in listing.rows()) == ["Alpha", "Beta"]
    assert stored(page) == value  # reading writes nothing
    _tick(page, LINE)
    _fill(page, {"deposit": 50})
    _save(page)
    written = stored(page)
    assert written == {
        **value,
        "version": VERSION,
        "settings": {"terms": {"deposit": 50}, "lines": [LINE]},
    }
    # The saved verdicts follow the new line: Beta gave that answer.
    bands = dict(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-saved-prospect]")].map((row) =>
              [row.querySelector('[data-slot="name"]').textContent,
               row.querySelector('[data-slot="band"]').textContent])"""
        )
    )
    band = QUIZ.bands.by_id()["walk-away"].title.get(language)
    assert bands["Beta"] == band and bands["Alpha"] != band


@LANGUAGES
def test_unreadable_settings_are_named_kept_and_lose_nothing_else(tabs, language):
    (page, quiz_page), base_url = tabs
    alpha = prospect("p-alphaalpha", "Alpha", GOOD)
    value = {
        "version": VERSION,
        "prospects": [alpha],
        "settings": {"terms": {"deposit": 150, "rush": 20, "signature": 7}, "lines": "all"},
    }
    page.goto(base_url + "prospects/")
    put_stored(page, value)
    listing = Tab(page, base_url, "prospects", language).open()
    t = _t(language)
    problem = page.locator("[data-your-terms-problem]")
    names = [t("yours.deposit"), t("yours.signature"), t("yours.lines")]
    assert problem.inner_text() == t("prospects.terms.unreadable").replace(
        "{names}", ", ".join(names)
    )
    assert page.locator('[data-your-term="deposit"]').input_value() == "150"  # to correct
    assert page.locator('[data-your-term="rush"]').input_value() == "20"
    assert [name for _, name, _ in listing.rows()] == ["Alpha"]
    assert stored(page) == value
    # The quiz page uses what is valid, the examples for the rest.
    Tab(quiz_page, base_url, "quiz", language).open()
    _submit(quiz_page, GOOD)
    assert _shown_note(quiz_page) == "examples"
    # Saving the form again asks for the deposit to be corrected first.
    page.bring_to_front()
    _save(page)
    assert _focused(page) == "errors"
    assert stored(page) == value


@LANGUAGES
def test_export_then_delete_all_then_import_brings_the_settings_back(tabs, language):
    (page, _), base_url = tabs
    listing = Tab(page, base_url, "prospects", language).open()
    _fill(page, TERMS)
    _tick(page, LINE)
    _save(page)
    settings = _settings(page)
    body = listing.export()  # no prospect: the settings alone are worth a file
    assert (body["version"], body["settings"], body["prospects"]) == (VERSION, settings, [])
    assert _t(language)("prospects.export.settings") in listing.status()
    listing.clear()
    assert stored(page) is None
    assert page.locator('[data-your-term="deposit"]').input_value() == ""
    assert not page.locator(f'[data-your-line="{LINE}"]').is_checked()
    t = _t(language)
    assert listing.import_(body) == " ".join(
        [t("prospects.import.done"), t("prospects.import.settings.taken")]
    )
    assert _settings(page) == settings
    assert page.locator('[data-your-term="deposit"]').input_value() == str(TERMS["deposit"])
    assert page.locator(f'[data-your-line="{LINE}"]').is_checked()
    assert listing.import_(body) == " ".join(
        [t("prospects.import.done"), t("prospects.import.settings.same")]
    )


@LANGUAGES
def test_an_import_with_other_terms_keeps_these_until_asked(tabs, language):
    (page, _), base_url = tabs
    listing = Tab(page, base_url, "prospects", language).open()
    _fill(page, {"deposit": 30})
    _save(page)
    theirs = {"terms": {"deposit": 60, "payment-days": 45}, "lines": [LINE]}
    body = {**export_body([prospect("p-deltadelta", "Delta", GOOD)]), "settings": theirs}
    t = _t(language)
    summary = listing.import_(body)
    assert t("prospects.import.settings.differ") in summary
    assert t("prospects.import.settings.taken") in summary  # the lines: none were set here
    assert _settings(page) == {"terms": {"deposit": 30}, "lines": [LINE]}
    button = page.locator('[data-action="use-file-settings"]')
    assert button.is_visible()
    button.click()
    idle(page)
    assert _settings(page) == theirs
    assert listing.status() == t("prospects.terms.used")
    assert not button.is_visible()
    assert page.locator('[data-your-term="payment-days"]').input_value() == "45"


def test_the_prospects_page_with_the_form_in_error_is_axe_clean(tabs):
    (page, _), base_url = tabs
    for language in ("en", "ko"):
        Tab(page, base_url, "prospects", language).open()
        forget_everything(page)
        page.reload()
        idle(page)
        _fill(page, {"deposit": "-1"})
        _save(page)
        _tick(page, LINE)
        assert_accessible(page)

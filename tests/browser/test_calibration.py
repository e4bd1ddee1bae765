"""Every calibration prospect in the browser, in both languages: the band a seasoned freelancer
would accept, the flag that matters among the first two concerns, and the line that says what
decided the band, exactly as the Python reference scores it; the draft that names what was
seen."""

from __future__ import annotations

import pytest

from quiz.drafting import browser_messages, draft, fill_terms, plan
from quiz.messages import TONES
from quiz.scoring import score
from tests.support.calibration import prospects
from tests.support.quiz import MESSAGES, QUIZ, draft_on_page, expected, submit

pytestmark = pytest.mark.browser

PROSPECTS = prospects(QUIZ)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_calibration_prospect_gets_an_acceptable_band_in_the_browser(quiz_pages, language):
    page = quiz_pages[language]
    for prospect in PROSPECTS:
        shown = submit(page, prospect.answers)
        assert shown["band"] in prospect.bands, f"{prospect.id}: {shown['band']} ({shown['score']})"
        if prospect.top:
            assert prospect.top in shown["concerns"][:2], f"{prospect.id}: {shown['concerns']}"
        assert shown == expected(score(QUIZ, prospect.answers), QUIZ), prospect.id


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_answer_that_decided_is_said_near_the_top_with_its_reason(quiz_pages, language):
    """Pay only when funded: the line that raised the band is visible, right under the verdict,
    and gives the answer's own reason; a headline never claims nothing points to trouble."""
    page = quiz_pages[language]
    prospect = next(p for p in PROSPECTS if p.id == "pays-when-funded")
    shown = submit(page, prospect.answers)
    assert shown["raisedBy"] == ["boundaries-payment:later"]
    line = page.locator('[data-raised-by="boundaries-payment:later"]')
    option = next(
        o
        for _, q in QUIZ.questions()
        if q.id == "boundaries-payment"
        for o in q.options
        if o.id == "later"
    )
    assert line.is_visible()
    assert option.floor.why.get(language) in line.inner_text()
    panel_bottom = page.locator(".crf-panel").bounding_box()
    raised_top = page.locator("[data-result-raised]").bounding_box()
    concerns_top = page.locator("[data-concerns]").bounding_box()
    assert panel_bottom["y"] < raised_top["y"] < concerns_top["y"]
    assert page.locator("[data-raised-intro=answer]").is_visible()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_serious_answers_that_add_up_are_named_by_flag_with_their_answers(quiz_pages, language):
    page = quiz_pages[language]
    prospect = next(p for p in PROSPECTS if p.id == "ghost")
    shown = submit(page, prospect.answers)
    assert shown["raisedBy"] == ["flag:unresponsive"]
    line = page.locator('[data-raised-by="flag:unresponsive"]')
    labels = [
        page.locator(f"label[for='q-{q}-{o}']").inner_text().strip()
        for q, o in prospect.answers.items()
        if q.startswith("unresponsive-")
    ]
    for label in labels:
        assert label in line.inner_text()
    assert page.locator("[data-raised-intro=pattern]").is_visible()
    assert page.locator("[data-raised-intro=answer]").is_hidden()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_prospects_draft_names_what_was_seen_and_holds_its_words(quiz_pages, language):
    """The page's draft for every calibration prospect, in both tones: the reference's text; in a
    review, the `seen` line of each answer it names; in English, the prospect's `message` words
    (in the text or the titles of the clauses listed below it); in a good fit, the usual terms
    as said to a prospect whose answer spoke to them (net 60 asked for)."""
    page = quiz_pages[language]
    island = browser_messages(MESSAGES, language, QUIZ)
    titles = {anchor: clause.title.en for anchor, clause in MESSAGES.clauses.items()}
    for prospect in PROSPECTS:
        made = plan(QUIZ, prospect.answers)
        for tone in TONES:
            shown = draft_on_page(page, prospect.answers, tone, "before-call", None, "")
            reference = draft(QUIZ, MESSAGES, prospect.answers, language, tone, "before-call")
            assert (shown["text"], shown["terms"]) == (reference.text, list(reference.terms))
            if made.band in ("proceed-with-care", "high-risk"):
                for key in (key for seen in made.seen for key in seen):
                    question, option = key.split(":")
                    line = fill_terms(island["seen"][question][option][tone], island["defaults"])
                    assert line in shown["text"], (prospect.id, key)
            if made.band == "good-fit":  # the usual terms as said to what the prospect said
                after = island["good-fit"]["usual-after"]
                key = next((key for key in sorted(after) if key in made.answered), None)
                usual = after[key] if key else island["good-fit"]["usual"]
                paragraph = fill_terms(usual[tone], island["defaults"])
                assert paragraph in shown["text"].split("\n\n"), prospect.id
            if language == "en":
                listed = " ".join(titles[anchor] for anchor in shown["terms"])
                for word in prospect.message:
                    assert word.casefold() in f"{shown['text']} {listed}".casefold(), prospect.id

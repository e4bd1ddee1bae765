"""The track record page in both languages: its counts equal the Python reference's
(quiz/track_record.py) for a year of made-up clients and for random stores; its empty states; a
newer version's store shown read-only; other tabs' changes followed; axe, keyboard, 375 px, one
printed A4 page, and the offline copy."""

from __future__ import annotations

import copy
import json
import random
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from quiz.site.strings import translator
from tests.browser.test_offline import unzipped  # noqa: F401 (a fixture)
from tests.support.pdf import page_texts, squeezed
from tests.support.quiz import QUIZ
from tests.support.track import a_year_of_clients, expected, random_store, ready, shown
from tests.support.watch import PageWatch, origin_of, settle
from tests.support.workspace import KEY, poll, put_stored, records

pytestmark = pytest.mark.browser

PATHS = {"en": "track-record/", "ko": "ko/track-record/"}
LANGUAGES = pytest.mark.parametrize("language", ["en", "ko"])
YEAR = a_year_of_clients(QUIZ)


@pytest.fixture
def watched(page, base_url):
    """A page whose console errors and foreign requests fail the test."""
    watch = PageWatch(origin_of(base_url))
    watch.attach(page)
    yield page
    assert watch.problems == []


def _open(page, base_url, language, store=None):
    """The track record page, with `store` stored first (nothing stored when None)."""
    page.goto(base_url + PATHS[language])
    if store is not None:
        put_stored(page, store)
        page.reload()
    ready(page)


@LANGUAGES
def test_a_year_of_clients_is_counted_as_the_reference_counts_it(watched, base_url, language):
    _open(watched, base_url, language, YEAR)
    assert shown(watched) == expected(QUIZ, YEAR)
    reference = expected(QUIZ, YEAR)
    # The totals, the chart and the text agree with the cells.
    decided = reference["saved"] - reference["undecided"]
    total = watched.locator('[data-track-total=""]').inner_text()
    assert (total, watched.locator('[data-track-count="decided"]').inner_text()) == (
        str(decided),
        str(decided),
    )
    for band, went in reference["bands"].items():
        bar = watched.locator(f'[data-track-bar="{band}"]')
        for kind, count in went.items():
            assert bar.locator(f'[data-slot="{kind}"]').inner_text() == str(count)
            assert bar.locator(f'[data-part="{kind}"]').is_visible() == (count > 0)
        assert watched.locator(f'[data-track-total="{band}"]').inner_text() == str(
            sum(went.values())
        )
    for flag, went in reference["flags"].items():
        row = watched.locator(f'[data-track-flag="{flag}"]')
        assert row.locator('[data-slot="badly"]').inner_text() == str(went["badly"])
        assert watched.locator(
            f'[data-track-flag-bar="{flag}"] [data-slot="well"]'
        ).inner_text() == (str(went["well"]))
    for went in ("badly", "well"):  # the flag table's own totals
        assert watched.locator(f'[data-track-engagements="{went}"]').inner_text() == str(
            sum(row[went] for row in reference["bands"].values())
        )
    # The flags most often before a bad engagement come first.
    order = [r.get_attribute("data-track-flag") for r in watched.locator("[data-track-flag]").all()]
    badly = [reference["flags"][flag]["badly"] for flag in order]
    assert badly == sorted(badly, reverse=True) and badly[0] > badly[-1]
    # Counts, never a percentage; and the plain words a skeptic needs.
    article = watched.locator("article").inner_text()
    assert re.search(r"\d\s*(%|퍼센트)", article) is None
    t = translator(language)
    assert t("track.privacy") in article
    assert watched.locator("[data-track-empty]").is_hidden()


@LANGUAGES
def test_random_stores_are_counted_as_the_reference_counts_them(watched, base_url, language):
    rng = random.Random(f"track-{language}")
    _open(watched, base_url, language)
    for _ in range(8):
        store = random_store(QUIZ, rng, rng.randint(1, 40))
        put_stored(watched, store)
        watched.reload()
        ready(watched)
        assert shown(watched) == expected(QUIZ, store), json.dumps(store)[:1500]


@LANGUAGES
def test_with_nothing_decided_the_page_says_how_to_record_outcomes(watched, base_url, language):
    t = translator(language)
    _open(watched, base_url, language)
    empty = watched.locator("[data-track-empty]")
    assert empty.is_visible() and watched.locator("[data-track-results]").is_hidden()
    none = watched.locator("[data-track-empty-none]")
    assert none.is_visible() and none.inner_text() == t("track.empty.none")
    assert watched.locator("[data-track-empty-undecided]").is_hidden()
    assert t("track.empty.how") in empty.inner_text()
    # Saved, but nothing decided: the other empty state.
    undecided = copy.deepcopy(YEAR)
    for prospect in undecided["prospects"]:
        prospect["events"] = [e for e in prospect["events"] if e["kind"] not in DECISIONS]
    _open(watched, base_url, language, undecided)
    assert watched.locator("[data-track-empty-undecided]").is_visible()
    assert watched.locator("[data-track-empty-none]").is_hidden()
    # Its link leads to the saved prospects, in the page's language.
    empty.locator("a").click()
    assert watched.url == base_url + PATHS[language].replace("track-record/", "prospects/")


@LANGUAGES
def test_a_store_from_a_newer_version_is_counted_and_left_as_it_is(watched, base_url, language):
    newer = {**copy.deepcopy(YEAR), "version": 99, "from-the-future": {"kept": True}}
    _open(watched, base_url, language, newer)
    assert watched.locator("[data-track-status]").inner_text() == translator(language)(
        "work.storage.future"
    )
    assert shown(watched) == expected(QUIZ, newer)
    assert json.loads(records(watched)[KEY]) == newer  # read, never rewritten


def test_a_change_in_another_tab_is_counted_at_once(context, base_url):
    track, other = context.new_page(), context.new_page()
    _open(track, base_url, "en", YEAR)
    fewer = {**YEAR, "prospects": YEAR["prospects"][:5]}
    other.goto(base_url)
    put_stored(other, fewer)
    other.evaluate("localStorage.setItem('client-red-flags:changed', String(Date.now()))")
    poll(lambda: shown(track) == expected(QUIZ, fewer), "the other tab's change is counted")


@LANGUAGES
def test_axe_finds_no_violation_with_counts_or_without(page, base_url, language):
    axe = Axe()
    for store in (None, YEAR):
        for scheme in ("default", "slate"):
            _open(page, base_url, language, store)
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            settle(page)
            results = axe.run(page)
            assert results.violations_count == 0, results.generate_report()


def test_the_keyboard_reaches_every_link_in_order_and_leaves_for_the_saved_prospects(
    page, base_url
):
    _open(page, base_url, "en", YEAR)
    links = page.locator("[data-track] a:visible")
    wanted = [link.get_attribute("href") for link in links.all()]
    page.locator("h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.activeElement.closest('[data-track]') ? "
            "document.activeElement.getAttribute('href') : null"
        )
        if inside is not None:
            reached.append(inside)
        if reached and reached[-1] == wanted[-1]:
            break
    assert reached == wanted
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "prospects/")


@LANGUAGES
def test_at_375_px_nothing_scrolls_sideways(page, base_url, language):
    page.set_viewport_size({"width": 375, "height": 800})
    _open(page, base_url, language, YEAR)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@LANGUAGES
def test_the_track_record_prints_on_one_a4_page(page, base_url, language):
    _open(page, base_url, language, YEAR)
    page.emulate_media(media="print")
    texts = page_texts(page.pdf(format="A4"))
    assert len(texts) == 1
    t = translator(language)
    for key in ("track.caption", "track.flags.caption", "track.chart.flags"):
        assert squeezed(t(key)) in texts[0], key


@LANGUAGES
def test_the_offline_copy_counts_from_disk(page, request, language):
    folder = request.getfixturevalue("unzipped")  # test_offline.py's copy, unzipped
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: r.url.startswith("file:") or problems.append(r.url))
    prefix = "" if language == "en" else "ko/"
    page.goto((folder / prefix / "track-record.html").as_uri())
    put_stored(page, YEAR)
    page.reload()
    ready(page)
    assert shown(page) == expected(QUIZ, YEAR)
    # Its way back to the saved prospects is the copy's own page.
    link = page.locator(".crf-track__record a")
    assert re.sub(r"#.*", "", link.evaluate("a => a.href")) == (
        (folder / prefix / "prospects.html").as_uri()
    )
    assert problems == []


DECISIONS = {outcome.id for outcome in QUIZ.outcomes if outcome.decides}

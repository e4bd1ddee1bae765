"""The prospect workspace as people use it: save, reload, compare, re-assess, share, export,
import, print and delete, with bad links, files and stored data refused without losing anything."""

from __future__ import annotations

import json
import re

import pytest

from quiz.scoring import score
from quiz.share import share_key
from quiz.site.strings import translator
from tests.support.quiz import (
    BAD,
    GOOD,
    MIXED,
    QUESTIONS,
    QUIZ,
    click_answers,
    expected,
    read_result,
    strongest,
    submit,
    unsure,
)
from tests.support.watch import PageWatch, assert_accessible, origin_of
from tests.support.workspace import (
    VERSION,
    idle,
    prospect,
    put_stored,
    records,
    site_values,
    stored,
    stored_text,
)

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "ko": "ko/"}


@pytest.fixture(params=list(LANGUAGES))
def language(request):
    return request.param


@pytest.fixture
def watched(page, base_url):
    watch = PageWatch(origin_of(base_url)).attach(page)
    yield page
    assert watch.problems == []


def _url(base_url, language, path):
    return base_url + LANGUAGES[language] + path


def _screen(page, base_url, language, answers, name):
    page.goto(_url(base_url, language, "quiz/"), wait_until="networkidle")
    idle(page)
    click_answers(page, answers)
    page.locator("[data-quiz-submit]").click()
    page.locator("[data-prospect-name]").fill(name)
    page.locator('[data-action="save"]').click()
    idle(page)
    assert name in page.locator("[data-workspace-status]").inner_text()


def _compare_all(page, base_url, language):
    """Open the saved prospects, tick every one and compare them."""
    page.goto(_url(base_url, language, "prospects/"), wait_until="networkidle")
    idle(page)
    for box in page.locator("[data-compare]").all():
        box.check()
    page.locator('[data-action="compare"]').click()


def _stored(page):
    return stored(page)


def _band_title(language, band):
    return getattr(QUIZ.bands.by_id()[band].title, language)


def _export(prospects, version=VERSION):
    return {
        "format": "client-red-flags/prospects",
        "version": version,
        "exported": "2026-11-30T00:00:00.000Z",
        "prospects": prospects,
    }


def test_a_saved_prospect_is_still_there_after_a_reload(watched, base_url, language):
    _screen(watched, base_url, language, MIXED, "Acme Ltd")
    for _ in range(2):
        watched.goto(_url(base_url, language, "prospects/"), wait_until="networkidle")
        idle(watched)
        rows = watched.locator("[data-saved-prospect]")
        assert rows.count() == 1
        text = rows.first.inner_text()
        reference = score(QUIZ, MIXED)
        assert (
            "Acme Ltd" in text
            and _band_title(language, reference.band) in text
            and str(reference.score) in text
        )
        watched.reload()
        idle(watched)
    assert [p["name"] for p in _stored(watched)["prospects"]] == ["Acme Ltd"]
    assert _stored(watched)["prospects"][0]["answers"] == MIXED


def test_two_prospects_compare_side_by_side(watched, base_url, language):
    _screen(watched, base_url, language, GOOD, "Good Co")
    _screen(watched, base_url, language, BAD, "Bad Co")
    _compare_all(watched, base_url, language)
    table = watched.locator("[data-comparison]")
    assert table.is_visible()
    names = table.locator("[data-compare-head] th").all_inner_texts()
    assert sorted(names) == ["Bad Co", "Good Co"]
    results = {"Good Co": score(QUIZ, GOOD), "Bad Co": score(QUIZ, BAD)}
    scores = table.locator("[data-compare-row='score'] td").all_inner_texts()
    assert scores == [str(results[name].score) for name in names]
    bands = table.locator("[data-compare-row='band'] td").all_inner_texts()
    assert bands == [_band_title(language, results[name].band) for name in names]
    flag = QUIZ.flags[0].id
    flag_scores = table.locator(f"[data-compare-row='{flag}'] td").all_inner_texts()
    assert flag_scores == [str(results[name].flags[0].score) for name in names]


def test_compare_asks_for_two_to_four(watched, base_url):
    _screen(watched, base_url, "en", GOOD, "Only one")
    watched.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(watched)
    watched.locator("[data-compare]").first.check()
    watched.locator('[data-action="compare"]').click()
    assert watched.locator("[data-compare-error]").is_visible()
    assert watched.locator("[data-comparison]").is_hidden()


def test_reassessing_shows_what_changed_and_saving_twice_keeps_it(watched, base_url, language):
    _screen(watched, base_url, language, MIXED, "Second call")
    watched.goto(_url(base_url, language, "prospects/"), wait_until="networkidle")
    idle(watched)
    watched.locator("[data-saved-prospect] [data-slot='open']").click()
    watched.wait_for_load_state("networkidle")
    idle(watched)
    checked = watched.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )
    assert checked == MIXED
    assert watched.locator("[data-prospect-name]").input_value() == "Second call"
    changed = dict(MIXED)
    flag = next(f for f in QUIZ.flags if f.id == "unresponsive")
    for question in flag.questions:
        changed[question.id] = strongest(question, dealbreakers=False)
    click_answers(watched, {q.id: changed[q.id] for q in flag.questions})
    before, after = score(QUIZ, MIXED), score(QUIZ, changed)
    index = [f.id for f in QUIZ.flags].index("unresponsive")
    line = watched.locator("[data-change='unresponsive']").inner_text()
    name = getattr(flag.name, language)
    assert line == f"{name}: {before.flags[index].score} → {after.flags[index].score}"
    assert watched.locator("[data-change='score']").is_visible() == (before.score != after.score)
    # A double click records one assessment: the second save waits for the first.
    watched.locator('[data-action="save"]').dblclick()
    idle(watched)
    saved = _stored(watched)["prospects"]
    assert len(saved) == 1
    assert saved[0]["answers"] == changed
    assert [old["answers"] for old in saved[0]["history"]] == [MIXED]
    assert saved[0]["history"][0]["updated"] < saved[0]["updated"]
    assert watched.locator("[data-change='unresponsive']").inner_text() == line
    watched.reload(wait_until="networkidle")
    idle(watched)
    # Changes since the last assessment.
    assert watched.locator("[data-change='unresponsive']").inner_text() == line
    watched.locator('[data-action="save"]').click()
    idle(watched)
    assert len(_stored(watched)["prospects"][0]["history"]) == 1


def test_a_share_link_opens_the_same_result_in_a_fresh_browser(
    watched, browser, base_url, language
):
    watched.goto(_url(base_url, language, "quiz/"), wait_until="networkidle")
    idle(watched)
    click_answers(watched, MIXED)
    watched.locator("[data-quiz-submit]").click()
    watched.locator("[data-prospect-name]").fill("Shared & <b>bold</b>")
    watched.locator(
        '[data-action="share-include-name"]'
    ).check()  # the name travels only when asked
    watched.locator('[data-action="share"]').click()
    link = watched.locator("[data-share-link]").input_value()
    fragment = link.split("#", 1)[1]
    assert re.fullmatch(r"v=1&n=[^&]+&a=[0-9a-z._-]+", fragment)
    assert len(fragment) < 400
    context = browser.new_context()
    fresh = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(fresh)
    fresh.goto(link, wait_until="networkidle")
    idle(fresh)
    result = fresh.locator("[data-quiz-result]")
    assert read_result(fresh) == expected(score(QUIZ, MIXED), QUIZ)
    assert result.is_visible()
    assert fresh.locator("[data-prospect-name]").input_value() == "Shared & <b>bold</b>"
    assert fresh.locator("b").count() == 0  # the name is text, never markup
    fresh.locator('[data-action="save"]').click()
    idle(fresh)
    assert len(stored(fresh)["prospects"]) == 1
    assert watch.problems == []
    context.close()


def test_a_link_from_an_older_quiz_keeps_known_answers_and_leaves_the_rest_unanswered(
    watched, base_url
):
    known = dict(list(GOOD.items())[:10])
    parts = [f"{share_key(q)}.{o}" for q, o in known.items()] + [
        "zzzzz.no",
        f"{share_key(QUESTIONS[11].id)}.removed-option",
    ]
    watched.goto(
        _url(base_url, "en", "quiz/") + "#v=1&a=" + "_".join(parts), wait_until="networkidle"
    )
    idle(watched)
    checked = watched.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )
    assert checked == known
    notice = watched.locator("[data-quiz-notice]").inner_text()
    assert f"{len(QUESTIONS) - len(known)} of its questions are unanswered" in notice
    result = watched.locator("[data-quiz-result]")
    assert result.is_visible()
    assert result.get_attribute("data-band") == score(QUIZ, known).band
    assert watched.locator("[data-quiz-errors]").is_hidden()


@pytest.mark.parametrize(
    ("fragment", "reason"),
    [
        ("v=1&a=<img src=x onerror=alert(1)>", "it is not a share link from this site"),
        ("v=1&a=jpagh.no_%3Cb%3E", "it is not a share link from this site"),
        ("v=7&a=jpagh.no", "it was made by a newer version of this site"),
        ("v=one&a=", "it is not a share link from this site"),
        ("v=1", "it is not a share link from this site"),
    ],
)
def test_a_tampered_link_is_refused_and_changes_nothing(watched, base_url, fragment, reason):
    watched.goto(_url(base_url, "en", "quiz/") + "#" + fragment, wait_until="networkidle")
    idle(watched)
    # The script has read the link.
    watched.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    assert (
        watched.locator("[data-quiz-notice]").inner_text()
        == f"This link could not be read ({reason}). Nothing was changed."
    )
    assert watched.locator("form[data-quiz] input[type=radio]:checked").count() == 0
    assert watched.locator("[data-quiz-result]").is_hidden()
    assert watched.locator("img, b").count() == 0


def test_export_then_import_into_an_empty_browser_gives_identical_data(
    watched, browser, base_url, tmp_path
):
    _screen(watched, base_url, "en", GOOD, "First")
    _screen(watched, base_url, "en", BAD, "Second")
    original = _stored(watched)["prospects"]
    watched.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(watched)
    with watched.expect_download() as download:
        watched.locator('[data-action="export"]').click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "client-red-flags/prospects" and exported["prospects"] == original
    context = browser.new_context()
    empty = context.new_page()
    empty.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(empty)
    assert empty.locator("[data-saved-prospect]").count() == 0
    empty.locator('input[type=file][data-action="import"]').set_input_files(str(path))
    idle(empty)
    assert empty.locator("[data-saved-prospect]").count() == 2
    assert stored(empty)["prospects"] == original
    assert (
        empty.locator("[data-prospects-status]").inner_text()
        == "Imported the file. 2 new prospects were added."
    )
    context.close()


INVALID_FILES = {
    "not-json": (
        '{"format": "client-red-flags/prospects", "prospects": [',
        "it is not a readable export file",
    ),
    "wrong-format": (
        json.dumps({"format": "something-else", "version": 1, "prospects": []}),
        "it is not an export from this site",
    ),
    "future": (
        json.dumps(_export([], version=VERSION + 1)),
        "it was made by a newer version of this site",
    ),
    "version-zero": (json.dumps(_export([], version=0)), "it is not an export from this site"),
}


@pytest.mark.parametrize("case", sorted(INVALID_FILES))
def test_an_invalid_file_is_refused_and_nothing_changes(watched, base_url, tmp_path, case):
    text, reason = INVALID_FILES[case]
    _screen(watched, base_url, "en", GOOD, "Keep me")
    before = stored_text(watched)
    path = tmp_path / f"{case}.json"
    path.write_text(text, encoding="utf-8")
    watched.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(watched)
    watched.locator('input[type=file][data-action="import"]').set_input_files(str(path))
    idle(watched)
    status = watched.locator("[data-prospects-status]")
    status.filter(has_text="could not be imported").wait_for()
    assert (
        status.inner_text() == f"This file could not be imported ({reason}). Nothing was changed."
    )
    assert stored_text(watched) == before
    assert watched.locator("[data-saved-prospect]").count() == 1


def test_damaged_storage_is_set_aside_not_lost(watched, base_url):
    watched.goto(_url(base_url, "en", "prospects/"))
    idle(watched)
    put_stored(watched, '{"version": 1, "prospects": [')
    watched.reload(wait_until="networkidle")
    idle(watched)
    status = watched.locator("[data-prospects-status]").inner_text()
    assert status.startswith(
        "Saved data in this browser could not be read. It was set aside, not deleted, under "
        "“client-red-flags:prospects:damaged:"
    )
    backups = [value for key, value in records(watched).items() if ":damaged:" in key]
    assert backups == ['{"version": 1, "prospects": [']
    _screen(watched, base_url, "en", GOOD, "After")
    assert [p["name"] for p in _stored(watched)["prospects"]] == ["After"]


def test_unreadable_entries_are_kept_as_they_are(watched, base_url):
    good = prospect("p-gggggggggg", "Readable", GOOD, "2026-01-01T00:00:00.000Z")
    odd = {"id": "not an id", "name": 42}
    watched.goto(_url(base_url, "en", "prospects/"))
    idle(watched)
    put_stored(watched, {"version": 2, "prospects": [good, odd]})
    watched.reload(wait_until="networkidle")
    idle(watched)
    assert watched.locator("[data-saved-prospect]").count() == 1
    assert (
        watched.locator("[data-prospects-status]").inner_text()
        == "Saved entries that could not be read: 1. They are kept as they are."
    )
    _screen(watched, base_url, "en", BAD, "New one")
    stored = _stored(watched)["prospects"]
    assert good in stored and odd in stored and len(stored) == 3


def test_delete_can_be_undone_and_delete_all_asks_first(watched, base_url):
    _screen(watched, base_url, "en", GOOD, "One")
    _screen(watched, base_url, "en", BAD, "Two")
    watched.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(watched)
    watched.locator("[data-saved-prospect]").filter(
        has=watched.get_by_role("rowheader", name="One", exact=True)
    ).locator('[data-action="delete"]').click()
    idle(watched)
    assert watched.locator("[data-saved-prospect]").count() == 1
    assert watched.locator("[data-prospects-status]").inner_text() == "Deleted “One”."
    watched.locator('[data-action="undo"]').click()
    idle(watched)
    assert sorted(p["name"] for p in _stored(watched)["prospects"]) == ["One", "Two"]
    watched.locator('[data-action="clear-all"]').click()
    assert watched.locator("[data-clear-confirm]").is_visible()
    assert len(_stored(watched)["prospects"]) == 2  # nothing yet
    watched.locator('[data-action="clear-all-confirm"]').click()
    idle(watched)
    assert site_values(watched) == {"database": {}, "localStorage": [], "sessionStorage": []}
    assert watched.locator("[data-prospects-empty]").is_visible()
    assert (
        watched.locator("[data-prospects-status]").inner_text()
        == "All your data was deleted from this browser: saved prospects, your terms and your own"
        " lines."
    )


def test_delete_all_also_forgets_the_tabs_draft_of_the_quiz(watched, base_url):
    """The quiz keeps this tab's answers and name in sessionStorage; after "Delete all my data"
    Back to the quiz shows none of them."""
    _screen(watched, base_url, "en", BAD, "Drafted")
    assert (
        watched.evaluate(
            "Object.keys(sessionStorage).filter(k => k.startsWith('client-red-flags'))"
        )
        != []
    )
    watched.goto(_url(base_url, "en", "prospects/"), wait_until="networkidle")
    idle(watched)
    watched.locator('[data-action="clear-all"]').click()
    watched.locator('[data-action="clear-all-confirm"]').click()
    idle(watched)
    assert (
        watched.evaluate(
            "Object.keys(sessionStorage).filter(k => k.startsWith('client-red-flags'))"
        )
        == []
    )
    watched.go_back(wait_until="networkidle")
    watched.locator("[data-quiz-scope-ready]").wait_for(state="attached")
    assert watched.locator("form[data-quiz] input[type=radio]:checked").count() == 0
    assert watched.locator("[data-prospect-name]").input_value() == ""
    # The history entry the site made holds the prospect's id at most: no name, no answer.
    assert re.fullmatch(r".*/quiz/(#prospect=p-[0-9a-z]+)?", watched.url), watched.url


def test_the_privacy_note_is_where_the_user_saves(watched, base_url, language):
    watched.goto(_url(base_url, language, "quiz/"), wait_until="networkidle")
    idle(watched)
    click_answers(watched, GOOD)
    watched.locator("[data-quiz-submit]").click()
    note = translator(language)("work.privacy")
    assert watched.locator("[data-workspace]").get_by_text(note).is_visible()


# The heaviest results the quiz allows on paper: every dealbreaker and every concern; half the
# answers definite at their strongest and half "Not sure yet" (concerns and a long list of
# questions to ask); and each of them as a re-assessment, which adds what changed for every flag.
ASKS = {
    q.id: strongest(q, dealbreakers=True) if i % 2 == 0 else unsure(q)
    for i, q in enumerate(QUESTIONS)
}
PRINTED = {"mixed": MIXED, "dealbreakers": BAD, "questions-to-ask": ASKS}


@pytest.mark.parametrize("reassessed", [False, True], ids=["new", "reassessed"])
@pytest.mark.parametrize("answers", list(PRINTED.values()), ids=list(PRINTED))
def test_a_result_prints_on_one_page(watched, base_url, language, answers, reassessed):
    if reassessed:
        _screen(watched, base_url, language, GOOD, "Printed prospect")
        watched.goto(_url(base_url, language, "prospects/"), wait_until="networkidle")
        idle(watched)
        watched.locator("[data-saved-prospect] [data-slot='open']").click()
        watched.locator("[data-quiz-scope-ready]").wait_for(state="attached")
        submit(watched, answers)
        assert watched.locator("[data-changes]").is_visible()
    else:
        _screen(watched, base_url, language, answers, "Printed prospect")
    for paper in ("A4", "Letter"):
        pdf = watched.pdf(format=paper)
        # The result on one page; the drafted message and its terms on a page of their own.
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2, paper
    watched.emulate_media(media="print")
    assert watched.locator("form[data-quiz]").is_hidden()
    assert watched.locator("[data-quiz-result]").is_visible()
    assert watched.locator("[data-print-heading]").inner_text().startswith("Printed prospect · ")
    # A concern is never split between columns or pages.
    concerns = watched.locator("[data-concern]:visible")
    assert concerns.count() > 0
    assert set(concerns.evaluate_all("els => els.map(e => getComputedStyle(e).breakInside)")) == {
        "avoid"
    }
    # The links that lead on from paper print their address on the published site.
    links = watched.locator("[data-quiz-result] a[data-print-address]:visible")
    printed = links.evaluate_all("els => els.map(e => getComputedStyle(e, '::after').content)")
    addresses = links.evaluate_all("els => els.map(e => e.getAttribute('data-print-address'))")
    assert addresses and all(a.startswith("https://") for a in addresses)
    assert all(address in content for address, content in zip(addresses, printed, strict=True))
    if score(QUIZ, answers).band == "walk-away":
        assert any("/decline/" in a for a in addresses) and any(
            a.endswith("terms/#kill-fee") for a in addresses
        )


def test_each_prospect_shows_its_earlier_assessments(watched, base_url, language):
    history = [
        {"updated": "2026-02-01T09:30:00.000Z", "answers": BAD},
        {"updated": "2026-01-15T09:30:00.000Z", "answers": GOOD},
    ]
    value = {
        "version": 2,
        "prospects": [
            prospect("p-aaaaaaaaaa", "Alpha", MIXED, "2026-03-01T09:30:00.000Z", history),
            prospect("p-bbbbbbbbbb", "Beta", GOOD, "2026-02-01T09:30:00.000Z"),
        ],
    }
    watched.goto(_url(base_url, language, "prospects/"))
    idle(watched)
    put_stored(watched, value)
    watched.reload(wait_until="networkidle")
    idle(watched)
    t = translator(language)
    alpha = watched.locator('[data-saved-prospect][data-id="p-aaaaaaaaaa"]')
    disclosure = alpha.locator("[data-history]")
    assert disclosure.locator("summary").inner_text() == (
        "2 earlier assessments" if language == "en" else "이전 평가 2회"
    )
    assert (
        disclosure.get_attribute("open") is None
        and alpha.locator("[data-history-entry]").first.is_hidden()
    )
    disclosure.locator("summary").click()
    entries = alpha.locator("[data-history-entry]")
    assert [entries.nth(i).get_attribute("data-history-entry") for i in range(2)] == [
        old["updated"] for old in history
    ]
    for index, old in enumerate(history):
        result = score(QUIZ, old["answers"])
        entry = entries.nth(index)
        assert entry.is_visible()
        assert (entry.get_attribute("data-band"), entry.get_attribute("data-score")) == (
            result.band,
            str(result.score),
        )
        date = watched.evaluate(
            "([d, lang]) => new Intl.DateTimeFormat(lang, "
            "{dateStyle: 'medium', timeStyle: 'short'}).format(new Date(d))",
            [old["updated"], language],
        )
        band = _band_title(language, result.band)
        assert entry.inner_text() == t("prospects.history.entry").format(
            date=date, band=band, score=result.score
        )
    beta = watched.locator('[data-saved-prospect][data-id="p-bbbbbbbbbb"]')
    assert beta.locator("[data-history]").is_hidden()
    assert beta.get_by_text(t("prospects.history.none"), exact=True).is_visible()


def test_the_prospects_page_is_accessible_with_a_list_and_a_comparison(watched, base_url, language):
    _screen(watched, base_url, language, GOOD, "Axe one")
    click_answers(watched, MIXED)
    watched.locator('[data-action="save"]').click()  # a second assessment: a history to show
    idle(watched)
    _screen(watched, base_url, language, MIXED, "Axe two")
    _compare_all(watched, base_url, language)
    watched.locator("[data-history]:not([hidden]) summary").click()
    watched.locator('[data-action="clear-all"]').click()
    assert_accessible(watched)


def test_without_javascript_the_prospects_page_explains_itself(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_url(base_url, "en", "prospects/"))
    assert page.locator("[data-quiz-noscript]").is_visible()
    assert page.locator('[data-action="export"]').is_hidden()
    context.close()

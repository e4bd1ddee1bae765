"""A saved prospect's outcomes (store format 4), in both languages: recorded, changed and deleted
on several prospects, a deletion undone; the form's errors; tabs that add at once; export, delete
all and import; older stores that gain outcomes, a newer one that stays read-only, and tampered
outcomes kept as they are, beside the readable ones of a prospect still listed, until deleted;
an import that leaves the file's unreadable ones out. What must be stored is said by the
reference model (tests/support/workspace.py)."""

from __future__ import annotations

import copy
import json
import time

import pytest

from quiz.site.strings import translator
from tests.support.quiz import BAD, GOOD, MIXED
from tests.support.watch import PageWatch, assert_accessible, origin_of
from tests.support.workspace import (
    DeletedEvent,
    Model,
    Tab,
    Tabs,
    export_body,
    fill_date,
    idle,
    import_summary,
    poll,
    prospect,
    put_stored,
    shown_date,
    stored,
    stored_text,
)

pytestmark = pytest.mark.browser
LANGUAGES = pytest.mark.parametrize("language", ["en", "ko"])

SIGNED = {"id": "e-signedsigned", "kind": "signed", "date": "2026-03-04", "note": "Deposit paid."}
LATE = {"id": "e-latelatelate", "kind": "paid-late", "date": "2026-06-02", "note": ""}
ALPHA = prospect("p-alphaalpha", "Alpha", MIXED, "2026-03-01T10:00:00.000Z", events=[SIGNED])
BETA = prospect("p-betabetabe", "Beta", GOOD, "2026-03-02T10:00:00.000Z")
GAMMA = prospect("p-gammagamma", "감마", BAD, "2026-03-03T10:00:00.000Z", events=[LATE])
SEED = {"version": 4, "prospects": [ALPHA, BETA, GAMMA], "deleted": {}, "note": "kept"}


def _open(browser, base_url, value, language="en", count=1, downloads=False):
    """`count` prospects tabs on a store holding `value`, and their model."""
    context = browser.new_context(accept_downloads=downloads)
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page() for _ in range(count)]
    for page in pages:
        watch.attach(page)
    pages[0].goto(base_url + "prospects/")
    idle(pages[0])
    put_stored(pages[0], value)
    tabs = Tabs(
        [Tab(page, base_url, "prospects", language).open() for page in pages], Model.of(value)
    )
    tabs.check()
    return context, watch, tabs


@pytest.fixture
def opened(browser, base_url):
    """`_open` for a test, which returns the tabs (the last call's browser context and watch are
    `opened.context` and `opened.watch`, to open another page). Afterwards, whether the test
    passed or not, every context is closed, and then no page may have logged a problem or asked
    another host."""
    made = []

    def open_(value, language="en", count=1, downloads=False):
        context, watch, tabs = _open(browser, base_url, value, language, count, downloads)
        made.append((context, watch))
        open_.context, open_.watch = context, watch
        return tabs

    yield open_
    for context, _ in made:
        context.close()
    for _, watch in made:
        assert watch.problems == []


def _reassess_alpha(opened, tabs, base_url) -> Tab:
    """A quiz tab beside the prospects tabs, which re-assesses Alpha with other answers and
    saves them: the model follows."""
    quiz_page = opened.context.new_page()
    opened.watch.attach(quiz_page)
    quiz = Tab(quiz_page, base_url, "quiz")
    tabs.tabs.append(quiz)
    quiz.reassess(ALPHA["id"], "Alpha")
    tabs.save(quiz, BAD)
    return quiz


def _focused(locator) -> bool:
    return locator.evaluate("(element) => element === document.activeElement")


@LANGUAGES
def test_outcomes_are_recorded_changed_and_deleted_on_several_prospects(opened, language):
    tabs = opened(SEED, language)
    tab = tabs.tabs[0]
    t = translator(language)
    new = tabs.add_event(tab, BETA["id"], "signed", "2026-03-10", "Three pages, 30 % deposit.")
    later = tabs.add_event(tab, BETA["id"], "would-again", "2026-05-20")
    earlier = tabs.add_event(tab, ALPHA["id"], "scope-unpaid", "2026-02-01", "어디까지 포함인지?")
    tabs.add_event(tab, GAMMA["id"], "dispute", "2026-06-03")
    assert GAMMA["name"] in tab.status() and t("outcome.dispute") in tab.status()

    # Listed in the order they happened, with their kind, day and note, in the page's language.
    alpha = tab.page.locator(f'[data-outcomes-for="{ALPHA["id"]}"] [data-outcome]')
    assert [item.get_attribute("data-outcome") for item in alpha.all()] == [earlier, SIGNED["id"]]
    assert [item.get_attribute("data-date") for item in alpha.all()] == ["2026-02-01", "2026-03-04"]
    first = alpha.first
    assert first.get_attribute("data-kind") == "scope-unpaid"
    assert t("outcome.scope-unpaid") in first.inner_text()
    assert ("2026" in first.inner_text()) and (
        "Feb" in first.inner_text() or "2." in first.inner_text()
    )
    assert "어디까지 포함인지?" in first.inner_text()
    summary = tab.page.locator(
        f'[data-outcomes-for="{BETA["id"]}"] [data-outcomes] > summary'
    ).inner_text()
    assert (t("outcome.would-again") in summary) and ("2" in summary)

    # Changed in place, its id and other keys kept; deleted, and the deletion undone.
    tabs.edit_event(tab, BETA["id"], new, kind="declined", date="2026-03-11", note="")
    assert tabs.model.find(BETA["id"])["events"][0]["id"] == new
    tabs.delete_event(tab, BETA["id"], later)
    assert isinstance(tab.deleted, DeletedEvent)
    assert _focused(tab.page.locator('[data-action="undo"]'))
    tabs.undo(tab)
    assert [e["id"] for e in tabs.model.find(BETA["id"])["events"]] == [new, later]
    tabs.delete_event(tab, GAMMA["id"], LATE["id"])
    assert [e["kind"] for e in tabs.model.find(GAMMA["id"])["events"]] == ["dispute"]
    assert stored(tab.page)["note"] == "kept"


@LANGUAGES
def test_the_form_refuses_a_bad_date_or_a_long_note_and_keeps_what_was_typed(opened, language):
    tabs = opened(SEED, language)
    tab = tabs.tabs[0]
    t = translator(language)
    before = stored_text(tab.page)
    form = tab.outcome_form(BETA["id"])
    kind, date, note = (form.locator(f"[data-outcome-{name}]") for name in ("kind", "date", "note"))
    parts = date.locator("[data-date-part]")
    first = "year" if language == "ko" else "day"  # the order the language writes a date in
    assert parts.first.get_attribute("data-date-part") == first
    assert shown_date(date) == tab.page.evaluate(
        "() => { const d = new Date(); return new Date(d - d.getTimezoneOffset() * 6e4)"
        ".toISOString().slice(0, 10); }"
    )
    long_note = "가" * 300
    fill_date(date, "")
    note.fill(long_note)
    form.locator("button[type=submit]").click()
    errors = form.locator("[data-outcome-errors]")
    assert errors.is_visible()
    assert _focused(form.locator("[data-outcome-errors-heading]"))
    shown = {
        field: form.locator(f'[data-error-for="{field}"]').is_visible()
        for field in ("kind", "date", "note", "full")
    }
    assert shown == {"kind": True, "date": True, "note": True, "full": False}
    assert form.locator('[data-error-for="note"]').inner_text() == t(
        "prospects.outcome.note.error"
    ).format(max=280, count=300)
    assert form.locator('[data-error-for="date"]').inner_text() == t(
        "prospects.outcome.date.error.empty"
    )
    for field in (kind, note, *parts.all()):
        assert field.get_attribute("aria-invalid") == "true"
    for field in (kind, note, date):
        assert field.get_attribute("aria-describedby").endswith("-error")
    # The summary's link takes the reader to the date's first field.
    form.locator('[data-error-for="date"] a').click()
    assert _focused(parts.first)
    assert note.input_value() == long_note  # never cut short
    # A day that does not exist, then one after today, are refused too, each saying why; a note
    # at the limit is fine.
    kind.select_option("paid-on-time")
    note.fill("가" * 280)
    for typed, problem in (
        ("2026-02-31", "prospects.date.error.real"),
        ("2999-01-01", "prospects.outcome.date.error.future"),
    ):
        year, month, day = typed.split("-")
        for part, value in (("year", year), ("month", month), ("day", day)):
            date.locator(f'[data-date-part="{part}"]').fill(value)
        form.locator("button[type=submit]").click()
        assert form.locator('[data-error-for="date"]').inner_text() == t(problem)
        assert " ".join(date.locator(".crf-error-message").inner_text().split()) == (
            t("quiz.error.prefix") + " " + t(problem)
        )
    assert form.locator('[data-error-for="note"]').is_hidden()
    assert kind.get_attribute("aria-invalid") is None
    assert stored_text(tab.page) == before  # nothing saved
    assert_accessible(tab.page)
    fill_date(date, "2026-07-01")
    form.locator("button[type=submit]").click()
    idle(tab.page)
    tabs.model.add_event(BETA["id"], "paid-on-time", "2026-07-01", "가" * 280)
    tabs.written = True
    tabs.check()
    assert errors.is_hidden() and note.input_value() == ""
    assert_accessible(tab.page)


def test_two_tabs_adding_outcomes_interleaved_lose_nothing(opened):
    tabs = opened(SEED, count=2)
    one, two = tabs.tabs
    for round_ in range(3):
        tabs.add_event(one, ALPHA["id"], "paid-late", f"2026-07-0{round_ + 1}", f"one {round_}")
        tabs.add_event(two, ALPHA["id"], "dispute", f"2026-08-0{round_ + 1}", f"two {round_}")
        tabs.add_event(two, BETA["id"], "signed", f"2026-09-0{round_ + 1}")
    tabs.delete_event(one, GAMMA["id"], LATE["id"])
    tabs.add_event(two, GAMMA["id"], "never-paid", "2026-10-01")
    tabs.undo(one)
    tabs.delete(two, BETA["id"])
    tabs.undo(two)
    tabs.add_event(one, BETA["id"], "paid-on-time", "2026-10-02")
    assert len(tabs.model.find(ALPHA["id"])["events"]) == 7


# Each of two tabs records an outcome on the same prospect at the same instant, by a timer.
_SUBMIT_AT = """([ident, kind, at]) => {
  const row = document.querySelector(`[data-outcomes-for="${ident}"]`);
  row.querySelector("[data-outcome-kind]").value = kind;
  const submit = row.querySelector("[data-outcome-add] button[type=submit]");
  setTimeout(() => submit.click(), at - Date.now());
}"""


def test_outcomes_added_at_the_same_instant_in_two_tabs_are_all_kept(opened):
    tabs = opened(SEED, count=2)
    rounds = 10
    for _ in range(rounds):
        at = int(time.time() * 1000) + 300
        for tab, kind in zip(tabs.tabs, ("paid-late", "dispute"), strict=True):
            tab.page.evaluate(_SUBMIT_AT, [BETA["id"], kind, at])
        time.sleep(0.4)
        for tab in tabs.tabs:
            idle(tab.page)
    tabs.settle()
    events = stored(tabs.tabs[0].page)["prospects"][1]["events"]
    assert sorted(e["kind"] for e in events) == ["dispute"] * rounds + ["paid-late"] * rounds
    assert len({e["id"] for e in events}) == 2 * rounds


@LANGUAGES
def test_export_delete_all_and_import_restore_every_outcome(opened, language):
    tabs = opened(SEED, language, downloads=True)
    tab = tabs.tabs[0]
    tabs.add_event(tab, BETA["id"], "signed", "2026-03-10", "Exported.")
    body = tabs.export(tab)
    assert body["version"] == 4
    assert {p["id"]: len(p.get("events", [])) for p in body["prospects"]} == {
        ALPHA["id"]: 1,
        BETA["id"]: 1,
        GAMMA["id"]: 1,
    }
    tabs.clear(tab)
    assert tab.outcomes() == []
    tabs.import_(tab, body)
    assert {p["id"]: p.get("events") for p in stored(tab.page)["prospects"]} == {
        p["id"]: p.get("events") for p in body["prospects"]
    }
    # The same file again is already here, outcomes and all.
    assert tabs.import_(tab, body)["same"] == 3


@LANGUAGES
@pytest.mark.parametrize("count", [1, 2])
def test_an_import_merges_outcomes_by_id_and_keeps_a_conflict_twice(opened, language, count):
    tabs = opened(SEED, language)
    tab = tabs.tabs[0]
    changed = [{**SIGNED, "note": "Changed in the other browser."}]
    fresh = [
        {"id": f"e-fresh{index:05}", "kind": "paid-on-time", "date": "2026-04-01", "note": ""}
        for index in range(count)
    ]
    conflicts = [{**LATE, "kind": "never-paid"}] if count == 2 else []
    file = export_body(
        [
            {**ALPHA, "events": changed + fresh},
            {**GAMMA, "events": conflicts or [LATE]},  # an id names one event in a prospect
        ],
        version=4,
    )
    counts = tabs.import_(tab, file)  # the summary is checked against the model's counts
    assert counts["outcomes"] == count and counts["outcomes-both"] == count
    summary = tab.status()
    assert summary == import_summary(language, counts)
    alpha = tabs.model.find(ALPHA["id"])["events"]
    (copy_,) = [e for e in alpha if e["note"] == changed[0]["note"]]
    assert alpha[0] == SIGNED and {**copy_, "id": SIGNED["id"]} == changed[0]
    assert copy_["id"] != SIGNED["id"] and len(alpha) == 2 + count
    tabs.import_(tab, file)  # again: nothing more
    assert len(tabs.model.find(ALPHA["id"])["events"]) == len(alpha)


@LANGUAGES
@pytest.mark.parametrize("version", [2, 3])
def test_an_older_store_opens_with_every_prospect_and_gains_outcomes(opened, language, version):
    plain = [{k: v for k, v in p.items() if k != "events"} for p in (ALPHA, BETA, GAMMA)]
    value = {"version": version, "prospects": plain, "deleted": {}}
    if version == 3:
        value["settings"] = {"terms": {"deposit": 40}}
    tabs = opened(value, language)
    tab = tabs.tabs[0]
    assert sorted(name for _, name, _ in tab.rows()) == sorted(p["name"] for p in plain)
    assert tab.status() == ""
    assert stored(tab.page) == value  # reading writes nothing
    tabs.add_event(tab, GAMMA["id"], "chose-other", "2026-03-05", "Went with a bigger agency.")
    written = stored(tab.page)
    assert written["version"] == 4
    assert [p for p in written["prospects"] if p["id"] != GAMMA["id"]] == plain[:2]
    assert written.get("settings") == value.get("settings")


@LANGUAGES
def test_a_newer_store_is_read_only_and_refuses_an_outcome(browser, base_url, language):
    context = browser.new_context()
    page = context.new_page()
    PageWatch(origin_of(base_url)).attach(page)
    value = {**SEED, "version": 5}
    page.goto(base_url + "prospects/")
    idle(page)
    put_stored(page, value)
    tab = Tab(page, base_url, "prospects", language).open()
    t = translator(language)
    assert tab.status() == t("work.storage.future")
    assert [kind for _, _, kind, _ in tab.outcomes()] == ["signed", "paid-late"]
    tab.add_event(BETA["id"], "signed", "2026-03-10")
    assert tab.status() == t("work.storage.error").format(reason=t("reason.newer"))
    tab.delete_event(SIGNED["id"])
    assert tab.status() == t("work.storage.error").format(reason=t("reason.newer"))
    assert stored(page) == value
    context.close()


PAID = {"id": "e-paidpaidpaid", "kind": "paid-on-time", "date": "2026-04-01", "note": "On time."}
TAMPERED = {
    "unknown kind": [PAID, {**SIGNED, "kind": "ghosted"}],
    "31 February": [{**SIGNED, "date": "2026-02-31"}, PAID],
    "a 10,000-character note": [PAID, {**SIGNED, "note": "x" * 10_000}, "noise"],
    "an event with no id": [{k: v for k, v in SIGNED.items() if k != "id"}, PAID],
    "the same id twice": [PAID, {**PAID, "note": "The same id again."}],
    "events not a list": {"e-signedsigned": SIGNED},
}


@LANGUAGES
@pytest.mark.parametrize("events", TAMPERED.values(), ids=list(TAMPERED))
def test_a_tampered_outcome_leaves_its_prospect_listed_and_nothing_is_lost(
    opened, base_url, language, events
):
    """The prospect is listed as ever, with its readable outcomes and how many could not be
    read; changes to the readable ones, and the quiz page's re-assessment, keep the others as
    they are; the reader can delete them."""
    tampered = {**ALPHA, "events": copy.deepcopy(events)}
    value = {**SEED, "prospects": [tampered, BETA, GAMMA]}
    tabs = opened(value, language)
    tab = tabs.tabs[0]
    t = translator(language)
    assert sorted(ident for ident, _, _ in tab.rows()) == sorted(p["id"] for p in SEED["prospects"])
    assert tab.status() == ""
    assert tab.page.locator("[data-unreadable-entry]").count() == 0
    is_list = isinstance(events, list)
    bad = len(events) - 1 if is_list else 1
    form = "one" if language == "en" and bad == 1 else "other"
    shown = {ALPHA["id"]: t(f"prospects.outcomes.unreadable.{form}").format(count=bad)}
    assert tab.unreadable_outcomes() == shown
    assert [e for p, e, _, _ in tab.outcomes() if p == ALPHA["id"]] == (
        [PAID["id"]] if is_list else []
    )
    assert_accessible(tab.page)
    # The quiz page re-assesses it, and keeps its outcomes byte for byte.
    quiz = _reassess_alpha(opened, tabs, base_url)
    text = stored_text(quiz.page)
    assert json.dumps(events, ensure_ascii=False, separators=(",", ":")) in text
    if is_list:
        # Recorded, changed and deleted beside them: they stay where they were.
        new = tabs.add_event(tab, ALPHA["id"], "dispute", "2026-05-01", "Beside it.")
        tabs.edit_event(tab, ALPHA["id"], PAID["id"], note="Changed.")
        tabs.delete_event(tab, ALPHA["id"], new)
        changed = [{**PAID, "note": "Changed."} if e == PAID else e for e in events]
        assert tabs.model.find(ALPHA["id"])["events"] == changed
    else:
        # Not a list: nothing can be recorded until it goes.
        before = stored_text(tab.page)
        tab.add_event(ALPHA["id"], "dispute", "2026-05-01")
        blocked = tab.outcome_form(ALPHA["id"]).locator('[data-error-for="blocked"]')
        assert blocked.is_visible() and blocked.inner_text() == t("prospects.outcome.blocked")
        assert stored_text(tab.page) == before
    tabs.delete_unreadable_events(tab, ALPHA["id"])
    message = t(f"prospects.outcomes.unreadable.deleted.{form}").format(count=bad, name="Alpha")
    assert tab.status() == message
    assert tab.unreadable_outcomes() == {}
    assert (ALPHA["id"], ALPHA["name"]) in [(i, n) for i, n, _ in tab.rows()]
    if not is_list:
        assert "events" not in tabs.model.find(ALPHA["id"])
        tabs.add_event(tab, ALPHA["id"], "dispute", "2026-05-01")


@LANGUAGES
def test_an_import_leaves_out_the_files_unreadable_outcomes_and_says_how_many(opened, language):
    tabs = opened(SEED, language)
    tab = tabs.tabs[0]
    ghost = {**PAID, "kind": "ghosted"}
    newcomer = prospect("p-newcomer01", "Newcomer", GOOD, events=[PAID, ghost, "noise"])
    file = export_body([{**ALPHA, "events": [SIGNED, PAID, ghost]}, newcomer], version=4)
    counts = tabs.import_(tab, file)  # the summary is checked against the model's counts
    assert [counts[k] for k in ("added", "same", "outcomes", "outcomes-unreadable")] == [1, 1, 1, 3]
    t = translator(language)
    left_out = t("prospects.import.outcomes-unreadable.other").format(count=3)
    assert tab.status().endswith(left_out)
    assert tabs.model.find(ALPHA["id"])["events"] == [SIGNED, PAID]
    assert tabs.model.find(newcomer["id"])["events"] == [PAID]
    assert tab.unreadable_outcomes() == {}


def test_the_quiz_page_re_assesses_a_prospect_and_leaves_its_outcomes(opened, base_url):
    tabs = opened(SEED)
    quiz = _reassess_alpha(opened, tabs, base_url)
    assert next(p for p in stored(quiz.page)["prospects"] if p["id"] == ALPHA["id"])["events"] == [
        SIGNED
    ]
    assert json.loads(stored_text(quiz.page))["version"] == 4
    poll(lambda: len(tabs.tabs[0].outcomes()) == 2, "the prospects tab still lists both")

"""The store's edges (quiz/web/store.js): what versions before IndexedDB left in localStorage, a
link changed in the address bar, a click twice, a browser without IndexedDB, a store that cannot
be written out. Each ends in a true status line, with nothing lost and nothing brought back."""

from __future__ import annotations

import json

import pytest

from quiz.site.strings import translator
from tests.support.quiz import BAD, GOOD, MIXED
from tests.support.watch import PageWatch, assert_accessible, origin_of
from tests.support.workspace import (
    KEY,
    Tab,
    export_body,
    idle,
    prospect,
    put_stored,
    records,
    site_values,
    stored,
)

pytestmark = pytest.mark.browser

T = translator("en")


ALPHA = prospect("p-aaaaaaaaaa", "Alpha", GOOD)
BETA = prospect("p-bbbbbbbbbb", "Beta", BAD)
LEFTOVER = prospect("p-llllllllll", "Leftover", MIXED)


@pytest.fixture
def context(browser, base_url):
    context = browser.new_context()
    watch = PageWatch(origin_of(base_url))
    context.on("page", watch.attach)
    yield context
    assert watch.problems == []
    context.close()


def _listing(context, base_url, value, language="en") -> Tab:
    page = context.new_page()
    page.goto(base_url + "prospects/")
    put_stored(page, value)
    return Tab(page, base_url, "prospects", language).open()


def test_localstorage_is_moved_in_only_when_the_database_is_made(context, base_url):
    """What an older tab writes to localStorage once the database exists is never moved in, so
    "Delete all my data" cannot be undone by it; it clears it."""
    listing = _listing(context, base_url, {"version": 2, "prospects": [ALPHA]})
    old = {"version": 2, "prospects": [ALPHA, LEFTOVER]}
    listing.page.evaluate(f"v => localStorage.setItem('{KEY}', v)", json.dumps(old))
    other = Tab(context.new_page(), base_url, "prospects").open()
    assert [row[1] for row in other.rows()] == ["Alpha"]
    listing.clear()
    assert listing.status() == T("prospects.cleared")
    assert site_values(other.page) == {"database": {}, "localStorage": [], "sessionStorage": []}
    # The older tab writes its copy again: it stays where it is, for "Delete all" to clear.
    listing.page.evaluate(f"v => localStorage.setItem('{KEY}', v)", json.dumps(old))
    other.open()
    assert other.rows() == []
    assert site_values(other.page) == {"database": {}, "localStorage": [KEY], "sessionStorage": []}


def test_a_link_changed_in_the_address_bar_keeps_each_prospect_its_own(context, base_url):
    """Opening prospect B over prospect A by its link, then reloading, shows B as saved: the
    tab's draft follows the new link only once it is open."""
    _listing(context, base_url, {"version": 2, "prospects": [ALPHA, BETA]})
    quiz = Tab(context.new_page(), base_url, "quiz")
    quiz.reassess(ALPHA["id"], "Alpha")
    quiz.page.evaluate("id => (location.hash = 'prospect=' + id)", BETA["id"])
    idle(quiz.page)
    assert quiz.page.locator("[data-prospect-name]").input_value() == "Beta"
    quiz.page.reload()
    idle(quiz.page)
    assert quiz.page.locator("[data-prospect-name]").input_value() == "Beta"
    assert quiz.answers() == BAD
    quiz.save()
    assert stored(quiz.page)["prospects"] == [ALPHA, BETA]  # the same answers: nothing new


def test_undo_clicked_twice_restores_once_and_says_so(context, base_url):
    listing = _listing(context, base_url, {"version": 2, "prospects": [ALPHA, BETA]})
    listing.delete(ALPHA["id"])
    listing.page.locator('[data-action="undo"]').dblclick()
    idle(listing.page)
    assert listing.status() == T("prospects.restored").format(name="Alpha")
    assert [p["id"] for p in stored(listing.page)["prospects"]] == [ALPHA["id"], BETA["id"]]


def test_a_store_that_cannot_be_written_out_refuses_the_change_and_says_so(context, base_url):
    """A store changed by hand to hold an entry nested too deeply to write out again: the
    change that cannot be written says so, and nothing is changed."""
    deep = json.dumps({"version": 2, "prospects": [ALPHA, BETA, "DEEP"]}).replace(
        '"DEEP"', "[" * 5000 + "]" * 5000
    )
    listing = _listing(context, base_url, deep)
    listing.delete(ALPHA["id"])
    before = records(listing.page)
    listing.undo()
    assert listing.status() == T("work.storage.error").format(reason=T("reason.storage"))
    assert records(listing.page) == before


def test_without_indexeddb_nothing_is_saved_and_delete_all_still_clears(context, base_url):
    """A browser that offers no IndexedDB: the pages say saving is not possible, and "Delete all
    my data" still removes what older versions kept in localStorage."""
    context.add_init_script("Object.defineProperty(window, 'indexedDB', { value: undefined })")
    page = context.new_page()
    page.goto(base_url)
    old = json.dumps({"version": 2, "prospects": [ALPHA]})
    page.evaluate(f"v => localStorage.setItem('{KEY}', v)", old)
    listing = Tab(page, base_url, "prospects").open()
    refused = T("work.storage.error").format(reason=T("reason.storage"))
    assert listing.status() == refused
    quiz = Tab(context.new_page(), base_url, "quiz")
    quiz.fresh(GOOD, "Nowhere")
    quiz.save()
    assert quiz.status() == refused
    listing.clear()
    assert listing.status() == refused
    site_keys = "Object.keys(localStorage).filter((k) => k.startsWith('client-red-flags'))"
    assert listing.page.evaluate(site_keys) == []


def test_export_says_so_when_the_database_cannot_be_read(context, base_url):
    """The list was shown; then a newer version upgraded the database: export writes no file
    that import would refuse, and says so."""
    listing = _listing(context, base_url, {"version": 2, "prospects": [ALPHA]})
    listing.page.evaluate(
        """() => new Promise((resolve, reject) => {
          const request = indexedDB.open("client-red-flags", 2);
          request.onsuccess = () => { request.result.close(); resolve(); };
          request.onerror = () => reject(request.error);
        })"""
    )
    downloads = []
    listing.page.on("download", lambda download: downloads.append(download))
    listing.page.locator('[data-action="export"]').click()
    idle(listing.page)
    assert listing.status() == T("prospects.export.error")
    assert downloads == []


@pytest.mark.parametrize("language", ["en", "ko"])
def test_unreadable_entries_are_shown_and_each_can_be_deleted(context, base_url, language):
    """Each entry that could not be read is listed as its JSON text (one nested too deeply to
    write out, by a note), and its button deletes that entry alone; focus moves on to the next
    one, then to export."""
    t = translator(language)
    odd = {"id": "not an id", "name": "<b>Odd</b>"}
    deep = json.dumps({"version": 2, "prospects": [ALPHA, odd, "DEEP"]}).replace(
        '"DEEP"', "[" * 40 + "]" * 40
    )
    listing = _listing(context, base_url, deep, language)
    page = listing.page
    section = page.locator("[data-unreadable]")
    entries = section.locator("[data-unreadable-entry] code")
    assert section.is_visible()
    assert entries.all_inner_texts() == [
        json.dumps(odd, separators=(",", ":")),
        t("prospects.unreadable.deep"),
    ]
    assert page.locator("b").filter(has_text="Odd").count() == 0  # text, never markup
    assert_accessible(page)
    buttons = section.locator('[data-action="delete-unreadable"]')
    assert buttons.first.get_attribute("aria-label") == t("prospects.unreadable.delete").format(
        number=1
    )
    buttons.first.click()
    idle(page)
    assert listing.status() == t("prospects.unreadable.deleted")
    assert entries.all_inner_texts() == [t("prospects.unreadable.deep")]
    assert page.evaluate("document.activeElement.dataset.action") == "delete-unreadable"
    assert [p if isinstance(p, dict) else "deep" for p in stored(page)["prospects"]] == [
        ALPHA,
        "deep",
    ]
    buttons.first.click()
    idle(page)
    assert stored(page)["prospects"] == [ALPHA]
    assert section.is_hidden()
    assert page.evaluate("document.activeElement.dataset.action") == "export"
    assert [row[1] for row in listing.rows()] == ["Alpha"]


def test_the_list_runs_newest_first_through_every_change(context, base_url):
    """Rows are kept and moved, not rebuilt: the order follows each change."""
    dated = [
        prospect(f"p-{letter * 10}", name, GOOD, f"2026-0{month}-01T00:00:00.000Z")
        for letter, name, month in (("m", "March", 3), ("j", "January", 1), ("f", "February", 2))
    ]
    listing = _listing(context, base_url, {"version": 2, "prospects": dated})

    def names():
        return listing.page.locator("[data-saved-prospect] [data-slot='name']").all_inner_texts()

    assert names() == ["March", "February", "January"]
    listing.delete("p-ffffffffff")
    assert names() == ["March", "January"]
    listing.undo()
    assert names() == ["March", "February", "January"]
    newest = prospect("p-dddddddddd", "December", BAD, "2026-12-01T00:00:00.000Z")
    oldest = prospect("p-oooooooooo", "Old", BAD, "2025-12-01T00:00:00.000Z")
    listing.import_(export_body([oldest, newest]))
    assert names() == ["December", "March", "February", "January", "Old"]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_long_list_shows_the_newest_fifty_and_more_on_request(context, base_url, language):
    """Thousands of rows would take seconds to lay out at every change: the newest 50 are shown,
    with the count, and each "Show more" adds 50 and takes the reader to the first new row."""
    t = translator(language)
    many = [
        prospect(f"p-{i:010d}", f"Client {i}", GOOD, f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}Z")
        for i in range(120)
    ]
    listing = _listing(context, base_url, {"version": 2, "prospects": many}, language)
    page = listing.page
    names = page.locator("[data-saved-prospect] [data-slot='name']")
    more = page.locator('[data-action="show-more"]')
    shown = page.locator("[data-prospects-shown]")

    def newest(count):
        return [f"Client {i}" for i in range(119, 119 - count, -1)]

    assert names.all_inner_texts() == newest(50)
    assert shown.inner_text() == t("prospects.shown").format(shown=50, total=120)
    assert more.inner_text() == t("prospects.more").format(count=50)
    assert_accessible(page)
    more.focus()
    page.keyboard.press("Enter")
    assert names.all_inner_texts() == newest(100)
    assert page.evaluate("document.activeElement.textContent") == "Client 69"
    assert more.inner_text() == t("prospects.more").format(count=20)
    # A change keeps what is shown: a deleted row's place goes to the next one.
    listing.delete("p-0000000119")
    assert names.all_inner_texts() == newest(101)[1:]
    listing.undo()
    assert names.all_inner_texts() == newest(100)
    more.click()
    assert names.all_inner_texts() == newest(120)
    assert page.locator("[data-prospects-more]").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Client 19"

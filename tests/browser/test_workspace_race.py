"""Changes at the same moment in four tabs: three quiz tabs save while a prospects tab deletes
and imports, fifty times. Each change is one IndexedDB transaction (quiz/web/store.js), so none
can cross another: nothing is lost, nothing deleted comes back, and what each tab says is true
of what is stored."""

from __future__ import annotations

import json
import time

import pytest

from quiz.site.strings import translator
from tests.support.quiz import BAD, GOOD, MIXED
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import (
    Tab,
    export_body,
    forget_everything,
    idle,
    poll,
    prospect,
    put_stored,
    readable,
    stored,
)

pytestmark = pytest.mark.browser

ROUNDS = 50
T = translator("en")


# A is re-assessed in tab 0 while the prospects tab deletes it; B is re-assessed in tab 1; C and
# D are left alone; tab 2 saves a new prospect; the prospects tab imports I.
A, B, C, D = (
    prospect(f"p-{letter * 10}", name, GOOD)
    for letter, name in zip("abcd", ["Alpha", "Beta", "Gamma", "Delta"], strict=True)
)
SEED = {"version": 2, "prospects": [A, B, C, D], "deleted": {}, "note": "kept"}
IMPORTED = prospect("p-iiiiiiiiii", "Imported", MIXED)

# Each tab's part, started by a timer set in every tab for the same instant.
_CLICK_AT = """([selector, at]) => {
  const button = document.querySelector(selector);
  setTimeout(() => button.click(), at - Date.now());
}"""
_IMPORT_AT = """([text, at]) => {
  const input = document.querySelector('input[type=file][data-action="import"]');
  const files = new DataTransfer();
  files.items.add(new File([text], "prospects.json", { type: "application/json" }));
  setTimeout(() => {
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, at - Date.now());
}"""
_HASH = "location.hash.startsWith('#prospect=') ? location.hash.slice(10) : ''"


@pytest.fixture
def four_tabs(browser, base_url):
    context = browser.new_context()
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page() for _ in range(4)]
    for page in pages:
        watch.attach(page)
    yield pages, watch
    context.close()


def _round(pages, base_url, number: int) -> None:
    pages[3].goto(base_url + "prospects/")
    forget_everything(pages[3])
    put_stored(pages[3], SEED)
    alpha, beta, fresh = (Tab(page, base_url, "quiz") for page in pages[:3])
    listing = Tab(pages[3], base_url, "prospects").open()
    alpha.reassess(A["id"], "Alpha")
    alpha.answer(BAD)
    beta.reassess(B["id"], "Beta")
    beta.answer(MIXED)
    name = f"New {number}"
    fresh.fresh(BAD, name)
    for tab in (alpha, beta, fresh, listing):
        tab.page.evaluate(
            "document.querySelectorAll('[data-workspace-status], [data-prospects-status]')"
            ".forEach((e) => (e.textContent = ''))"
        )

    at = int(time.time() * 1000) + 400
    for tab in (alpha, beta, fresh):
        tab.page.evaluate(_CLICK_AT, ['[data-action="save"]', at])
    listing.page.evaluate(
        _CLICK_AT, [f'[data-saved-prospect][data-id="{A["id"]}"] [data-action="delete"]', at]
    )
    listing.page.evaluate(_IMPORT_AT, [json.dumps(export_body([IMPORTED])), at])
    time.sleep(0.5)
    for page in pages:
        idle(page)

    def shown_as_stored():
        value = stored(pages[0])
        rows = sorted([p["id"], p["name"], len(p["history"])] for p in value["prospects"])
        return sorted(listing.rows()) == rows

    poll(shown_as_stored, "the prospects tab shows what is stored")
    value = stored(pages[0])
    by_id = {p["id"]: p for p in value["prospects"]}
    assert all(readable(p) for p in value["prospects"])
    assert value["note"] == "kept"

    # Nothing lost: B re-assessed, C and D as they were, the new prospect, the import.
    assert by_id[B["id"]]["answers"] == MIXED
    assert [old["answers"] for old in by_id[B["id"]]["history"]] == [GOOD]
    assert by_id[C["id"]] == C and by_id[D["id"]] == D
    assert by_id[IMPORTED["id"]] == IMPORTED
    new = [p for p in value["prospects"] if p["name"] == name]
    assert len(new) == 1 and new[0]["answers"] == BAD
    assert fresh.page.evaluate(_HASH) == new[0]["id"]
    # Nothing deleted comes back: A is gone, its tombstone kept.
    assert A["id"] not in by_id and A["id"] in value["deleted"]

    # Tab 0 saved before the delete (its save then deleted, and it says so) or after it (its
    # answers saved as a new prospect, and it says that).
    copies = [p for p in value["prospects"] if p["name"] == "Alpha"]
    if copies:
        assert len(copies) == 1 and copies[0]["answers"] == BAD and copies[0]["history"] == []
        assert alpha.page.evaluate(_HASH) == copies[0]["id"]
        assert alpha.status() == T("work.saved").format(name="Alpha")
    else:
        poll(
            lambda: alpha.status() == T("work.gone").format(name="Alpha"),
            "tab 0 says its prospect was deleted in another tab",
        )
    assert beta.status() == T("work.updated").format(name="Beta")
    assert fresh.status() == T("work.saved").format(name=name)
    assert len(value["prospects"]) == 5 + len(copies)
    # Whichever of its two changes finished last speaks in the prospects tab.
    assert listing.status() in (
        T("prospects.deleted").format(name="Alpha"),
        T("prospects.import.done") + " " + T("prospects.import.added.one").format(count=1),
    )


def test_saves_deletes_and_an_import_at_the_same_moment_lose_nothing(four_tabs, base_url):
    pages, watch = four_tabs
    for number in range(ROUNDS):
        _round(pages, base_url, number)
    assert watch.problems == []

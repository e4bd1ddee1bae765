"""Storage formats 2 to 4 and the way from format 1: real format-1 data
(tests/fixtures/workspace-v1/, made by driving the site before format 2) and damaged format-1
data open with nothing lost; keys this version does not know survive every write; data from a
newer version is read-only and says so."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from quiz.site.strings import translator
from tests.support.quiz import BAD, GOOD, MIXED
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import (
    KEY,
    NO_OUTCOMES,
    VERSION,
    Model,
    Tab,
    Tabs,
    export_body,
    put_stored,
    records,
    stored,
    stored_shape,
)

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "workspace-v1"
V1_STORE = json.loads((FIXTURE / "store.json").read_text(encoding="utf-8"))
V1_EXPORT = json.loads((FIXTURE / "export.json").read_text(encoding="utf-8"))
SEED_V2 = {
    "version": 2,
    "prospects": [
        {
            "id": "p-kkkkkkkkkk",
            "name": "Kept",
            "created": "2026-01-01T00:00:00.000Z",
            "updated": "2026-01-01T00:00:00.000Z",
            "answers": GOOD,
            "history": [],
        }
    ],
}
LANGUAGES = pytest.mark.parametrize("language", ["en", "ko"])


@pytest.fixture
def tabs(browser, base_url):
    """A tab on the saved prospects and one on the quiz, in one browser context."""
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    pages = [watch.attach(page) and page for page in (context.new_page(), context.new_page())]
    yield pages, base_url
    assert watch.problems == []
    context.close()


def _seed(page, base_url, value) -> None:
    """Store a value where versions before IndexedDB kept it (localStorage), from a page that
    opens no database: the first page that opens it creates it and moves the value in."""
    page.goto(base_url)
    page.evaluate(
        f"v => localStorage.setItem('{KEY}', typeof v === 'string' ? v : JSON.stringify(v))", value
    )


def _migrated(entry: dict) -> dict:
    """A format-1 entry as format 2 must hold it."""
    rest = {key: value for key, value in entry.items() if key != "previous"}
    return {**rest, "history": [] if entry["previous"] is None else [entry["previous"]]}


def test_the_fixture_is_format_1_as_the_site_wrote_it():
    assert V1_STORE["version"] == 1 and V1_EXPORT["version"] == 1
    assert V1_EXPORT["prospects"] == V1_STORE["prospects"]
    doubled = next(p for p in V1_STORE["prospects"] if p["name"] == "Doubled")
    # The double save that lost the change.
    assert doubled["previous"]["answers"] == doubled["answers"]
    assert sum(p["previous"] is not None for p in V1_STORE["prospects"]) == 2


@LANGUAGES
def test_a_version_1_store_opens_as_the_current_version_with_nothing_lost(tabs, language):
    (list_page, quiz_page), base_url = tabs
    _seed(list_page, base_url, V1_STORE)
    listing = Tab(list_page, base_url, "prospects", language).open()
    assert sorted(name for _, name, _ in listing.rows()) == sorted(
        p["name"] for p in V1_STORE["prospects"]
    )
    assert {name: count for _, name, count in listing.rows()} == {
        "Acme Ltd": 1,
        "Bright & <Co>": 0,
        "Doubled": 1,
        "한빛 스튜디오": 0,
    }
    assert listing.status() == ""
    assert stored(list_page) == V1_STORE  # reading writes nothing
    quiz = Tab(quiz_page, base_url, "quiz", language)
    tabs_ = Tabs([listing, quiz], Model.of(V1_STORE))
    acme = next(p for p in V1_STORE["prospects"] if p["name"] == "Acme Ltd")
    quiz.reassess(acme["id"], "Acme Ltd")
    assert quiz.page.locator(
        "[data-change='unresponsive']"
    ).is_visible()  # against format 1's `previous`
    tabs_.save(quiz, GOOD)  # the first write: the current format
    value = stored(list_page)
    assert value["version"] == VERSION and "deleted" not in value
    expected = [_migrated(p) for p in V1_STORE["prospects"]]
    acme_now = next(p for p in value["prospects"] if p["id"] == acme["id"])
    expected[[p["id"] for p in expected].index(acme["id"])] = {
        **_migrated(acme),
        "updated": acme_now["updated"],
        "answers": GOOD,
        "history": [{"updated": acme["updated"], "answers": acme["answers"]}, acme["previous"]],
    }
    assert value["prospects"] == expected


@LANGUAGES
def test_a_version_1_export_imports_into_an_empty_browser(tabs, language):
    (page, _), base_url = tabs
    listing = Tab(page, base_url, "prospects", language).open()
    tabs_ = Tabs([listing], Model())
    counts = tabs_.import_(listing, V1_EXPORT)
    assert counts == {
        "added": 4,
        "updated": 0,
        "both": 0,
        "same": 0,
        "unreadable": 0,
        **NO_OUTCOMES,
    }
    assert stored(page)["prospects"] == [_migrated(p) for p in V1_EXPORT["prospects"]]
    assert tabs_.import_(listing, V1_EXPORT)["same"] == 4  # once is enough


# Format-1 entries that cannot be read, each kept exactly as it is.
DAMAGED = [
    {
        **V1_STORE["prospects"][0],
        "id": "p-badprevious",
        "previous": {"updated": "yesterday", "answers": GOOD},
    },
    {**V1_STORE["prospects"][1], "id": "p-oldlydated", "updated": "Sat, 01 Jan 1999 00:00:00 GMT"},
    {**V1_STORE["prospects"][2], "id": "p-longhistory", "previous": [GOOD]},
    {**V1_STORE["prospects"][3], "name": "a second copy of an id"},
    {"id": "p-x<script>", "name": "<b>tampered</b>"},
    42,
    None,
]


@LANGUAGES
def test_damaged_version_1_entries_are_kept_as_they_are(tabs, language):
    (list_page, quiz_page), base_url = tabs
    good = {**V1_STORE["prospects"][0], "tag": "a key of a later version"}
    value = {
        "version": 1,
        "prospects": [good, *V1_STORE["prospects"][1:], *DAMAGED],
        "settings": {"theme": "kept"},
    }
    _seed(list_page, base_url, value)
    listing = Tab(list_page, base_url, "prospects", language).open()
    message = translator(language)("work.storage.skipped").format(count=len(DAMAGED))
    assert listing.status() == message
    assert len(listing.rows()) == 4
    assert list_page.locator("b").count() == 0
    model = Model.of(value)
    assert model.invalid == DAMAGED
    tabs_ = Tabs([listing, Tab(quiz_page, base_url, "quiz", language)], model)
    tabs_.tabs[1].fresh(MIXED, "After the damage")
    tabs_.save(tabs_.tabs[1])
    written = stored(list_page)
    assert written["version"] == VERSION and written["settings"] == {"theme": "kept"}
    assert written["prospects"][-len(DAMAGED) :] == DAMAGED
    assert written["prospects"][0] == _migrated(good)


def test_unknown_keys_survive_every_write(tabs):
    (list_page, quiz_page), base_url = tabs
    alpha = {
        "id": "p-alphaalpha",
        "name": "Alpha",
        "created": "2026-01-01T00:00:00.000Z",
        "updated": "2026-02-01T00:00:00.000Z",
        "answers": MIXED,
        "history": [
            {"updated": "2026-01-01T00:00:00.000Z", "answers": GOOD, "note": "history's own"}
        ],
        "tag": "the prospect's own",
    }
    beta = {**alpha, "id": "p-betabetabe", "name": "Beta", "history": []}
    value = {"version": 2, "prospects": [alpha, beta], "deleted": {}, "settings": {"theme": "kept"}}
    _seed(list_page, base_url, value)
    listing = Tab(list_page, base_url, "prospects").open()
    quiz = Tab(quiz_page, base_url, "quiz").open()
    tabs_ = Tabs([listing, quiz], Model.of(value))
    quiz.reassess(alpha["id"], "Alpha")
    tabs_.save(quiz, BAD)
    tabs_.delete(listing, beta["id"])
    tabs_.undo(listing)
    tabs_.import_(listing, export_body([{**beta, "name": "Beta elsewhere"}]))
    written = stored(list_page)
    assert written["settings"] == {"theme": "kept"}
    saved = {p["name"]: p for p in written["prospects"]}
    assert (
        saved["Alpha"]["tag"] == "the prospect's own"
        and saved["Alpha"]["history"][1]["note"] == "history's own"
    )
    assert saved["Beta"]["tag"] == saved["Beta elsewhere (imported)"]["tag"] == "the prospect's own"


@LANGUAGES
def test_storage_from_a_newer_version_is_read_only_and_says_so(tabs, language):
    (list_page, quiz_page), base_url = tabs
    future = {
        "id": "p-hhhhhhhhhh",
        "name": "Future",
        "created": "2026-01-01T00:00:00.000Z",
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": GOOD,
        "history": [],
        "mood": "from a newer version",
    }
    value = {"version": VERSION + 1, "prospects": [future], "extra": True}
    list_page.goto(base_url + "prospects/")
    put_stored(list_page, value)
    t = translator(language)
    refused = t("work.storage.error").format(reason=t("reason.newer"))
    listing = Tab(list_page, base_url, "prospects", language).open()
    assert listing.status() == t("work.storage.future")
    assert [name for _, name, _ in listing.rows()] == ["Future"]
    listing.delete(future["id"])
    assert listing.status() == refused
    listing.import_(export_body([{**future, "id": "p-iiiiiiiiii"}]))
    assert listing.status() == t("prospects.import.error").format(reason=t("reason.newer"))
    exported = listing.export()
    assert (exported["version"], exported["prospects"]) == (VERSION + 1, [future])  # as it is
    quiz = Tab(quiz_page, base_url, "quiz", language)
    quiz.fresh(GOOD, "Blocked")
    quiz.save()
    assert quiz.status() == refused
    quiz.reassess(future["id"], "Future")
    quiz.answer(BAD)
    quiz.save()
    assert quiz.status() == refused
    assert stored(list_page) == value
    assert ("newer version" if language == "en" else "새로운 버전") in refused


# Newer stores of shapes this version cannot read: the version decides before the shape.
NEWER_SHAPES = {
    "prospects-not-a-list": {
        "version": VERSION + 1,
        "prospects": {"p-aaaaaaaaaa": {"name": "Keyed by id"}},
    },
    "no-prospects": {"version": VERSION + 2, "workspaces": [{"name": "Team"}]},
    "prospects-of-another-kind": {
        "version": VERSION + 1,
        "prospects": ["just", "names"],
        "outcomes": [1, 2],
    },
}


# A newer version that needs another layout raises the database's version.
_UPGRADE = """() => new Promise((resolve, reject) => {
  const request = indexedDB.open("client-red-flags", 2);
  request.onupgradeneeded = () => request.result.createObjectStore("outcomes");
  request.onsuccess = () => {
    request.result.close();
    resolve();
  };
  request.onerror = () => reject(request.error);
})"""


def test_a_newer_database_is_read_only_and_old_tabs_step_aside(tabs):
    """An open old tab closes its connection when a newer version upgrades the database (or the
    upgrade would wait for it), and from then on opens nothing it could change."""
    (list_page, quiz_page), base_url = tabs
    t = translator("en")
    listing = Tab(list_page, base_url, "prospects", "en").open()
    put_stored(list_page, SEED_V2)
    quiz = Tab(quiz_page, base_url, "quiz", "en")
    quiz.reassess(SEED_V2["prospects"][0]["id"], SEED_V2["prospects"][0]["name"])
    quiz_page.evaluate(_UPGRADE)  # both tabs hold the database open: it must not block
    listing.open()
    assert listing.status() == t("work.storage.future")
    assert listing.rows() == []
    quiz.answer(BAD)
    quiz.save()
    assert quiz.status() == t("work.storage.error").format(reason=t("reason.newer"))
    assert records(list_page) == {KEY: json.dumps(SEED_V2)}


@pytest.mark.parametrize("as_text", [True, False], ids=["text", "object"])
@pytest.mark.parametrize("value", NEWER_SHAPES.values(), ids=list(NEWER_SHAPES))
def test_a_newer_store_of_any_shape_survives_an_open_old_tab_untouched(tabs, value, as_text):
    """Stored as a JSON text, as this version writes it, or as an object, as a newer one might."""
    (list_page, quiz_page), base_url = tabs
    list_page.goto(base_url + "prospects/")
    put_stored(list_page, value, as_text)
    t = translator("en")
    listing = Tab(list_page, base_url, "prospects", "en").open()
    assert listing.status() == t("work.storage.future")
    assert listing.rows() == []
    quiz = Tab(quiz_page, base_url, "quiz", "en")
    quiz.fresh(GOOD, "Blocked")
    quiz.save()
    assert quiz.status() == t("work.storage.error").format(reason=t("reason.newer"))
    assert records(list_page) == {KEY: json.dumps(value) if as_text else value}


def test_an_impossible_date_is_kept_aside_like_any_unreadable_entry(tabs):
    (page, _), base_url = tabs
    alpha = {
        "id": "p-alphaalpha",
        "name": "Alpha",
        "created": "2026-01-01T00:00:00.000Z",
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": GOOD,
        "history": [],
    }
    leap = {**alpha, "id": "p-leapleapl", "name": "Leap day", "created": "2024-02-29T00:00:00.000Z"}
    impossible = {
        **alpha,
        "id": "p-febfebfeb",
        "name": "Thirtieth of February",
        "created": "2026-02-30T00:00:00.000Z",
    }
    _seed(page, base_url, {"version": 2, "prospects": [alpha, leap, impossible]})
    listing = Tab(page, base_url, "prospects", "en").open()
    assert sorted(name for _, name, _ in listing.rows()) == ["Alpha", "Leap day"]
    assert listing.status() == "Saved entries that could not be read: 1. They are kept as they are."
    assert Model.of(stored(page)).invalid == [impossible]


def test_a_deletion_leaves_only_a_dated_tombstone_for_30_days(tabs):
    (page, _), base_url = tabs
    alpha = {
        "id": "p-alphaalpha",
        "name": "Alpha",
        "created": "2026-01-01T00:00:00.000Z",
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": GOOD,
        "history": [],
    }
    old = "2000-01-01T00:00:00.000Z"  # long past 30 days
    value = {
        "version": 2,
        "prospects": [alpha],
        "deleted": {"p-oldoldoldo": old, "not an id": old, "p-baddatebad": "yesterday"},
    }
    _seed(page, base_url, value)
    listing = Tab(page, base_url, "prospects").open()
    before = page.evaluate("Date.now()")
    listing.delete(alpha["id"])
    written = stored(page)
    assert written["prospects"] == []
    # The id and the time, nothing else; the expired ones gone.
    assert list(written["deleted"]) == [alpha["id"]]
    at = page.evaluate("d => Date.parse(d)", written["deleted"][alpha["id"]])
    assert before <= at <= page.evaluate("Date.now()")


def test_a_store_that_migrates_is_the_model_of_it():
    """The reference model reads format 1 the way the page does (the other tests rely on it)."""
    model = Model.of(V1_STORE)
    migrated = {"version": 2, "prospects": [_migrated(p) for p in V1_STORE["prospects"]]}
    assert stored_shape(migrated) == model.shape()
    assert copy.deepcopy(model.prospects) == migrated["prospects"]

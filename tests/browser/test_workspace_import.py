"""Import that cannot destroy: ISO 8601 dates compared as instants, a conflict kept twice, a
newer copy that keeps ours in its history, unreadable entries that travel, and a summary that
counts each case in both languages."""

from __future__ import annotations

import json

import pytest

from tests.support.quiz import BAD, GOOD, MIXED
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import (
    MAX_NAME,
    NO_OUTCOMES,
    Model,
    Tab,
    Tabs,
    export_body,
    idle,
    prospect,
    put_stored,
    stored,
)

pytestmark = pytest.mark.browser


ALPHA = prospect(
    "p-alphaalpha",
    "Alpha",
    MIXED,
    "2026-03-01T10:00:00.000Z",
    [{"updated": "2026-02-01T10:00:00.000Z", "answers": GOOD}],
)
BETA = prospect("p-betabetabe", "Beta", GOOD, "2026-03-02T10:00:00.000Z")


@pytest.fixture
def listing(browser, base_url, request):
    """A prospects tab holding ALPHA and BETA, in the language the test names (English by
    default)."""
    language = getattr(request, "param", "en")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + "prospects/")
    idle(page)
    value = {"version": 2, "prospects": [ALPHA, BETA], "deleted": {}}
    put_stored(page, value)
    tab = Tab(page, base_url, "prospects", language).open()
    yield Tabs([tab], Model.of(value))
    assert watch.problems == []
    context.close()


def _only(tabs: Tabs) -> Tab:
    return tabs.tabs[0]


def test_a_date_in_any_other_format_is_unreadable_and_replaces_nothing(listing):
    tab = _only(listing)
    old = {
        **ALPHA,
        "updated": "Sat, 01 Jan 1999 00:00:00 GMT",
        "answers": BAD,
        "name": "Alpha in 1999",
    }
    counts = listing.import_(tab, export_body([old]))
    assert counts == {
        "added": 0,
        "updated": 0,
        "both": 0,
        "same": 0,
        "unreadable": 1,
        **NO_OUTCOMES,
    }
    assert tab.status() == "Imported the file. 1 entry could not be read and is kept as it is."
    value = stored(tab.page)
    assert value["prospects"] == [ALPHA, BETA, old]  # ours untouched, the file's kept as it is
    assert listing.export(tab)["prospects"] == [ALPHA, BETA, old]


def test_iso_dates_are_compared_as_instants(listing):
    tab = _only(listing)
    # ALPHA's own time, written in Seoul.
    same_instant = {
        **ALPHA,
        "updated": "2026-03-01T19:00:00+09:00",
    }
    older = {**BETA, "updated": "1999-01-01T00:00:00Z", "answers": BAD}
    counts = listing.import_(tab, export_body([same_instant, older]))
    assert counts == {
        "added": 0,
        "updated": 0,
        "both": 1,
        "same": 1,
        "unreadable": 0,
        **NO_OUTCOMES,
    }
    names = [name for _, name, _ in tab.rows()]
    assert tab.page.locator("[data-saved-prospect] [data-slot='name']").all_inner_texts() == [
        "Beta",
        "Alpha",
        "Beta (imported)",
    ]
    assert sorted(names) == ["Alpha", "Beta", "Beta (imported)"]


@pytest.mark.parametrize(
    ("listing", "suffix"), [("en", " (imported)"), ("ko", " (가져옴)")], indirect=["listing"]
)
def test_a_conflict_keeps_both_and_renames_the_file_s_copy(listing, suffix):
    tab = _only(listing)
    # Changed there, from an older state.
    theirs = {
        **ALPHA,
        "updated": "2026-04-01T10:00:00.000Z",
        "answers": BAD,
    }
    counts = listing.import_(tab, export_body([theirs]))
    assert counts["both"] == 1
    value = stored(tab.page)
    assert value["prospects"][0] == ALPHA
    copy = value["prospects"][2]
    assert copy["name"] == "Alpha" + suffix and copy["id"] != ALPHA["id"]
    assert {key: copy[key] for key in ("updated", "answers", "history")} == {
        key: theirs[key] for key in ("updated", "answers", "history")
    }
    assert listing.import_(tab, export_body([theirs]))["same"] == 1  # the copy is here now
    long_name = {**BETA, "name": "B" * MAX_NAME, "answers": BAD}
    listing.import_(tab, export_body([long_name]))
    assert stored(tab.page)["prospects"][-1]["name"] == "B" * (MAX_NAME - len(suffix)) + suffix
    # An emoji where the name is cut is left out whole, never split in two.
    room = MAX_NAME - len(suffix)
    emoji = {**BETA, "name": "C" * (room - 1) + "🙂" + "C", "answers": MIXED}
    listing.import_(tab, export_body([emoji]))
    assert stored(tab.page)["prospects"][-1]["name"] == "C" * (room - 1) + suffix


def test_a_newer_copy_replaces_ours_and_keeps_it_in_its_history(listing):
    tab = _only(listing)
    newer = {
        **ALPHA,
        "name": "Alpha renamed",
        "updated": "2026-05-01T10:00:00.000Z",
        "answers": BAD,
        "history": [{"updated": ALPHA["updated"], "answers": ALPHA["answers"]}],
    }
    counts = listing.import_(tab, export_body([newer]))
    assert counts == {
        "added": 0,
        "updated": 1,
        "both": 0,
        "same": 0,
        "unreadable": 0,
        **NO_OUTCOMES,
    }
    assert (
        tab.status()
        == "Imported the file. 1 was updated; its earlier assessment is in its history."
    )
    alpha = stored(tab.page)["prospects"][0]
    assert alpha["name"] == "Alpha renamed" and alpha["answers"] == BAD
    # Both histories, newest first.
    assert alpha["history"] == [{"updated": ALPHA["updated"], "answers": MIXED}] + ALPHA["history"]
    assert tab.page.locator('[data-id="p-alphaalpha"] [data-history-entry]').count() == 2
    older_file = export_body([ALPHA])  # what we had before: already in the history
    assert listing.import_(tab, older_file)["same"] == 1
    assert stored(tab.page)["prospects"][0] == alpha


def test_a_prospect_deleted_here_comes_back_when_imported(listing):
    tab = _only(listing)
    listing.delete(tab, BETA["id"])
    assert listing.import_(tab, export_body([BETA]))["added"] == 1
    assert stored(tab.page)["deleted"] == {}
    listing.undo(tab)  # nothing to undo: it is back already
    assert [p["id"] for p in stored(tab.page)["prospects"]] == [ALPHA["id"], BETA["id"]]


def test_unreadable_entries_travel_in_exports_as_they_are(listing, browser, base_url):
    tab = _only(listing)
    odd = [
        {"id": "not an id", "name": 42},
        "a string",
        {"id": "p-zzzzzzzzzz", "name": "No answers", "updated": "2026-01-01T00:00:00Z"},
    ]
    # Once each, however often the file has them.
    listing.import_(tab, export_body([BETA, *odd, *odd]))
    exported = listing.export(tab)
    assert exported["prospects"] == [ALPHA, BETA, *odd]
    context = browser.new_context(accept_downloads=True)
    fresh = Tabs([Tab(context.new_page(), base_url, "prospects").open()], Model())
    counts = fresh.import_(fresh.tabs[0], exported)
    assert counts == {
        "added": 2,
        "updated": 0,
        "both": 0,
        "same": 0,
        "unreadable": 3,
        **NO_OUTCOMES,
    }
    assert fresh.export(fresh.tabs[0])["prospects"] == [ALPHA, BETA, *odd]
    context.close()


def test_two_entries_with_one_id_in_a_file_are_both_kept(listing):
    tab = _only(listing)
    first = prospect("p-deltadelta", "Delta", GOOD, "2026-04-01T10:00:00.000Z")
    second = {**first, "name": "Delta again", "answers": BAD}
    assert listing.import_(tab, export_body([first, second, first])) == {
        "added": 1,
        "updated": 0,
        "both": 1,
        "same": 1,
        "unreadable": 0,
        **NO_OUTCOMES,
    }
    # The same answers at the same time: still another prospect.
    twin = {
        **first,
        "id": "p-twintwintw",
        "name": "Twin",
    }
    assert listing.import_(tab, export_body([twin]))["added"] == 1


# Every kind of entry in one file, once and then several times: the summary in both languages.
SUMMARIES = {
    ("en", 1): (
        "Imported the file. 1 new prospect was added. "
        "1 was updated; its earlier assessment is in its history. "
        "1 had changed both here and in the file, so both copies are kept; "
        "the file's is marked “(imported)”. "
        "1 was already here. 1 entry could not be read and is kept as it is."
    ),
    ("en", 2): (
        "Imported the file. 2 new prospects were added. "
        "2 were updated; their earlier assessments are in their history. "
        "2 had changed both here and in the file, so both copies of each are kept; "
        "the file's are marked “(imported)”. "
        "2 were already here. 2 entries could not be read and are kept as they are."
    ),
    ("ko", 1): (
        "파일을 가져왔습니다. 새 예비 클라이언트 1곳을 추가했습니다. "
        "1곳을 더 새로운 평가로 갱신했고, 이전 평가는 기록에 남겼습니다. "
        "1곳은 이 브라우저와 파일 양쪽에서 바뀌어 둘 다 보관했습니다. "
        "파일 쪽에는 ‘(가져옴)’을 붙였습니다. "
        "1곳은 이미 있었습니다. 읽을 수 없는 항목 1개는 그대로 보관했습니다."
    ),
    ("ko", 2): (
        "파일을 가져왔습니다. 새 예비 클라이언트 2곳을 추가했습니다. "
        "2곳을 더 새로운 평가로 갱신했고, 이전 평가는 기록에 남겼습니다. "
        "2곳은 이 브라우저와 파일 양쪽에서 바뀌어 둘 다 보관했습니다. "
        "파일 쪽에는 ‘(가져옴)’을 붙였습니다. "
        "2곳은 이미 있었습니다. 읽을 수 없는 항목 2개는 그대로 보관했습니다."
    ),
}


@pytest.mark.parametrize(("language", "count"), sorted(SUMMARIES))
def test_the_summary_counts_each_case_with_its_plural(browser, base_url, language, count):
    local = [
        prospect(f"p-local{n}local", f"Local {n}", MIXED, f"2026-03-0{n}T10:00:00.000Z")
        for n in range(1, 3 * count + 1)
    ]
    file = [
        prospect(f"p-new{n}newnew", f"New {n}", GOOD, f"2026-04-0{n + 1}T10:00:00.000Z")
        for n in range(count)
    ]
    for index, ours in enumerate(local):
        later = f"2026-05-0{index + 1}T10:00:00.000Z"
        if index % 3 == 0:  # newer: its history holds ours
            file.append(
                {
                    **ours,
                    "updated": later,
                    "answers": BAD,
                    "history": [{"updated": ours["updated"], "answers": ours["answers"]}],
                }
            )
        elif index % 3 == 1:  # changed on both sides
            file.append({**ours, "updated": later, "answers": GOOD})
        else:
            file.append(ours)
    file += [{"unreadable": n} for n in range(count)]
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "prospects/")
    idle(page)
    value = {"version": 2, "prospects": local}
    put_stored(page, value)
    tab = Tab(page, base_url, "prospects", language).open()
    counts = Tabs([tab], Model.of(value)).import_(tab, export_body(file))
    assert counts == {
        "added": count,
        "updated": count,
        "both": count,
        "same": count,
        "unreadable": count,
        **NO_OUTCOMES,
    }
    assert tab.status() == SUMMARIES[(language, count)]
    context.close()


def test_an_entry_too_deep_to_export_again_is_refused_and_export_keeps_working(listing):
    """A 10 KB file with one entry nested 5,000 deep once imported "as it is" and broke Export
    for good; such a file is now refused with its reason, and nothing changes."""
    tab = _only(listing)
    deep = "[" * 5000 + "]" * 5000
    text = (
        '{"format": "client-red-flags/prospects", "version": 2, '
        '"exported": "2026-11-30T00:00:00.000Z", "prospects": [' + deep + "]}"
    )
    before = stored(tab.page)
    assert (
        tab.import_(text) == "This file could not be imported "
        "(an entry in it is nested too deeply to be kept and written out again). "
        "Nothing was changed."
    )
    assert stored(tab.page) == before
    exported = tab.export()
    assert exported["prospects"] == [ALPHA, BETA]
    assert (
        tab.status()
        == "Exported 2 prospects to client-red-flags-prospects-"
        + exported["exported"][:10]
        + ".json."
    )


def test_export_leaves_out_an_entry_too_deep_to_write_that_storage_holds(listing):
    """Only a store changed by hand can hold one; export still writes everything else."""
    tab = _only(listing)
    text = json.dumps({"version": 2, "prospects": [ALPHA, BETA, "DEEP"], "deleted": {}}).replace(
        '"DEEP"', "[" * 5000 + "]" * 5000
    )
    put_stored(tab.page, text)
    exported = tab.export()
    assert exported["prospects"] == [ALPHA, BETA]

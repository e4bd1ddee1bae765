"""Tabs of one browser: every pair of operations (save, delete, undo, import, clear, export),
one in each of two tabs, in both orders; then random interleavings in three tabs, outcomes
recorded and deleted among them. Nothing is
lost or brought back, and each tab shows the others' changes without a reload. What must be
stored is said by the reference model (tests/support/workspace.py)."""

from __future__ import annotations

import copy
import itertools

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from quiz.site.strings import translator
from tests.support.examples import examples
from tests.support.quiz import BAD, GOOD, MIXED, QUIZ, strongest
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import (
    Model,
    Tab,
    Tabs,
    export_body,
    forget_everything,
    prospect,
    put_stored,
    readable,
)

pytestmark = pytest.mark.browser

OPERATIONS = ("save", "delete", "undo", "import", "clear", "export")
UNRESPONSIVE = next(flag for flag in QUIZ.flags if flag.id == "unresponsive")
CHANGED = {
    **MIXED,
    **{question.id: strongest(question, dealbreakers=False) for question in UNRESPONSIVE.questions},
}


ALPHA = prospect(
    "p-alphaalpha",
    "Alpha",
    MIXED,
    "2026-03-01T10:00:00.000Z",
    [{"updated": "2026-02-01T10:00:00.000Z", "answers": GOOD}],
    colour="kept by every write",
    events=[{"id": "e-alphasigned", "kind": "signed", "date": "2026-03-02", "note": ""}],
)
BETA = prospect("p-betabetabe", "Beta", GOOD, "2026-03-02T10:00:00.000Z")
GAMMA = prospect("p-gammagamma", "Gamma", BAD, "2026-03-03T10:00:00.000Z")
BROKEN = {"id": "p-broken", "name": "", "note": "unreadable, kept as it is"}
SEED = {
    "version": 2,
    "prospects": [ALPHA, BETA, GAMMA, BROKEN],
    "deleted": {},
    "note": "a key of a later version",
}
# A file with one of each kind of entry: new, newer (its history holds ours), the same,
# changed on both sides, and unreadable.
FILE = export_body(
    [
        prospect("p-deltadelta", "Delta", MIXED, "2026-04-01T10:00:00.000Z"),
        {
            **ALPHA,
            "updated": "2026-06-01T10:00:00.000Z",
            "answers": BAD,
            "history": [{"updated": ALPHA["updated"], "answers": MIXED}] + ALPHA["history"],
        },
        BETA,
        {**GAMMA, "updated": "2026-05-01T10:00:00.000Z", "answers": MIXED},
        {"id": "not an id", "name": 42},
    ]
)
# Each tab deletes (and undoes) its own prospect, so that a pair touches two.
TARGET = {0: BETA["id"], 1: GAMMA["id"]}


@pytest.mark.parametrize(("first", "second"), list(itertools.product(OPERATIONS, repeat=2)))
def test_two_tabs_never_lose_or_bring_back_aprospect(browser, base_url, second, first):
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page() for _ in range(2)]
    for page in pages:
        watch.attach(page)
    pages[0].goto(base_url + "prospects/")
    put_stored(pages[0], SEED)
    tabs = Tabs(
        [
            Tab(page, base_url, "quiz" if op == "save" else "prospects").open()
            for page, op in zip(pages, (first, second), strict=True)
        ],
        Model.of(SEED),
    )
    tabs.check()
    for index, op in enumerate((first, second)):  # what each operation needs first
        tab = tabs.tabs[index]
        if op == "save":
            tab.reassess(ALPHA["id"], "Alpha")
        elif op == "undo":
            tabs.delete(tab, TARGET[index])
    for index, op in enumerate((first, second)):
        _run(tabs, index, op)
        other = tabs.tabs[1 - index]
        if other.kind == "quiz" and tabs.model.find(other.editing) is None:
            # Shown without a reload: deleted, or no longer saved at all after "delete all".
            key = "work.lost" if op == "clear" else "work.gone"
            assert other.status() == translator("en")(key).format(name="Alpha")
    assert tabs.model.shape()["extra"] == (
        {} if "clear" in (first, second) else {"note": SEED["note"]}
    )
    assert watch.problems == []
    context.close()


def _run(tabs: Tabs, index: int, op: str) -> None:
    tab = tabs.tabs[index]
    model = tabs.model
    if op == "save":
        ident = tabs.save(tab, CHANGED)
        assert tabs.model.find(ident)["answers"] == CHANGED
    elif op == "delete" and model.find(TARGET[index]):
        tabs.delete(tab, TARGET[index])
    elif op == "delete":  # deleted meanwhile: the row is gone from this tab too
        assert tab.page.locator(f'[data-saved-prospect][data-id="{TARGET[index]}"]').count() == 0
    elif op == "undo":
        tabs.undo(tab)
    elif op == "import":
        tabs.import_(tab, FILE)
    elif op == "clear":
        tabs.clear(tab)
    elif op == "export" and model.export():
        tabs.export(tab)
    elif op == "export":  # nothing to export, after "delete all"
        assert tab.page.locator('[data-action="export"]').is_disabled()


# ------------------------------------------------------------------ random interleavings

ANSWERS = [GOOD, BAD, MIXED, CHANGED]
_tab = st.integers(0, 1)  # one of the two prospects tabs
_pick = st.integers(0, 20)
_delete = st.tuples(st.just("delete"), _tab, _pick)
_undo = st.tuples(st.just("undo"), _tab)
STEPS = (
    st.one_of(  # deletions and undos twice as often: an undo needs a deletion in its own tab first
        st.tuples(st.just("new"), _pick, st.sampled_from(["Acme", "Bright", "한빛"])),
        st.tuples(st.just("reassess"), _pick),
        st.tuples(st.just("answer"), _pick),
        st.tuples(st.just("save again")),
        _delete,
        _delete,
        _undo,
        _undo,
        st.tuples(st.just("outcome"), _tab, _pick, st.sampled_from(["signed", "paid-late"])),
        st.tuples(st.just("drop outcome"), _tab, _pick),
        st.tuples(st.just("clear"), _tab),
        st.tuples(st.just("export"), _tab),
        st.tuples(
            st.just("import"),
            _tab,
            _pick,
            st.sampled_from(["as is", "changed there", "newer there", "with junk"]),
        ),
    )
)


@pytest.fixture(scope="module")
def three_tabs(browser, base_url):
    """Two tabs on the saved prospects and one on the quiz, in one browser context."""
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page() for _ in range(3)]
    for page in pages:
        watch.attach(page)
    yield pages, watch
    context.close()


# No shrinking: each example drives a browser for seconds, and nine steps read well enough.
@settings(
    max_examples=examples(12),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(STEPS, min_size=3, max_size=9))
def test_any_interleaving_in_three_tabs_agrees_with_the_model(three_tabs, base_url, steps):
    pages, watch = three_tabs
    pages[0].goto(base_url + "prospects/")
    forget_everything(pages[0])
    put_stored(pages[0], SEED)
    tabs = Tabs(
        [
            Tab(pages[0], base_url, "prospects").open(),
            Tab(pages[1], base_url, "prospects").open(),
            Tab(pages[2], base_url, "quiz").open(),
        ],
        Model.of(SEED),
    )
    tabs.check()
    quiz = tabs.tabs[2]
    shown = False  # whether the quiz shows a result to save
    exports = [FILE]
    for step in steps:
        kind, args = step[0], step[1:]
        live = tabs.model.ids()
        if kind == "new":
            quiz.fresh(ANSWERS[args[0] % len(ANSWERS)], args[1])
            tabs.save(quiz)
            shown = True
        elif kind == "reassess" and live:
            ident = live[args[0] % len(live)]
            quiz.reassess(ident, tabs.model.find(ident)["name"])
            shown = True
        elif kind == "answer" and shown:
            tabs.save(quiz, ANSWERS[args[0] % len(ANSWERS)])
        elif kind == "save again" and shown:
            tabs.save(quiz)
        elif kind == "delete" and live:
            tabs.delete(tabs.tabs[args[0]], live[args[1] % len(live)])
        elif kind == "outcome" and live:
            day = f"2026-0{1 + args[1] % 9}-1{args[1] % 10}"
            tabs.add_event(tabs.tabs[args[0]], live[args[1] % len(live)], args[2], day, "a note")
        elif kind == "drop outcome" and _events(tabs):
            ident, event_id = _events(tabs)[args[1] % len(_events(tabs))]
            tabs.delete_event(tabs.tabs[args[0]], ident, event_id)
        elif kind == "undo" and tabs.tabs[args[0]].deleted:
            tabs.undo(tabs.tabs[args[0]])
        elif kind == "clear":
            tabs.clear(tabs.tabs[args[0]])
        elif kind == "export" and tabs.model.export():
            exports.append(tabs.export(tabs.tabs[args[0]]))
        elif kind == "import":
            counts = tabs.import_(
                tabs.tabs[args[0]], _variant(exports[args[1] % len(exports)], args[2], len(exports))
            )
            for case, count in counts.items():
                if count:
                    event(f"import: {case}")
        else:
            continue
        event(kind)
    assert watch.problems == []


def _events(tabs: Tabs) -> list:
    """Every recorded event, as (prospect id, event id)."""
    return [(p["id"], e["id"]) for p in tabs.model.prospects for e in p.get("events", [])]


def _variant(body: dict, how: str, salt: int) -> dict:
    """An export file as it may come back from another browser."""
    body = copy.deepcopy(body)
    readable_ones = [entry for entry in body["prospects"] if readable(entry)]
    later = f"2027-0{1 + salt % 9}-01T00:00:00.000Z"
    if how == "with junk":
        body["prospects"].append({"junk": salt})
    elif readable_ones and how == "changed there":
        entry = readable_ones[0]
        entry.update(
            updated=later,
            answers=ANSWERS[(ANSWERS.index(entry["answers"]) + 1) % len(ANSWERS)]
            if entry["answers"] in ANSWERS
            else GOOD,
        )
    elif readable_ones and how == "newer there":
        entry = readable_ones[0]
        entry["history"] = (
            [{"updated": entry["updated"], "answers": entry["answers"]}] + entry["history"]
        )[:10]
        entry.update(updated=later, answers=BAD if entry["answers"] != BAD else GOOD)
    return body

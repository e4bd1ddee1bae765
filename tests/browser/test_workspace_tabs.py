"""Two tabs, one browser: every pair of operations (save, delete, undo, import, clear, export),
one in each tab, in both orders. Nothing is lost or brought back, and each tab shows the other's
change without a reload. What must be stored is said by the reference model
(tests/support/workspace.py)."""

from __future__ import annotations

import itertools

import pytest

from quiz.site.strings import translator
from tests.support.quiz import BAD, GOOD, MIXED, QUIZ, strongest
from tests.support.watch import PageWatch, origin_of
from tests.support.workspace import KEY, Model, Tab, Tabs, export_body

pytestmark = pytest.mark.browser

OPERATIONS = ("save", "delete", "undo", "import", "clear", "export")
UNRESPONSIVE = next(flag for flag in QUIZ.flags if flag.id == "unresponsive")
CHANGED = {**MIXED, **{question.id: strongest(question, dealbreakers=False) for question in UNRESPONSIVE.questions}}


def _prospect(ident, name, updated, answers, history=(), **extra):
    return {"id": ident, "name": name, "created": "2026-01-01T00:00:00.000Z", "updated": updated,
            "answers": answers, "history": list(history), **extra}


ALPHA = _prospect("p-alphaalpha", "Alpha", "2026-03-01T10:00:00.000Z", MIXED,
                  [{"updated": "2026-02-01T10:00:00.000Z", "answers": GOOD}], colour="kept by every write")
BETA = _prospect("p-betabetabe", "Beta", "2026-03-02T10:00:00.000Z", GOOD)
GAMMA = _prospect("p-gammagamma", "Gamma", "2026-03-03T10:00:00.000Z", BAD)
BROKEN = {"id": "p-broken", "name": "", "note": "unreadable, kept as it is"}
SEED = {"version": 2, "prospects": [ALPHA, BETA, GAMMA, BROKEN], "deleted": {}, "note": "a key of a later version"}
# A file with one of each kind of entry: new, newer (its history holds ours), the same,
# changed on both sides, and unreadable.
FILE = export_body([
    _prospect("p-deltadelta", "Delta", "2026-04-01T10:00:00.000Z", MIXED),
    {**ALPHA, "updated": "2026-06-01T10:00:00.000Z", "answers": BAD,
     "history": [{"updated": ALPHA["updated"], "answers": MIXED}] + ALPHA["history"]},
    BETA,
    {**GAMMA, "updated": "2026-05-01T10:00:00.000Z", "answers": MIXED},
    {"id": "not an id", "name": 42},
])
# Each tab deletes (and undoes) its own prospect, so that a pair touches two.
TARGET = {0: BETA["id"], 1: GAMMA["id"]}


@pytest.mark.parametrize(("first", "second"), list(itertools.product(OPERATIONS, repeat=2)))
def test_two_tabs_never_lose_or_bring_back_a_prospect(browser, base_url, first, second):
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    pages = [context.new_page() for _ in range(2)]
    for page in pages:
        watch.attach(page)
    pages[0].goto(base_url + "prospects/")
    pages[0].evaluate(f"v => localStorage.setItem('{KEY}', JSON.stringify(v))", SEED)
    tabs = Tabs([Tab(page, base_url, "quiz" if op == "save" else "prospects").open()
                 for page, op in zip(pages, (first, second))], Model.of(SEED))
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
            gone = translator("en")("work.gone").format(name="Alpha")
            assert other.status() == gone  # shown without a reload
    assert tabs.model.shape()["extra"] == ({} if "clear" in (first, second) else {"note": SEED["note"]})
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

"""Random and mutated share links, stored values, drafts and import files: never an uncaught error,
never markup from data, never a lost entry."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.share import share_key
from tests.support.examples import examples
from tests.support.quiz import GOOD, MIXED
from tests.support.watch import PageWatch, origin_of, wait_until
from tests.support.workspace import (
    KEY,
    forget_everything,
    idle,
    put_stored,
    site_values,
    stored,
    stored_text,
)

pytestmark = pytest.mark.browser

SEED = {
    "version": 2,
    "prospects": [
        {
            "id": "p-seedseedse",
            "name": "Seed",
            "created": "2026-01-01T00:00:00.000Z",
            "updated": "2026-01-02T00:00:00.000Z",
            "answers": GOOD,
            "history": [],
        }
    ],
}
PAYLOADS = [
    "<b data-injected>x</b>",
    "<img data-injected src=x onerror=alert(1)>",
    '"><b data-injected>',
    "&lt;b&gt;",
]
VALID_FRAGMENT = "v=1&n=Acme&a=" + "_".join(f"{share_key(q)}.{o}" for q, o in MIXED.items())
SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def _mutations(text: str):
    """Strategies that damage a valid text the way a copy-paste or a tamperer would."""
    alphabet = st.sampled_from(
        list("v=&_.~%#<>\"'/ 0123456789abcdefghijklmnopqrstuvwxyz-") + PAYLOADS
    )
    position = st.integers(0, len(text))
    insert = st.tuples(position, alphabet).map(lambda p: text[: p[0]] + p[1] + text[p[0] :])
    delete = st.tuples(position, st.integers(1, 20)).map(
        lambda p: text[: p[0]] + text[p[0] + p[1] :]
    )
    truncate = position.map(lambda n: text[:n])
    return st.one_of(insert, delete, truncate, st.lists(alphabet, max_size=30).map("".join))


@pytest.fixture(scope="module")
def session(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + "quiz/", wait_until="networkidle")
    idle(page)
    yield page, watch
    context.close()


def _no_injection(page) -> bool:
    return page.evaluate("document.querySelector('[data-injected]') === null")


@SETTINGS
@given(fragment=_mutations(VALID_FRAGMENT))
def test_share_fragments_never_break_the_page_or_touch_storage(session, base_url, fragment):
    page, watch = session
    put_stored(page, json.dumps(SEED))
    page.evaluate(
        "h => { location.hash = h; window.dispatchEvent(new HashChangeEvent('hashchange')); }",
        fragment,
    )
    assert watch.problems == []
    assert _no_injection(page)
    assert stored_text(page) == json.dumps(SEED)


def _stored_values():
    valid = json.dumps(SEED)
    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.lists(st.sampled_from(list('abc<>"') + PAYLOADS), max_size=5).map("".join),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(["version", "prospects", "id", "name", "answers", "updated"]),
                children,
                max_size=4,
            )
        ),
        max_leaves=12,
    ).map(json.dumps)
    return st.one_of(_mutations(valid), json_values)


@SETTINGS
@given(raw=_stored_values(), where=st.sampled_from(["database", "localStorage"]))
def test_stored_values_never_break_the_page_and_are_never_lost(session, base_url, raw, where):
    """In the database, or in localStorage where versions before it kept the prospects (the
    first visit moves them into the database)."""
    page, watch = session
    forget_everything(page)
    if where == "database":
        put_stored(page, raw)
    else:
        page.evaluate(f"v => localStorage.setItem('{KEY}', v)", raw)
    page.goto(base_url + "prospects/", wait_until="domcontentloaded")
    idle(page)
    wait_until(page, "document.querySelector('[data-prospects-ready]') !== null")
    assert watch.problems == []
    assert _no_injection(page)
    kept = site_values(page)
    assert raw in kept["database"].values()
    assert kept["localStorage"] == []


@SETTINGS
@given(
    text=_mutations(
        json.dumps(
            {
                "format": "client-red-flags/prospects",
                "version": 2,
                "exported": "2026-11-30T00:00:00.000Z",
                "prospects": [
                    {
                        **SEED["prospects"][0],
                        "id": "p-otherother",
                        "name": "Other <b data-injected>x</b>",
                    }
                ],
            }
        )
    )
)
def test_import_files_never_break_the_page_or_lose_an_entry(session, base_url, text):
    page, watch = session
    forget_everything(page)
    put_stored(page, json.dumps(SEED))
    page.goto(base_url + "prospects/", wait_until="domcontentloaded")
    idle(page)
    wait_until(page, "document.querySelector('[data-prospects-ready]') !== null")
    page.evaluate("document.querySelector('[data-prospects-status]').textContent = ''")
    page.locator('input[type=file][data-action="import"]').set_input_files(
        {"name": "prospects.json", "mimeType": "application/json", "buffer": text.encode("utf-8")}
    )
    idle(page)
    wait_until(page, "document.querySelector('[data-prospects-status]').textContent !== ''")
    assert watch.problems == []
    assert _no_injection(page)
    assert SEED["prospects"][0] in stored(page)["prospects"]


@settings(SETTINGS, max_examples=examples(20))
@given(raw=_mutations(VALID_FRAGMENT + "&from=&shown=1"))
def test_a_damaged_draft_never_breaks_the_quiz_or_shows_markup(session, base_url, raw):
    """The tab's draft (sessionStorage) is read on a reload as untrusted as a share link."""
    page, watch = session
    page.goto(base_url + "quiz/", wait_until="domcontentloaded")
    idle(page)
    page.evaluate("v => sessionStorage.setItem('client-red-flags:draft', v)", raw)
    page.reload(wait_until="domcontentloaded")
    idle(page)
    wait_until(page, "document.querySelector('[data-quiz-scope-ready]') !== null")
    assert watch.problems == []
    assert _no_injection(page)

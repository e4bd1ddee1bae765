"""Every page, both languages, in Chromium: clean console, no foreign request, axe-clean,
switchable."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.watch import PageWatch, origin_of, settle, wait_until

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_and_stays_on_this_site(page, base_url, page_paths):
    watch = PageWatch(origin_of(base_url)).attach(page)
    for path in page_paths:
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response.status == 200, path
        expected = "ko" if path.startswith("ko/") else "en"
        assert page.locator("html").get_attribute("lang") == expected, path
    assert watch.problems == []


SEARCHES = [
    # (page, a query its language's pages answer, a query only the other language's pages answer)
    ("", "deposit", "계약"),
    ("ko/flags/vision/", "계약서", "deposit"),
]


@pytest.mark.parametrize(("path", "own", "other"), SEARCHES, ids=["en", "ko"])
def test_search_finds_only_pages_in_the_readers_language(page, base_url, path, own, other):
    watch = PageWatch(origin_of(base_url)).attach(page)
    folder = base_url + ("ko/" if path.startswith("ko/") else "")
    page.goto(base_url + path, wait_until="networkidle")
    _search(page, own)
    links = _result_links(page)
    assert links and all(link.startswith(folder) for link in links), links
    if not path.startswith("ko/"):
        assert not any(link.startswith(base_url + "ko/") for link in links), links
    _search(page, other)
    wait_until(
        page, "document.querySelector('.md-search-result__meta').textContent.trim() === " + NONE
    )
    assert page.locator(".md-search-result__item").count() == 0
    assert watch.problems == []


@pytest.mark.parametrize(("path", "query"), [("", "criteria"), ("ko/", "업종")], ids=["en", "ko"])
def test_search_finds_what_the_generated_pages_show(page, base_url, path, query):
    """The quiz, checklist and methodology pages are found by their questions, which their
    templates render from quiz/quiz.yml, not only by their Markdown introduction."""
    page.goto(base_url + path, wait_until="networkidle")
    _search(page, query)
    found = {
        link[len(base_url + path) :].split("?")[0].split("#")[0] for link in _result_links(page)
    }
    assert {"quiz/", "checklist/", "methodology/"} <= found, found


# A query that arrives without a key coming up: pasted (an input event, no keyup), or a Korean
# word an input method finishes (compositionend). Playwright's typing of Hangul fires no keyup.
ARRIVALS = {
    "paste": (
        "(field, query) => { field.value = query; "
        "field.dispatchEvent(new InputEvent('input', "
        "{bubbles: true, inputType: 'insertFromPaste', data: query})); }"
    ),
    "composition": (
        "(field, query) => { field.value = query; "
        "field.dispatchEvent(new CompositionEvent('compositionend', "
        "{bubbles: true, data: query})); }"
    ),
}


@pytest.mark.parametrize("arrival", sorted(ARRIVALS))
@pytest.mark.parametrize(("path", "query"), [("", "deposit"), ("ko/", "착수금")], ids=["en", "ko"])
def test_a_pasted_or_composed_query_searches_at_once(page, base_url, path, query, arrival):
    page.goto(base_url + path, wait_until="networkidle")
    page.keyboard.press("/")
    field = page.locator("[data-md-component=search-query]")
    wait_until(
        page,
        "document.querySelector('[data-md-component=search-result] .md-search-result__meta')"
        ".textContent.trim() !== ''",
    )
    field.evaluate(ARRIVALS[arrival], query)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0


def test_axe_finds_no_violation_on_any_page(page, base_url, page_paths):
    axe = Axe()
    found = {}
    for path in page_paths:
        page.goto(base_url + path, wait_until="networkidle")
        results = axe.run(page)
        if results.violations_count:
            found[path] = results.generate_snapshot()
    assert found == {}


def test_axe_finds_no_violation_in_dark_mode_or_with_search_open(page, base_url):
    page.emulate_media(color_scheme="dark")
    axe = Axe()
    for path in ("", "ko/flags/vision/"):
        page.goto(base_url + path, wait_until="networkidle")
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_snapshot()
    _search(page, "계약")  # on the Korean page, which searches the Korean pages
    page.locator(".md-search-result__item").first.wait_for()
    settle(page)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_snapshot()


def test_language_switcher_lands_on_the_same_page(page, base_url, page_paths):
    # Loaded is enough: the switcher is in the HTML, and the scripts that follow it (the quiz's
    # draft hand-over) run before the load event. Every page's quiet network is
    # test_every_page_loads_cleanly_and_stays_on_this_site's to check.
    for path in page_paths:
        other = path[len("ko/") :] if path.startswith("ko/") else "ko/" + path
        page.goto(base_url + path, wait_until="load")
        page.locator(".md-header__option .md-select button").hover()
        target_language = "en" if path.startswith("ko/") else "ko"
        with page.expect_navigation():
            page.locator(f".md-select__link[hreflang={target_language}]").click()
        assert page.url == base_url + other, path
        assert page.locator("html").get_attribute("lang") == target_language


def _result_links(page) -> list[str]:
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(".md-search-result__link").evaluate_all("links => links.map(l => l.href)")


# Material's "no results" line, in the page's language.
NONE = (
    "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"
)


def _search(page, query: str) -> None:
    """Open search with its keyboard shortcut and type a query (End fires the keyup that
    Material listens to, as an IME does for Korean)."""
    page.keyboard.press("/")
    field = page.locator("[data-md-component=search-query]")
    field.fill(query)
    field.press("End")

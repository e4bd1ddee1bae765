"""Every page, both languages, in Chromium: clean console, no foreign request, axe-clean, switchable."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.watch import PageWatch, origin_of, settle

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_and_stays_on_this_site(page, base_url, page_paths):
    watch = PageWatch(origin_of(base_url)).attach(page)
    for path in page_paths:
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response.status == 200, path
        expected = "ko" if path.startswith("ko/") else "en"
        assert page.locator("html").get_attribute("lang") == expected, path
    assert watch.problems == []


def test_search_works_in_both_languages_without_leaving_the_site(page, base_url):
    watch = PageWatch(origin_of(base_url)).attach(page)
    for path, query in (("", "deposit"), ("ko/", "계약서")):
        page.goto(base_url + path, wait_until="networkidle")
        _search(page, query)
        results = page.locator(".md-search-result__item")
        results.first.wait_for()
        assert results.count() > 0, query
        if path:
            assert all(href.startswith(base_url + "ko/") for href in page.locator(".md-search-result__link").evaluate_all("links => links.map(l => l.href)"))
    assert watch.problems == []


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
    _search(page, "scope")
    page.locator(".md-search-result__item").first.wait_for()
    settle(page)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_snapshot()


def test_language_switcher_lands_on_the_same_page(page, base_url, page_paths):
    for path in page_paths:
        other = path[len("ko/"):] if path.startswith("ko/") else "ko/" + path
        page.goto(base_url + path, wait_until="networkidle")
        page.locator(".md-header__option .md-select button").hover()
        target_language = "en" if path.startswith("ko/") else "ko"
        with page.expect_navigation():
            page.locator(f".md-select__link[hreflang={target_language}]").click()
        assert page.url == base_url + other, path
        assert page.locator("html").get_attribute("lang") == target_language


def _search(page, query: str) -> None:
    """Open search with its keyboard shortcut and type a query (End fires the keyup that
    Material listens to, as an IME does for Korean)."""
    page.keyboard.press("/")
    field = page.locator("[data-md-component=search-query]")
    field.fill(query)
    field.press("End")


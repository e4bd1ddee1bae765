"""A missing address, as GitHub Pages answers it (the root 404.html, status 404), in the reader's
language: English below the site, Korean below ko/, at phone and desktop widths."""

from __future__ import annotations

import urllib.request
from urllib.error import HTTPError
from urllib.parse import quote, urlsplit

import pytest

from quiz.site.strings import translator
from tests.support.site import nav_flag_ids
from tests.support.watch import PageWatch, assert_accessible, origin_of, wait_until

pytestmark = pytest.mark.browser

MISSING = [
    ("en", "no-such-page/"),
    ("en", "flags/no-such-flag/deeper/still/"),
    ("ko", "ko/no-such-page/"),
    ("ko", "ko/flags/no-such-flag/deeper/?from=mail#signs"),
]
WIDTHS = [375, 1280]
NOT_FOUND_CONSOLE = "Failed to load resource: the server responded with a status of 404 (Not Found)"
RECORD = """
window.__violations = [];
document.addEventListener(
  "securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective)
);
"""


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def sized(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    context.add_init_script(RECORD)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("language", "path"), MISSING, ids=[path for _, path in MISSING])
def test_a_missing_address_shows_the_not_found_page_in_its_language(
    sized, base_url, language, path
):
    page = sized
    watch = PageWatch(origin_of(base_url)).attach(page)
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response.status == 404
    wait_until(
        page,
        f"document.documentElement.lang === '{language}' && document.readyState === 'complete'",
    )
    t = translator(language)
    assert page.locator("article h1").inner_text() == t("notfound.title")
    assert page.title().startswith(t("notfound.title"))
    assert page.url == base_url + path  # the address the reader asked for stays in the address bar
    home = base_url + ("ko/" if language == "ko" else "")
    article = page.locator("article")
    assert article.locator("[data-not-found-links] a").evaluate_all(
        "links => links.map(l => l.href)"
    ) == [home, home + "quiz/"]
    flags = article.locator("[data-not-found-flags] a").evaluate_all(
        "links => links.map(l => l.href)"
    )
    assert flags == [f"{home}flags/{flag}/" for flag in nav_flag_ids()]
    assert _switcher(page) == {"en": base_url, "ko": base_url + "ko/"}  # each language's home
    # No sideways scroll.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert _broken_links(page, base_url) == []
    assert page.evaluate("window.__violations") == []
    # The one 404 is the answer for the missing address itself; nothing else fails or leaves the
    # site.
    expected = {f"HTTP 404: {response.url}", "console error: " + NOT_FOUND_CONSOLE}
    assert [problem for problem in watch.problems if problem not in expected] == []


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_language_switcher_on_a_not_found_page_leads_to_the_other_home(
    page, base_url, language
):
    path = "ko/missing/" if language == "ko" else "missing/"
    other = "en" if language == "ko" else "ko"
    page.goto(base_url + path, wait_until="networkidle")
    wait_until(page, f"document.documentElement.lang === '{language}'")
    page.locator(".md-header__option .md-select button").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={other}]").click()
    assert page.url == base_url + ("ko/" if other == "ko" else "")
    assert page.locator("html").get_attribute("lang") == other


def test_without_scripts_a_korean_reader_gets_a_working_page_with_a_way_to_korean(
    browser, base_url
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    response = page.goto(base_url + "ko/missing/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text() == translator("en")("notfound.title")
    korean = page.locator("article a[hreflang=ko]")
    assert korean.get_attribute("href") == urlsplit(base_url).path + "ko/"
    assert _broken_links(page, base_url) == []
    context.close()


@pytest.mark.parametrize("path", ["missing/", "ko/missing/"])
def test_axe_finds_no_violation_on_the_not_found_pages(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    wait_until(
        page, f"document.documentElement.lang === '{'ko' if path.startswith('ko/') else 'en'}'"
    )
    assert_accessible(page)


def _switcher(page) -> dict[str, str]:
    links = page.locator(".md-select__link").evaluate_all(
        "links => links.map(l => [l.hreflang, l.href])"
    )
    return dict(links)


def _broken_links(page, base_url: str) -> list[str]:
    """Every link on the page that stays on this site and does not answer 200."""
    broken = []
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(l => l.href)")
    for href in sorted(set(hrefs)):
        if not href.startswith(origin_of(base_url)):
            continue
        try:
            with urllib.request.urlopen(href.split("#")[0], timeout=5) as response:
                status = response.status
        except HTTPError as error:
            status = error.code
        if status != 200:
            broken.append(f"{href}: {status}")
    return broken


@pytest.mark.parametrize(
    "asked", ["ko/../../elsewhere/", "ko/%2e%2e/%2e%2e/elsewhere/"], ids=["dots", "encoded-dots"]
)
def test_the_korean_not_found_page_shows_only_an_address_below_its_own_folder(
    page, base_url, asked
):
    """Its script puts back the address the reader asked for, but a fragment that leads outside
    ko/ (here to another path of the origin) is left alone."""
    site = urlsplit(base_url).path
    page.goto(base_url + "ko/404.html#" + quote(site + asked, safe=""), wait_until="networkidle")
    wait_until(page, "document.readyState === 'complete'")
    assert urlsplit(page.url).path == site + "ko/404.html"
    kept = site + "ko/missing-page/"
    # A new document: the same address with another fragment would not reload.
    page.goto("about:blank")
    page.goto(base_url + "ko/404.html#" + quote(kept, safe=""), wait_until="networkidle")
    wait_until(page, f"location.pathname === {kept!r}")

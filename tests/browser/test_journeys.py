"""Reader journeys: the home page leads into the guide and the quiz at any width, and the links
that matter still lead somewhere on paper."""

from __future__ import annotations

import json

import pytest

from tests.support.quiz import MIXED, QUESTIONS, real_quiz
from tests.support.site import nav_flag_ids

pytestmark = pytest.mark.browser

SCREENS = {"phone": (375, 740), "laptop": (1280, 800)}


@pytest.fixture(params=sorted(SCREENS))
def screen(request, browser):
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page(), height
    context.close()


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_home_page_opens_with_its_premise_and_both_actions_above_the_fold(screen, base_url, prefix):
    page, height = screen
    page.goto(base_url + prefix, wait_until="networkidle")
    premise = page.locator("article h1 + p")
    assert premise.inner_text().count(".") <= 2  # one or two sentences
    for action, href in (("quiz", base_url + prefix + "quiz/"), ("flags", base_url + prefix + "#flags")):
        link = page.locator(f'a[data-home-action="{action}"]')
        box = link.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, action
        assert link.evaluate("link => link.href") == href
    page.locator('a[data-home-action="flags"]').click()
    heading = page.locator("h2#flags")
    for _ in range(40):  # the jump is instant, or smooth without reduced motion: poll
        top = heading.bounding_box()["y"]
        if 0 <= top < height / 3:
            break
        page.wait_for_timeout(50)
    assert 0 <= top < height / 3
    flags = heading.evaluate("""heading => {
        let next = heading.nextElementSibling;
        while (next && !next.querySelector("table")) next = next.nextElementSibling;
        return [...next.querySelectorAll("table a")].map((link) => link.href);
    }""")
    assert flags == [f"{base_url}{prefix}flags/{flag}/" for flag in nav_flag_ids()]


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_quiz_link_on_a_flag_page_prints_its_address(page, base_url, prefix):
    page.goto(base_url + prefix + "flags/vision/", wait_until="networkidle")
    link = page.locator(".crf-cta a")
    assert str(len(real_quiz().questions())) in page.locator(".crf-cta").inner_text()
    page.emulate_media(media="print")
    printed = link.evaluate("link => getComputedStyle(link, '::after').content")
    address = link.get_attribute("data-print-address")
    assert address.startswith("https://") and address.endswith(prefix + "quiz/")
    assert address in printed
    page.emulate_media(media="screen")
    assert link.evaluate("link => getComputedStyle(link, '::after').content") == "none"


def _seed(page, base_url, prefix, names):
    """Saved prospects in storage (the store's format, see README), then the prospects page."""
    now = "2026-11-30T10:00:00.000Z"
    store = {"version": 1, "prospects": [
        {"id": f"p-journey{index:04d}", "name": name, "created": now, "updated": now,
         "answers": dict(MIXED), "previous": None}
        for index, name in enumerate(names)
    ]}
    page.goto(base_url + prefix + "prospects/", wait_until="networkidle")
    page.evaluate("value => localStorage.setItem('client-red-flags:prospects', value)", json.dumps(store))
    page.reload(wait_until="networkidle")


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_saved_prospects_fit_the_screen_without_sideways_scrolling(screen, base_url, prefix):
    page, _ = screen
    width = page.viewport_size["width"]
    names = ["Harbour Bakery", "Northwind Agency & Partners Limited of Greater Example", "새벽 인쇄소"]
    _seed(page, base_url, prefix, names)
    cards = page.locator("[data-saved-prospect]")
    assert cards.count() == len(names)
    for index in range(cards.count()):
        card = cards.nth(index)
        for part in ('[data-slot="name"]', '[data-slot="date"]', '[data-slot="band"]', '[data-slot="score"]',
                     '[data-compare]', '[data-slot="open"]', '[data-action="delete"]'):
            box = card.locator(part).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (part, width)
    caption = page.locator("[data-prospects-list-wrap] caption")
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth")
    scrolled = page.evaluate("""() => [...document.querySelectorAll("[data-prospects-list-wrap] *")]
        .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
        .map((e) => e.tagName + "." + e.className + " " + e.scrollWidth + ">" + e.clientWidth)""")
    assert scrolled == []
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
    card_layout = cards.first.evaluate("row => getComputedStyle(row).display")
    assert card_layout == ("flex" if width < 720 else "table-row")
    for index in (0, 2):
        cards.nth(index).locator("[data-compare]").check()
    page.locator('[data-action="compare"]').click()
    comparison = page.locator("[data-comparison]")
    comparison.wait_for()
    box = comparison.locator("th").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_without_javascript_nothing_is_sent_or_promised(browser, base_url, prefix):
    for width, height in SCREENS.values():
        context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": height})
        page = context.new_page()
        requests = []
        page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
        page.on("request", lambda request: requests.append(request.url))
        first = QUESTIONS[0]
        page.locator(f"label[for='q-{first.id}-{first.options[0].id}']").click()
        page.keyboard.press("Enter")  # implicit submission, which used to send the answers
        page.locator(f"#q-{first.id}-{first.options[0].id}").press("Enter")
        page.wait_for_timeout(300)
        assert page.url == base_url + prefix + "quiz/" and requests == []
        assert page.locator("form[data-quiz]").get_attribute("method") == "dialog"
        assert page.locator("[data-quiz-submit]").is_disabled()
        # The text fields belong to no form and, like every script-only control, are not shown.
        assert page.locator("[data-prospect-name], [data-share-link]").evaluate_all("els => els.map(e => e.form)") == [None, None]
        assert page.locator("input[type=text]:visible, input:not([type]):visible, input[type=search]:visible").count() == 0
        for hidden in ("[data-workspace]", "[data-quiz-submit]", "[data-quiz-progress]"):
            assert page.locator(hidden).is_hidden(), hidden
        notice = page.locator("[data-quiz-noscript]")
        assert notice.is_visible()
        assert notice.locator("a").evaluate_all("els => els.map(e => e.href)") == [
            base_url + prefix + "checklist/", base_url + prefix + "methodology/"]
        context.close()

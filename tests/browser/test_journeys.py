"""Reader journeys: the home page leads into the guide and the quiz at any width, and the links
that matter still lead somewhere on paper."""

from __future__ import annotations

import pytest

from tests.support.quiz import real_quiz
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

"""Reader journeys: the home page leads into the guide and the quiz at any width; the quiz lands on
its result or its errors, keeps the answers through Back, a reload and a language switch, shares
no name unless asked, and sends nothing without scripts; the links that matter still lead
somewhere on paper."""

from __future__ import annotations

import pytest

from quiz.scoring import score
from quiz.site.strings import translator
from tests.support.quiz import (
    BAD,
    GOOD,
    MIXED,
    QUESTIONS,
    QUIZ,
    click_answers,
    expected,
    read_result,
    real_quiz,
    share_fragment,
)
from tests.support.site import nav_flag_ids
from tests.support.workspace import idle, put_stored

pytestmark = pytest.mark.browser

SCREENS = {"phone": (375, 740), "laptop": (1280, 800)}


@pytest.fixture(params=sorted(SCREENS))
def screen(request, browser):
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page(), height
    context.close()


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_home_page_opens_with_its_premise_and_both_actions_above_the_fold(
    screen, base_url, prefix
):
    page, height = screen
    page.goto(base_url + prefix, wait_until="networkidle")
    idle(page)
    premise = page.locator("article h1 + p")
    assert premise.inner_text().count(".") <= 2  # one or two sentences
    for action, href in (
        ("quiz", base_url + prefix + "quiz/"),
        ("flags", base_url + prefix + "#flags"),
    ):
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
    idle(page)
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
    now, before = "2026-11-30T10:00:00.000Z", "2026-11-02T10:00:00.000Z"
    store = {
        "version": 2,
        "prospects": [
            {
                "id": f"p-journey{index:04d}",
                "name": name,
                "created": before,
                "updated": now,
                "answers": dict(MIXED),
                "history": [{"updated": before, "answers": dict(MIXED)}],
            }
            for index, name in enumerate(names)
        ],
    }
    page.goto(base_url + prefix + "prospects/", wait_until="networkidle")
    idle(page)
    put_stored(page, store)
    page.reload(wait_until="networkidle")
    idle(page)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_saved_prospects_fit_the_screen_without_sideways_scrolling(screen, base_url, prefix):
    page, _ = screen
    width = page.viewport_size["width"]
    names = [
        "Harbour Bakery",
        "Northwind Agency & Partners Limited of Greater Example",
        "새벽 인쇄소",
    ]
    _seed(page, base_url, prefix, names)
    cards = page.locator("[data-saved-prospect]")
    assert cards.count() == len(names)
    for index in range(cards.count()):
        card = cards.nth(index)
        card.locator("[data-history] summary").click()
        for part in (
            '[data-slot="name"]',
            '[data-slot="date"]',
            '[data-slot="band"]',
            '[data-slot="score"]',
            "[data-compare]",
            '[data-slot="open"]',
            '[data-action="delete"]',
            "[data-history] summary",
            "[data-history-entry]",
        ):
            box = card.locator(part).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (
                part,
                width,
            )
    caption = page.locator("[data-prospects-list-wrap] caption")
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth")
    scrolled = page.evaluate("""() => [...document.querySelectorAll("[data-prospects-list-wrap] *")]
        .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 &&
          getComputedStyle(e).overflowX !== "visible")
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


# ------------------------------------------------------------------ the quiz page's journeys

RESULT_HEADING = "[data-quiz-result] [data-result-heading]"
ERRORS_HEADING = "[data-quiz-errors] [data-errors-heading]"


def _landed(page, heading: str) -> None:
    """The heading is at the top of the screen, clear of the sticky header, and has focus."""
    header = page.locator(".md-header").bounding_box()
    below = header["y"] + header["height"]
    for _ in range(
        20
    ):  # the jump is instant; poll a moment for layout (CSP rules out wait_for_function)
        top = page.locator(heading).bounding_box()["y"]
        if below <= top <= 120:
            break
        page.wait_for_timeout(50)
    assert below <= top <= 120, (heading, top)
    assert page.evaluate("selector => document.activeElement.matches(selector)", heading)


def _ready(page) -> None:
    """Wait until the quiz's script has set the page up (its ready marker): network idle is not
    enough on a busy machine."""
    page.locator("[data-quiz-scope-ready]").wait_for(state="attached")


def _checked(page) -> dict[str, str]:
    return page.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )


def _switch_language(page, base_url, prefix) -> str:
    """Switch with the header's language menu, as a reader does; the other prefix."""
    other = "" if prefix else "ko/"
    page.locator(".md-header__option .md-select button").hover()
    with page.expect_navigation(wait_until="networkidle"):
        page.locator(f".md-select__link[hreflang={'ko' if other else 'en'}]").click()
    _ready(page)
    assert page.url.split("#")[0] == base_url + other + "quiz/"
    return other


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_a_submitted_walk_away_result_lands_on_its_heading(screen, base_url, prefix):
    page, _ = screen
    page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    click_answers(page, BAD)
    page.locator("[data-quiz-submit]").click()
    assert read_result(page) == expected(score(QUIZ, BAD), QUIZ)
    _landed(page, RESULT_HEADING)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_error_summary_lands_on_its_heading_with_many_questions_missing(
    screen, base_url, prefix
):
    page, _ = screen
    page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    click_answers(page, dict(list(GOOD.items())[:2]))
    page.locator("[data-quiz-submit]").click()
    assert page.locator("[data-quiz-errors] [data-error-for]:visible").count() == len(QUESTIONS) - 2
    _landed(page, ERRORS_HEADING)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_a_share_link_lands_on_its_result(screen, base_url, prefix):
    page, _ = screen
    page.goto(base_url + prefix + "quiz/#" + share_fragment(BAD), wait_until="networkidle")
    idle(page)
    _ready(page)
    assert read_result(page) == expected(score(QUIZ, BAD), QUIZ)
    _landed(page, RESULT_HEADING)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_review_or_reassess_lands_on_the_result(screen, base_url, prefix):
    page, _ = screen
    _seed(page, base_url, prefix, ["Harbour Bakery"])
    with page.expect_navigation(wait_until="networkidle"):
        page.locator("[data-saved-prospect] [data-slot='open']").click()
    _ready(page)
    assert _checked(page) == MIXED
    _landed(page, RESULT_HEADING)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_switching_language_keeps_the_answers_and_the_result(screen, base_url, prefix):
    page, _ = screen
    page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    partial = dict(list(MIXED.items())[:5])
    click_answers(page, partial)
    other = _switch_language(page, base_url, prefix)
    assert _checked(page) == partial
    assert page.locator("[data-quiz-progress]").inner_text() == translator("ko" if other else "en")(
        "quiz.progress"
    ).format(answered=len(partial), total=len(QUESTIONS))
    assert page.locator("[data-quiz-result]").is_hidden()
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    _switch_language(page, base_url, other)
    assert _checked(page) == MIXED
    assert read_result(page) == expected(score(QUIZ, MIXED), QUIZ)
    _landed(page, RESULT_HEADING)


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_a_reassessment_switches_language_with_its_prospect_and_its_changes(page, base_url, prefix):
    _seed(page, base_url, prefix, ["Harbour Bakery"])
    with page.expect_navigation(wait_until="networkidle"):
        page.locator("[data-saved-prospect] [data-slot='open']").click()
    _ready(page)
    changed = {**MIXED, QUESTIONS[0].id: GOOD[QUESTIONS[0].id]}
    click_answers(page, {QUESTIONS[0].id: GOOD[QUESTIONS[0].id]})
    _switch_language(page, base_url, prefix)
    assert page.url.endswith("#prospect=p-journey0000")
    assert _checked(page) == changed
    assert page.locator("[data-prospect-name]").input_value() == "Harbour Bakery"
    assert page.locator(
        "[data-changes]"
    ).is_visible()  # still the same prospect, changed since its save


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_back_and_reload_keep_progress_and_result_and_start_over_clears_them(
    screen, base_url, prefix
):
    page, _ = screen
    t = translator("ko" if prefix else "en")
    progress = page.locator("[data-quiz-progress]")
    start_over = page.locator('[data-action="start-over"]')
    page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    assert start_over.is_hidden()
    partial = dict(list(GOOD.items())[:3])
    click_answers(page, partial)
    page.goto(base_url + prefix + "terms/", wait_until="networkidle")
    idle(page)
    page.go_back(wait_until="networkidle")
    _ready(page)
    assert _checked(page) == partial
    assert progress.inner_text() == t("quiz.progress").format(answered=3, total=len(QUESTIONS))
    page.reload(wait_until="networkidle")
    idle(page)
    _ready(page)
    assert _checked(page) == partial
    assert progress.inner_text() == t("quiz.progress").format(answered=3, total=len(QUESTIONS))
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    page.goto(base_url + prefix + "decline/", wait_until="networkidle")
    idle(page)
    page.go_back(wait_until="networkidle")
    _ready(page)
    assert read_result(page) == expected(score(QUIZ, MIXED), QUIZ)
    assert progress.inner_text() == t("quiz.progress").format(
        answered=len(QUESTIONS), total=len(QUESTIONS)
    )
    page.reload(wait_until="networkidle")
    idle(page)
    _ready(page)
    assert read_result(page) == expected(score(QUIZ, MIXED), QUIZ)
    assert start_over.is_visible()
    assert start_over.inner_text() == t("quiz.start-over")
    start_over.click()
    assert _checked(page) == {}
    assert page.locator("[data-quiz-result]").is_hidden()
    assert progress.inner_text() == t("quiz.progress").format(answered=0, total=len(QUESTIONS))
    assert page.evaluate("sessionStorage.length") == 0
    assert start_over.is_hidden()
    page.reload(wait_until="networkidle")
    idle(page)
    _ready(page)
    assert _checked(page) == {}


def test_a_new_visit_to_the_quiz_starts_afresh_for_the_next_prospect(page, base_url):
    page.goto(base_url + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    click_answers(page, GOOD)
    page.locator("[data-quiz-submit]").click()
    page.locator("[data-prospect-name]").fill("First prospect")
    page.locator('[data-action="save"]').click()
    idle(page)
    page.goto(base_url + "quiz/", wait_until="networkidle")  # the menu, a bookmark: not Back
    idle(page)
    _ready(page)
    assert _checked(page) == {}
    assert page.locator("[data-quiz-result]").is_hidden()
    assert page.url == base_url + "quiz/"


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_a_share_link_carries_the_name_only_when_asked_and_every_hint_is_whole(
    screen, base_url, prefix
):
    page, _ = screen
    t = translator("ko" if prefix else "en")
    page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(page)
    _ready(page)
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    page.locator("[data-prospect-name]").fill("Harbour Bakery")
    include = page.locator('[data-action="share-include-name"]')
    assert include.is_visible() and not include.is_checked()
    page.locator('[data-action="share"]').click()
    link = page.locator("[data-share-link]")
    assert link.input_value() == base_url + prefix + "quiz/#" + share_fragment(MIXED)
    include.check()  # the link shown follows the choice
    assert "&n=Harbour+Bakery&" in link.input_value()
    include.uncheck()
    assert "n=" not in link.input_value()
    for hint, key in (
        ("#prospect-name-hint", "work.name.hint"),
        ("#share-link-hint", "work.share.hint"),
    ):
        text = page.locator(hint).inner_text()
        assert text == t(key) and text.endswith(("다.", ".")) and "#" in t("work.share.hint"), key
        assert page.locator(hint).evaluate("e => e.scrollWidth <= e.clientWidth")


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_without_javascript_nothing_is_sent_or_promised(browser, base_url, prefix):
    for width, height in SCREENS.values():
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": width, "height": height}
        )
        page = context.new_page()
        requests = []
        page.goto(base_url + prefix + "quiz/", wait_until="networkidle")
        page.on("request", lambda request, sent=requests: sent.append(request.url))
        first = QUESTIONS[0]
        page.locator(f"label[for='q-{first.id}-{first.options[0].id}']").click()
        page.keyboard.press("Enter")  # implicit submission, which used to send the answers
        page.locator(f"#q-{first.id}-{first.options[0].id}").press("Enter")
        page.wait_for_timeout(300)
        assert page.url == base_url + prefix + "quiz/" and requests == []
        assert page.locator("form[data-quiz]").get_attribute("method") == "dialog"
        assert page.locator("[data-quiz-submit]").is_disabled()
        # The text fields belong to no form and, like every script-only control, are not shown.
        assert page.locator("[data-prospect-name], [data-share-link]").evaluate_all(
            "els => els.map(e => e.form)"
        ) == [None, None]
        assert (
            page.locator(
                "input[type=text]:visible, input:not([type]):visible, input[type=search]:visible"
            ).count()
            == 0
        )
        for hidden in (
            '[data-action="start-over"]',
            "[data-workspace]",
            '[data-action="share-include-name"]',
            "[data-quiz-submit]",
            "[data-quiz-progress]",
        ):
            assert page.locator(hidden).is_hidden(), hidden
        notice = page.locator("[data-quiz-noscript]")
        assert notice.is_visible()
        assert notice.locator("a").evaluate_all("els => els.map(e => e.href)") == [
            base_url + prefix + "checklist/",
            base_url + prefix + "methodology/",
        ]
        context.close()

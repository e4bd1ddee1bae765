"""The Content Security Policy holds: no page triggers a single violation while it is read,
searched, switched to the other language, or, on the quiz pages, used from start to result."""

from __future__ import annotations

import pytest

from tests.support.quiz import MIXED, click_answers
from tests.support.workspace import idle

pytestmark = pytest.mark.browser

RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    event.violatedDirective + " " + (event.blockedURI || "inline") + " " +
      event.sourceFile + ":" + event.lineNumber
  );
});
"""


@pytest.fixture
def guarded(context):
    context.add_init_script(RECORD)
    page = context.new_page()
    return page


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_no_page_violates_the_policy_when_read_or_switched(guarded, base_url, page_paths):
    found = []
    for path in page_paths:
        guarded.goto(base_url + path, wait_until="networkidle")
        idle(guarded)
        meta = guarded.locator("meta[http-equiv='Content-Security-Policy']").get_attribute(
            "content"
        )
        assert (
            "'unsafe-inline'" not in meta
            and "'unsafe-eval'" not in meta
            and "object-src 'none'" in meta
        )
        found += _violations(guarded)
        guarded.locator(".md-header__option .md-select button").hover()
        other = "en" if path.startswith("ko/") else "ko"
        with guarded.expect_navigation():
            guarded.locator(f".md-select__link[hreflang={other}]").click()
        guarded.wait_for_load_state("networkidle")
        idle(guarded)
        found += _violations(guarded)
    assert found == []


@pytest.mark.parametrize(("path", "query"), [("", "scope"), ("ko/flags/vision/", "계약서")])
def test_search_violates_nothing(guarded, base_url, path, query):
    guarded.goto(base_url + path, wait_until="networkidle")
    idle(guarded)
    guarded.keyboard.press("/")
    field = guarded.locator("[data-md-component=search-query]")
    field.fill(query)
    field.press("End")
    guarded.locator(".md-search-result__item").first.wait_for()
    assert _violations(guarded) == []


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_quiz_and_workspace_violate_nothing_from_start_to_result(guarded, base_url, prefix):
    found = []
    guarded.goto(base_url + prefix + "quiz/", wait_until="networkidle")
    idle(guarded)
    guarded.locator("[data-quiz-submit]").click()  # the error summary
    click_answers(guarded, MIXED)
    guarded.locator("[data-quiz-submit]").click()
    guarded.locator("[data-prospect-name]").fill("Policy test")
    guarded.locator('[data-action="save"]').click()
    idle(guarded)
    guarded.locator('[data-action="share"]').click()
    link = guarded.locator("[data-share-link]").input_value()
    found += _violations(guarded)  # each new page starts a new record: read it before leaving
    guarded.goto(link, wait_until="networkidle")
    idle(guarded)
    found += _violations(guarded)
    guarded.goto(base_url + prefix + "prospects/", wait_until="networkidle")
    idle(guarded)
    guarded.locator("[data-compare]").first.check()
    guarded.locator('[data-action="compare"]').click()
    found += _violations(guarded)
    assert found == []

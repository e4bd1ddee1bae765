"""The offline copy: unzipped and opened from disk, the guide reads, the quiz works, and its share
links lead to the published site."""

from __future__ import annotations

import zipfile

import pytest

from quiz.drafting import draft
from quiz.scoring import score
from quiz.site.settings import load_site_config
from scripts.offline import build_offline_zip
from tests.support.quiz import (
    GOOD,
    MESSAGES,
    MIXED,
    QUIZ,
    click_answers,
    read_message,
    share_fragment,
)
from tests.support.site import ROOT
from tests.support.workspace import idle, poll

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    archive = build_offline_zip(folder / "offline.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return folder / "client-red-flags"


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_quiz_works_from_disk_from_start_to_result(page, unzipped, prefix):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request", lambda request: request.url.startswith("file:") or problems.append(request.url)
    )
    page.goto((unzipped / prefix / "flags" / "vision.html").as_uri())
    page.locator(".crf-cta a").click()  # the flag page's way into the quiz, as a reader would go
    assert page.url == (unzipped / prefix / "quiz.html").as_uri()
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    result = page.locator("[data-quiz-result]")
    assert result.is_visible()
    reference = score(QUIZ, MIXED)
    assert (result.get_attribute("data-band"), result.get_attribute("data-score")) == (
        reference.band,
        str(reference.score),
    )
    # The drafted message comes with the result, and its clauses open the copy's own terms page.
    drafted = draft(
        QUIZ, MESSAGES, MIXED, prefix.rstrip("/") or "en", "warm", "before-call", None, None
    )
    shown = read_message(page)
    assert (shown["text"], shown["terms"]) == (drafted.text, list(drafted.terms))
    assert drafted.terms
    page.locator(f"[data-term='{drafted.terms[0]}'] a").click()
    assert page.url == (unzipped / prefix / "terms.html").as_uri() + "#" + drafted.terms[0]
    # The new page may still be loading.
    page.locator(f"[id='{drafted.terms[0]}']").wait_for(state="visible")
    assert problems == []


def test_every_page_of_the_offline_copy_links_to_files_that_exist(unzipped):
    from tests.support.html import parse

    missing = []
    for page in unzipped.rglob("*.html"):
        for _tag, _rel, url in parse(page).urls:
            if "://" in url or url.startswith(("#", "mailto:", "data:")):
                continue
            target = (page.parent / url.split("#")[0].split("?")[0]).resolve()
            if url.split("#")[0] and not target.is_file():
                missing.append(f"{page.relative_to(unzipped)}: {url}")
    assert missing == []


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_a_share_link_made_offline_leads_to_the_published_site(page, unzipped, prefix):
    page.goto((unzipped / prefix / "quiz.html").as_uri())
    click_answers(page, MIXED)
    page.locator("[data-quiz-submit]").click()
    page.locator('[data-action="share"]').click()
    published = load_site_config(ROOT / "mkdocs.yml").site_url + prefix + "quiz/"
    assert page.locator("[data-share-link]").input_value() == published + "#" + share_fragment(
        MIXED
    )


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_prospects_saved_from_disk_are_listed_and_followed_from_disk(browser, unzipped, prefix):
    """The offline copy keeps prospects in the browser's database for files (file://) as the
    site does for its address: saved in one tab, listed in another, which follows a change."""
    context = browser.new_context()
    quiz, listing = context.new_page(), context.new_page()
    quiz.goto((unzipped / prefix / "quiz.html").as_uri())
    idle(quiz)
    click_answers(quiz, MIXED)
    quiz.locator("[data-quiz-submit]").click()
    quiz.locator("[data-prospect-name]").fill("Offline Co")
    quiz.locator('[data-action="save"]').click()
    idle(quiz)
    assert "Offline Co" in quiz.locator("[data-workspace-status]").inner_text()
    listing.goto((unzipped / prefix / "prospects.html").as_uri())
    idle(listing)
    rows = listing.locator("[data-saved-prospect]")
    assert rows.locator("[data-slot='name']").all_inner_texts() == ["Offline Co"]
    assert listing.locator("[data-history-entry]").count() == 0
    click_answers(quiz, GOOD)
    quiz.locator('[data-action="save"]').click()
    idle(quiz)
    # The list follows the re-assessment made in the other tab, without a reload.
    poll(lambda: listing.locator("[data-history-entry]").count() == 1, "the list follows")
    assert rows.count() == 1
    context.close()

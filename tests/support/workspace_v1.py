"""Make the format-1 fixture (tests/fixtures/workspace-v1/) the way a reader made such data: by
driving a build of the site from before format 2 (commit de70a9e) in Chromium.

    git worktree add /tmp/v1 de70a9e && (cd /tmp/v1 && make build)
    .venv/bin/python -m tests.support.workspace_v1 /tmp/v1/site tests/fixtures/workspace-v1

It saves three prospects in English and one in Korean, re-assesses one (format 1 keeps its
answers as `previous`), saves another re-assessment twice (the double save that left
`previous` equal to the answers), then writes what localStorage holds (`store.json`) and the
export file the prospects page downloads (`export.json`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support.quiz import BAD, GOOD, MIXED, QUIZ, click_answers, strongest
from tests.support.site import CHROMIUM_ARGS, chromium_path, serve, site_path

KEY = "client-red-flags:prospects"


def main(argv: list[str]) -> int:
    site, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with serve(site, site_path()) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context(accept_downloads=True).new_page()
        acme = _screen(page, base, MIXED, "Acme Ltd")
        _screen(page, base, GOOD, "Bright & <Co>")
        doubled = _screen(page, base, BAD, "Doubled")
        _screen(page, base + "ko/", MIXED, "한빛 스튜디오")
        flag = next(flag for flag in QUIZ.flags if flag.id == "unresponsive")
        _reassess(
            page,
            base,
            acme,
            {question.id: strongest(question, dealbreakers=False) for question in flag.questions},
        )
        _reassess(
            page,
            base,
            doubled,
            {question.id: GOOD[question.id] for question in flag.questions},
            saves=2,
        )
        (out / "store.json").write_text(
            page.evaluate(f"localStorage.getItem('{KEY}')") + "\n", encoding="utf-8"
        )
        page.goto(base + "prospects/", wait_until="networkidle")
        with page.expect_download() as download:
            page.locator('[data-action="export"]').click()
        download.value.save_as(out / "export.json")
        browser.close()
    return 0


def _screen(page, base: str, answers: dict, name: str) -> str:
    page.goto(base + "quiz/", wait_until="networkidle")
    click_answers(page, answers)
    page.locator("[data-quiz-submit]").click()
    page.locator("[data-prospect-name]").fill(name)
    page.locator('[data-action="save"]').click()
    page.locator("[data-workspace-status]").filter(has_text=name).wait_for()
    return page.evaluate("location.hash.split('=')[1]")


def _reassess(page, base: str, ident: str, changes: dict, saves: int = 1) -> None:
    page.goto(base + "quiz/#prospect=" + ident, wait_until="networkidle")
    click_answers(page, changes)
    for _ in range(saves):
        page.locator('[data-action="save"]').click()
        page.wait_for_timeout(50)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

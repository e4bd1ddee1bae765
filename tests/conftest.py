"""Session fixtures: one strict build of the site, served under its sub-path, and Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

# The support modules' asserts explain themselves too.
pytest.register_assert_rewrite("tests.support")

from tests.support.site import (  # noqa: E402 (after the rewrite above)
    CHROMIUM_ARGS,
    build_site,
    chromium_path,
    serve,
    site_path,
)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once with `mkdocs build --strict`; the build must succeed."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    """The built site's address, under the same sub-path as on GitHub Pages, which answers a
    missing path with the root 404.html."""
    with serve(built_site, site_path(), not_found_page=True) as url:
        yield url


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    """Every page of the site as a path below the base URL ('' is the home page)."""
    paths = []
    for index in sorted(built_site.rglob("index.html")):
        relative = index.parent.relative_to(built_site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="module")
def quiz_pages(browser, base_url):
    """The quiz page in each language, set up, kept open for a module's many examples."""
    context = browser.new_context()
    pages = {}
    for language, path in (("en", "quiz/"), ("ko", "ko/quiz/")):
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        page.locator("[data-quiz-scope-ready]").wait_for(state="attached")
        pages[language] = page
    yield pages
    context.close()


def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ carries the browser marker, so `make check` (which leaves
    browser tests to `make test`) never runs one, even from a file that forgot `pytestmark`."""
    browser_tests = Path(__file__).parent / "browser"
    for item in items:
        if browser_tests in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)

"""Finding and reading the guide's pages: the site's settings, page keys, and the flat table of
contents from either renderer."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from quiz.site.pages import (
    ContentSettings,
    flat_toc,
    markdown_renderer,
    page_key,
    settings_from_config,
)
from quiz.site.settings import load_site_config
from tests.support.site import ROOT

SETTINGS = ContentSettings(
    docs_dir=ROOT / "docs", default_language="en", languages=("en", "ko"), root=ROOT
)


def test_settings_come_from_mkdocs_yml():
    settings = settings_from_config(load_site_config(ROOT / "mkdocs.yml"))
    assert settings.languages == ("en", "ko")
    assert settings.default_language == "en"
    assert "attr_list" in settings.markdown_extensions


def test_a_page_s_key_is_its_stem_and_language():
    assert page_key("flags/vision.ko.md", SETTINGS) == ("flags/vision", "ko")
    assert page_key("flags/vision.md", SETTINGS) == ("flags/vision", "en")
    assert page_key("terms.md", SETTINGS) == ("terms", "en")


def test_mkdocs_and_python_markdown_tables_of_contents_flatten_alike():
    """A build flattens MkDocs' `page.toc`, the validator Python-Markdown's `toc_tokens`."""
    _, flat = markdown_renderer(SETTINGS)("# A\n\n## B\n\n### C\n\n## D\n")
    assert flat == [
        {"level": 1, "id": "a"},
        {"level": 2, "id": "b"},
        {"level": 3, "id": "c"},
        {"level": 2, "id": "d"},
    ]
    md = markdown.Markdown(extensions=["toc"])
    md.convert("# A\n\n## B\n\n### C\n\n## D\n")
    assert flat_toc(get_toc(md.toc_tokens)) == flat

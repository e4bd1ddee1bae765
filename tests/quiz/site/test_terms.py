"""The terms page as the message blocks' rules see it: its anchors and its table of terms by
flag."""

from __future__ import annotations

from quiz.site.pages import PageSource, read_pages, settings_from_config
from quiz.site.settings import load_site_config
from quiz.site.terms import terms_page, terms_pages
from tests.support.site import ROOT


def test_the_terms_pages_are_read_from_their_headings_and_their_table_of_terms_by_flag():
    settings = settings_from_config(load_site_config(ROOT / "mkdocs.yml"))
    pages = terms_pages(settings, read_pages(settings))
    assert sorted(pages) == ["en", "ko"]
    for page in pages.values():
        assert {"deposit", "kill-fee", "termination", "by-flag"} <= page.anchors
        assert len(page.by_flag) == 10
        assert page.by_flag["profile"] == {"deposit", "payment-terms"}
        assert page.by_flag["unresponsive"] == {
            "payment-terms",
            "rush-fees",
            "kill-fee",
            "response-times",
            "termination",
        }


def test_a_rendered_terms_page_gives_the_same_facts_as_the_source():
    """A build reads the table from MkDocs' HTML, where links to flag pages are already URLs."""
    page = PageSource("terms", "en", "docs/terms.md", "", None, "", 1, ())
    html = (
        '<h2 id="deposit">Deposit</h2><p>x</p><h2 id="by-flag">By flag</h2>'
        "<table><tr><th>Flag</th></tr>"
        '<tr><td><a href="../flags/boundaries/">Limits</a></td>'
        '<td><a href="#deposit">Deposit</a> · <a href="#rush-fees">Rush</a></td></tr>'
        '</table><h2 id="after">After</h2>'
        '<table><tr><td><a href="flags/vision.md">x</a> <a href="#deposit">y</a></td></tr></table>'
    )
    facts = terms_page(page, html, [{"level": 2, "id": "deposit"}, {"level": 2, "id": "by-flag"}])
    assert facts.anchors == {"deposit", "by-flag"}
    assert facts.by_flag == {"boundaries": {"deposit", "rush-fees"}}

"""Search in the reader's language, over what a page shows: the index split by language folder,
and a rendered page's article read as the reader sees it."""

from __future__ import annotations

import json

import jinja2
import pytest

from quiz.site.search import shown_article, split_index, with_config_base


def _page(article: str) -> str:
    return (
        "<html><body><nav><a href='/'>Home</a></nav><article class='md-content__inner'>\n"
        f"{article}\n</article><footer>Footer</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("article", "shown"),
    [
        ("<h1 id='a'>Title</h1><p>Text</p>", "<h1 id='a'>Title</h1><p>Text</p>"),
        (
            "<p>Seen</p><section hidden><h2 id='r'>Result</h2>"
            "<section><p>Inner</p></section><p>After inner</p></section><p>Also seen</p>",
            "<p>Seen</p><p>Also seen</p>",
        ),
        (
            "<p>A</p><div hidden><div><div>deep</div></div>still hidden</div><p>B</p>",
            "<p>A</p><p>B</p>",
        ),
        ("<p>A <input type='checkbox' hidden> B</p>", "<p>A  B</p>"),
        (
            "<template><p>Row</p></template><noscript><p>No script</p></noscript><p>Kept</p>",
            "<p>Kept</p>",
        ),
        ("<ul><li>One<li hidden>Two</li></ul><p>End</p>", "<ul><li>One</ul><p>End</p>"),
    ],
    ids=["plain", "nested-sections", "nested-divs", "void", "template-noscript", "omitted-end-tag"],
)
def test_the_shown_article_leaves_out_what_the_reader_does_not_see(article, shown):
    assert shown_article(_page(article)) == shown


def test_a_page_without_an_article_is_refused():
    with pytest.raises(ValueError, match="no <article>"):
        shown_article("<html><body><p>Nothing</p></body></html>")


def test_the_index_is_split_by_language_folder_relative_to_it(tmp_path):
    config = {
        "lang": ["en", "ko"],
        "separator": "[\\s\\-]+",
        "pipeline": ["stopWordFilter"],
        "fields": {},
    }
    docs = [
        {"location": "", "title": "Home", "text": "deposit"},
        {"location": "terms/#deposit", "title": "Deposit", "text": "deposit"},
        {"location": "ko/", "title": "홈", "text": "계약"},
        {"location": "ko/terms/#deposit", "title": "착수금", "text": "계약금"},
    ]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": config, "docs": docs}), encoding="utf-8"
    )
    for _ in range(2):  # a second split (each language build ends with one) changes nothing
        split_index(tmp_path, ["ko/"])
        root = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
        korean = json.loads(
            (tmp_path / "ko" / "search" / "search_index.json").read_text(encoding="utf-8")
        )
        assert root == {"config": config, "docs": docs[:2]}
        assert korean["config"] == config
        assert [doc["location"] for doc in korean["docs"]] == ["", "terms/#deposit"]
        assert [doc["title"] for doc in korean["docs"]] == ["홈", "착수금"]


def test_without_an_index_nothing_is_written(tmp_path):
    split_index(tmp_path, ["ko/"])  # the offline copy has no search
    assert list(tmp_path.iterdir()) == []


def _config_block(settings: dict, base: str | None = None) -> str:
    """A block like Material's `config`: its settings written by `tojson`, through the filter
    when a `base` is given."""
    env = jinja2.Environment(keep_trailing_newline=True)
    env.filters["with_config_base"] = with_config_base
    script = (
        '\n  <script id="__config" type="application/json">{{- settings | tojson -}}</script>\n'
    )
    if base is not None:
        script = "{% filter with_config_base(base) %}" + script + "{% endfilter %}"
    return env.from_string(script).render(settings=settings, base=base)


def test_the_config_block_gets_its_base_and_keeps_the_rest_as_material_writes_it():
    settings = {
        "base": "..",
        "search": "../assets/javascripts/workers/search.0123abcd.min.js",
        "translations": {"search.result.none": "<b>없음</b> & 'none'"},
        "features": ["search.highlight"],
        "version": None,
    }
    changed = _config_block(settings, "../ko/")
    assert changed == _config_block({**settings, "base": "../ko/"})
    assert json.loads(changed.split(">", 1)[1].split("</script>")[0])["base"] == "../ko/"


@pytest.mark.parametrize(
    "block",
    [
        "<script>var a = 1</script>",
        '<script id="__config" type="application/json">{"search": "x"}</script>',
        '<script id="__config" type="application/json">{"base": "."}</script>' * 2,
    ],
    ids=["no-settings", "no-base", "twice"],
)
def test_a_config_block_material_has_changed_stops_the_build(block):
    with pytest.raises(jinja2.TemplateRuntimeError, match=r"overrides/main\.html"):
        with_config_base(jinja2.Environment(), block, "ko/")

"""The steps that finish a built site work on its output folder alone: given a folder written by
any generator, they add the bundles, split the search index and set each page's policy."""

from __future__ import annotations

import json

from quiz.site.assets import bundles
from quiz.site.csp import PLACEHOLDER, inline_script_hashes
from quiz.site.finish import finish_site

PAGE = (
    f'<head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
    "<script>theme()</script></head>"
    '<article class="md-content__inner md-typeset"><p>Hello</p></article>'
)


def test_a_folder_is_finished_and_finishing_it_again_changes_nothing(tmp_path):
    (tmp_path / "ko").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ko" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "search").mkdir()
    index = {
        "config": {"lang": ["en"]},
        "docs": [{"location": "", "title": "Home"}, {"location": "ko/", "title": "홈"}],
    }
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")

    finish_site(tmp_path, ["ko/"])

    for path, content in bundles().items():
        assert (tmp_path / path).read_text(encoding="utf-8") == content
    [theme] = inline_script_hashes(PAGE)
    for page in ("index.html", "ko/index.html"):
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert PLACEHOLDER not in html and f"'sha256-{theme}'" in html
    root = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = json.loads((tmp_path / "ko" / "search" / "search_index.json").read_text("utf-8"))
    assert [doc["title"] for doc in root["docs"]] == ["Home"]
    assert korean["docs"] == [{"location": "", "title": "홈"}]

    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    finish_site(tmp_path, ["ko/"])
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before

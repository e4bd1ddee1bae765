"""Interface strings: both languages complete, every key the templates use exists."""

from __future__ import annotations

import re

import jinja2
import pytest
from jinja2 import nodes

from quiz.site.strings import STRINGS_FILE, load_strings, translator
from tests.support.site import ROOT


def _keys_used_in_templates() -> set[str]:
    env = jinja2.Environment()
    used = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        tree = env.parse(template.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "t":
                assert isinstance(call.args[0], nodes.Const), f"{template}: t() needs a literal key"
                used.add(call.args[0].value)
    return used


def test_both_languages_have_the_same_keys():
    strings = load_strings()
    assert sorted(strings) == ["en", "ko"]
    assert sorted(strings["ko"]) == sorted(strings["en"])


def test_every_key_used_in_a_template_exists():
    used = _keys_used_in_templates()
    assert used, "the templates use interface strings"
    assert used <= set(load_strings()["en"])


def test_translator_falls_back_to_english_and_rejects_unknown_keys(tmp_path):
    path = tmp_path / "strings.yml"
    path.write_text(
        "en:\n  a.b: English\n  c: Only English\nko:\n  a.b: 한국어\n", encoding="utf-8"
    )
    t = translator("ko", path)
    assert t("a.b") == "한국어"
    assert t("c") == "Only English"
    with pytest.raises(KeyError, match="unknown interface string 'd'"):
        t("d")


def test_no_comment_cuts_a_string_short():
    """In plain YAML " #" starts a comment, so a sentence with a # sign must be quoted."""
    entry = re.compile(r"^\s+[\w.-]+:\s+(.*)$")
    for number, line in enumerate(STRINGS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        match = entry.match(line)
        if match and " #" in match.group(1):
            assert match.group(1).startswith(('"', "'")), f"strings.yml:{number}: quote this string"

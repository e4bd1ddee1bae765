"""Interface strings: both languages complete, every key the templates use exists."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_every_outcome_of_the_quiz_has_a_label_in_each_language_and_nothing_else_does():
    from tests.support.quiz import QUIZ

    for language, strings in load_strings().items():
        labels = {key.removeprefix("outcome.") for key in strings if key.startswith("outcome.")}
        assert labels == {outcome.id for outcome in QUIZ.outcomes}, language


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


# A string key as the scripts write one: a literal that starts with a prefix the island carries.
SCRIPT_KEY = re.compile(r'"((?:quiz|result|work|changes|prospects|reason|message)\.[\w.-]*)"')


def _missing_script_keys(web: Path, strings: dict[str, dict[str, str]]) -> list[str]:
    """Each key literal in the scripts of `web` that some language lacks: a key in full; a
    plural's stem (`key.one` and `key.other` exist); or a prefix the script completes
    (`"prospects.import." + kind`), which some key must start with."""
    missing = []
    for module in sorted(web.glob("*.js")):
        for key in sorted(set(SCRIPT_KEY.findall(module.read_text(encoding="utf-8")))):
            for language, keys in strings.items():
                found = (
                    any(name.startswith(key) for name in keys)
                    if key.endswith(".")
                    else key in keys or {key + ".one", key + ".other"} <= set(keys)
                )
                if not found:
                    missing.append(f"{module.name}: {key!r} is not a {language} string")
    return missing


def test_every_key_a_script_reads_exists_in_both_languages():
    web = ROOT / "quiz" / "web"
    assert len(SCRIPT_KEY.findall((web / "prospects.js").read_text(encoding="utf-8"))) > 20
    assert _missing_script_keys(web, load_strings()) == []


def test_a_key_a_script_reads_and_no_language_has_is_named(tmp_path):
    (tmp_path / "page.js").write_text(
        'say(strings["prospects.no-such-key"]);\n'
        'counted(strings, "prospects.history.summary", 2);\n'
        'say(strings["prospects.undo." + outcome]);\n'
        'say(strings["prospects.nothing-starts-so." + kind]);\n',
        encoding="utf-8",
    )
    assert _missing_script_keys(tmp_path, load_strings()) == [
        f"page.js: {key!r} is not a {language} string"
        for key in ("prospects.no-such-key", "prospects.nothing-starts-so.")
        for language in ("en", "ko")
    ]

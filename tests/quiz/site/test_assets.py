"""The browser bundles: each is the modules its page needs, wrapped in one strict function."""

from __future__ import annotations

import re

import pytest

from quiz.drafting import NAME_MAX
from quiz.site.assets import GENERATED, SCRIPTS, WEB, bundles, minified_script, module_source
from quiz.site.mangle import mangle

DECLARATION = re.compile(
    r"^(?:async\s+)?(?:function|class|const|let)\s+([A-Za-z_$][\w$]*)", re.MULTILINE
)
COMMENT = re.compile(r"/\*.*?\*/|(?:^|\s)//\s.*?$", re.DOTALL | re.MULTILINE)


def code(module: str) -> str:
    """A module's source without its comments."""
    return COMMENT.sub("", module_source(module))


def declared(module: str) -> set[str]:
    """The top-level names a module declares (its lines that start at column 0)."""
    return set(DECLARATION.findall(code(module)))


def uses(module: str, name: str) -> bool:
    return re.search(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", code(module)) is not None


@pytest.mark.parametrize("bundle", sorted(SCRIPTS))
def test_every_module_in_a_bundle_is_used_by_a_later_one(bundle):
    parts = SCRIPTS[bundle]
    for index, module in enumerate(parts[:-1]):
        later = parts[index + 1 :]
        assert any(uses(other, name) for name in declared(module) for other in later), (
            f"{bundle}: {module} is not needed"
        )


@pytest.mark.parametrize("bundle", sorted(SCRIPTS))
def test_no_two_modules_of_a_bundle_declare_the_same_name(bundle):
    names = [name for module in SCRIPTS[bundle] for name in declared(module)]
    assert len(names) == len(set(names))


def test_every_module_in_quiz_web_is_in_a_bundle():
    assert {path.name for path in WEB.glob("*.js")} == {
        module for parts in SCRIPTS.values() for module in parts
    } - set(GENERATED)


def test_the_scripts_take_the_name_limit_from_its_one_source():
    assert f"const MAX_NAME={NAME_MAX};" in minified_script("assets/quiz.js")
    assert f"const MAX_NAME={NAME_MAX};" in minified_script("assets/prospects.js")
    assert not any("MAX_NAME =" in path.read_text(encoding="utf-8") for path in WEB.glob("*.js"))


def test_a_bundle_is_one_strict_function_around_its_modules_in_order():
    script = minified_script("assets/quiz.js")
    assert script.startswith('(function(){"use strict";')
    assert script.rstrip().endswith("})();")
    positions = [
        script.index(f"function {name}(")
        for name in ("required", "score", "readStore", "encodeShare", "initQuiz")
    ]
    assert positions == sorted(positions)
    # What the page loads is that script with its own names shortened (quiz/site/mangle.py).
    assert bundles()["assets/quiz.js"] == mangle(script) + "\n"

"""The rule of the house: the quiz's domain code never imports MkDocs; only quiz/site/ does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.site import ROOT

DOMAIN = sorted(path.stem for path in (ROOT / "quiz").glob("*.py") if path.stem != "__init__")


def test_the_domain_modules_are_the_ones_the_readme_names():
    assert {
        "model",
        "loader",
        "rules",
        "reachability",
        "scoring",
        "share",
        "schema",
        "messages",
        "message_rules",
        "drafting",
    } <= set(DOMAIN)


@pytest.mark.parametrize("module", DOMAIN)
def test_a_domain_module_imports_no_mkdocs_and_nothing_from_the_site_layer(module):
    code = (
        "import sys, importlib\n"
        f"importlib.import_module('quiz.{module}')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'material', 'mkdocs_static_i18n') or m.startswith('quiz.site'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_check_catches_a_domain_module_that_imports_the_site_layer(tmp_path):
    code = "import sys; import quiz.site.settings; print('mkdocs' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"

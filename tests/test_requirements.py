"""The pinned files are what `make requirements` makes of pyproject.toml, and every pin carries
the hashes of its files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.site import ROOT

PINNED = ("requirements.txt", "requirements-test.txt", "requirements-properdocs.txt")
PIN = re.compile(r"^([a-z0-9][a-z0-9._-]*)==([^\s\\]+)", re.MULTILINE)


def _pins(text: str) -> dict[str, str]:
    return dict(PIN.findall(text))


@pytest.mark.parametrize("name", PINNED)
def test_every_pin_carries_the_hashes_of_its_files(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2])
    pinned = [block for block in blocks if PIN.match(block)]
    assert len(pinned) == len(_pins(text)) > 10
    unhashed = [block.split()[0] for block in pinned if "--hash=sha256:" not in block]
    assert unhashed == []


@pytest.mark.parametrize("name", ["requirements-test.txt", "requirements-properdocs.txt"])
def test_the_other_pins_hold_the_site_s_packages_at_the_site_s_versions(name):
    site = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    other = _pins((ROOT / name).read_text(encoding="utf-8"))
    assert {package: other.get(package) for package in site} == site


def test_the_properdocs_pins_add_only_properdocs_to_the_site_s():
    """CI builds with MkDocs and with ProperDocs from one install of this file; nothing else in it
    may differ from what the Pages build installs."""
    site = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    properdocs = _pins((ROOT / "requirements-properdocs.txt").read_text(encoding="utf-8"))
    assert set(properdocs) - set(site) == {"properdocs"}


@pytest.mark.network
def test_the_pins_are_what_make_requirements_makes_of_pyproject(tmp_path):
    """Run the Makefile's own command on a copy; a dependency added to pyproject.toml without
    `make requirements` (or a pin edited by hand) fails here."""
    for name in ("Makefile", "pyproject.toml", *PINNED):
        shutil.copy2(ROOT / name, tmp_path / name)
    venv = Path(sys.prefix)
    result = subprocess.run(
        ["make", "-s", "-o", f"{venv}/.ready", f"VENV={venv}", "requirements"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for name in PINNED:
        made = (tmp_path / name).read_text(encoding="utf-8")
        assert made == (ROOT / name).read_text(encoding="utf-8"), (
            f"{name} differs from what `make requirements` makes: run it and commit the result"
        )

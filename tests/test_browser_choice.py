"""Which Chromium the tests drive: Debian's by default; where it cannot be had, the one
CRF_CHROMIUM names, or Playwright's own build. A missing browser is a clear failure."""

from __future__ import annotations

import re
import shutil

import pytest

from quiz.site import preview
from quiz.site.preview import chromium_path


def test_debians_chromium_by_default(monkeypatch):
    monkeypatch.delenv("CRF_CHROMIUM", raising=False)
    assert chromium_path() == shutil.which("chromium")


def test_another_chromium_by_its_path(monkeypatch, tmp_path):
    other = tmp_path / "chrome"
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    other.chmod(0o755)
    monkeypatch.setenv("CRF_CHROMIUM", str(other))
    assert chromium_path() == str(other)


def test_a_path_that_is_no_browser_is_refused_by_name(monkeypatch, tmp_path):
    monkeypatch.setenv("CRF_CHROMIUM", str(tmp_path / "nothing-here"))
    with pytest.raises(
        RuntimeError, match=r"CRF_CHROMIUM names .*nothing-here, which is not an executable file"
    ):
        chromium_path()


def test_playwrights_own_build_where_it_was_downloaded(monkeypatch, tmp_path):
    downloaded = tmp_path / "chrome-linux" / "chrome"
    downloaded.parent.mkdir()
    downloaded.write_text("", encoding="utf-8")
    monkeypatch.setenv("CRF_CHROMIUM", "playwright")
    monkeypatch.setattr(preview, "playwright_chromium", lambda: str(downloaded))
    assert chromium_path() == str(downloaded)
    downloaded.unlink()
    with pytest.raises(
        RuntimeError, match=re.escape("run `.venv/bin/python -m playwright install chromium`")
    ):
        chromium_path()


def test_playwright_says_where_its_own_build_lives():
    assert "chrom" in preview.playwright_chromium().lower()

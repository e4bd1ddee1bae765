"""scripts/compare_builds.py, which CI's `properdocs` job runs on the MkDocs and ProperDocs builds:
it passes identical folders, names every difference, and accepts only the few it lists."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.compare_builds import ALLOWED, main
from tests.support.site import ROOT

SCRIPT = ROOT / "scripts" / "compare_builds.py"


def _site(folder, files: dict[str, bytes]):
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


SITE = {
    "index.html": b"<title>Client Red Flags</title>\n<p>One</p>\n",
    "ko/index.html": "<title>클라이언트 위험 신호</title>\n".encode(),
    "assets/preview-en.png": b"\x89PNG\r\n\x1a\n\x00\xff",
}


@pytest.fixture
def builds(tmp_path):
    return _site(tmp_path / "mkdocs", SITE), _site(tmp_path / "properdocs", SITE)


def _run(first, second, allowed=None):
    return main(["compare_builds.py", str(first), str(second)], {} if allowed is None else allowed)


def test_identical_builds_pass(builds, capsys):
    assert _run(*builds) == 0
    assert "identical byte for byte (3 files)" in capsys.readouterr().out


def test_a_changed_text_file_fails_with_the_lines_that_differ(builds, capsys):
    first, second = builds
    (second / "index.html").write_bytes(b"<title>Client Red Flags</title>\n<p>Two</p>\n")
    assert _run(first, second) == 1
    out = capsys.readouterr().out
    assert "differs: index.html" in out
    assert "-<p>One</p>" in out and "+<p>Two</p>" in out
    assert "ko/index.html" not in out


def test_a_changed_binary_file_fails_with_its_sizes(builds, capsys):
    first, second = builds
    (second / "assets/preview-en.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xfe\xff")
    assert _run(first, second) == 1
    out = capsys.readouterr().out
    assert "differs: assets/preview-en.png" in out and "binary: 10 bytes and 11 bytes" in out


def test_a_file_only_one_build_has_fails_either_way(builds, capsys):
    first, second = builds
    (second / "sitemap.xml").write_bytes(b"<urlset/>")
    (first / "ko/index.html").unlink()
    assert _run(first, second) == 1
    out = capsys.readouterr().out
    assert f"only in {second}: sitemap.xml" in out
    assert f"only in {second}: ko/index.html" in out


def test_an_allowed_difference_passes_and_is_still_printed_with_its_reason(builds, capsys):
    first, second = builds
    (second / "index.html").write_bytes(b"<title>Client Red Flags</title>\n<p>Two</p>\n")
    assert _run(first, second, {"index.html": "a reason"}) == 0
    out = capsys.readouterr().out
    assert "differs: index.html (allowed: a reason)" in out
    assert "apart from 1 allowed" in out


def test_an_allowed_difference_that_is_gone_fails(builds, capsys):
    assert _run(*builds, {"index.html": "a reason", "gone.html": "another"}) == 1
    out = capsys.readouterr().out
    assert "no longer differs, remove it from ALLOWED: index.html" in out
    assert "in neither build, remove it from ALLOWED: gone.html" in out


def test_a_missing_or_empty_folder_is_refused(builds, tmp_path):
    first, _ = builds
    (tmp_path / "empty").mkdir()
    assert _run(first, tmp_path / "empty") == 2
    assert _run(tmp_path / "missing", first) == 2
    assert main(["compare_builds.py", str(first)]) == 2


def test_the_allowed_list_is_tiny_and_gives_a_reason_for_each_entry():
    assert len(ALLOWED) <= 3
    for path, reason in ALLOWED.items():
        assert not path.startswith("/") and len(reason.split()) >= 3, path


def test_the_script_runs_as_ci_runs_it(builds):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, builds)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""Two builds of the same sources are byte-for-byte identical; dates come from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from tests.support.site import build_site

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def _tree(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_identical_and_dated_by_source_date_epoch(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(first, extra_env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    time.sleep(1.1)  # anything that writes the clock would now differ
    assert build_site(second, extra_env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    one, two = _tree(first), _tree(second)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    day = datetime.fromtimestamp(int(EPOCH), UTC).strftime("%Y-%m-%d")
    assert f"<lastmod>{day}</lastmod>".encode() in one["sitemap.xml"]

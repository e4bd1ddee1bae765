#!/usr/bin/env python3
"""Build the offline copy: a zip of the site that works unzipped and opened from disk.

Usage: python scripts/offline.py [OUT.zip]   (default: dist/client-red-flags-offline.zip)
Pages link to page.html instead of page/ (Material's offline plugin); the quiz works fully.
The zip is reproducible: files in order, each dated by SOURCE_DATE_EPOCH (or 1980-01-01).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.site.preview import build_site  # noqa: E402


def build_offline_zip(target: Path) -> Path:
    """Build the offline site and zip it into `target`; raise with the build log on failure."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "client-red-flags"
        result = build_site(site, extra_env={"OFFLINE": "true"})
        if result.returncode:
            raise RuntimeError(result.stdout + result.stderr)
        stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800))[
            :6
        ]
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                # 404.html links from the server's root; nothing opened from disk ever shows it.
                if path.is_file() and path.name != "404.html":
                    info = zipfile.ZipInfo(
                        path.relative_to(site.parent).as_posix(), date_time=stamp
                    )
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, path.read_bytes())
    return target


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "client-red-flags-offline.zip"
    print(build_offline_zip(out))

"""Build the site into a folder and serve it under the same sub-path GitHub Pages uses (for the
scripts and the tests; not part of the build)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]  # the project folder
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def site_path() -> str:
    """The sub-path of `site_url` (for example `/client-red-flags/`), as mkdocs.yml sets it."""
    from quiz.site.settings import load_site_config

    path = urlsplit(load_site_config(ROOT / "mkdocs.yml").site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def build_site(site_dir: Path, *, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the strict build into `site_dir`; the result carries the build's output."""
    env = {**os.environ, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@contextmanager
def serve(site_dir: Path, prefix: str, port: int = 0):
    """Serve `site_dir` at http://127.0.0.1:<port><prefix> (a free port by default); anything
    outside the prefix is 404."""
    handler = functools.partial(_SubPathHandler, directory=str(site_dir), prefix=prefix)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    """Debian's Chromium; its absence is a failure, never a skip."""
    path = shutil.which("chromium")
    if not path:
        raise RuntimeError("Chromium is missing: run `apt-get install chromium` (make test does it as root)")
    return path


class _SubPathHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0not-served")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format, *args):  # keep test output quiet
        pass

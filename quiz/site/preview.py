"""Build the site into a folder and serve it under the same sub-path GitHub Pages uses (for the
scripts and the tests; not part of the build)."""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
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


def build_site(
    site_dir: Path, *, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the strict build into `site_dir`; the result carries the build's output."""
    env = {**os.environ, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (config, content, templates, quiz) to edit, break or
    serve; it builds with the project's own esbuild (node_modules, linked, not copied)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "quiz"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    if (ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


@contextmanager
def serve(
    site_dir: Path,
    prefix: str,
    port: int = 0,
    *,
    compress: bool = False,
    not_found_page: bool = False,
):
    """Serve `site_dir` at http://127.0.0.1:<port><prefix> (a free port by default); anything
    outside the prefix is 404. As GitHub Pages does: with `compress`, text is sent
    gzip-compressed to clients that accept it; with `not_found_page`, a missing path below the
    prefix is answered with the site's root `404.html` and status 404."""
    handler = functools.partial(
        _SubPathHandler,
        directory=str(site_dir),
        prefix=prefix,
        compress=compress,
        not_found_page=not_found_page,
    )
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    """The Chromium the tests and scripts drive: Debian's, or where Debian's cannot be had (macOS,
    Ubuntu's snap), the one CRF_CHROMIUM names: an executable's path, or `playwright` for
    Playwright's own build (`.venv/bin/python -m playwright install chromium` downloads it). Its
    absence is a failure, never a skip."""
    chosen = os.environ.get("CRF_CHROMIUM", "")
    if chosen == "playwright":
        path = playwright_chromium()
        if not Path(path).is_file():
            raise RuntimeError(
                f"Playwright's Chromium is not at {path}: "
                "run `.venv/bin/python -m playwright install chromium`"
            )
        return path
    if chosen:
        if not (Path(chosen).is_file() and os.access(chosen, os.X_OK)):
            raise RuntimeError(f"CRF_CHROMIUM names {chosen}, which is not an executable file")
        return chosen
    path = shutil.which("chromium")
    if not path:
        raise RuntimeError(
            "Chromium is missing: run `apt-get install chromium` (make test does it as root), "
            "or set CRF_CHROMIUM to a Chromium or Chrome executable, or to `playwright`"
        )
    return path


def playwright_chromium() -> str:
    """Where Playwright keeps its own Chromium, asked in a process of its own (a caller may already
    be inside Playwright's synchronous API, which cannot be entered twice)."""
    script = (
        "from playwright.sync_api import sync_playwright\n"
        "with sync_playwright() as p:\n"
        "    print(p.chromium.executable_path)"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()


@contextmanager
def live_server(project: Path, log: Path, timeout: float = 90):
    """`mkdocs serve` (as `make serve` runs it) on `project`; yields the site's base URL once the
    first build is served. Its output goes to `log` (a pipe nobody reads would stall it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}{site_path()}"
            if not wait_until(lambda: "</html>" in fetch(base), timeout):
                raise RuntimeError(
                    f"mkdocs serve did not serve {base} within {timeout} s; see {log}"
                )
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def fetch(url: str) -> str:
    """The page at `url` as text, or '' when it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition, timeout: float, interval: float = 0.05) -> bool:
    """Poll `condition` until it holds (True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


# What GitHub Pages compresses: text, never images or fonts that are compressed already.
_COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)


class _SubPathHandler(SimpleHTTPRequestHandler):
    def __init__(
        self, *args, prefix: str, compress: bool = False, not_found_page: bool = False, **kwargs
    ):
        self.prefix = prefix
        self.compress = compress
        self.not_found_page = not_found_page
        super().__init__(*args, **kwargs)

    def handle(self):
        try:
            super().handle()
        except ConnectionError:  # the browser closed the page mid-response: nothing to report
            pass

    def send_head(self):
        if not self.path.startswith(self.prefix):  # another site's address on the same host
            self.send_error(404, "Not under this site's path")
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if self.not_found_page and self.path.startswith(self.prefix) and not os.path.exists(path):
            return self._not_found()
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        content_type = self.guess_type(path)
        if not content_type.startswith(_COMPRESSED_TYPES) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def _not_found(self):
        """The site's root 404.html with status 404, as GitHub Pages answers a missing path."""
        with open(os.path.join(self.directory, "404.html"), "rb") as source:
            body = source.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format, *args):  # keep test output quiet
        pass


class _Body:
    """A finished response body that `SimpleHTTPRequestHandler` copies out and closes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass

"""Record what a page does that it must not: console errors, page errors, foreign or failed
requests."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe


@dataclass
class PageWatch:
    """Attach to a Playwright page; `problems` lists every fault seen since."""

    origin: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page) -> PageWatch:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        return self

    def _on_console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _on_request(self, request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:", "file:")):
            return
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another host: {url}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def settle(page) -> None:
    """Wait until CSS transitions finish, so axe measures the colours a reader sees
    (Material fades the header title while the page scrolls)."""
    wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")


def assert_accessible(page) -> None:
    """axe-core finds no violation on the page, measured once it is at rest (`settle`). A failure
    names each element found and what axe says of it (for colour contrast: the two colours and
    their ratio), so that one seen only in CI can be understood from its log."""
    settle(page)
    results = Axe().run(page)
    found = [
        f"{rule['id']}: {node['html'][:200]} {node['any'][0]['message'] if node['any'] else ''}"
        for rule in results.response["violations"]
        for node in rule["nodes"]
    ]
    assert not found, results.generate_snapshot() + "\n" + "\n".join(found)


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll a page expression until it is true. (Playwright's wait_for_function compiles its
    predicate with eval inside the page, which the site's Content Security Policy forbids.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        time.sleep(0.02)

"""The Content Security Policy each page carries in a <meta> tag (GitHub Pages sends no headers).

Only the site's own origin is allowed. Inline scripts run only by the sha256 hash of their exact
text, computed from each finished page; JSON data islands are not scripts and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

PLACEHOLDER = "__CRF_CONTENT_SECURITY_POLICY__"
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")


def with_policy(html: str) -> str:
    """The page with its placeholder replaced by the policy for its own inline scripts."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, policy(inline_script_hashes(html)))


def policy(script_hashes: list[str]) -> str:
    sources = " ".join(["'self'", *(f"'sha256-{digest}'" for digest in script_hashes)])
    directives = {
        "default-src": "'self'",
        "script-src": sources,
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(html: str) -> list[str]:
    """Base64 sha256 of every inline executable script, in page order, without duplicates."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    digests = []
    for text in parser.scripts:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        if digest not in digests:
            digests.append(digest)
    return digests


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in EXECUTABLE_TYPES:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None

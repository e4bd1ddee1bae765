"""The Content Security Policy each page carries in a <meta> tag (GitHub Pages sends no headers).

Only the site's own origin is allowed. Inline scripts run only by the sha256 hash of their exact
text, computed from each finished page (on the output folder, quiz/site/finish.py) for the
scripts its templates wrote, outside the page's article: a script inside the article, where the
page's Markdown is rendered, gets no hash. JSON data islands are not scripts and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

PLACEHOLDER = "__CRF_CONTENT_SECURITY_POLICY__"
# Where Material (and any theme of its templates) renders a page's Markdown.
ARTICLE = '<article class="md-content__inner'
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")


def with_policy(html: str) -> str:
    """The page with its placeholder replaced by the policy for the inline scripts its templates
    put there: any script inside its article (`<article class="md-content__inner …">`, the
    page's rendered Markdown and nothing else of ours) gets no hash and does not run (the content
    check refuses it before a build gets this far)."""
    if PLACEHOLDER not in html:
        return html
    # To the last </article>: one written into the Markdown cannot end the article early.
    start = html.find(ARTICLE)
    end = html.rfind("</article>") if start >= 0 else -1
    written = set(inline_script_hashes(html[start:end])) if end >= 0 else set()
    return html.replace(
        PLACEHOLDER,
        policy([digest for digest in inline_script_hashes(html) if digest not in written]),
    )


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
    digests = []
    for text in _inline_scripts(html):
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        if digest not in digests:
            digests.append(digest)
    return digests


def _inline_scripts(html: str):
    """The text of each inline executable <script>. A script's text cannot contain "</script>",
    so the page is scanned tag by tag; each start tag is read by the HTML parser."""
    position = html.find("<script")
    while position >= 0:
        tag_end = html.find(">", position)
        close = html.find("</script>", tag_end)
        if tag_end < 0 or close < 0:
            return
        attributes = _attributes(html[position : tag_end + 1])
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in EXECUTABLE_TYPES:
            yield html[tag_end + 1 : close]
        position = html.find("<script", close)


def _attributes(tag: str) -> dict:
    parser = _StartTag()
    parser.feed(tag)
    parser.close()
    return parser.attributes


class _StartTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.attributes: dict = {}

    def handle_starttag(self, tag, attrs):
        self.attributes = dict(attrs)

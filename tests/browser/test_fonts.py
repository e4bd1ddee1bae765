"""Korean is laid out in a font that has Hangul, or every Korean layout, print and screenshot test
measures fallback boxes. The site loads no web font (privacy), so the machine must have one:
`make test` and `.ci/run` install Debian's fonts-noto-cjk, the face the stylesheet names."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def korean_families() -> set[str]:
    """The font families fontconfig says can set Korean."""
    assert shutil.which("fc-list"), "fontconfig's fc-list is missing (Debian: fontconfig)"
    listed = subprocess.run(
        ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=True
    ).stdout
    return {
        family.strip()
        for line in listed.splitlines()
        for family in line.split(",")
        if family.strip()
    }


def rendered_fonts(page, selector: str) -> list[dict]:
    """The platform fonts Chromium used to draw the text of the first element matching selector."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("path", ["ko/", "ko/quiz/", "ko/flags/boundaries/"])
def test_korean_headings_are_drawn_in_a_font_with_hangul(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    syllables = len(HANGUL.findall(page.locator("h1").first.inner_text()))
    assert syllables, "the heading has no Hangul to measure"
    korean = korean_families()
    fonts = rendered_fonts(page, "h1")
    drawn = sum(font["glyphCount"] for font in fonts if font["familyName"] in korean)
    assert drawn >= syllables, (
        f"{path}: Hangul drawn in {[font['familyName'] for font in fonts]}, "
        "none of which has Hangul; install a Korean font (Debian: apt-get install fonts-noto-cjk)"
    )

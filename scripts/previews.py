#!/usr/bin/env python3
"""Draw the link-preview images, one per language: docs/assets/preview-<language>.png.

Usage: python scripts/previews.py

Each is 1200 x 630 (the size link previews use) and shows the site's name in that language and
the line `og.image.line` from quiz/site/strings.yml; the pages' `og:image:alt` says the same. The
fonts are Debian's (fonts-nanum, which sets Latin letters as well), so the same Pillow and fonts
draw the same bytes. Run it after changing the site's name or that line, and commit the images.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from quiz.site.settings import load_site_config  # noqa: E402
from quiz.site.strings import translator  # noqa: E402

SIZE = (1200, 630)
SCALE = 3  # drawn three times larger, then scaled down: smooth edges on the flags
OUT = ROOT / "docs" / "assets"
FONTS = Path("/usr/share/fonts/truetype/nanum")
BOLD = FONTS / "NanumBarunGothicBold.ttf"
REGULAR = FONTS / "NanumBarunGothic.ttf"
# The site's palette (overrides/assets/site.css): primary red and its shades, white.
RED, DARK, LIGHT, WHITE, PINK = (
    (179, 38, 30),
    (140, 29, 24),
    (198, 66, 56),
    (255, 255, 255),
    (255, 214, 207),
)
MARGIN = 80


def main() -> int:
    missing = [font for font in (BOLD, REGULAR) if not font.is_file()]
    if missing:
        print(
            f"Missing {', '.join(map(str, missing))}: apt-get install fonts-nanum", file=sys.stderr
        )
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for language, name in site_names().items():
        target = OUT / f"preview-{language}.png"
        draw_preview(name, translator(language)("og.image.line")).save(target, optimize=True)
        print(target.relative_to(ROOT))
    return 0


def site_names() -> dict[str, str]:
    """The site's name in each published language, as mkdocs.yml sets it."""
    config = load_site_config(ROOT / "mkdocs.yml")
    names = {}
    for language in config.plugins["i18n"].config.languages:
        if language.build:
            names[language.locale] = language.site_name or config.site_name
    return names


def draw_preview(title: str, line: str) -> Image.Image:
    """The preview: the name and the line on the site's red, a large flag beside them and a
    row of ten small ones, the ten flags, along the bottom."""
    width, height = SIZE
    image = Image.new("RGB", (width * SCALE, height * SCALE), RED)
    draw = ImageDraw.Draw(image)
    band = 112
    _flag(draw, 940, 64, 320, LIGHT)
    draw.rectangle(_scaled(0, height - band, width, height), fill=DARK)
    for index in range(10):
        _flag(draw, MARGIN + index * 64, height - band + 30, 52, PINK)
    text_width = 940 - MARGIN - 24  # left of the large flag
    title_font = _fitting(draw, title, BOLD, 96, text_width)
    y = 176
    draw.text(_scaled(MARGIN, y), title, font=title_font, fill=WHITE)
    line_font = _font(REGULAR, 44)
    y += title_font.size // SCALE + 40
    for row in _wrap(draw, line, line_font, text_width):
        draw.text(_scaled(MARGIN, y), row, font=line_font, fill=PINK)
        y += 60
    return image.resize(SIZE, Image.Resampling.LANCZOS)


def _flag(draw: ImageDraw.ImageDraw, x: float, y: float, size: float, colour) -> None:
    """A waving flag on its pole, `size` pixels tall, its top-left corner at (x, y)."""
    pole = max(3.0, size / 14)
    draw.rectangle(_scaled(x, y, x + pole, y + size), fill=colour)
    length, depth, wave = size * 0.9, size * 0.5, size * 0.06
    steps = 32
    top = [
        (x + pole + length * i / steps, y + size * 0.03 + wave * math.sin(2 * math.pi * i / steps))
        for i in range(steps + 1)
    ]
    bottom = [(px, py + depth) for px, py in reversed(top)]
    draw.polygon(
        [coordinate * SCALE for point in top + bottom for coordinate in point], fill=colour
    )


def _scaled(*coordinates: float) -> tuple[float, ...]:
    return tuple(coordinate * SCALE for coordinate in coordinates)


def _font(font_file: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file), size * SCALE)


def _fitting(
    draw: ImageDraw.ImageDraw, text: str, font_file: Path, size: int, width: int
) -> ImageFont.FreeTypeFont:
    """The font at `size`, or smaller until `text` fits in `width` pixels."""
    font = _font(font_file, size)
    while draw.textlength(text, font=font) > width * SCALE and size > 40:
        size -= 4
        font = _font(font_file, size)
    return font


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """`text` in rows that fit `width` pixels, broken between words."""
    rows, row = [], ""
    for word in text.split():
        candidate = f"{row} {word}".strip()
        if row and draw.textlength(candidate, font=font) > width * SCALE:
            rows.append(row)
            row = word
        else:
            row = candidate
    return [*rows, row] if row else rows


if __name__ == "__main__":
    sys.exit(main())

"""The text of a PDF as Chromium prints it, for asserting what is on paper without a PDF library.

Chromium (Skia) writes uncompressed object syntax with FlateDecode streams, fonts with a
ToUnicode map, each page's fonts in its resources and its text as hex glyph codes drawn by `Tj`
and `TJ`. Positions are dropped, and spaces are often moves rather than glyphs, so `page_texts`
keeps no white space: compare with `squeezed` text.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"^(.*?)stream\r?\n(.*)\r?\nendstream$", re.S)
_TEXT = re.compile(rb"/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, in the order it is drawn, without white space."""
    objects = {}
    for number, body in _OBJECT.findall(pdf):
        match = _STREAM.match(body)
        head, data = (match.group(1), match.group(2)) if match else (body, b"")
        if b"/FlateDecode" in head:
            data = zlib.decompress(data)
        objects[int(number)] = (head, data)
    pages = []
    for head, _ in objects.values():
        if not re.search(rb"/Type\s*/Page[^s]", head):
            continue
        fonts = {}
        font_dict = re.search(rb"/Font\s*<<(.*?)>>", head, re.S)
        for name, ref in re.findall(
            rb"/([\w.+-]+)\s+(\d+) 0 R", font_dict.group(1) if font_dict else b""
        ):
            fonts[name] = _to_unicode(objects, int(ref))
        contents = [
            int(ref)
            for ref in re.findall(
                rb"(\d+) 0 R", re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", head).group(1)
            )
        ]
        pages.append("".join(_shown(objects[ref][1], fonts) for ref in contents))
    return pages


def squeezed(text: str) -> str:
    """Text without white space, as `page_texts` gives it."""
    return "".join(text.split())


def _to_unicode(objects: dict, ref: int) -> dict[bytes, str]:
    """A font's map from glyph code (hex, upper case) to text, from its ToUnicode CMap."""
    head = objects[ref][0]
    found = re.search(rb"/ToUnicode\s+(\d+) 0 R", head)
    if not found:
        return {}
    cmap = objects[int(found.group(1))][1]
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[source.upper()] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start, width = int(target, 16), len(low)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[f"{code:0{width}X}".encode()] = chr(start + offset)
    return mapping


def _shown(content: bytes, fonts: dict) -> str:
    """The text a content stream draws, glyph by glyph."""
    shown, mapping = [], {}
    for font, array, single in _TEXT.findall(content):
        if font:
            mapping = fonts.get(font, {})
            continue
        for code in _HEX.findall(array) if array else [single]:
            width = len(next(iter(mapping), b"0000"))
            code = code.upper()
            shown += [
                mapping.get(code[index : index + width], "") for index in range(0, len(code), width)
            ]
    return "".join(shown).replace(" ", "")

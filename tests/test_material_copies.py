"""Copies of Material's templates that cannot drift.

Where overrides/ copies a block or a partial of Material's instead of wrapping it (`super()`), the
comment before the copy says "Copied from Material (<template>, block <name>)" or, for a whole
partial, "Copied from Material (<template>)", and ends with a patch: hunks after a line `@@`, each
line marked ` ` (context), `-` (Material's only) or `+` (ours only). These tests take the same
block or partial from the installed Material, apply the patch, and require the result to equal the
copy, line by line without indentation, blank lines and comments. So a change in Material's
template, or a change of ours that the comment does not name, fails here until the copy and its
comment follow.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import material
import pytest

from tests.support.site import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

MARKER = re.compile(r"Copied from Material \((?P<template>[\w./-]+?)(?:, block (?P<block>\w+))?\)")
COMMENT = re.compile(r"\{#.*?#\}", re.S)
# Jinja comments are matched first, so that a tag written inside one is not taken for a block.
BLOCK_TAG = re.compile(
    r"\{#.*?#\}|\{%-?\s*(?:block\s+(?P<name>\w+)|(?P<end>endblock))\b.*?-?%\}", re.S
)

# Blocks and templates of ours that replace Material's outright: nothing of Material's in them.
OWN_BLOCKS = {
    ("404.html", "htmltitle"): "the not-found page's own title",
    ("404.html", "content"): "the not-found page's own text and links",
}
OWN_TEMPLATES = {
    "main.html": "Material's main.html only extends base.html; it is the theme's place for ours",
    "404.html": "the not-found page of ours, extending main.html",
}


@dataclass(frozen=True)
class Block:
    body: str
    comment: str  # the Jinja comment right before the block's start tag, or ""


@dataclass(frozen=True)
class Copy:
    path: str  # below overrides/
    block: str | None  # ours; None: the whole file copies a partial
    template: str  # Material's, below material/templates/
    material_block: str | None  # the block of Material's that the marker names
    body: str
    comment: str

    @property
    def material(self) -> str:
        text = (MATERIAL / self.template).read_text(encoding="utf-8")
        return text if self.material_block is None else blocks(text)[self.material_block].body


class PatchError(ValueError):
    pass


def blocks(text: str) -> dict[str, Block]:
    """Every `{% block %}` of a template by name, nested ones too, with the comment before it."""
    found: dict[str, Block] = {}
    open_blocks: list[tuple[str, int, str]] = []
    comment, comment_end = "", -1
    for tag in BLOCK_TAG.finditer(text):
        if tag["name"]:
            before = comment if text[comment_end : tag.start()].strip() == "" else ""
            open_blocks.append((tag["name"], tag.end(), before))
        elif tag["end"]:
            name, start, before = open_blocks.pop()
            found[name] = Block(text[start : tag.start()], before)
        else:
            comment, comment_end = tag.group(), tag.end()
    assert not open_blocks, f"unclosed blocks: {open_blocks}"
    return found


def lines(text: str) -> list[str]:
    """A template's lines as compared: without comments, indentation and blank lines."""
    return [line.strip() for line in COMMENT.sub("", text).splitlines() if line.strip()]


def patch(comment: str) -> list[list[tuple[str, str]]]:
    """The hunks written at the end of a copy's comment: (mark, line) pairs."""
    body = comment.strip().removeprefix("{#").removeprefix("-").removesuffix("#}")
    body = body.removesuffix("-")
    rows = body.splitlines()
    start = next((i for i, row in enumerate(rows) if row.strip() == "@@"), None)
    if start is None:
        raise PatchError("the comment has no patch (a line `@@` and the hunks after it)")
    indent = len(rows[start]) - len(rows[start].lstrip())
    hunks: list[list[tuple[str, str]]] = []
    for row in rows[start:]:
        if row.strip() == "@@":
            hunks.append([])
        elif row.strip():
            mark, line = row[indent : indent + 1], row[indent + 1 :].strip()
            if mark not in (" ", "-", "+") or row[:indent].strip():
                raise PatchError(f"not a patch line (` `, `-` or `+` after the indent): {row!r}")
            hunks[-1].append((mark, line))
    return hunks


def patched(material: list[str], hunks: list[list[tuple[str, str]]]) -> list[str]:
    """Material's lines with each hunk applied in turn; a hunk's own lines (context and `-`) must
    occur exactly once, in a row."""
    result = list(material)
    for number, hunk in enumerate(hunks, 1):
        before = [line for mark, line in hunk if mark != "+"]
        after = [line for mark, line in hunk if mark != "-"]
        if not before:
            raise PatchError(f"hunk {number} has no line of Material's to stand on")
        at = [i for i in range(len(result)) if result[i : i + len(before)] == before]
        if len(at) != 1:
            found = "not found" if not at else f"found {len(at)} times"
            raise PatchError(
                f"hunk {number} does not apply: Material's lines {before} {found} in its template"
            )
        result[at[0] : at[0] + len(before)] = after
    return result


def drift(material: str, ours: str, comment: str) -> str:
    """What differs between our copy and Material's block with the named changes: '' if nothing."""
    try:
        expected = patched(lines(material), patch(comment))
    except PatchError as error:
        return str(error)
    actual = lines(ours)
    if actual == expected:
        return ""
    return "\n".join(
        difflib.unified_diff(expected, actual, "Material's, patched", "ours", lineterm="")
    )


def copies() -> list[Copy]:
    """Every copy in overrides/, by the marker in its comment."""
    found = []
    for path in sorted(OVERRIDES.rglob("*.html")):
        name = path.relative_to(OVERRIDES).as_posix()
        text = path.read_text(encoding="utf-8")
        first = re.match(r"\s*(\{#.*?#\})", text, re.S)
        marker = MARKER.search(first.group(1)) if first else None
        if marker and not marker["block"]:
            body, comment = text[first.end() :], first.group(1)
            found.append(Copy(name, None, marker["template"], None, body, comment))
        for block_name, block in blocks(text).items():
            marker = MARKER.search(block.comment)
            if marker and marker["block"]:
                template, material_block = marker["template"], marker["block"]
                body, comment = block.body, block.comment
                found.append(Copy(name, block_name, template, material_block, body, comment))
    return found


COPIES = copies()


def test_the_copies_are_found():
    assert {(copy.path, copy.block) for copy in COPIES} >= {
        ("main.html", "site_meta"),
        ("partials/search.html", None),
        ("partials/copyright.html", None),
    }


@pytest.mark.parametrize("copy", COPIES, ids=lambda copy: f"{copy.path}#{copy.block or ''}")
def test_each_copy_is_materials_with_the_changes_its_comment_names(copy):
    assert (MATERIAL / copy.template).is_file(), f"Material has no {copy.template}"
    assert copy.material_block == copy.block, "a block copies Material's block of its own name"
    difference = drift(copy.material, copy.body, copy.comment)
    assert difference == "", (
        f"overrides/{copy.path} no longer matches Material's {copy.template}"
        f"{' block ' + copy.block if copy.block else ''} with the changes its comment names:\n"
        + difference
    )


def test_every_marker_names_a_copy_it_stands_before():
    """A marker that is not right before its block (or at the top of its partial) checks nothing."""
    markers = sum(
        len(MARKER.findall(path.read_text(encoding="utf-8"))) for path in OVERRIDES.rglob("*.html")
    )
    assert markers == len(COPIES)


def test_whatever_replaces_materials_templates_is_a_checked_copy_or_our_own():
    """A block of Material's that we override without `super()`, or a template of Material's that
    a file of ours shadows, is either a copy with its patch or named above as our own."""
    copied = {(copy.path, copy.block) for copy in COPIES}
    unchecked = []
    for path in sorted(OVERRIDES.rglob("*.html")):
        name = path.relative_to(OVERRIDES).as_posix()
        if (MATERIAL / name).is_file() and (name, None) not in copied:
            if name not in OWN_TEMPLATES:
                unchecked.append(name)
        for block_name, block in blocks(path.read_text(encoding="utf-8")).items():
            if "super()" in block.body or (name, block_name) in copied:
                continue
            if (name, block_name) not in OWN_BLOCKS:
                unchecked.append(f"{name}#{block_name}")
    assert unchecked == []


def test_no_template_of_ours_names_a_hashed_file_of_materials():
    """Material's scripts, styles and search worker change their names with each version; only
    Material's own templates may name them."""
    hashed = re.compile(r"[\w-]+\.[0-9a-f]{8}\.min\.(?:js|css)")
    named = {
        path.relative_to(OVERRIDES).as_posix(): hashed.findall(path.read_text(encoding="utf-8"))
        for path in OVERRIDES.rglob("*.html")
    }
    assert {path: names for path, names in named.items() if names} == {}


# The check itself: it fails when Material's block changes, whichever way.


def _edited(text: str, edit: str) -> str:
    rows = text.splitlines()
    filled = [i for i, row in enumerate(rows) if row.strip()]
    middle = filled[len(filled) // 2]
    if edit == "line-changed":
        rows[middle] += ' data-new="1"'
    elif edit == "line-added":
        rows.insert(middle, '<meta name="new" content="Material\'s next version">')
    elif edit == "line-removed":
        del rows[middle]
    return "\n".join(rows)


@pytest.mark.parametrize("edit", ["line-changed", "line-added", "line-removed"])
@pytest.mark.parametrize("copy", COPIES, ids=lambda copy: f"{copy.path}#{copy.block or ''}")
def test_a_change_in_materials_block_fails_the_check(copy, edit):
    assert drift(copy.material, copy.body, copy.comment) == ""
    assert drift(_edited(copy.material, edit), copy.body, copy.comment) != ""


@pytest.mark.parametrize("copy", COPIES, ids=lambda copy: f"{copy.path}#{copy.block or ''}")
def test_a_change_in_the_lines_a_hunk_stands_on_fails_the_check(copy):
    """Material's next version changes a line that the patch removes, replaces or stands beside:
    the patch no longer applies."""
    material = lines(copy.material)
    for hunk in patch(copy.comment):
        before = [line for mark, line in hunk if mark != "+"]
        [at] = [i for i in range(len(material)) if material[i : i + len(before)] == before]
        for offset in range(len(before)):
            changed = list(material)
            changed[at + offset] += " x"
            assert "does not apply" in drift("\n".join(changed), copy.body, copy.comment)


def test_the_generator_tag_of_materials_next_version_fails_the_site_meta_copy():
    [copy] = [copy for copy in COPIES if copy.block == "site_meta"]
    version = re.search(r"mkdocs-material-([\d.]+)", copy.material)[1]
    changed = copy.material.replace(version, version + ".1")
    assert "does not apply" in drift(changed, copy.body, copy.comment)


def test_a_change_of_ours_that_the_comment_does_not_name_fails_the_check():
    [copy] = [copy for copy in COPIES if copy.block == "site_meta"]
    assert drift(copy.material, copy.body, copy.comment) == ""
    ours = copy.body.replace("<meta charset", '<meta name="author" content="x">\n<meta charset')
    assert '+<meta name="author" content="x">' in drift(copy.material, ours, copy.comment)


def test_a_patch_applies_to_one_place_only():
    material = ["<a>", "{% endif %}", "<b>", "{% endif %}"]
    assert patched(material, [[(" ", "<b>"), ("-", "{% endif %}")]]) == [
        "<a>",
        "{% endif %}",
        "<b>",
    ]
    with pytest.raises(PatchError, match="found 2 times"):
        patched(material, [[("-", "{% endif %}")]])
    with pytest.raises(PatchError, match="not found"):
        patched(material, [[("-", "<c>")]])
    with pytest.raises(PatchError, match="no line of Material's"):
        patched(material, [[("+", "<c>")]])


def test_a_comment_without_a_patch_or_with_an_unmarked_line_is_refused():
    with pytest.raises(PatchError, match="no patch"):
        patch("{#- Copied from Material (base.html, block x), changed a little. -#}")
    with pytest.raises(PatchError, match="not a patch line"):
        patch("{#-\n  @@\n   <a>\n  *<b>\n-#}")

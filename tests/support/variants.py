"""A valid data file with mistakes written into it at test time, so that a validator test states
its change beside the message it expects instead of keeping a near-copy of the whole file. Edits
name their line as the messages do, and every line keeps its number unless an edit adds lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Edit:
    """On `line` (counted from 1, as in the valid file), `old`, which must occur there exactly
    once, becomes `new`. A `new` with line feeds adds lines after it; to take a line out and keep
    the others in place, comment it out."""

    line: int
    old: str
    new: str


def write_variant(path: Path, valid: Path, *edits: Edit) -> Path:
    """Write `valid` with `edits` made to `path`; an edit that does not fit the file is an error,
    so a test can never check the valid file unchanged by mistake."""
    lines = valid.read_text(encoding="utf-8").split("\n")
    for edit in edits:
        found = lines[edit.line - 1].count(edit.old) if 1 <= edit.line <= len(lines) else 0
        if found != 1:
            raise ValueError(
                f"{valid.name}:{edit.line} holds {edit.old!r} {found} times; an edit needs it once"
            )
        lines[edit.line - 1] = lines[edit.line - 1].replace(edit.old, edit.new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path

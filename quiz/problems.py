"""A problem found in a source file, reported as `file:line:column: message` (or `file:line:`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One finding, printable in the `file:line:column: message` form editors understand.

    The column (from 1) is given where the checker knows it, as the quiz loader does for every
    value; the guide's Markdown checks know only the line.
    """

    path: str
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        """One line, whatever the file held: a control character that a key or a value carried
        into the message (a newline, a terminal escape) is shown as its escape, so it can neither
        forge another problem's line nor colour the terminal."""
        column = f":{self.column}" if self.column else ""
        return _printable(f"{self.path}:{self.line}{column}: {self.message}")

    def __lt__(self, other: Problem) -> bool:
        return self._order() < other._order()

    def _order(self) -> tuple:
        return (self.path, self.line, self.column or 0, self.message)


def _printable(text: str) -> str:
    return "".join(
        character
        if character.isprintable() or character == " "
        else character.encode("unicode_escape").decode("ascii")
        for character in text
    )


def format_problems(problems: list[Problem]) -> str:
    """All problems, one per line, in file, line and column order."""
    return "\n".join(str(problem) for problem in sorted(problems))

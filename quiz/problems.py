"""A problem found in a source file, reported as `file:line: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printable in the `file:line: message` form editors understand."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_problems(problems: list[Problem]) -> str:
    """All problems, one per line, in file and line order."""
    return "\n".join(str(problem) for problem in sorted(problems))

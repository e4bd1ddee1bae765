"""The reference scorer. The browser engine (quiz/web/scoring.js) implements the same rule
and must agree exactly; tests/browser/test_quiz_parity.py holds the two together.

The rule, step by step (the methodology page shows it with the live numbers):
- A definite answer is any option other than "Not sure yet". A question's maximum is the highest
  points among its options.
- A flag's ratio is the sum of points over the sum of maxima of its definite answers; a flag with
  no definite answer is unknown. Its shown score is round_half_up(100 * ratio).
- The overall score is round_half_up(100 * sum(weight * ratio) / sum(weight)) over known flags,
  summed in data-file order. round_half_up(x) = floor(x + 0.5).
- Band: any chosen dealbreaker gives walk-away; else fewer definite answers than the minimum
  share gives not-enough-info; else the thresholds decide.
- Concerns, the flags the result explains: those with a shown score above 0, strongest first
  (ties in data-file order); every one at or above the high-risk threshold, and at least the
  MIN_CONCERNS strongest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from quiz.model import Quiz


@dataclass(frozen=True)
class FlagResult:
    id: str
    score: int | None  # None when the flag is unknown
    definite: int
    questions: int


@dataclass(frozen=True)
class Result:
    band: str
    score: int | None  # None when no flag is known
    flags: tuple[FlagResult, ...]
    dealbreakers: tuple[tuple[str, str], ...]  # (question id, option id), in file order
    definite: int
    total: int

    @property
    def decided_by(self) -> str | None:
        """Why a walk-away verdict was given: "dealbreaker" or "score" (None for other bands)."""
        if self.band != "walk-away":
            return None
        return "dealbreaker" if self.dealbreakers else "score"

    @property
    def confidence(self) -> float:
        """The share of questions with a definite answer."""
        return self.definite / self.total


def score(quiz: Quiz, answers: Mapping[str, str]) -> Result:
    """Score one prospect; `answers` maps question ids to option ids (missing = unanswered)."""
    flags = []
    dealbreakers = []
    weighted = 0.0
    weight_total = 0.0
    definite_total = 0
    for flag in quiz.flags:
        points = 0
        maximum = 0
        definite = 0
        for question in flag.questions:
            option = next((o for o in question.options if o.id == answers.get(question.id)), None)
            if option is None or option.unsure:
                continue
            points += option.points
            maximum += question.maximum
            definite += 1
            if option.dealbreaker is not None:
                dealbreakers.append((question.id, option.id))
        definite_total += definite
        ratio = points / maximum if definite else None
        if ratio is not None:
            weighted += flag.weight * ratio
            weight_total += flag.weight
        shown = round_half_up(100 * ratio) if ratio is not None else None
        flags.append(FlagResult(flag.id, shown, definite, len(flag.questions)))
    total = sum(len(flag.questions) for flag in quiz.flags)
    overall = round_half_up(100 * weighted / weight_total) if weight_total else None
    return Result(
        band=band(quiz, overall, definite_total, total, bool(dealbreakers)),
        score=overall,
        flags=tuple(flags),
        dealbreakers=tuple(dealbreakers),
        definite=definite_total,
        total=total,
    )


def concerns(quiz: Quiz, result: Result) -> tuple[FlagResult, ...]:
    """The flags the result explains, strongest first (see the rule above)."""
    raised = sorted((flag for flag in result.flags if flag.score), key=lambda flag: -flag.score)
    strong = sum(1 for flag in raised if flag.score >= quiz.thresholds.high_risk)
    return tuple(raised[: max(strong, MIN_CONCERNS)])


def band(quiz: Quiz, overall: int | None, definite: int, total: int, dealbreaker: bool) -> str:
    """The band for a score, following the rule's order: dealbreaker, information, thresholds."""
    if dealbreaker:
        return "walk-away"
    if definite < quiz.min_definite * total or overall is None:
        return "not-enough-info"
    thresholds = quiz.thresholds
    if overall < thresholds.proceed_with_care:
        return "good-fit"
    if overall < thresholds.high_risk:
        return "proceed-with-care"
    if overall < thresholds.walk_away:
        return "high-risk"
    return "walk-away"


def round_half_up(x: float) -> int:
    """floor(x + 0.5), as the browser's Math.floor(x + 0.5)."""
    return math.floor(x + 0.5)


# The fewest concerns a result explains when that many flags raised any concern.
MIN_CONCERNS = 3

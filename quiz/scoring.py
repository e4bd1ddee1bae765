"""The reference scorer. The browser engine (quiz/web/scoring.js) implements the same rule
and must agree exactly; tests/browser/test_quiz_parity.py holds the two together.

The rule has two halves, like the clinical scores it learns from (NEWS2 adds its parameters up
and also sends any single parameter at its extreme straight to an urgent response): the average
says how much of the picture is troubling, and no serious answer is ever averaged away.
The methodology page shows it with the live numbers.

- A definite answer is any option other than "Not sure yet". A question's maximum is the highest
  points among its options.
- Breadth. A flag's ratio is the sum of points over the sum of maxima of its definite answers; a
  flag with no definite answer is unknown. Its shown score is round_half_up(100 * ratio). The
  average is round_half_up(100 * sum(weight * ratio) / sum(weight)) over known flags, summed in
  data-file order (round_half_up(x) = floor(x + 0.5)); the thresholds place it in a band.
- Depth. An answer may set the least band it allows (a dealbreaker: walk-away; a floor:
  proceed-with-care or high-risk). Serious answers add up on their own scale: an answer worth 2
  counts 1, one worth 3 counts 2; from the quiz's `serious` totals the band is at least
  proceed-with-care, high-risk or walk-away. The depth band is the most serious of these.
- Band: the more serious of breadth and depth. With fewer definite answers than the minimum
  share, the band is not-enough-info unless depth alone demands high-risk or walk-away: too little
  known never hides a serious risk.
- The score shown agrees with the band: the average, raised to the band's lowest score when
  depth decided a more serious band (and, when depth overrode too little known, held within it).
- Own lines: the reader may mark answers as lines they never work on (`own_lines`,
  "question:option", set on the saved-prospects page). A definite answer that is one of them
  decides walk-away for that reader as a dealbreaker does for everyone.
- Raised by: every dealbreaker and own line chosen, since each decides walk-away whatever the
  average; else, when depth decided the band, the answers that set it alone ("question:option"),
  or, when the serious answers together set it, each flag holding one ("flag:<id>"), in file order.
- Concerns, the flags the result explains: first the flags that raised the band, then those with
  a shown score above 0, strongest first (ties in data-file order); every one at or above the
  high-risk threshold, and at least the MIN_CONCERNS strongest.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from quiz.model import SEVERITY, Quiz


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
    average: int | None = None  # the breadth score before depth raised it
    raised_by: tuple[str, ...] = ()  # what decided the band when depth did ("q:o" or "flag:<id>")
    own_lines: tuple[str, ...] = ()  # the reader's own lines chosen, dealbreakers aside ("q:o")

    @property
    def decided_by(self) -> str | None:
        """Why a walk-away verdict was given: "dealbreaker", else "own-line" (one of the reader's
        own lines), else "score" (None for other bands)."""
        if self.band != "walk-away":
            return None
        if self.dealbreakers:
            return "dealbreaker"
        return "own-line" if self.own_lines else "score"

    @property
    def confidence(self) -> float:
        """The share of questions with a definite answer."""
        return self.definite / self.total


def score(quiz: Quiz, answers: Mapping[str, str], own_lines: Collection[str] = ()) -> Result:
    """Score one prospect; `answers` maps question ids to option ids (missing = unanswered);
    `own_lines` are the reader's own lines ("question:option")."""
    flags = []
    dealbreakers = []
    walk: list[str] = []  # "question:option" of each dealbreaker and own line chosen, in file order
    own: list[str] = []  # the own lines among them that are not dealbreakers
    floors: list[tuple[str, str]] = []  # (band, "question:option")
    serious = 0
    serious_flags: list[str] = []
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
            key = f"{question.id}:{option.id}"
            if option.dealbreaker is not None:
                dealbreakers.append((question.id, option.id))
            elif key in own_lines:
                own.append(key)
            if option.dealbreaker is not None or key in own_lines:
                walk.append(key)
            if option.least_band is not None:
                floors.append((option.least_band, key))
            if option.points >= 2:
                serious += option.points - 1
                if flag.id not in serious_flags:
                    serious_flags.append(flag.id)
        definite_total += definite
        ratio = points / maximum if definite else None
        if ratio is not None:
            weighted += flag.weight * ratio
            weight_total += flag.weight
        shown = round_half_up(100 * ratio) if ratio is not None else None
        flags.append(FlagResult(flag.id, shown, definite, len(flag.questions)))
    total = sum(len(flag.questions) for flag in quiz.flags)
    average = round_half_up(100 * weighted / weight_total) if weight_total else None
    breadth = band(quiz, average, definite_total, total)
    answer_band = max((band for band, _ in floors), key=SEVERITY.index, default="good-fit")
    if own:  # an own line decides as a dealbreaker does
        answer_band = "walk-away"
    pattern_band = serious_band(quiz, serious)
    depth = max(answer_band, pattern_band, key=SEVERITY.index)
    final = _combine(breadth, depth)
    raised_by: tuple[str, ...] = ()
    if walk:  # a dealbreaker or an own line decides walk-away whatever the average says
        raised_by = tuple(walk)
    elif final != breadth:
        if answer_band == final:
            raised_by = tuple(key for band, key in floors if band == final)
        else:
            raised_by = tuple(f"flag:{flag_id}" for flag_id in serious_flags)
    return Result(
        band=final,
        score=_agreeing_score(quiz, average, final),
        flags=tuple(flags),
        dealbreakers=tuple(dealbreakers),
        definite=definite_total,
        total=total,
        average=average,
        raised_by=raised_by,
        own_lines=tuple(own),
    )


def serious_band(quiz: Quiz, serious: int) -> str:
    """The least band that serious answers worth `serious` points together allow."""
    if serious >= quiz.serious.walk_away:
        return "walk-away"
    if serious >= quiz.serious.high_risk:
        return "high-risk"
    if serious >= quiz.serious.proceed_with_care:
        return "proceed-with-care"
    return "good-fit"


def _combine(breadth: str, depth: str) -> str:
    """The more serious of the two; too little known gives way only to high-risk or walk-away."""
    if breadth == "not-enough-info":
        return depth if SEVERITY.index(depth) >= SEVERITY.index("high-risk") else breadth
    return max(breadth, depth, key=SEVERITY.index)


def _agreeing_score(quiz: Quiz, average: int | None, final: str) -> int | None:
    """The average, brought into the band's own scores: raised to its lowest when depth decided a
    more serious band, and held below the next band's when too few answers stood behind it."""
    if average is None or final not in SEVERITY:
        return average
    low, high = band_scores(quiz)[final]
    return min(max(average, low), high)


def band_scores(quiz: Quiz) -> dict[str, tuple[int, int]]:
    """Each band's lowest and highest score."""
    t = quiz.thresholds
    starts = (0, t.proceed_with_care, t.high_risk, t.walk_away, 101)
    return {band_id: (starts[i], starts[i + 1] - 1) for i, band_id in enumerate(SEVERITY)}


def concerns(quiz: Quiz, result: Result) -> tuple[FlagResult, ...]:
    """The flags the result explains, those that raised the band first (see the rule above)."""
    raising = raised_flags(quiz, result)
    raised = sorted(
        (flag for flag in result.flags if flag.score or flag.id in raising),
        key=lambda flag: (flag.id not in raising, -(flag.score or 0)),
    )
    strong = sum(
        1 for flag in raised if flag.id in raising or flag.score >= quiz.thresholds.high_risk
    )
    return tuple(raised[: max(strong, MIN_CONCERNS)])


def raised_flags(quiz: Quiz, result: Result) -> list[str]:
    """The flags of what raised the band, in file order."""
    owner = {question.id: flag.id for flag, question in quiz.questions()}
    ids = {
        key[5:] if key.startswith("flag:") else owner[key.split(":")[0]] for key in result.raised_by
    }
    return [flag.id for flag in quiz.flags if flag.id in ids]


def band(quiz: Quiz, overall: int | None, definite: int, total: int) -> str:
    """The band of the average alone: not-enough-info with too few definite answers, else the
    thresholds decide."""
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

"""The quiz's rules beyond types: unique ids, guide pages, one "Not sure yet" per question, sane
points and thresholds, and reachability of every band and every flag score, proved by dynamic
programming over the answer space (never by enumerating answer combinations).
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path
from typing import Iterable

from quiz.loader import Source, load_quiz
from quiz.model import BAND_IDS, LANGUAGES, Quiz
from quiz.problems import Problem
from quiz.scoring import score
from quiz.share import share_key


def validate_quiz(path: Path, flags_dir: Path, shown: str | None = None) -> tuple[Quiz | None, list[Problem]]:
    """Load and check a quiz file; the model is returned only when there is no problem."""
    quiz, source, problems = load_quiz(path, shown)
    if quiz is None:
        return None, problems
    problems = check_quiz(quiz, source, guide_pages(flags_dir))
    return (quiz if not problems else None), problems


def guide_pages(flags_dir: Path) -> set[str]:
    """The flag ids that have a page in the guide (docs/flags/<id>.md)."""
    return {path.stem for path in flags_dir.glob("*.md") if path.suffixes == [".md"]}


def check_quiz(quiz: Quiz, source: Source, pages: set[str]) -> list[Problem]:
    """Every rule problem of a quiz that already has the right types."""
    problems = [
        *_unique_ids(quiz, source),
        *_unique_covers(quiz, source),
        *_guide_pages(quiz, source, pages),
        *_options(quiz, source),
        *_thresholds(quiz, source),
    ]
    if not problems:
        problems.extend(_reachability(quiz, source))
    return sorted(problems)


def reachable_bands(quiz: Quiz) -> dict[str, dict[str, str] | None]:
    """For each band, an answer set that the scorer puts in it, or None when none exists.

    Bands other than not-enough-info are searched among answer sets that are all definite and
    free of dealbreakers (walk-away also counts a dealbreaker), so a band is reachable by a
    screener who knows every answer. The search is a DP: per flag, the reachable point totals
    (a bitset over 0..sum of maxima); across flags, the reachable weighted sums in exact
    rational units. Each witness is then scored by the reference scorer to confirm the band.
    """
    found: dict[str, dict[str, str] | None] = {band: None for band in BAND_IDS}
    unsure = {question.id: _unsure_id(question) for _, question in quiz.questions()}
    if score(quiz, unsure).band == "not-enough-info":
        found["not-enough-info"] = unsure
    for flag, question in quiz.questions():
        breaker = next((option for option in question.options if option.dealbreaker), None)
        if breaker:
            answers = {q.id: _zero_id(q) for _, q in quiz.questions()} | {question.id: breaker.id}
            if score(quiz, answers).band == "walk-away":
                found["walk-away"] = answers
                break
    layers, unit = _weighted_sums(quiz)
    if layers is None:
        raise LatticeTooLarge(f"the exact lattice of weighted sums needs more than {MAX_LATTICE_BITS:,} states")
    total_weight = sum(Fraction(str(flag.weight)) for flag in quiz.flags)
    for band, (low, high) in _score_ranges(quiz).items():
        if found[band] is not None:
            continue
        start = max(0, math.ceil((low - Fraction(1, 2)) * total_weight / 100 * unit))
        stop = math.ceil((high - Fraction(1, 2)) * total_weight / 100 * unit)
        for total in _set_bits(layers[-1][0], start, stop, limit=WITNESS_TRIES):
            answers = _witness(quiz, layers, total)
            if score(quiz, answers).band == band:
                found[band] = answers
                break
    return found


def flag_range(quiz: Quiz, flag_index: int) -> tuple[bool, bool]:
    """Whether the flag's shown score can be 0 and can be 100, from its point-total DP."""
    flag = quiz.flags[flag_index]
    reach, maximum = _point_totals(flag, allow_dealbreakers=True)
    return bool(reach & 1) and maximum > 0, maximum > 0 and bool(reach >> maximum & 1)


class LatticeTooLarge(ValueError):
    """The exact reachability proof would need more memory than is sensible."""


# ---------------------------------------------------------------------------- helpers


def _unique_ids(quiz: Quiz, source: Source) -> Iterable[Problem]:
    yield from _duplicates([(flag.id, ("flags", i)) for i, flag in enumerate(quiz.flags)], "flag", source)
    questions = [
        (question.id, ("flags", i, "questions", j))
        for i, flag in enumerate(quiz.flags)
        for j, question in enumerate(flag.questions)
    ]
    yield from _duplicates(questions, "question", source)
    keys = [(share_key(ident), path) for ident, path in questions]
    seen: dict[str, str] = {}
    for (key, path), (ident, _) in zip(keys, questions):
        if key in seen and seen[key] != ident:
            yield Problem(source.shown, source.line(path), f"question '{ident}' has the same share-link key as '{seen[key]}'; rename one of them")
        seen.setdefault(key, ident)
    for i, flag in enumerate(quiz.flags):
        for j, question in enumerate(flag.questions):
            options = [(option.id, ("flags", i, "questions", j, "options", k)) for k, option in enumerate(question.options)]
            yield from _duplicates(options, "option", source)


def _unique_covers(quiz: Quiz, source: Source) -> Iterable[Problem]:
    """One behaviour, one question: no two questions may describe what they measure alike."""
    for language in LANGUAGES:
        first: dict[str, tuple[str, tuple]] = {}
        for i, flag in enumerate(quiz.flags):
            for j, question in enumerate(flag.questions):
                path = ("flags", i, "questions", j, "covers", language)
                text = " ".join(getattr(question.covers, language).casefold().split()).rstrip(".")
                if text in first:
                    other, other_path = first[text]
                    yield Problem(
                        source.shown,
                        source.line(path),
                        f"question '{question.id}' covers the same behaviour as '{other}' (line {source.line(other_path)}); "
                        "merge them or say what each one measures",
                    )
                else:
                    first[text] = (question.id, path)


def _duplicates(items, kind: str, source: Source) -> Iterable[Problem]:
    first: dict[str, tuple] = {}
    for ident, path in items:
        if ident in first:
            where = source.where(path[:-2]) if len(path) > 2 else ""
            prefix = f"{where}: " if where else ""
            yield Problem(source.shown, source.line(path), f"{prefix}{kind} id '{ident}' is used twice (first on line {source.line(first[ident])})")
        else:
            first[ident] = path


def _guide_pages(quiz: Quiz, source: Source, pages: set[str]) -> Iterable[Problem]:
    ids = {flag.id for flag in quiz.flags}
    for i, flag in enumerate(quiz.flags):
        if flag.id not in pages:
            yield Problem(source.shown, source.line(("flags", i)), f"flag '{flag.id}' has no guide page docs/flags/{flag.id}.md")
    for page in sorted(pages - ids):
        yield Problem(source.shown, source.line(("flags",)), f"the quiz has no flag for the guide page docs/flags/{page}.md")


def _options(quiz: Quiz, source: Source) -> Iterable[Problem]:
    for i, flag in enumerate(quiz.flags):
        for j, question in enumerate(flag.questions):
            path = ("flags", i, "questions", j)
            where = source.where(path)
            for k, option in enumerate(question.options):
                option_path = path + ("options", k)
                if option.unsure and option.points is not None:
                    yield Problem(source.shown, source.line(option_path + ("points",)), f"{source.where(option_path)}: a \"Not sure yet\" option has no points")
                if option.unsure and option.dealbreaker is not None:
                    yield Problem(source.shown, source.line(option_path + ("dealbreaker",)), f"{source.where(option_path)}: a \"Not sure yet\" option cannot be a dealbreaker")
                if not option.unsure and option.points is None:
                    yield Problem(source.shown, source.line(option_path), f"{source.where(option_path)}: points are missing (0 to 3, or unsure: true)")
            unsure = sum(option.unsure for option in question.options)
            if unsure != 1:
                found = "none" if unsure == 0 else str(unsure)
                yield Problem(source.shown, source.line(path + ("options",)), f"{where}: needs exactly one \"Not sure yet\" option (unsure: true), found {found}")
            points = [option.points for option in question.options if option.points is not None]
            if 0 not in points:
                yield Problem(source.shown, source.line(path + ("options",)), f"{where}: needs an option with 0 points (no concern)")
            if not any(points):
                yield Problem(source.shown, source.line(path + ("options",)), f"{where}: needs an option with more than 0 points, or it can never raise a concern")


def _thresholds(quiz: Quiz, source: Source) -> Iterable[Problem]:
    t = quiz.thresholds
    if not t.proceed_with_care < t.high_risk < t.walk_away:
        yield Problem(
            source.shown,
            source.line(("thresholds",)),
            "thresholds must increase strictly: proceed-with-care "
            f"({t.proceed_with_care}) < high-risk ({t.high_risk}) < walk-away ({t.walk_away})",
        )


def _reachability(quiz: Quiz, source: Source) -> Iterable[Problem]:
    for i, flag in enumerate(quiz.flags):
        can_zero, can_hundred = flag_range(quiz, i)
        for ok, value in ((can_zero, 0), (can_hundred, 100)):
            if not ok:
                yield Problem(source.shown, source.line(("flags", i)), f"flag '{flag.id}': no answers give it a score of {value}")
    ranges = _score_ranges(quiz)
    try:
        witnesses = reachable_bands(quiz)
    except LatticeTooLarge as error:
        yield Problem(source.shown, source.line(("flags",)), f"cannot prove every band is reachable: {error}; use fewer distinct weights or question maxima")
        return
    for band, witness in witnesses.items():
        if witness is None:
            low, high = ranges.get(band, (0, 0))
            scores = f" (scores {low} to {high - 1})" if band in ranges else ""
            yield Problem(source.shown, source.line(("thresholds",)), f"band '{band}'{scores} cannot be reached by any set of definite answers without a dealbreaker")


def _score_ranges(quiz: Quiz) -> dict[str, tuple[int, int]]:
    """Each score band as [low, high) in whole score points."""
    t = quiz.thresholds
    return {
        "good-fit": (0, t.proceed_with_care),
        "proceed-with-care": (t.proceed_with_care, t.high_risk),
        "high-risk": (t.high_risk, t.walk_away),
        "walk-away": (t.walk_away, 101),
    }


def _point_totals(flag, allow_dealbreakers: bool) -> tuple[int, int]:
    """A bitset of the point totals the flag's all-definite answers can reach, and its maximum."""
    reach = 1
    maximum = 0
    for question in flag.questions:
        choices = {
            option.points
            for option in question.options
            if option.points is not None and (allow_dealbreakers or option.dealbreaker is None)
        }
        step = 0
        for points in choices:
            step |= reach << points
        reach = step
        maximum += question.maximum
    return reach, maximum


def _weighted_sums(quiz: Quiz):
    """Per flag, the bitset of reachable sum(weight * points / maximum), in units of 1/unit.

    Returns the cumulative layers (layer k: sums over the first k+1 flags, with that flag's
    point totals and step) and the unit, or (None, unit) when the exact lattice would be too
    large to hold.
    """
    totals = [_point_totals(flag, False) for flag in quiz.flags]
    fractions = [Fraction(str(flag.weight)) / max(maximum, 1) for flag, (_, maximum) in zip(quiz.flags, totals)]
    unit = math.lcm(*(fraction.denominator for fraction in fractions))
    span = sum(fraction * maximum for fraction, (_, maximum) in zip(fractions, totals)) * unit
    if span > MAX_LATTICE_BITS:
        return None, unit
    layers = []
    reach = 1
    for fraction, (reachable, _) in zip(fractions, totals):
        step_size = int(fraction * unit)
        step = 0
        for points in _set_bits(reachable, 0, reachable.bit_length()):
            step |= reach << (points * step_size)
        reach = step
        layers.append((reach, reachable, step_size))
    return layers, unit


def _witness(quiz: Quiz, layers, total: int) -> dict[str, str]:
    """Walk the DP layers back from a reachable weighted sum to one answer set."""
    chosen_points = []
    for k in range(len(quiz.flags) - 1, -1, -1):
        _, totals, step_size = layers[k]
        previous = layers[k - 1][0] if k else 1
        for points in _set_bits(totals, 0, totals.bit_length()):
            rest = total - points * step_size
            if rest >= 0 and previous >> rest & 1:
                chosen_points.append(points)
                total = rest
                break
    chosen_points.reverse()
    answers = {}
    for flag, points in zip(quiz.flags, chosen_points):
        answers.update(_answers_for_total(flag, points))
    return answers


def _answers_for_total(flag, target: int) -> dict[str, str]:
    """Options (no dealbreakers) for the flag's questions whose points add up to `target`."""
    prefixes = [1]
    for question in flag.questions:
        step = 0
        for option in question.options:
            if option.points is not None and option.dealbreaker is None:
                step |= prefixes[-1] << option.points
        prefixes.append(step)
    answers = {}
    for index in range(len(flag.questions) - 1, -1, -1):
        question = flag.questions[index]
        for option in question.options:
            if option.points is None or option.dealbreaker is not None:
                continue
            if target - option.points >= 0 and prefixes[index] >> (target - option.points) & 1:
                answers[question.id] = option.id
                target -= option.points
                break
    return answers


def _set_bits(mask, start: int, stop: int, limit: int | None = None) -> Iterable[int]:
    """The positions of set bits in [start, stop), lowest first."""
    if stop <= start:
        return
    window = (mask >> start) & ((1 << (stop - start)) - 1)
    found = 0
    while window and (limit is None or found < limit):
        low = window & -window
        yield start + low.bit_length() - 1
        window ^= low
        found += 1


def _unsure_id(question) -> str:
    return next(option.id for option in question.options if option.unsure)


def _zero_id(question) -> str:
    return next(option.id for option in question.options if option.points == 0)


# The exact lattice of weighted sums is held as one integer bitset; past this size the
# reachability proof gives up and says so rather than run for minutes.
MAX_LATTICE_BITS = 50_000_000
WITNESS_TRIES = 64

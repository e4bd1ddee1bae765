"""Reachability of every band and every flag score, proved by dynamic programming over the
answer space (never by enumerating answer combinations). Pure domain code: the validator uses it
to refuse an unreachable band, and the methodology page shows its witnesses.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from quiz.model import BAND_IDS, Quiz
from quiz.scoring import band_scores, score


def reachable_bands(quiz: Quiz) -> dict[str, dict[str, str] | None]:
    """For each band, an answer set that the scorer puts in it, or None when none exists.

    Bands other than not-enough-info are searched among answer sets that are all definite and
    free of answers that decide alone (a floor or a dealbreaker), so a band is reachable by a
    screener who knows every answer; a band that no such set reaches (the serious answers a high
    average needs may lift it further) falls back to sets where depth decides: one answer on an
    otherwise clean set, or strong answers piled up (so the methodology page's example for a band
    is an average in its range whenever one exists). The search is a DP: per flag, the
    reachable point totals (a bitset over 0..sum of maxima); across flags, the reachable weighted
    sums in exact rational units. Each witness is then scored by the reference scorer to confirm
    the band.
    """
    found: dict[str, dict[str, str] | None] = {band: None for band in BAND_IDS}
    unsure = {question.id: _unsure_id(question) for _, question in quiz.questions()}
    if score(quiz, unsure).band == "not-enough-info":
        found["not-enough-info"] = unsure
    layers, unit = _weighted_sums(quiz)
    if layers is None:
        raise LatticeTooLarge(
            f"the exact lattice of weighted sums needs more than {MAX_LATTICE_BITS:,} states"
        )
    total_weight = sum(Fraction(str(flag.weight)) for flag in quiz.flags)
    for band, (low, high) in score_ranges(quiz).items():
        if found[band] is not None:
            continue
        start = max(0, math.ceil((low - Fraction(1, 2)) * total_weight / 100 * unit))
        stop = math.ceil((high - Fraction(1, 2)) * total_weight / 100 * unit)
        for total in _set_bits(layers[-1][0], start, stop, limit=WITNESS_TRIES):
            answers = _witness(quiz, layers, total)
            if score(quiz, answers).band == band:
                found[band] = answers
                break
    clean = {question.id: _zero_id(question) for _, question in quiz.questions()}
    missing = [band for band in score_ranges(quiz) if found[band] is None]
    for answers in _deciding_sets(quiz, clean):  # bands the average alone cannot reach
        if not missing:
            break
        band = score(quiz, answers).band
        if band in missing:
            found[band] = answers
            missing.remove(band)
    return found


def _deciding_sets(quiz: Quiz, clean: dict[str, str]) -> Iterable[dict[str, str]]:
    """Answer sets where depth decides: one answer of each kind (its points and the band it sets
    alone) on an otherwise clean set, then the strongest answers added one question at a time
    until the verdict is walk-away, so that serious answers add up through every band they can
    set. A few dozen sets at most, whatever the size of the quiz."""
    tried = set()
    for _, question in quiz.questions():
        for option in question.options:
            kind = (option.points, option.least_band)
            if option.points and kind not in tried:
                tried.add(kind)
                yield clean | {question.id: option.id}
    piled = dict(clean)
    for _, question in quiz.questions():
        options = [
            option
            for option in question.options
            if option.points is not None and option.least_band is None
        ]
        piled[question.id] = max(options, key=lambda option: option.points).id
        yield dict(piled)
        if score(quiz, piled).band == "walk-away":
            return


def flag_range(quiz: Quiz, flag_index: int) -> tuple[bool, bool]:
    """Whether the flag's shown score can be 0 and can be 100, from its point-total DP."""
    flag = quiz.flags[flag_index]
    reach, maximum = _point_totals(flag, allow_deciding=True)
    return bool(reach & 1) and maximum > 0, maximum > 0 and bool(reach >> maximum & 1)


class LatticeTooLarge(ValueError):
    """The exact reachability proof would need more memory than is sensible."""


def score_ranges(quiz: Quiz) -> dict[str, tuple[int, int]]:
    """Each score band as [low, high) in whole score points (the scorer's band_scores,
    half-open)."""
    return {band: (low, high + 1) for band, (low, high) in band_scores(quiz).items()}


def _point_totals(flag, allow_deciding: bool) -> tuple[int, int]:
    """A bitset of the point totals the flag's all-definite answers can reach, and its maximum."""
    reach = 1
    maximum = 0
    for question in flag.questions:
        choices = {
            option.points
            for option in question.options
            if option.points is not None and (allow_deciding or option.least_band is None)
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
    fractions = [
        Fraction(str(flag.weight)) / max(maximum, 1)
        for flag, (_, maximum) in zip(quiz.flags, totals, strict=True)
    ]
    unit = math.lcm(*(fraction.denominator for fraction in fractions))
    span = (
        sum(fraction * maximum for fraction, (_, maximum) in zip(fractions, totals, strict=True))
        * unit
    )
    if span > MAX_LATTICE_BITS:
        return None, unit
    layers = []
    reach = 1
    for fraction, (reachable, _) in zip(fractions, totals, strict=True):
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
    for flag, points in zip(quiz.flags, chosen_points, strict=True):
        answers.update(_answers_for_total(flag, points))
    return answers


def _answers_for_total(flag, target: int) -> dict[str, str]:
    """Options (none that decides alone) for the flag's questions whose points add up to
    `target`."""
    prefixes = [1]
    for question in flag.questions:
        step = 0
        for option in question.options:
            if option.points is not None and option.least_band is None:
                step |= prefixes[-1] << option.points
        prefixes.append(step)
    answers = {}
    for index in range(len(flag.questions) - 1, -1, -1):
        question = flag.questions[index]
        for option in question.options:
            if option.points is None or option.least_band is not None:
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


# How many reachable averages in a band to try as witnesses before the deciding sets: low
# averages first, since serious answers lift the higher ones out of the band.
WITNESS_TRIES = 8

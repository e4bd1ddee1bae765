"""The quiz's rules beyond types: unique ids and behaviours, every text in its own language (the
rule in quiz/language.py, which the guide's pages follow too), placeholders only where a drafted
message fills them, guide pages, one "Not sure yet" per question, sane points and thresholds, and
reachability of every band and every flag score (the proof itself is in quiz/reachability.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from quiz.language import written_in
from quiz.loader import DataPath, Source, field_name, load_quiz
from quiz.messages import TERMS
from quiz.model import LANGUAGE_NAMES, LANGUAGES, SEVERITY, Quiz, Text
from quiz.problems import Problem
from quiz.reachability import LatticeTooLarge, flag_range, reachable_bands, score_ranges
from quiz.share import share_key


@dataclass(frozen=True)
class Checked:
    """A checked quiz file: the model when it has no problem, the problems, and for each band an
    answer set that reaches it (the reachability proof's witnesses, shown on the methodology
    page)."""

    quiz: Quiz | None
    problems: list[Problem]
    witnesses: dict[str, dict[str, str] | None] = field(default_factory=dict)


def check_file(path: Path, flags_dir: Path, shown: str | None = None) -> Checked:
    """Load and check a quiz file, proving reachability once."""
    quiz, source, problems = load_quiz(path, shown)
    if quiz is None:
        return Checked(None, problems)
    problems, witnesses = _check(quiz, source, guide_pages(flags_dir))
    return Checked(quiz if not problems else None, problems, witnesses)


def validate_quiz(
    path: Path, flags_dir: Path, shown: str | None = None
) -> tuple[Quiz | None, list[Problem]]:
    """Load and check a quiz file; the model is returned only when there is no problem."""
    checked = check_file(path, flags_dir, shown)
    return checked.quiz, checked.problems


def guide_pages(flags_dir: Path) -> set[str]:
    """The flag ids that have a page in the guide (docs/flags/<id>.md)."""
    return {path.stem for path in flags_dir.glob("*.md") if path.suffixes == [".md"]}


def texts(node, path: DataPath = ()) -> Iterable[tuple[DataPath, Text]]:
    """Every text of a model, with its path into the data (by the keys the file uses)."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from texts(item, (*path, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from texts(item, (*path, key))
    elif isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            if isinstance(
                value, (BaseModel, list, dict)
            ):  # ids, numbers and true/false hold no text
                yield from texts(value, (*path, info.alias or name))


def _check(quiz: Quiz, source: Source, pages: set[str]) -> tuple[list[Problem], dict]:
    problems = [
        *_unique_ids(quiz, source),
        *_unique_covers(quiz, source),
        *_languages(quiz, source),
        *_placeholders(quiz, source),
        *_guide_pages(quiz, source, pages),
        *_options(quiz, source),
        *_thresholds(quiz, source),
        *_basics(quiz, source),
        *_outcomes(quiz, source),
    ]
    witnesses: dict = {}
    if not problems:
        problems.extend(_reachability(quiz, source, witnesses))
    return sorted(problems), witnesses


# ---------------------------------------------------------------------------- helpers


def _unique_ids(quiz: Quiz, source: Source) -> Iterable[Problem]:
    yield from _duplicates(
        [(flag.id, ("flags", i)) for i, flag in enumerate(quiz.flags)], "flag", source
    )
    questions = [
        (question.id, ("flags", i, "questions", j))
        for i, flag in enumerate(quiz.flags)
        for j, question in enumerate(flag.questions)
    ]
    yield from _duplicates(questions, "question", source)
    keys = [(share_key(ident), path) for ident, path in questions]
    seen: dict[str, str] = {}
    for (key, path), (ident, _) in zip(keys, questions, strict=True):
        if key in seen and seen[key] != ident:
            yield source.problem(
                path,
                f"question '{ident}' has the same share-link key as '{seen[key]}'; "
                "rename one of them",
            )
        seen.setdefault(key, ident)
    for i, flag in enumerate(quiz.flags):
        for j, question in enumerate(flag.questions):
            options = [
                (option.id, ("flags", i, "questions", j, "options", k))
                for k, option in enumerate(question.options)
            ]
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
                    yield source.problem(
                        path,
                        f"question '{question.id}' covers the same behaviour as '{other}' "
                        f"(line {source.line(other_path)}); "
                        "merge them or say what each one measures",
                    )
                else:
                    first[text] = (question.id, path)


def _languages(quiz: Quiz, source: Source) -> Iterable[Problem]:
    """Each text in its own language: Korean in every `ko`, by the guide's own rule."""
    for path, text in texts(quiz):
        for language in LANGUAGES:
            if not written_in(getattr(text, language), language):
                field = (*path, language)
                yield source.problem_in(
                    field,
                    f"{field_name(field)} reads as English; {LANGUAGE_NAMES[language]} expected",
                )


def _placeholders(quiz: Quiz, source: Source) -> Iterable[Problem]:
    """The reader's terms ({deposit}, ...) only in what a message asks (`ask`, `email`), where the
    drafter fills them in and the pages show the defaults; no other brace anywhere."""
    for path, text in texts(quiz):
        asked = path[-1:] in (("ask",), ("email",))
        for language in LANGUAGES:
            value = getattr(text, language)
            field = (*path, language)
            for token in sorted(set(_PLACEHOLDER.findall(value))):
                if token not in TERMS:
                    yield source.problem_in(
                        field,
                        f"{field_name(field)}: unknown placeholder '{{{token}}}'; the reader's "
                        f"terms are {', '.join('{' + term + '}' for term in TERMS)}",
                    )
                elif not asked:
                    yield source.problem_in(
                        field,
                        f"{field_name(field)}: {{{token}}} belongs only in a question's ask or "
                        "email, where the reader's terms are filled in",
                    )
            if any(brace in _PLACEHOLDER.sub("", value) for brace in "{}"):
                yield source.problem_in(
                    field, f"{field_name(field)}: a lone brace; a placeholder reads {{deposit}}"
                )


def _basics(quiz: Quiz, source: Source) -> Iterable[Problem]:
    """Every question `basics` names is a question of the quiz, named once."""
    questions = {question.id for _, question in quiz.questions()}
    first: set[str] = set()
    for index, ident in enumerate(quiz.basics):
        if ident not in questions:
            yield source.problem(
                ("basics", index), f"basics: '{ident}' is not a question of the quiz"
            )
        elif ident in first:
            yield source.problem(("basics", index), f"basics: '{ident}' is named twice")
        first.add(ident)


def _outcomes(quiz: Quiz, source: Source) -> Iterable[Problem]:
    """Each outcome is a decision or a result, never both or neither, under an id of its own;
    with any, one can be signing (the track record counts engagements from it)."""
    yield from _duplicates(
        [(outcome.id, ("outcomes", i)) for i, outcome in enumerate(quiz.outcomes)],
        "outcome",
        source,
    )
    for index, outcome in enumerate(quiz.outcomes):
        if (outcome.decides is None) == (outcome.went is None):
            yield source.problem(
                ("outcomes", index),
                f"outcome '{outcome.id}': give it either `decides` or `went`, not both or neither",
            )
    if quiz.outcomes and not any(outcome.decides == "signed" for outcome in quiz.outcomes):
        yield source.problem(("outcomes",), "outcomes: none is `decides: signed`")


def _duplicates(items, kind: str, source: Source) -> Iterable[Problem]:
    first: dict[str, tuple] = {}
    for ident, path in items:
        if ident in first:
            where = source.where(path[:-2]) if len(path) > 2 else ""
            prefix = f"{where}: " if where else ""
            yield source.problem(
                path,
                f"{prefix}{kind} id '{ident}' is used twice "
                f"(first on line {source.line(first[ident])})",
            )
        else:
            first[ident] = path


def _guide_pages(quiz: Quiz, source: Source, pages: set[str]) -> Iterable[Problem]:
    ids = {flag.id for flag in quiz.flags}
    for i, flag in enumerate(quiz.flags):
        if flag.id not in pages:
            yield source.problem(
                ("flags", i), f"flag '{flag.id}' has no guide page docs/flags/{flag.id}.md"
            )
    for page in sorted(pages - ids):
        yield source.problem(
            ("flags",), f"the quiz has no flag for the guide page docs/flags/{page}.md"
        )


def _options(quiz: Quiz, source: Source) -> Iterable[Problem]:
    for i, flag in enumerate(quiz.flags):
        for j, question in enumerate(flag.questions):
            path = ("flags", i, "questions", j)
            where = source.where(path)
            for k, option in enumerate(question.options):
                option_path = (*path, "options", k)
                if option.unsure and option.points is not None:
                    yield source.problem(
                        (*option_path, "points"),
                        f'{source.where(option_path)}: a "Not sure yet" option has no points',
                    )
                if option.unsure and option.dealbreaker is not None:
                    yield source.problem(
                        (*option_path, "dealbreaker"),
                        f"{source.where(option_path)}: "
                        'a "Not sure yet" option cannot be a dealbreaker',
                    )
                if not option.unsure and option.points is None:
                    # Written empty (`points: null`): at that value; left out: at the option.
                    written = (*option_path, "points") in source.marks
                    yield source.problem(
                        (*option_path, "points") if written else option_path,
                        f"{source.where(option_path)}: points are "
                        f"{'empty' if written else 'missing'} (0 to 3, or unsure: true)",
                    )
                if option.floor is not None and (option.points or 0) < 2:
                    yield source.problem(
                        (*option_path, "floor"),
                        f"{source.where(option_path)}: only an answer worth 2 or 3 points "
                        "(a concern) can set a floor on its own",
                    )
                if option.floor is not None and option.dealbreaker is not None:
                    yield source.problem(
                        (*option_path, "floor"),
                        f"{source.where(option_path)}: "
                        "a dealbreaker already means walk-away; drop its floor",
                    )
            yield from _floors_follow_points(question, path, source)
            unsure = sum(option.unsure for option in question.options)
            if unsure != 1:
                found = "none" if unsure == 0 else str(unsure)
                yield source.problem(
                    (*path, "options"),
                    f'{where}: needs exactly one "Not sure yet" option '
                    f"(unsure: true), found {found}",
                )
            points = [option.points for option in question.options if option.points is not None]
            if 0 not in points:
                yield source.problem(
                    (*path, "options"), f"{where}: needs an option with 0 points (no concern)"
                )
            if not any(points):
                yield source.problem(
                    (*path, "options"),
                    f"{where}: needs an option with more than 0 points, "
                    "or it can never raise a concern",
                )


def _floors_follow_points(question, path, source: Source) -> Iterable[Problem]:
    """A more serious answer never allows a milder band: the least band an option sets (its floor
    or a dealbreaker's walk-away) never falls as its points rise, so raising an answer can never
    soften the verdict."""
    scored = [(k, option) for k, option in enumerate(question.options) if option.points is not None]
    for k, option in scored:
        for _, other in scored:
            if other.points < option.points and _severity(other) > _severity(option):
                yield source.problem(
                    (*path, "options", k),
                    f"{source.where((*path, 'options', k))}: worth {option.points} points, "
                    f"it allows a milder band than '{other.id}' "
                    f"({other.points} points, at least {other.least_band}); "
                    "raise its floor or lower the other's",
                )
                break


def _severity(option) -> int:
    """How serious the least band an option sets is (0 when it sets none)."""
    return SEVERITY.index(option.least_band) if option.least_band else 0


def _thresholds(quiz: Quiz, source: Source) -> Iterable[Problem]:
    t = quiz.thresholds
    if not t.proceed_with_care < t.high_risk < t.walk_away:
        yield source.problem(
            ("thresholds",),
            "thresholds must increase strictly: proceed-with-care "
            f"({t.proceed_with_care}) < high-risk ({t.high_risk}) < walk-away ({t.walk_away})",
        )


def _reachability(quiz: Quiz, source: Source, witnesses: dict) -> Iterable[Problem]:
    """The reachability problems; the witnesses found are put into `witnesses`."""
    for i, flag in enumerate(quiz.flags):
        can_zero, can_hundred = flag_range(quiz, i)
        for ok, value in ((can_zero, 0), (can_hundred, 100)):
            if not ok:
                yield source.problem(
                    ("flags", i), f"flag '{flag.id}': no answers give it a score of {value}"
                )
    ranges = score_ranges(quiz)
    try:
        witnesses.update(reachable_bands(quiz))
    except LatticeTooLarge as error:
        yield source.problem(
            ("flags",),
            f"cannot prove every band is reachable: {error}; "
            "use fewer distinct weights or question maxima",
        )
        return
    for band, witness in witnesses.items():
        if witness is None:
            low, high = ranges.get(band, (0, 0))
            scores = f" (scores {low} to {high - 1})" if band in ranges else ""
            yield source.problem(
                ("thresholds",),
                f"band '{band}'{scores} cannot be reached by any set of definite answers",
            )


# A placeholder as a text writes it: {deposit}.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

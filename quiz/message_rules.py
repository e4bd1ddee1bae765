"""The message blocks' rules beyond types: placeholders, languages, a paragraph and clauses for
every flag of the quiz and for no other, clause ids that exist, and no message the blocks can
assemble longer than MESSAGE_LIMIT. With the terms pages (given by the site layer, which reads
them): every clause an anchor of the page in each language. (The page's table of terms by flag is
generated from the flags' clauses, quiz/site/terms.py, so it cannot differ from them.)

Together with the types (every block in every tone, timing and language is required) this means
every band, flag, tone, timing and language can produce a complete message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quiz.drafting import (
    MAX_CONCERNS,
    MAX_QUESTIONS,
    MESSAGE_LIMIT,
    NAME_MAX,
    Plan,
    browser_messages,
    compose,
)
from quiz.language import written_in
from quiz.loader import Source, field_name
from quiz.messages import NAME, TIMINGS, TONES, Messages, load_messages
from quiz.model import LANGUAGE_NAMES, LANGUAGES, Quiz
from quiz.problems import Problem
from quiz.rules import texts


@dataclass(frozen=True)
class TermsPage:
    """What the rules need to know of the terms page in one language."""

    shown: str  # the page as problems name it: "docs/terms.ko.md"
    anchors: frozenset[str]  # the ids of its headings


@dataclass(frozen=True)
class CheckedMessages:
    """A checked messages file: the model when it has no problem, its source and its problems."""

    messages: Messages | None
    source: Source
    problems: list[Problem]


def check_messages_file(
    path: Path,
    quiz: Quiz | None,
    shown: str | None = None,
    terms_pages: Mapping[str, TermsPage] | None = None,
) -> CheckedMessages:
    """Load and check a messages file against a valid quiz (None when the quiz has problems: the
    rules that need it wait) and, when given, the terms page in each language."""
    messages, source, problems = load_messages(path, shown)
    if messages is None:
        return CheckedMessages(None, source, problems)
    problems = [
        *_placeholders(messages, source),
        *_languages(messages, source),
        *_clause_ids(messages, source),
    ]
    if quiz is not None:
        problems.extend(_against_quiz(messages, quiz, source))
        if not problems:
            problems.extend(_too_long(messages, quiz, source))
    if not problems and terms_pages:
        problems.extend(check_terms_pages(CheckedMessages(messages, source, []), terms_pages))
    problems = sorted(problems)
    return CheckedMessages(messages if not problems else None, source, problems)


def check_terms_pages(checked: CheckedMessages, pages: Mapping[str, TermsPage]) -> list[Problem]:
    """Each clause an anchor of every given terms page."""
    messages, source = checked.messages, checked.source
    if messages is None:
        return []
    problems = []
    for _language, page in sorted(pages.items()):
        for clause in messages.clauses:
            if clause not in page.anchors:
                problems.append(
                    source.problem(
                        ("clauses", clause),
                        f"clause '{clause}' has no section on {page.shown}: "
                        f"a clause's id is the anchor of its heading there ({{#{clause}}})",
                        at_key=True,
                    )
                )
    return sorted(problems)


# ---------------------------------------------------------------------------- helpers


def _placeholders(messages: Messages, source: Source) -> Iterable[Problem]:
    """{name} once in each greeting with a name, and no other placeholder or brace anywhere."""
    for path, text in texts(messages):
        named = path[:1] == ("greeting",) and path[-1:] == ("named",)
        for language in LANGUAGES:
            value = getattr(text, language)
            where = (*path, language)
            found = _PLACEHOLDER.findall(value)
            for token in sorted(set(found)):
                if token != _NAME_TOKEN:
                    yield source.problem_in(
                        where,
                        f"{field_name(where)}: unknown placeholder '{{{token}}}'; "
                        f"the only one is {NAME}, in the greeting with a name",
                    )
                elif not named:
                    yield source.problem_in(
                        where,
                        f"{field_name(where)}: {NAME} belongs only in the greeting with a name; "
                        "write this text without it",
                    )
            stray = _PLACEHOLDER.sub("", value)
            for brace in sorted({character for character in stray if character in "{}"}):
                yield source.problem_in(
                    where, f"{field_name(where)}: a lone '{brace}'; a placeholder is written {NAME}"
                )
            count = found.count(_NAME_TOKEN)
            if named and count != 1:
                yield source.problem_in(
                    where,
                    f"{field_name(where)}: needs {NAME} once, "
                    f"where the prospect's name goes (found {count})",
                )


def _languages(messages: Messages, source: Source) -> Iterable[Problem]:
    """Each text in its own language, by the guide's rule, its placeholders left out."""
    for path, text in texts(messages):
        for language in LANGUAGES:
            if not written_in(_PLACEHOLDER.sub("", getattr(text, language)), language):
                where = (*path, language)
                yield source.problem_in(
                    where,
                    f"{field_name(where)} reads as English; {LANGUAGE_NAMES[language]} expected",
                )


def _clause_ids(messages: Messages, source: Source) -> Iterable[Problem]:
    """Every clause a list names exists, and no list names one twice."""
    lists = [
        (("good-fit", "terms"), messages.good_fit.terms),
        (("decline", "work-started", "terms"), messages.decline.work_started.terms),
    ]
    lists += [(("flags", flag, "terms"), message.terms) for flag, message in messages.flags.items()]
    known = list(messages.clauses)
    for path, clauses in lists:
        seen = set()
        for index, clause in enumerate(clauses):
            where = ".".join(path[:-1])
            if clause not in messages.clauses:
                yield source.problem(
                    (*path, index),
                    f"{where}: unknown clause '{clause}' in terms; the clauses are {_names(known)}",
                )
            elif clause in seen:
                yield source.problem(
                    (*path, index), f"{where}: clause '{clause}' is listed twice in terms"
                )
            seen.add(clause)


def _against_quiz(messages: Messages, quiz: Quiz, source: Source) -> Iterable[Problem]:
    """A paragraph and clauses for every flag of the quiz, and for no other; every `asked-by`
    names questions of the quiz."""
    ids = [flag.id for flag in quiz.flags]
    for flag in ids:
        if flag not in messages.flags:
            yield source.problem(
                ("flags",),
                f"flags: no message for the quiz's flag '{flag}': "
                f"add flags.{flag} with its concern and terms",
                at_key=True,
            )
    for flag in messages.flags:
        if flag not in ids:
            yield source.problem(
                ("flags", flag), f"flags.{flag}: the quiz has no flag '{flag}'", at_key=True
            )
    questions = {question.id for _, question in quiz.questions()}
    for section, blocks in (("flags", messages.flags), ("clauses", messages.clauses)):
        for key, value in blocks.items():
            for index, question in enumerate(value.asked_by):
                if question not in questions:
                    yield source.problem(
                        (section, key, "asked-by", index),
                        f"{section}.{key}: asked-by names '{question}', "
                        "which is not a question of the quiz",
                    )


def _too_long(messages: Messages, quiz: Quiz, source: Source) -> Iterable[Problem]:
    """The longest message of each kind, in each tone, timing and language, against MESSAGE_LIMIT.

    Worst cases, assembled by `compose` itself: a name of NAME_MAX characters, the MAX_QUESTIONS
    longest questions, and every choice of MAX_CONCERNS flags with every line of the clauses
    chosen for them, and every concern's paragraph (as if no question said what a paragraph or a
    clause says: an upper bound).
    """
    flags = [flag.id for flag in quiz.flags]
    for language in LANGUAGES:
        island = browser_messages(messages, language, quiz)
        for section in ("flags", "clauses"):
            island[section] = {
                key: {**value, "asked-by": []} for key, value in island[section].items()
            }
        asks = tuple(
            sorted(island["asks"], key=lambda question: -len(island["asks"][question]))[
                :MAX_QUESTIONS
            ]
        )
        raised = list(itertools.combinations(flags, min(MAX_CONCERNS, len(flags))))
        kinds = [
            (("good-fit",), "good-fit", [Plan("good-fit")]),
            (
                ("proceed-with-care",),
                "proceed-with-care",
                [Plan("proceed-with-care", concerns=c, questions=asks) for c in raised],
            ),
            (
                ("high-risk",),
                "high-risk",
                [Plan("high-risk", concerns=c, questions=asks) for c in raised],
            ),
            (("not-enough-info",), "not-enough-info", [Plan("not-enough-info", questions=asks)]),
            (("decline", "dealbreaker"), "dealbreaker decline", [Plan("walk-away", "dealbreaker")]),
            (("decline", "score"), "score-only decline", [Plan("walk-away", "score")]),
            (
                ("decline", "fully-booked"),
                "fully-booked decline",
                [Plan("good-fit", variant="fully-booked")],
            ),
            (
                ("decline", "work-started"),
                "work-started message",
                [Plan("walk-away", reason, "work-started") for reason in ("dealbreaker", "score")],
            ),
        ]
        for path, label, plans in kinds:
            length, tone, timing, plan = max(
                (
                    (
                        len(compose(island, plan, tone, timing, "x" * NAME_MAX).text),
                        tone,
                        timing,
                        plan,
                    )
                    for plan in plans
                    for tone in TONES
                    for timing in TIMINGS
                ),
                key=lambda found: found[0],
            )
            if length > MESSAGE_LIMIT:
                detail = f"; concerns {_names(plan.concerns)}" if plan.concerns else ""
                detail += f"; {len(plan.questions)} questions" if plan.questions else ""
                yield source.problem(
                    path,
                    f"the longest {label} message ({tone}, {timing}, "
                    f"{LANGUAGE_NAMES[language]}{detail}, a {NAME_MAX}-character name) "
                    f"is {length:,} characters; the limit is {MESSAGE_LIMIT:,}: shorten its texts",
                    at_key=True,
                )


def _names(items) -> str:
    return ", ".join(items)


# A placeholder as the texts write it: {name}. The browser fills it; nothing else is in braces.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME_TOKEN = NAME[1:-1]

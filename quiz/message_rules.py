"""The message blocks' rules beyond types: placeholders, languages, a paragraph and clauses for
every flag of the quiz and for no other, a `seen` line for every answer worth raising and for no
other, clause ids and answers that exist, and no message the blocks can assemble longer than
MESSAGE_LIMIT. With the terms pages (given by the site layer, which reads
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
    MAX_TERMS,
    MESSAGE_LIMIT,
    NAME_MAX,
    Plan,
    browser_messages,
    compose,
    seen_limit,
    worth_raising,
)
from quiz.language import written_in
from quiz.loader import Source, field_name
from quiz.messages import NAME, TERMS, TIMINGS, TONES, Messages, load_messages
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
    """{name} once in each greeting with a name and nowhere else; the reader's terms anywhere a
    draft's body is made of (not in a greeting, nor in a clause's title, which pages show); no
    other placeholder or brace anywhere."""
    for path, text in texts(messages):
        named = path[:1] == ("greeting",) and path[-1:] == ("named",)
        body = path[:1] != ("greeting",) and path[-1:] not in (("title",), ("short",))
        for language in LANGUAGES:
            value = getattr(text, language)
            where = (*path, language)
            found = _PLACEHOLDER.findall(value)
            for token in sorted(set(found)):
                if token in TERMS and not body:
                    yield source.problem_in(
                        where,
                        f"{field_name(where)}: {{{token}}} belongs only in a message's body, "
                        "where the reader's terms are filled in; write this text without it",
                    )
                elif token not in TERMS and token != _NAME_TOKEN:
                    yield source.problem_in(
                        where,
                        f"{field_name(where)}: unknown placeholder '{{{token}}}'; the "
                        f"placeholders are {NAME}, in the greeting with a name, and the reader's "
                        f"terms {_names('{' + term + '}' for term in TERMS)}",
                    )
                elif token == _NAME_TOKEN and not named:
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
    lists += [
        (("seen", question, option, "terms"), line.terms)
        for question, options in messages.seen.items()
        for option, line in options.items()
    ]
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
    names questions of the quiz, every `settled-by` its answers, every `usual-after` an answer a
    good fit can hold; a `seen` line for every answer worth raising, and for no other."""
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
    answers = {
        f"{question.id}:{option.id}"
        for _, question in quiz.questions()
        for option in question.options
    }
    for key, clause in messages.clauses.items():
        for index, answer in enumerate(clause.settled_by):
            if answer not in answers:
                yield source.problem(
                    ("clauses", key, "settled-by", index),
                    f"clauses.{key}: settled-by names '{answer}', "
                    "which is not an answer of the quiz (question:option)",
                )
    yield from _usual_after(messages, quiz, source)
    yield from _seen_lines(messages, quiz, source)


def _usual_after(messages: Messages, quiz: Quiz, source: Source) -> Iterable[Problem]:
    """Each `usual-after` line for a definite answer of the quiz that a good fit can hold: not
    worth raising (a review names that with its `seen` line) and no dealbreaker."""
    options = {
        f"{question.id}:{option.id}": option
        for _, question in quiz.questions()
        for option in question.options
    }
    for key in messages.good_fit.usual_after:
        option = options.get(key)
        if option is None or option.unsure:
            why = "which is not a definite answer of the quiz (question:option)"
        elif option.dealbreaker is not None or worth_raising(option):
            why = "which no good fit holds (it is worth raising, or a dealbreaker)"
        else:
            continue
        yield source.problem(
            ("good-fit", "usual-after", key), f"good-fit.usual-after: '{key}', {why}", at_key=True
        )


def _seen_lines(messages: Messages, quiz: Quiz, source: Source) -> Iterable[Problem]:
    """A `seen` line for every answer worth raising, none for another answer or for none."""
    by_id = {question.id: question for _, question in quiz.questions()}
    for question_id, lines in messages.seen.items():
        question = by_id.get(question_id)
        if question is None:
            yield source.problem(
                ("seen", question_id),
                f"seen.{question_id}: the quiz has no question '{question_id}'",
                at_key=True,
            )
            continue
        options = {option.id: option for option in question.options}
        for option_id in lines:
            option = options.get(option_id)
            where = ("seen", question_id, option_id)
            if option is None:
                yield source.problem(
                    where,
                    f"seen.{question_id}.{option_id}: question '{question_id}' has no option "
                    f"'{option_id}'",
                    at_key=True,
                )
            elif option.dealbreaker is not None:
                yield source.problem(
                    where,
                    f"seen.{question_id}.{option_id}: this answer is a dealbreaker, and its "
                    "message declines instead of naming it: take the line out",
                    at_key=True,
                )
            elif not worth_raising(option):
                yield source.problem(
                    where,
                    f"seen.{question_id}.{option_id}: this answer is not worth raising (under 2 "
                    "points and no floor), so no message names it: take the line out",
                    at_key=True,
                )
    for _, question in quiz.questions():
        for option in question.options:
            if not option.unsure and worth_raising(option):
                if option.id not in messages.seen.get(question.id, {}):
                    known = question.id in messages.seen
                    yield source.problem(
                        ("seen", question.id) if known else ("seen",),
                        f"seen: no line for the answer '{question.id}:{option.id}' "
                        f"({option.points} points{', a floor' if option.floor else ''}): add "
                        f"seen.{question.id}.{option.id} with what was seen, in both tones",
                        at_key=True,
                    )


def _too_long(messages: Messages, quiz: Quiz, source: Source) -> Iterable[Problem]:
    """The longest message of each kind, in each tone, timing and language, against MESSAGE_LIMIT.

    Worst cases, assembled by `compose` itself: a name and a signature of NAME_MAX characters,
    figures of WIDEST_FIGURE, the MAX_QUESTIONS longest questions, the MAX_TERMS longest clause
    lines, and every choice of one to MAX_CONCERNS flags, each with the longer of its concern's
    paragraph and its longest `seen` lines in the tone, as many as a message raising that many
    flags names (as if no question said what a paragraph or a clause says, and whatever was seen
    asked for the longest clauses: an upper bound); a good fit with each flag's `settle` line,
    with its usual terms and with each of its `usual-after` lines.
    """
    flags = [flag.id for flag in quiz.flags]
    owner = {question.id: flag.id for flag, question in quiz.questions()}
    terms = {"signature": "x" * NAME_MAX} | dict.fromkeys(TERMS, WIDEST_FIGURE)
    for language in LANGUAGES:
        island = browser_messages(messages, language, quiz)
        for section in ("flags", "clauses"):
            island[section] = {
                key: {**value, "asked-by": []} for key, value in island[section].items()
            }
        longest = sorted(island["clauses"], key=lambda c: -len(island["clauses"][c]["line"]))
        for flag in island["flags"].values():
            flag["terms"] = longest[:MAX_TERMS]
        island["seen"] = {
            question: {
                option: {**line, "terms": longest[:MAX_TERMS]} for option, line in options.items()
            }
            for question, options in island["seen"].items()
        }
        asks = tuple(
            sorted(island["asks"], key=lambda question: -len(island["asks"][question]))[
                :MAX_QUESTIONS
            ]
        )
        raised = [
            c
            for count in range(1, min(MAX_CONCERNS, len(flags)) + 1)
            for c in itertools.combinations(flags, count)
        ]

        def reviews(band: str, raised=raised, asks=asks, island=island) -> list[Plan]:
            return [
                Plan(band, concerns=c, questions=asks, seen=_longest_seen(island, c, owner, tone))
                for c in raised
                for tone in TONES
            ]

        kinds = [
            (
                ("good-fit",),
                "good-fit",
                [
                    Plan("good-fit", concerns=(f,), answered=answered)
                    for f in flags
                    for answered in [(), *((key,) for key in island["good-fit"]["usual-after"])]
                ],
            ),
            (("proceed-with-care",), "proceed-with-care", reviews("proceed-with-care")),
            (("high-risk",), "high-risk", reviews("high-risk")),
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
                        len(compose(island, plan, tone, timing, "x" * NAME_MAX, terms).text),
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
                    f"{LANGUAGE_NAMES[language]}{detail}, "
                    f"a {NAME_MAX}-character name and signature) "
                    f"is {length:,} characters; the limit is {MESSAGE_LIMIT:,}: shorten its texts",
                    at_key=True,
                )


def _longest_seen(
    island: dict, flags: tuple[str, ...], owner: dict[str, str], tone: str
) -> tuple[tuple[str, ...], ...]:
    """For each flag, its longest `seen` lines in the tone of answers to different questions, as
    many as a message raising these flags names, or none when its concern's paragraph is longer."""
    found = []
    for flag in flags:
        lines = sorted(
            (
                max((len(text[tone]), f"{question}:{option}") for option, text in options.items())
                for question, options in island["seen"].items()
                if owner.get(question) == flag  # one answer per question, its longest line
            ),
            reverse=True,
        )[: seen_limit(len(flags))]
        seen_length = sum(length + 1 for length, _ in lines)
        longer = seen_length > len(island["flags"][flag]["concern"][tone])
        found.append(tuple(key for _, key in lines) if longer else ())
    return tuple(found)


def _names(items) -> str:
    return ", ".join(items)


# The widest figure the reader may set for a term, for the worst case of a message's length.
WIDEST_FIGURE = 999
# A placeholder as the texts write it: {name}, {deposit}. The drafter fills them; nothing else is
# in braces.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME_TOKEN = NAME[1:-1]

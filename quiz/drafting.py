"""The next message to a prospect, drafted from a quiz result: the Python reference that the
browser will mirror.

Two deterministic steps:

1. `plan(quiz, answers, variant)` picks the message and its parts: the concerns it raises (the
   first MAX_CONCERNS of `scoring.concerns`, strongest first); for each, the answers it names
   (those worth raising: 2 points or more, or a floor, never a dealbreaker; the most points
   first, then file order; at most MAX_SEEN, and at most MAX_NAMED in the whole message shared
   equally: three each for one or two concerns, two each for three); the questions it asks
   (every open answer, "Not sure yet" or unanswered, ordered by its flag's score, then the flag's
   weight, then file order, except that when there is not enough to go on the quiz's `basics`
   come first, in their order; at most MAX_QUESTIONS); and every definite answer, for the
   clauses it settles.
2. `compose(island, plan, tone, timing, name, terms)` writes it from `browser_messages(...)`, the
   per-language export the browser gets, so every draft proves the export is enough.

The blocks of each message, in order (a blank line between paragraphs):

- good-fit: greeting; opening; the usual terms (as `usual-after` says them to a prospect whose
  answer already spoke to them, such as longer payment terms asked for; of several, the first by
  id); the strongest concern's `settle` line, when any flag scores above 0; closing; sign-off.
  Listed below: good-fit.terms.
- proceed-with-care, high-risk: greeting; the band's opening; one paragraph per concern raised:
  the `seen` lines of the answers it names, in one paragraph, or, when it names none, the flag's
  `concern` (left out when one of the questions already says it: its `asked-by`); the questions'
  introduction and the numbered questions (when any are open); the terms' introduction (a
  high-risk message's own `conditions`) and one line per clause chosen for the raised flags,
  except a clause that one of the questions already proposes (its `asked-by`), and no
  introduction when no line is left; the band's closing; sign-off. Listed below: every clause
  chosen.
- not-enough-info: greeting; opening; the questions' introduction and the numbered questions;
  closing; sign-off. Listed below: the clauses chosen for the concerns, for the reader.
- walk-away: greeting; one paragraph of the decline's opening, the decline for its reason
  (dealbreaker or score) and that reason's closing; sign-off. Nothing listed below.
- walk-away with the variant work-started: greeting; the work-started opening and its reason;
  the settling of what is owed; the reason's closing; sign-off. Listed below: work-started.terms.
- the variant fully-booked (any result a dealbreaker did not decide): greeting; one paragraph of
  the decline's opening, the fully-booked decline and its closing; sign-off. Nothing listed below.

The clauses answer what was seen: a raised flag whose paragraph names answers is answered by the
`terms` of those answers' seen lines, one after another (each runs from the most direct answer
down), each clause once; only a flag raised without seen lines takes its own `terms` (which also
make the terms page's table by flag). They are chosen round by round: each flag's first clause,
strongest flag first, then each flag's second, and so on; a clause already chosen is skipped, and
the choice stops at MAX_TERMS, so every concern gets its most direct answer before any gets a
second. A clause that an answer given settles (its `settled-by`: agreed already, not needed, as
a rush fee for a date within the usual timeline, or refused with another way proposed) is never
in a flag's list: the next one takes its place. So a rush fee is proposed only for a date shorter
than the usual timeline, or one not yet known.
The name is plain text: whitespace is collapsed, an honorific the greeting adds anyway ("님" in
Korean) is dropped from its end, and it is filled into the greeting's one {name}, verbatim.
The reader's terms fill the body's placeholders ({deposit}, {payment-days}, {revisions}, {rush};
a term not given takes the island's `defaults`), and their `signature`, plain text like the name,
goes on its own line after the sign-off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from quiz.messages import NAME, TIMINGS, TONES, Messages
from quiz.model import Option, Quiz, Text
from quiz.scoring import Result, concerns, score


@dataclass(frozen=True)
class Draft:
    text: str
    terms: tuple[str, ...]  # clause ids, each an anchor of the terms page


@dataclass(frozen=True)
class Plan:
    """Which message to write and what goes into it; everything `compose` needs from a result."""

    band: str
    reason: str | None = None  # for walk-away: "dealbreaker" or "score"
    variant: str | None = None  # "fully-booked" or "work-started"
    concerns: tuple[str, ...] = ()  # flag ids, strongest first
    questions: tuple[str, ...] = ()  # question ids, in the order they are asked
    # per concern, the answers its paragraph names ("question:option"), strongest first
    seen: tuple[tuple[str, ...], ...] = ()
    answered: tuple[str, ...] = ()  # every definite answer ("question:option"), in file order


def draft(
    quiz: Quiz,
    messages: Messages,
    answers: Mapping[str, str],
    language: str,
    tone: str,
    timing: str,
    name: str | None = None,
    variant: str | None = None,
    terms: Mapping[str, object] | None = None,
) -> Draft:
    """The message for one prospect's answers, in one language, tone and timing, with the
    reader's terms (see `compose`)."""
    return compose(
        browser_messages(messages, language, quiz),
        plan(quiz, answers, variant),
        tone,
        timing,
        name,
        terms,
    )


def plan(quiz: Quiz, answers: Mapping[str, str], variant: str | None = None) -> Plan:
    """The message a result calls for; ValueError for a variant the result does not allow."""
    result = score(quiz, answers)
    if variant is not None and variant not in variants(result):
        raise ValueError(
            f"the variant {variant!r} does not fit a {result.band} result; "
            f"allowed: {', '.join(variants(result)) or 'none'}"
        )
    raised = tuple(flag.id for flag in concerns(quiz, result)[:MAX_CONCERNS])
    named = seen_limit(len(raised))
    given = [
        (flag.id, question.id, option)
        for flag, question in quiz.questions()
        for option in question.options
        if option.id == answers.get(question.id) and not option.unsure
    ]
    return Plan(
        result.band,
        "score" if result.decided_by == "own-line" else result.decided_by,
        variant,
        raised,
        open_questions(quiz, result, answers)[:MAX_QUESTIONS],
        tuple(
            tuple(
                f"{question}:{option.id}"
                for owner, question, option in sorted(given, key=lambda item: -item[2].points)
                if owner == flag and worth_raising(option)
            )[:named]
            for flag in raised
        ),
        tuple(f"{question}:{option.id}" for _, question, option in given),
    )


def seen_limit(raised: int) -> int:
    """The most answers each concern's paragraph names when a message raises this many: MAX_SEEN,
    fewer when MAX_NAMED shared among the concerns leaves less."""
    return min(MAX_SEEN, MAX_NAMED // raised) if raised else 0


def worth_raising(option: Option) -> bool:
    """An answer a message names with its own `seen` line: 2 points or more, or a floor; never a
    dealbreaker, whose message declines instead."""
    return option.dealbreaker is None and ((option.points or 0) >= 2 or option.floor is not None)


def variants(result: Result) -> tuple[str, ...]:
    """The variants the reader may pick for a result.

    fully-booked: unless a dealbreaker decided, since after one the decline closes the door and a
    reason of time would leave it open. work-started: for a walk-away, to settle what is owed.
    """
    fully_booked, work_started = VARIANTS
    allowed = () if result.decided_by == "dealbreaker" else (fully_booked,)
    return allowed + ((work_started,) if result.band == "walk-away" else ())


def open_questions(quiz: Quiz, result: Result, answers: Mapping[str, str]) -> tuple[str, ...]:
    """Every question without a definite answer, the strongest flags first (by score, then
    weight, then file order; an unknown flag counts as 0), then in file order within a flag; when
    there is not enough to go on, the quiz's `basics` first, in their order."""
    scores = {flag.id: flag.score or 0 for flag in result.flags}
    basics = list(quiz.basics) if result.band == "not-enough-info" else []
    found = []
    for flag_index, flag in enumerate(quiz.flags):
        for question_index, question in enumerate(flag.questions):
            option = next((o for o in question.options if o.id == answers.get(question.id)), None)
            if option is None or option.unsure:
                first = basics.index(question.id) if question.id in basics else len(basics)
                found.append(
                    (
                        (first, -scores[flag.id], -flag.weight, flag_index, question_index),
                        question.id,
                    )
                )
    return tuple(ident for _, ident in sorted(found))


def compose(
    island: dict,
    plan: Plan,
    tone: str,
    timing: str,
    name: str | None = None,
    terms: Mapping[str, object] | None = None,
) -> Draft:
    """The message a plan describes, written from one language's export. `terms` are the
    reader's own (any of TERMS, each a figure, and `signature`); what they leave out, the
    island's `defaults` fill."""
    if tone not in TONES or timing not in TIMINGS:
        raise ValueError(
            f"tone must be one of {', '.join(TONES)} and timing one of {', '.join(TIMINGS)}"
        )
    terms = terms or {}
    paragraphs, clauses = _body(island, plan, tone, timing)
    greeting = island["greeting"][tone]
    filled = fill_name(island, name)
    opening = greeting["anonymous"] if filled is None else greeting["named"].replace(NAME, filled)
    body = fill_terms(
        "\n\n".join([*paragraphs, island["sign-off"][tone]]), island["defaults"], terms
    )
    signature = _plain(terms.get("signature") or "", "a signature")
    text = f"{opening}\n\n{body}" + (f"\n{signature}" if signature else "")
    return Draft(text, tuple(clauses))


def fill_terms(text: str, defaults: Mapping, terms: Mapping[str, object] | None = None) -> str:
    """A text with the reader's terms in its placeholders ({deposit}, ...), each term not given
    at its default."""
    return _FIGURE.sub(lambda found: _figure(terms or {}, defaults, found[1]), text)


def fill_name(island: dict, name: str | None) -> str | None:
    """The name as the greeting shows it, or None for the greeting without one."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    honorific = island["honorific"]
    if honorific and cleaned.endswith(honorific):
        cleaned = cleaned[: -len(honorific)].rstrip()
    return _plain(cleaned, "a name") or None


def choose_terms(
    island: dict,
    flags: tuple[str, ...],
    answered: tuple[str, ...] = (),
    seen: tuple[tuple[str, ...], ...] = (),
) -> list[str]:
    """The clauses for raised flags, strongest first: round by round, each flag's next clause
    that no answer given settles, each clause once, at most MAX_TERMS. A flag's clauses are the
    `terms` of the seen lines its paragraph names (`seen`, per flag as in a Plan), one after
    another, or its own `terms` when it names none."""
    named = dict(zip(flags, seen, strict=False))
    lists = [
        [
            c
            for c in dict.fromkeys(
                [c for key in named[flag] for c in _seen(island, key)["terms"]]
                if named.get(flag)
                else island["flags"][flag]["terms"]
            )
            if _unsettled(island, c, answered)
        ]
        for flag in flags
    ]
    chosen: list[str] = []
    for rank in range(max(map(len, lists), default=0)):
        for clauses in lists:
            if rank < len(clauses) and clauses[rank] not in chosen and len(chosen) < MAX_TERMS:
                chosen.append(clauses[rank])
    return chosen


def browser_messages(messages: Messages, language: str, quiz: Quiz | None = None) -> dict:
    """The message blocks for the JSON island of one language: the file's structure and keys, every
    text already in that language with {name} kept, plus the numbers the algorithm uses and, when
    the quiz is given, each question as a message asks it (its `email`, else its `ask`) by
    question id, and the quiz's `basics`."""
    island = {
        "limit": MESSAGE_LIMIT,
        "honorific": HONORIFICS.get(language, ""),
        "maxConcerns": MAX_CONCERNS,
        "maxQuestions": MAX_QUESTIONS,
        "maxTerms": MAX_TERMS,
        "maxSeen": [seen_limit(raised) for raised in range(MAX_CONCERNS + 1)],  # by concerns
        **_localised(messages, language),
    }
    if quiz is not None:
        island["asks"] = {  # as an email asks them
            question.id: (question.email or question.ask).get(language)
            for _, question in quiz.questions()
        }
        island["basics"] = list(quiz.basics)
    return island


# ---------------------------------------------------------------------------- helpers


def _body(island: dict, plan: Plan, tone: str, timing: str) -> tuple[list[str], list[str]]:
    """The paragraphs between greeting and sign-off, and the clauses listed below the message."""
    decline = island["decline"]
    if plan.variant == "fully-booked":
        booked = decline["fully-booked"]
        return [
            _sentences(
                decline["opening"][timing][tone], booked["decline"][tone], booked["closing"][tone]
            )
        ], []
    if plan.band == "walk-away" and plan.variant == "work-started":
        started = decline["work-started"]
        return [
            _sentences(started["opening"][timing][tone], started["reason"][plan.reason][tone]),
            started["settle"][tone],
            started["closing"][plan.reason][tone],
        ], started["terms"]
    if plan.band == "walk-away":
        reason = decline[plan.reason]
        return [
            _sentences(
                decline["opening"][timing][tone], reason["decline"][tone], reason["closing"][tone]
            )
        ], []
    if plan.band == "good-fit":
        fit = island["good-fit"]
        after = fit["usual-after"]
        return [
            fit["opening"][timing][tone],
            next((after[key] for key in sorted(after) if key in plan.answered), fit["usual"])[tone],
            *[island["flags"][flag]["settle"][tone] for flag in plan.concerns[:1]],
            fit["closing"][timing][tone],
        ], fit["terms"]
    raised_terms = choose_terms(island, plan.concerns, plan.answered, plan.seen)
    if plan.band == "not-enough-info":
        unknown = island["not-enough-info"]
        return [
            unknown["opening"][timing][tone],
            _listed(unknown["questions"][tone], _numbered(island, plan.questions)),
            unknown["closing"][timing][tone],
        ], raised_terms
    frame, parts = island[plan.band], island["review"]
    paragraphs = [frame["opening"][timing][tone]]

    def said(block: dict) -> bool:  # a question the message asks already says what the block says
        return not set(plan.questions).isdisjoint(block["asked-by"])

    seen = dict(zip(plan.concerns, plan.seen, strict=False))
    for flag in plan.concerns:
        if seen.get(flag):
            paragraphs.append(_sentences(*(_seen(island, key)[tone] for key in seen[flag])))
        elif not said(island["flags"][flag]):
            paragraphs.append(island["flags"][flag]["concern"][tone])
    if plan.questions:
        paragraphs.append(_listed(parts["questions"][tone], _numbered(island, plan.questions)))
    lines = [
        "- " + island["clauses"][c]["line"] for c in raised_terms if not said(island["clauses"][c])
    ]
    if lines:
        paragraphs.append(_listed(frame.get("conditions", parts["terms"])[tone], lines))
    paragraphs.append(frame["closing"][timing][tone])
    return paragraphs, raised_terms


def _sentences(*texts: str) -> str:
    return " ".join(texts)


def _unsettled(island: dict, clause: str, answered: tuple[str, ...]) -> bool:
    return set(answered).isdisjoint(island["clauses"][clause]["settled-by"])


def _seen(island: dict, key: str) -> dict:
    question, option = key.split(":")
    return island["seen"][question][option]


def _figure(terms: Mapping[str, object], defaults: dict, term: str) -> str:
    """One of the reader's figures as a draft writes it; a term not given takes its default."""
    value = terms.get(term)
    if value is None:
        value = defaults[term]
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # as JavaScript writes it: 45, not 45.0
    return str(value)


def _plain(text: str, what: str) -> str:
    """A name or a signature as a message writes it: whitespace collapsed, at most NAME_MAX."""
    cleaned = " ".join(text.split())
    if len(cleaned) > NAME_MAX:
        raise ValueError(f"{what} has at most {NAME_MAX} characters, not {len(cleaned)}")
    return cleaned


def _listed(introduction: str, items: list[str]) -> str:
    return "\n".join([introduction, *items])


def _numbered(island: dict, questions: tuple[str, ...]) -> list[str]:
    return [f"{number}. {island['asks'][question]}" for number, question in enumerate(questions, 1)]


def _localised(node, language: str):
    """A model's data by the keys the file uses, each text in one language."""
    if isinstance(node, Text):
        return node.get(language)
    if isinstance(node, BaseModel):
        return {
            info.alias or name: _localised(getattr(node, name), language)
            for name, info in type(node).model_fields.items()
        }
    if isinstance(node, dict):
        return {key: _localised(value, language) for key, value in node.items()}
    if isinstance(node, list):
        return [_localised(item, language) for item in node]
    return node


# The most concerns a message raises, questions it asks and clauses it proposes: enough to act
# on, short enough to send.
MAX_CONCERNS = 3
MAX_QUESTIONS = 5
MAX_TERMS = 4
# The most answers one concern's paragraph names, and the most a message names in all, shared
# equally among its concerns: three each for one or two concerns (a prospect red on every question
# of a flag is named for each), two each for three.
MAX_SEEN = 3
MAX_NAMED = 6
# The longest prospect name: the greeting's, the quiz page's name field's (maxlength) and the
# browser store's (the bundles' generated MAX_NAME, quiz/site/assets.py).
NAME_MAX = 120
# A placeholder of the reader's terms in a text: {deposit}, {payment-days}, ...
_FIGURE = re.compile(r"\{([a-z]+(?:-[a-z]+)*)\}")
# The messages a reader may pick instead of the result's own (`variants` says when).
VARIANTS = ("fully-booked", "work-started")
# What the greeting adds after {name} in a language, and so drops from the end of a name
# given with it.
HONORIFICS = {"ko": "님"}
# The longest message the blocks may assemble, in characters, a 120-character name and signature
# included: about 420 English words, under three minutes' reading, one printed page. (It was 2,000
# while a concern was one paragraph; naming what was seen takes up to two lines per concern.)
MESSAGE_LIMIT = 2600

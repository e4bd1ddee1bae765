"""Typed models of the message blocks (quiz/messages.yml), from which every drafted message to a
prospect is assembled (quiz/drafting.py). The editors' JSON Schema is generated from these.

Every text is in every language and has a tone (warm or formal); openings and closings also have
a timing (written before a first call, or after one). The placeholders are {name}, which only the
greeting with a name holds, and the reader's terms (TERMS: {deposit}, {payment-days},
{revisions}, {rush}), which any text a draft's body is made of may hold, filled from the reader's
own figures or the file's `defaults`. Each flag has the paragraph that raises it as a concern and
the clauses (by their anchor on the terms page) that answer it: the one mapping from flags to
terms, from which the terms page's table of terms by flag is generated (quiz/site/terms.py).
Each answer worth raising has its `seen` line, which names what was seen, and the clauses that
answer that behaviour: a flag raised with seen lines is answered by theirs, not by its own list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, create_model

from quiz.loader import Source, load_model
from quiz.model import Id, Label, Paragraph, Sentence, _Strict
from quiz.problems import Problem

MESSAGES_FILE = Path(__file__).with_name("messages.yml")


def _by_tone(kind: type, name: str, doc: str) -> type[_Strict]:
    """A model holding one `kind` of text for each tone."""
    fields = {
        tone: (kind, Field(description=description)) for tone, description in TONE_NAMES.items()
    }
    return create_model(name, __base__=_Strict, __doc__=doc, __module__=__name__, **fields)


def _asked_by(says: str, left_out: str):
    """The `asked-by` list of a block: the questions whose `ask` makes it unneeded."""
    return Field(
        default_factory=list,
        alias="asked-by",
        description=f"Quiz questions whose `ask` already {says}: "
        f"a message that asks one of them leaves out {left_out}",
    )


TONE_NAMES = {
    "warm": "Warm: first names, contractions, friendly",
    "formal": "Formal: courteous and measured",
}
TIMING_NAMES = {
    "before-call": "Written before a first call, after the enquiry",
    "after-call": "Written after a call",
}

LabelByTone = _by_tone(Label, "LabelByTone", "A short line in each tone.")
SentenceByTone = _by_tone(Sentence, "SentenceByTone", "A sentence in each tone.")
ParagraphByTone = _by_tone(Paragraph, "ParagraphByTone", "A paragraph in each tone.")


class ByTiming(_Strict):
    """A paragraph for each timing, in each tone."""

    before_call: ParagraphByTone = Field(
        alias="before-call", description=TIMING_NAMES["before-call"]
    )
    after_call: ParagraphByTone = Field(alias="after-call", description=TIMING_NAMES["after-call"])


class Greeting(_Strict):
    named: Label = Field(
        description="Opens a message to a named prospect: holds {name} exactly once"
    )
    anonymous: Label = Field(description="Opens a message when no name is given")


Greetings = _by_tone(Greeting, "Greetings", "How a message opens, in each tone.")


Clauses = list[Id]
# An answer of the quiz, as "question:option".
AnswerKey = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$")
]


class GoodFit(_Strict):
    """A short note: glad to go ahead, the usual terms, the next step."""

    opening: ByTiming
    usual: ParagraphByTone = Field(
        description="The usual terms in a sentence or two: written scope, deposit, payment dates"
    )
    usual_after: dict[AnswerKey, ParagraphByTone] = Field(
        default_factory=dict,
        alias="usual-after",
        description="By answer (question:option) that already spoke to the usual terms, such as "
        "longer payment terms asked for: the usual terms as said to that prospect, in place of "
        "`usual` (of several given, the first by id)",
    )
    closing: ByTiming = Field(description="The next step")
    terms: Clauses = Field(
        min_length=1, description="The clauses of the usual terms, listed below the message"
    )


class Review(_Strict):
    """The frame of a message that raises concerns before a proposal."""

    opening: ByTiming
    closing: ByTiming


class HighRisk(Review):
    """The frame of a high-risk message, which states its terms as conditions."""

    conditions: SentenceByTone = Field(
        description="Introduces the terms as conditions, in place of review.terms"
    )


class ReviewParts(_Strict):
    """What proceed-with-care and high-risk messages share between their opening and closing."""

    questions: SentenceByTone = Field(description="Introduces the numbered questions")
    terms: SentenceByTone = Field(
        description="Introduces the proposed terms, one line each (high-risk has its conditions)"
    )


class NotEnoughInfo(_Strict):
    opening: ByTiming
    questions: SentenceByTone = Field(description="Introduces the numbered questions")
    closing: ByTiming


class Decline(_Strict):
    """One decline: what is said after the thanks, and how the message ends."""

    decline: ParagraphByTone
    closing: ParagraphByTone


class ByReason(_Strict):
    dealbreaker: ParagraphByTone = Field(
        description="A dealbreaker decided: firm, no door left open"
    )
    score: ParagraphByTone = Field(description="The score alone decided: the door may stay open")


class WorkStarted(_Strict):
    """Stepping away once work has started: the reason, then settling what is owed."""

    opening: ByTiming
    reason: ByReason
    settle: ParagraphByTone = Field(
        description="Notice, handover, final invoice, deposit and refund"
    )
    closing: ByReason
    terms: Clauses = Field(
        min_length=1, description="The clauses that settle an early end, listed below the message"
    )


class Declines(_Strict):
    opening: ByTiming = Field(description="The thanks that open every decline to a prospect")
    dealbreaker: Decline = Field(description="After a dealbreaker: polite, firm, no door left open")
    score: Decline = Field(
        description="When the score alone decided: may leave the door open or refer elsewhere"
    )
    fully_booked: Decline = Field(
        alias="fully-booked", description="A decline for want of time, which the reader may pick"
    )
    work_started: WorkStarted = Field(alias="work-started")


class SeenLine(ParagraphByTone):
    """What was seen, in each tone, and the clauses that answer it."""

    terms: Clauses = Field(
        default_factory=list,
        description="The clauses that answer this behaviour, by their anchor on the terms page, "
        "the most direct first: a message that names this line proposes these for its flag",
    )


class FlagMessage(_Strict):
    concern: ParagraphByTone = Field(
        description="Raises this flag in plain, friendly words, without accusing anyone"
    )
    settle: SentenceByTone = Field(
        description="The one thing to settle, in a short sentence: added to a good-fit message "
        "when this is the strongest flag with a score above 0"
    )
    terms: Clauses = Field(
        min_length=1,
        description="The clauses that answer this flag, by their anchor on the terms page: "
        "proposed when the flag is raised without a `seen` line, and listed by flag on the terms "
        "page",
    )
    asked_by: list[Id] = _asked_by("says what the concern says", "the paragraph")


class Clause(_Strict):
    title: Label = Field(description="The link to the clause's section of the terms page")
    short: Label | None = Field(
        None,
        description="The clause's name in the terms page's table of terms by flag, "
        "when shorter than its title",
    )
    line: Sentence = Field(description="The clause as proposed in a message, in one short sentence")
    asked_by: list[Id] = _asked_by("proposes this clause", "the clause's line")
    settled_by: list[AnswerKey] = Field(
        default_factory=list,
        alias="settled-by",
        description="Answers (question:option) after which a message does not propose the "
        "clause: it is already agreed, not needed (no rush fee for a date within the usual "
        "timeline), or refused with another way proposed in its `seen` line",
    )


Defaults = create_model(
    "Defaults",
    __base__=_Strict,
    __doc__="The reader's terms until they set their own: the figures a draft fills in.",
    __module__=__name__,
    **{
        term.replace("-", "_"): (int, Field(alias=term, ge=0, le=highest, description=text))
        for term, (text, highest) in {
            "deposit": ("The deposit, in percent of the fee", 100),
            "payment-days": ("Days to pay an invoice", 365),
            "revisions": ("Revision rounds per stage", 20),
            "rush": ("The rush fee, in percent on top of the fee", 300),
        }.items()
    },
)


class Messages(_Strict):
    """The whole messages file."""

    defaults: Defaults
    greeting: Greetings
    sign_off: LabelByTone = Field(alias="sign-off")
    good_fit: GoodFit = Field(alias="good-fit")
    proceed_with_care: Review = Field(alias="proceed-with-care")
    high_risk: HighRisk = Field(alias="high-risk")
    review: ReviewParts
    not_enough_info: NotEnoughInfo = Field(alias="not-enough-info")
    decline: Declines
    flags: dict[Id, FlagMessage] = Field(
        description="By flag id: every flag of the quiz, and no other"
    )
    seen: dict[Id, dict[Id, SeenLine]] = Field(
        description="By question id, then option id: for every answer worth raising (2 or 3 "
        "points, or a floor; never a dealbreaker), what was seen, named without accusing, and "
        "what the reader needs or proposes about it, in a sentence or two, with the clauses "
        "that answer it"
    )
    clauses: dict[Id, Clause] = Field(
        min_length=1, description="By anchor on the terms page, in the page's order"
    )


def load_messages(
    path: Path = MESSAGES_FILE, shown: str | None = None
) -> tuple[Messages | None, Source, list[Problem]]:
    """The model (None when the file cannot be read into one), its source and its problems."""
    return load_model(
        path,
        Messages,
        shown,
        noun="messages file",
        keys="defaults, greeting, sign-off, the message blocks, flags, seen and clauses",
    )


TONES = tuple(TONE_NAMES)
TIMINGS = tuple(TIMING_NAMES)
# The placeholder filled with the prospect's name, in the greeting alone.
NAME = "{name}"
# The reader's terms a draft fills in ({deposit}, ...), from the reader's own or the defaults.
TERMS = tuple(field.alias for field in Defaults.model_fields.values())

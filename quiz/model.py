"""Typed models of the quiz data file. The editors' JSON Schema is generated from these.

Types are strict: text is never read as a number, a number never as text, and true or false is
not a number. Every limit on the data is here: the length of each kind of text (one class per
kind, sized by TEXT_LIMITS), and the limits the loader holds while reading the YAML.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(_Strict):
    """A text in every language of the site; each field uses one of the kinds below, by its
    length."""

    en: NonEmpty = Field(description="English")
    ko: NonEmpty = Field(description="Korean (합니다체)")

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.en


def _text_kind(name: str, doc: str) -> type[Text]:
    """A kind of Text whose every language holds at most TEXT_LIMITS[name] characters."""
    bounded = Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_LIMITS[name])
    ]
    languages = {
        language: (bounded, Field(description=field.description))
        for language, field in Text.model_fields.items()
    }
    return create_model(name, __base__=Text, __doc__=doc, __module__=__name__, **languages)


# The longest text of each kind, in characters in either language: about twice the longest of
# its kind in the real quiz, and short enough for the chart, the result and the printed summary.
# The message blocks (quiz/messages.py) use the same kinds and limits.
TEXT_LIMITS = {"Label": 40, "Heading": 80, "Sentence": 250, "Paragraph": 400}
Label = _text_kind(
    "Label",
    "A flag's name, shown on the chart; a clause's title or short name; "
    "a message's greeting or sign-off.",
)
Heading = _text_kind(
    "Heading", "A band's title, or the few words that say what a question measures."
)
Sentence = _text_kind(
    "Sentence",
    "A question, an answer, or what to ask the prospect; "
    "a clause's line or a list's introduction in a message.",
)
Paragraph = _text_kind(
    "Paragraph",
    "A hint, an action, a dealbreaker's reason, or a verdict and its next steps; "
    "a paragraph of a message.",
)


class Floor(_Strict):
    """The least band one answer allows, whatever the others, and why (walk-away is a
    dealbreaker)."""

    band: Literal["proceed-with-care", "high-risk"] = Field(
        description="The mildest verdict this answer allows"
    )
    why: Paragraph = Field(
        description="Why this answer alone sets that band; shown on the result when it decides"
    )


class Option(_Strict):
    """One answer. Either it scores `points`, or it is the question's single "Not sure yet"."""

    id: Id
    text: Sentence
    points: int | None = Field(None, ge=0, le=3, description="0 (no concern) to 3 (strong concern)")
    unsure: bool = Field(
        False, description='The question\'s one "Not sure yet" option; it has no points'
    )
    floor: Floor | None = Field(
        None, description="The least band this answer allows on its own, and why"
    )
    dealbreaker: Paragraph | None = Field(
        None, description="Why choosing this option alone means walk away"
    )

    @property
    def least_band(self) -> str | None:
        """The mildest band this answer allows on its own: a dealbreaker's walk-away, or its
        floor."""
        if self.dealbreaker is not None:
            return "walk-away"
        return self.floor.band if self.floor is not None else None


class Question(_Strict):
    id: Id = Field(
        description="Unique across the quiz; share links and saved prospects refer to it"
    )
    text: Sentence
    covers: Heading = Field(
        description="The one behaviour this question measures, in a few words; "
        "no two questions share it"
    )
    hint: Paragraph = Field(description="Why we ask, shown under the question")
    ask: Sentence = Field(
        description="What to ask the prospect when the answer is not known yet; may hold the "
        "reader's terms ({deposit}, {payment-days}, {revisions}, {rush}), which pages show at "
        "their defaults and drafts fill in"
    )
    email: Sentence | None = Field(
        None,
        description="The question as a drafted message asks it, where `ask`, written for the "
        "reader on the quiz page, would not read well in an email: no letters to fill in, nothing "
        "presumed that may not be known, not the same question as another's; may hold the "
        "reader's terms as `ask` does",
    )
    options: list[Option] = Field(min_length=2)

    @property
    def maximum(self) -> int:
        """The highest points among the options."""
        return max(
            (option.points for option in self.options if option.points is not None), default=0
        )


class Flag(_Strict):
    id: Id = Field(description="The flag's guide page is docs/flags/<id>.md")
    name: Label = Field(description="Short label for the chart")
    weight: float = Field(1, gt=0, le=100, description="Share of this flag in the overall score")
    actions: list[Paragraph] = Field(min_length=1, description="Recommended actions before signing")
    questions: list[Question] = Field(min_length=1)


class Thresholds(_Strict):
    """The overall score from which each band starts."""

    proceed_with_care: int = Field(25, alias="proceed-with-care", ge=1, le=100)
    high_risk: int = Field(50, alias="high-risk", ge=1, le=100)
    walk_away: int = Field(75, alias="walk-away", ge=1, le=100)


class BandText(_Strict):
    title: Heading
    verdict: Paragraph
    next: Paragraph


class WalkAwayText(BandText):
    dealbreaker: Paragraph = Field(
        description="Added when a dealbreaker decided the verdict: "
        "decline firmly, settle what is owed"
    )
    score_only: Paragraph = Field(
        description="Added when the score alone decided the verdict: the door may stay open"
    )


class Bands(_Strict):
    good_fit: BandText = Field(alias="good-fit")
    proceed_with_care: BandText = Field(alias="proceed-with-care")
    high_risk: BandText = Field(alias="high-risk")
    walk_away: WalkAwayText = Field(alias="walk-away")
    not_enough_info: BandText = Field(alias="not-enough-info")

    def by_id(self) -> dict[str, BandText]:
        return {field.alias: getattr(self, name) for name, field in type(self).model_fields.items()}


class Serious(_Strict):
    """Serious answers add up on their own scale, whatever the average: an answer worth 2 points
    (a concern) counts 1, one worth 3 (a strong concern) counts 2. From these totals the verdict is
    at least the band named."""

    proceed_with_care: int = Field(1, alias="proceed-with-care", ge=1, le=100)
    high_risk: int = Field(4, alias="high-risk", ge=1, le=100)
    walk_away: int = Field(8, alias="walk-away", ge=1, le=100)


class Outcome(_Strict):
    """Something that happened with a prospect after screening, as the reader records it: a
    decision (`decides`: signing opens an engagement, declining or losing the work closes the
    prospect) or how an engagement went (`went`). Exactly one of the two."""

    id: Id
    decides: Literal["signed", "declined"] | None = None
    went: Literal["well", "badly"] | None = None


class Quiz(_Strict):
    """The whole quiz file."""

    thresholds: Thresholds = Thresholds()
    serious: Serious = Serious()
    min_definite: float = Field(
        0.5, gt=0, le=1, description="Share of definite answers needed for a verdict"
    )
    bands: Bands
    flags: list[Flag] = Field(min_length=1)
    basics: list[Id] = Field(
        default_factory=list,
        description="The questions that find out what a project is (the work, the date, the "
        "budget, who decides, what success looks like), by id: a message for a prospect there is "
        "not enough to go on about asks these first, in this order, before any other",
    )
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="What can happen after screening, in the order the reader is offered it: "
        "the events a saved prospect records, and the track record's reading of them",
    )

    def questions(self) -> list[tuple[Flag, Question]]:
        """Every question with its flag, in file order."""
        return [(flag, question) for flag in self.flags for question in flag.questions]


BAND_IDS = ("good-fit", "proceed-with-care", "high-risk", "walk-away", "not-enough-info")
# The bands a score can fall in, mildest first; not-enough-info stands outside this order.
SEVERITY = ("good-fit", "proceed-with-care", "high-risk", "walk-away")
LANGUAGES = tuple(Text.model_fields)
LANGUAGE_NAMES = {"en": "English", "ko": "Korean"}

# Limits of the quiz file as YAML, held by quiz/loader.py before the model sees the data.
# A number is at most this many characters ("0.5", "100"): converting a 5,000-digit integer is
# slow, and Python 3.11 refuses more than 4,300 digits.
MAX_NUMBER_CHARS = 20
# A data file is refused above this size before it is parsed: the quiz needs under 100 KB, and a
# generated 2,000-question quiz 1.5 MB; parsing 10 MB of YAML takes seconds and a gigabyte.
MAX_FILE_BYTES = 2 * 1024 * 1024
# Lists and mappings nest at most this deep; the quiz itself needs 8 (an option's dealbreaker text).
MAX_DEPTH = 16

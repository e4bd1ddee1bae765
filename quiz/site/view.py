"""What the templates and the browser engine get from the quiz, for one language."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.drafting import NAME_MAX, VARIANTS, browser_messages, fill_terms
from quiz.messages import TIMINGS, TONES, Messages
from quiz.model import Quiz
from quiz.scoring import MIN_CONCERNS, band, score
from quiz.share import share_key
from quiz.site.strings import load_strings, translator
from quiz.track_record import WENT
from quiz.your_terms import LINE_MIN_POINTS, SIGNATURE, TERM_LIMITS


@dataclass(frozen=True)
class QuizView:
    """The validated quiz as the templates see it: the model, the language and derived facts."""

    quiz: Quiz
    language: str
    witnesses: dict = field(default_factory=dict)  # band -> answers, from the reachability proof
    messages: Messages | None = None  # the message blocks, for the drafted message on the quiz page

    @property
    def total(self) -> int:
        return len(self.quiz.questions())

    @property
    def bands(self) -> dict:
        return self.quiz.bands.by_id()

    @property
    def deciding(self) -> list:
        """(flag, question, option) for every option that sets a band on its own, in file order."""
        return [
            (flag, question, option)
            for flag, question in self.quiz.questions()
            for option in question.options
            if option.least_band is not None
        ]

    @property
    def own_line_choices(self) -> list:
        """For the prospects page's own lines: (flag, [(question, options)]) per flag, where the
        options are every definite one worth at least LINE_MIN_POINTS, in file order; a question
        without any is left out."""
        choices = []
        for flag in self.quiz.flags:
            questions = [(question, _line_options(question)) for question in flag.questions]
            choices.append(
                (flag, [(question, options) for question, options in questions if options])
            )
        return choices

    @property
    def outcome_choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """For a saved prospect's outcome form: the decisions, then how the work went, each as
        (group label, [(outcome id, label)]) in quiz.yml's order; labels are `outcome.<id>`."""
        t = translator(self.language)
        groups = (("prospects.outcome.decisions", True), ("prospects.outcome.results", False))
        return [
            (
                t(key),
                [
                    (o.id, t(f"outcome.{o.id}"))
                    for o in self.quiz.outcomes
                    if bool(o.decides) == decides
                ],
            )
            for key, decides in groups
        ]

    @property
    def your_terms(self) -> list[dict]:
        """For the prospects page's "Your terms": each setting's key, label, hint, unit (none for
        the signature) and error, its limits in place (quiz/your_terms.py; the signature's are
        the name's), and its longest text."""
        t = translator(self.language)
        fields = []
        for key, (low, high) in [*TERM_LIMITS.items(), (SIGNATURE, (1, NAME_MAX))]:

            def filled(text: str, low=low, high=high) -> str:
                return text.replace("{low}", str(low)).replace("{high}", str(high))

            fields.append(
                {
                    "key": key,
                    "label": t(f"yours.{key}"),
                    "hint": filled(t(f"yours.{key}.hint")),
                    "suffix": "" if key == SIGNATURE else t(f"yours.{key}.suffix"),
                    "error": filled(t(f"yours.{key}.error")),
                    "high": high,
                }
            )
        return fields

    @property
    def went(self) -> dict[str, str]:
        """The track record's columns: how a decided prospect went (quiz/track_record.py), in
        order, each with its label (`track.went.<id>`)."""
        t = translator(self.language)
        return {went: t(f"track.went.{went}") for went in WENT}

    @property
    def min_concerns(self) -> int:
        return MIN_CONCERNS

    @property
    def name_max(self) -> int:
        """The longest prospect name the page takes, stores and greets."""
        return NAME_MAX

    @property
    def message_choices(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The drafted message's choices from the data: tone, timing, and the variant ("" for
        the result's own message); each with its legend and its (value, label) pairs, the first
        checked at first. Labels are the strings `message.<choice>.<value>`."""
        t = translator(self.language)
        return [
            (
                kind,
                t(f"message.{kind}"),
                [(v, t(f"message.{kind}.{v or 'result'}")) for v in values],
            )
            for kind, values in (("tone", TONES), ("timing", TIMINGS), ("variant", ("", *VARIANTS)))
        ]

    def text(self, value) -> str:
        """A `Text` in this view's language."""
        return value.get(self.language)

    def ask(self, question) -> str:
        """What to ask, as a page shows it: the reader's terms at their defaults (the drafted
        message fills in the reader's own)."""
        return fill_terms(self.text(question.ask), self.messages.defaults.model_dump(by_alias=True))

    @property
    def clauses(self) -> list[tuple[str, str]]:
        """(anchor, title) of every clause a drafted message may list, in the terms page's order."""
        return [
            (anchor, self.text(clause.title)) for anchor, clause in self.messages.clauses.items()
        ]

    def browser_data(self, *, messages: bool = False, address: str = "") -> dict:
        """The JSON island, the scripts' one source: every number and name they use, and the few
        strings they format. An option carries `unsure`, `least` or `dealbreaker` only when it has
        them. With `messages` (the quiz page), the message blocks in this language
        (`browser_messages`); every other page gets the `outcomes`, what a prospect may record,
        for the pages that read a prospect's outcomes (events.js): the quiz page never does.
        `address` is the page's own on the published site, for share links made offline."""
        t = translator(self.language)
        data = {
            "address": address,
            "thresholds": self.quiz.thresholds.model_dump(by_alias=True),
            "serious": self.quiz.serious.model_dump(by_alias=True),
            "minDefinite": self.quiz.min_definite,
            "minConcerns": MIN_CONCERNS,
            "nameMax": NAME_MAX,
            "terms": {key: list(limits) for key, limits in TERM_LIMITS.items()},
            "bands": {band_id: self.text(band.title) for band_id, band in self.bands.items()},
            "flags": [
                {
                    "id": flag.id,
                    "name": self.text(flag.name),
                    "weight": flag.weight,
                    "questions": [
                        {
                            "id": question.id,
                            "key": share_key(question.id),
                            "max": question.maximum,
                            "options": [_option(option) for option in question.options],
                        }
                        for question in flag.questions
                    ],
                }
                for flag in self.quiz.flags
            ],
            "strings": {
                key: t(key) for key in load_strings()["en"] if key.startswith(BROWSER_PREFIXES)
            },
        }
        if messages:
            data["messages"] = browser_messages(self.messages, self.language, self.quiz)
        else:
            data["outcomes"] = [o.model_dump(exclude_none=True) for o in self.quiz.outcomes]
        return data

    def worked_example(self) -> dict | None:
        """For the methodology page: the first answer in file order that sets high risk on its own,
        on answers otherwise at their first option, scored by the reference scorer."""
        found = next(((q, o) for _, q, o in self.deciding if o.least_band == "high-risk"), None)
        if found is None:
            return None
        question, option = found
        answers = {q.id: q.options[0].id for _, q in self.quiz.questions()} | {
            question.id: option.id
        }
        result = score(self.quiz, answers)
        alone = band(self.quiz, result.average, result.definite, result.total)
        return {"question": question, "option": option, "result": result, "alone": alone}

    def examples(self) -> list[tuple[str, int | None, int]]:
        """For the methodology page: one answer set per band with its score and definite count."""
        rows = []
        for name, answers in self.witnesses.items():
            if answers is None:
                continue
            result = score(self.quiz, answers)
            rows.append((name, result.score, result.definite))
        return rows


def _line_options(question) -> list:
    """The options of a question that the reader may make one of their own lines."""
    return [o for o in question.options if not o.unsure and o.points >= LINE_MIN_POINTS]


def _option(option) -> dict:
    """An option as the scorer needs it: its points, or that it is "Not sure yet"; the band it
    sets on its own (`least`), and whether that is a dealbreaker's walk-away."""
    data = {"id": option.id}
    if option.unsure:
        data["unsure"] = True
    else:
        data["points"] = option.points
    if option.least_band is not None:
        data["least"] = option.least_band
    if option.dealbreaker is not None:
        data["dealbreaker"] = True
    return data


# Interface strings the script formats or shows, by key prefix.
BROWSER_PREFIXES = ("quiz.", "result.", "work.", "changes.", "prospects.", "reason.", "message.")

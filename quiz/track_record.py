"""The track record: how the verdicts on saved prospects held up, by the reader's own account.

The reference for quiz/web/tally.js (the page `track-record/` computes the same in the browser;
tests hold the two together). It reads a store as store.js reads it (README, "Workspace test
contract", format 4): its readable prospects, each with the `events` the reader recorded, and
the reader's own lines in `settings.lines`. The rule, one prospect at a time:

- Events are taken by date, then in the order they were recorded. Only readable ones count
  (events.js, readEvents: an "e-" id not used by an earlier readable one, a kind of `outcomes`,
  a real calendar day YYYY-MM-DD, a note of at most 280 UTF-16 units); the others are passed
  over, as the prospects page sets them aside.
- The decision is the first event that `decides`. Without one the prospect is undecided and
  left out of the table.
- The band at decision: the assessment in effect on the decision's date, which is the newest of
  the current assessment and its history whose `updated` falls (as a calendar day in UTC) on or
  before that date; when none is that old, the oldest. It is scored as the quiz scores it, with
  the reader's own lines.
- How it went: a declined prospect is "declined". A signed one went "badly" when any event on
  or after the decision's date went badly, else "well" when any went well, else it is "open".
- Flags raised before: for an engagement that went well or badly, the concerns of the
  assessment at decision (scoring.concerns, the flags the result explains), counted per flag.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from quiz.model import BAND_IDS, Quiz
from quiz.scoring import concerns, score


@dataclass(frozen=True)
class TrackRecord:
    """Counts only. `bands`: band -> went -> how many decided prospects (WENT, in order);
    `flags`: flag -> "badly"/"well" -> how many finished engagements it was raised before."""

    bands: dict[str, dict[str, int]]
    flags: dict[str, dict[str, int]]
    saved: int
    undecided: int


def track_record(quiz: Quiz, store: Mapping) -> TrackRecord:
    """The track record of a store's readable prospects (the caller leaves out what store.js
    would not read)."""
    bands = {band: dict.fromkeys(WENT, 0) for band in BAND_IDS}
    flags = {flag.id: {"badly": 0, "well": 0} for flag in quiz.flags}
    prospects = store.get("prospects") or []
    lines = own_lines(store)
    kinds = {outcome.id: outcome for outcome in quiz.outcomes}
    undecided = 0
    for prospect in prospects:
        classified = classify(quiz, kinds, prospect, lines)
        if classified is None:
            undecided += 1
            continue
        band, went, raised = classified
        bands[band][went] += 1
        for flag in raised:
            flags[flag][went] += 1
    return TrackRecord(bands, flags, len(prospects), undecided)


def classify(
    quiz: Quiz, kinds: Mapping, prospect: Mapping, lines: list
) -> tuple[str, str, list[str]] | None:
    """(band at decision, how it went, the flags raised before when it went well or badly), or
    None for a prospect not decided yet. `kinds`: the quiz's outcomes by id."""
    events = sorted(readable_events(prospect, kinds), key=lambda event: event["date"])
    decision = next((event for event in events if kinds[event["kind"]].decides), None)
    if decision is None:
        return None
    day = decision["date"]
    result = score(quiz, _assessment_on(prospect, day)["answers"], lines)
    if kinds[decision["kind"]].decides != "signed":
        return result.band, "declined", []
    results = {kinds[event["kind"]].went for event in events if event["date"] >= day}
    went = "badly" if "badly" in results else "well" if "well" in results else "open"
    raised = [flag.id for flag in concerns(quiz, result)] if went != "open" else []
    return result.band, went, raised


def readable_events(prospect: Mapping, kinds: Mapping) -> list[Mapping]:
    """A prospect's well-formed events in the order recorded (events.js, readEvents)."""
    events = prospect.get("events")
    if not isinstance(events, list):
        return []
    readable, seen = [], set()
    for event in events:
        if readable_event(event, kinds) and event["id"] not in seen:
            seen.add(event["id"])
            readable.append(event)
    return readable


def readable_event(event, kinds) -> bool:
    """Whether a value is an outcome (events.js, validEvent): an "e-" id, a kind of `kinds`, a
    real calendar day YYYY-MM-DD and a note of at most MAX_NOTE UTF-16 units; other keys are
    kept. Whether its id is the first of its prospect's is readable_events' to say."""
    return (
        isinstance(event, Mapping)
        and isinstance(event.get("id"), str)
        and EVENT_ID.fullmatch(event["id"]) is not None
        and isinstance(event.get("kind"), str)
        and event["kind"] in kinds
        and isinstance(event.get("date"), str)
        and _real_day(event["date"])
        and isinstance(event.get("note"), str)
        and len(event["note"].encode("utf-16-le", "surrogatepass")) // 2 <= MAX_NOTE
    )


def _real_day(text: str) -> bool:
    if not DAY.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def own_lines(store: Mapping) -> list:
    """The reader's own lines as the quiz reads them (store.js, settingsOf)."""
    settings = store.get("settings")
    lines = settings.get("lines") if isinstance(settings, Mapping) else None
    return lines if isinstance(lines, list) else []


def _assessment_on(prospect: Mapping, day: str) -> Mapping:
    """The assessment in effect on `day`: the newest saved on or before it, else the oldest."""
    assessments = [prospect, *prospect["history"]]
    instants = [_instant(entry["updated"]) for entry in assessments]
    before = [i for i, moment in enumerate(instants) if moment.date().isoformat() <= day]
    if before:
        return assessments[max(before, key=lambda i: (instants[i], -i))]
    return assessments[min(range(len(assessments)), key=lambda i: (instants[i], i))]


def _instant(date: str) -> datetime:
    return datetime.fromisoformat(date.replace("Z", "+00:00")).astimezone(UTC)


# How a decided prospect went, in the order the table shows it.
WENT = ("well", "badly", "open", "declined")
# An event's date: a calendar day; its id; its note's length in UTF-16 units (events.js).
DAY = re.compile(r"\d{4}-\d\d-\d\d")
EVENT_ID = re.compile(r"e-[a-z0-9]{8,24}")
MAX_NOTE = 280

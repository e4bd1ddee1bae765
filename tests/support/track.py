"""The track record page for tests: a year of made-up clients, random stores, and the page's
counts read back through its test contract (README, "Workspace test contract")."""

from __future__ import annotations

import random

from quiz.model import Quiz
from quiz.track_record import TrackRecord, track_record
from tests.support.calibration import prospects
from tests.support.workspace import Model, poll

# The page set up and done reading the store.
_READY = """() => document.querySelector("[data-track-ready]") !== null
  && document.querySelector("[aria-busy='true']") === null"""

# What the page shows, by its test contract: the band cells, the flag rows and the counts.
_READ = """() => {
  const bands = {};
  for (const cell of document.querySelectorAll("[data-track-band][data-went]")) {
    const band = cell.getAttribute("data-track-band");
    (bands[band] = bands[band] || {})[cell.getAttribute("data-went")] = Number(cell.textContent);
  }
  const flags = {};
  for (const row of document.querySelectorAll("[data-track-flag]")) {
    flags[row.getAttribute("data-track-flag")] = {
      badly: Number(row.getAttribute("data-badly")), well: Number(row.getAttribute("data-well"))};
  }
  const count = (name) =>
    Number(document.querySelector(`[data-track-count="${name}"]`).textContent);
  return {bands, flags, saved: count("saved"), undecided: count("undecided")};
}"""


def ready(page) -> None:
    """Wait until the track record page shows what is stored."""
    poll(lambda: page.evaluate(_READY), "the track record is counted")


def shown(page) -> dict:
    """The counts the page shows, in the shape of `expected`."""
    return page.evaluate(_READ)


def expected(quiz: Quiz, store: dict) -> dict:
    """The Python reference's counts for a store, over the prospects store.js reads."""
    readable = Model.of(store).prospects
    record: TrackRecord = track_record(quiz, {**store, "prospects": readable})
    return {
        "bands": record.bands,
        "flags": record.flags,
        "saved": record.saved,
        "undecided": record.undecided,
    }


def a_year_of_clients(quiz: Quiz, version: int = 4) -> dict:
    """A freelancer's year: 22 saved prospects from January to December, every verdict and every
    kind of outcome, some re-assessed after the decision (the verdict at decision counts), one
    decided before its first save, three not decided yet, and an own line of the reader's."""
    by_id = {prospect.id: prospect.answers for prospect in prospects(quiz)}
    plan = [
        # name, answers, [(kind, date)], earlier assessments [(answers, date)]
        (
            "Harbour Lane Bakery",
            "clean",
            [("signed", "01-12"), ("paid-on-time", "02-20"), ("would-again", "03-02")],
        ),
        ("Okafor Design Co", "small-frictions", [("signed", "01-20"), ("paid-late", "03-15")]),
        ("Mirae Analytics", "busy-but-organised", [("signed", "11-03")]),
        ("Teal & Stone", "careful-negotiator", [("declined", "02-04")]),
        (
            "Northwind Events",
            "no-deposit",
            [("signed", "02-10"), ("scope-unpaid", "03-30"), ("paid-on-time", "04-28")],
        ),
        ("Quill Publishing", "corner-cut-once", [("signed", "03-05"), ("paid-on-time", "04-10")]),
        ("Brightside Gym", "on-call-rhythm", [("chose-other", "03-12")]),
        (
            "Delta Freight",
            "watches-everything",
            [("signed", "04-02"), ("dispute", "05-20"), ("ended-early", "06-01")],
            [("clean", "03-25")],
        ),
        ("Lumen Skincare", "pays-when-funded", [("signed", "04-15"), ("never-paid", "07-01")]),
        ("Parkside Dental", "ghost", [("signed", "05-01"), ("would-again", "08-15")]),
        ("Copperleaf Cafe", "free-work", [("declined", "05-08")]),
        ("Ridgeway Legal", "guaranteed-results", [("declined", "05-22")]),
        ("Vantage Crypto", "values-conflict", [("declined", "06-03")]),
        ("Sunny Side Apps", "twos-everywhere", [("signed", "06-20"), ("never-paid", "09-30")]),
        ("Atlas Realty", "fake-reviews", [("chose-other", "07-04")]),
        ("Kim & Partners", "all-unknown", [("signed", "07-18"), ("paid-on-time", "09-01")]),
        ("Greenway Florist", "clean", [], []),
        ("Orbit Toys", "mixed-founder", [("paid-late", "08-01")]),
        (
            "Silverline Media",
            "know-it-when-i-see-it",
            [("signed", "08-22"), ("paid-late", "10-10"), ("would-again", "11-20")],
        ),
        (
            "Maple Street Clinic",
            "ordinary-enterprise",
            [("signed", "09-05"), ("paid-on-time", "10-30")],
            [("no-deposit", "08-28")],
        ),
        ("Blue Fern Studio", "mild-everywhere", [("signed", "01-05")]),  # saved after deciding
        ("Yellowtail Foods", "free-concepts-asked", [], []),
    ]
    store_prospects = []
    for index, (name, answers, events, *rest) in enumerate(plan):
        history = rest[0] if rest else []
        # Saved a week before the decision, or in mid-January when there is none (and after the
        # decision for the last-but-one, saved late).
        first = events[0][1] if events else "01-15"
        saved = "2026-01-20T09:00:00.000Z" if name == "Blue Fern Studio" else _before(first)
        earlier = [
            {"updated": f"2026-{day}T10:00:00.000Z", "answers": by_id[old]}
            for old, day in reversed(history)
        ]
        # Re-assessed after the decision: the current answers are newer than the decision.
        updated = f"2026-{_later(first)}T08:00:00.000Z" if history else saved
        store_prospects.append(
            {
                "id": f"p-year{index:06d}",
                "name": name,
                "created": earlier[-1]["updated"] if earlier else saved,
                "updated": updated,
                "answers": by_id[answers],
                "history": earlier,
                "events": [
                    {
                        "id": f"e-year{index:02d}{n:04d}",
                        "kind": kind,
                        "date": f"2026-{day}",
                        "note": "",
                    }
                    for n, (kind, day) in enumerate(events)
                ],
            }
        )
    # One line of the reader's own: no deposit at all. "Northwind Events" is then walk-away for
    # this reader.
    return {
        "version": version,
        "prospects": store_prospects,
        "deleted": {},
        "settings": {"lines": ["boundaries-payment:no-deposit"]},
    }


def random_store(quiz: Quiz, rng: random.Random, size: int) -> dict:
    """A store of `size` prospects with random answers (a calibration prospect's, or random
    options), up to three earlier assessments and up to six events of any kind, on dates that
    often fall on the same day; with some own lines."""
    questions = [question for _, question in quiz.questions()]
    known = [prospect.answers for prospect in prospects(quiz)]
    # Signing is drawn more often than any other kind, so that many engagements have results.
    kinds = [outcome.id for outcome in quiz.outcomes] + ["signed"] * 3

    def answers() -> dict:
        if rng.random() < 0.5:
            return dict(rng.choice(known))
        return {
            q.id: rng.choice(q.options).id
            for q in questions
            if rng.random() > 0.1 * rng.randint(0, 6)
        }

    def moment() -> str:
        hour = rng.choice(["00:30:00.000Z", "23:30:00.000Z", "12:00:00+09:00", "00:10:00+09:00"])
        return f"2026-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}T{hour}"

    store_prospects = []
    for index in range(size):
        history = [{"updated": moment(), "answers": answers()} for _ in range(rng.randint(0, 3))]
        events = [
            {
                "id": f"e-r{index:03d}{n:05d}",
                "kind": rng.choice(kinds),
                "date": f"2026-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}",
                "note": "",
            }
            for n in range(rng.choice([0, 1, 2, 2, 3, 4, 6]))
        ]
        store_prospects.append(
            {
                "id": f"p-rand{index:06d}",
                "name": f"Prospect {index}",
                "created": "2026-01-01T00:00:00.000Z",
                "updated": moment(),
                "answers": answers(),
                "history": history,
                "events": events,
            }
        )
    lineable = [
        f"{q.id}:{o.id}" for q in questions for o in q.options if not o.unsure and o.points >= 1
    ]
    return {
        "version": 4,
        "prospects": store_prospects,
        "settings": {"lines": rng.sample(lineable, rng.randint(0, 3))},
    }


def _before(day: str) -> str:
    """A week before `MM-DD` of 2026, at nine in the morning UTC."""
    month, date = map(int, day.split("-"))
    month, date = (month, date - 7) if date > 7 else (max(month - 1, 1), 20)
    return f"2026-{month:02d}-{date:02d}T09:00:00.000Z"


def _later(day: str) -> str:
    """A month after `MM-DD` of 2026."""
    month, date = map(int, day.split("-"))
    return f"{min(month + 1, 12):02d}-{date:02d}"

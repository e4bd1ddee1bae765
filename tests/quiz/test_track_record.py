"""The track record's rule (quiz/track_record.py), case by case, and the browser's tally.js held to
it on random stores and a year of made-up clients, under Node."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

from quiz.scoring import concerns, score
from quiz.site.view import QuizView
from quiz.track_record import track_record
from tests.support.calibration import prospects
from tests.support.quiz import QUIZ
from tests.support.site import ROOT
from tests.support.track import a_year_of_clients, expected, random_store

ANSWERS = {prospect.id: prospect.answers for prospect in prospects(QUIZ)}
CLEAN, RISKY, WALK = ANSWERS["clean"], ANSWERS["pays-when-funded"], ANSWERS["values-conflict"]


def _prospect(events, answers=CLEAN, updated="2026-01-10T09:00:00.000Z", history=()):
    return {
        "id": "p-aaaaaaaaaa",
        "name": "Test",
        "created": "2026-01-01T00:00:00.000Z",
        "updated": updated,
        "answers": answers,
        "history": list(history),
        "events": [
            {"id": f"e-test{n:04d}", "kind": kind, "date": date, "note": ""}
            for n, (kind, date) in enumerate(events)
        ],
    }


def _one(prospect, settings=None) -> tuple[str, str] | None:
    """(band, went) of the one prospect counted, or None when it is undecided."""
    store = {"version": 4, "prospects": [prospect], **({"settings": settings} if settings else {})}
    record = track_record(QUIZ, store)
    found = [(b, w) for b, row in record.bands.items() for w, n in row.items() for _ in range(n)]
    assert record.saved == 1 and len(found) + record.undecided == 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("events", "went"),
    [
        ([], None),
        ([("paid-late", "2026-02-01")], None),  # how it went, but no decision
        ([("declined", "2026-02-01")], "declined"),
        (
            [("chose-other", "2026-02-01"), ("signed", "2026-03-01")],
            "declined",
        ),  # the first decides
        ([("signed", "2026-02-01")], "open"),
        ([("signed", "2026-02-01"), ("paid-on-time", "2026-03-01")], "well"),
        (
            [("signed", "2026-02-01"), ("would-again", "2026-03-01"), ("dispute", "2026-04-01")],
            "badly",
        ),
        # Taken by date, not as recorded: the decline came first.
        ([("signed", "2026-03-01"), ("declined", "2026-02-01")], "declined"),
        # On the same day, as recorded.
        ([("declined", "2026-02-01"), ("signed", "2026-02-01")], "declined"),
        # Something from before the decision's day is not how the engagement went...
        ([("paid-late", "2026-01-20"), ("signed", "2026-02-01")], "open"),
        # ...but the decision's own day is.
        ([("paid-late", "2026-02-01"), ("signed", "2026-02-01")], "badly"),
        # What the quiz does not know is passed over.
        ([("signed", "2026-02-01"), ("lost", "2026-03-01"), ("never-paid", "2026-3-1")], "open"),
    ],
)
def test_how_a_prospect_went(events, went):
    found = _one(_prospect(events))
    assert (found and found[1]) == went


def test_the_band_is_the_one_in_effect_on_the_day_of_the_decision():
    history = [
        {"updated": "2026-02-20T09:00:00.000Z", "answers": WALK},
        {"updated": "2026-01-05T09:00:00.000Z", "answers": RISKY},
    ]
    # Re-assessed after signing: the assessment of 20 February counts for a decision that day.
    now = "2026-04-01T09:00:00.000Z"
    assert _one(_prospect([("signed", "2026-02-20")], CLEAN, now, history)) == ("walk-away", "open")
    assert _one(_prospect([("signed", "2026-02-19")], CLEAN, now, history)) == ("high-risk", "open")
    assert _one(_prospect([("signed", "2026-05-01")], CLEAN, now, history)) == ("good-fit", "open")
    # Decided before any save: the oldest assessment.
    assert _one(_prospect([("declined", "2025-12-01")], CLEAN, now, history)) == (
        "high-risk",
        "declined",
    )


def test_a_saved_assessment_counts_on_its_calendar_day_in_utc():
    # 00:30 in Seoul on 1 February is 31 January in UTC.
    early = "2026-02-01T00:30:00+09:00"
    older = [{"updated": "2026-01-02T09:00:00.000Z", "answers": CLEAN}]
    assert _one(_prospect([("declined", "2026-01-31")], WALK, early, older))[0] == "walk-away"
    late = "2026-01-31T23:30:00-05:00"  # 1 February in UTC
    assert _one(_prospect([("declined", "2026-01-31")], WALK, late, older))[0] == "good-fit"


def test_the_readers_own_lines_count_as_the_quiz_counts_them():
    answers = ANSWERS["no-deposit"]
    assert _one(_prospect([("declined", "2026-02-01")], answers))[0] == "proceed-with-care"
    lines = {"lines": ["boundaries-payment:no-deposit"]}
    assert _one(_prospect([("declined", "2026-02-01")], answers), lines)[0] == "walk-away"
    # Settings that are not what the quiz reads are no lines at all.
    assert _one(_prospect([("declined", "2026-02-01")], answers), {"lines": "x"})[0] == (
        "proceed-with-care"
    )


def test_the_flags_counted_are_the_concerns_of_the_assessment_at_decision():
    went = {"well": "paid-on-time", "badly": "never-paid"}
    for outcome, kind in went.items():
        store = {
            "version": 4,
            "prospects": [_prospect([("signed", "2026-02-01"), (kind, "2026-03-01")], RISKY)],
        }
        record = track_record(QUIZ, store)
        raised = [flag.id for flag in concerns(QUIZ, score(QUIZ, RISKY))]
        assert raised
        assert {f: n[outcome] for f, n in record.flags.items() if n[outcome]} == dict.fromkeys(
            raised, 1
        )
        assert not any(n["badly" if outcome == "well" else "well"] for n in record.flags.values())
    # Nothing is counted before an engagement with no result yet, nor before a decline.
    for events in ([("signed", "2026-02-01")], [("declined", "2026-02-01")]):
        record = track_record(QUIZ, {"version": 4, "prospects": [_prospect(events, RISKY)]})
        assert not any(sum(n.values()) for n in record.flags.values())


def test_a_year_of_made_up_clients_has_every_band_and_every_kind():
    store = a_year_of_clients(QUIZ)
    record = track_record(QUIZ, store)
    assert all(sum(row.values()) for row in record.bands.values())
    assert {w for row in record.bands.values() for w, n in row.items() if n} == {
        "well",
        "badly",
        "open",
        "declined",
    }
    kinds = {event["kind"] for prospect in store["prospects"] for event in prospect["events"]}
    assert kinds == {outcome.id for outcome in QUIZ.outcomes}
    assert record.undecided == 3 and record.saved == 22


def test_the_browser_counts_as_the_reference_does():
    """tally.js under Node, on a hundred random stores and the year of made-up clients, in both
    languages' islands."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser modules' tests (make test installs it)"
    rng = random.Random(20261207)
    stores = [random_store(QUIZ, rng, rng.randint(0, 30)) for _ in range(100)]
    stores.append(a_year_of_clients(QUIZ))
    cases = {
        language: {
            "data": QuizView(QUIZ, language).browser_data(),
            "stores": stores,
        }
        for language in ("en", "ko")
    }
    script = _TALLY.replace("TALLY", (ROOT / "quiz" / "web" / "tally.js").as_uri())
    run = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    counted = json.loads(run.stdout)
    reference = [expected(QUIZ, store) for store in stores]
    assert sum(r["saved"] - r["undecided"] for r in reference) > 500  # plenty decided
    for language in ("en", "ko"):
        for store, mine, theirs in zip(stores, counted[language], reference, strict=True):
            assert mine == theirs, json.dumps(store)[:2000]


# Each language's stores through tally.js, read from stdin, counted as the page counts them.
_TALLY = """
import { readFileSync } from "node:fs";
import { tally } from "TALLY";
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = {};
for (const [language, { data, stores }] of Object.entries(cases)) {
  out[language] = stores.map((store) => {
    const lines = Array.isArray((store.settings || {}).lines) ? store.settings.lines : [];
    const counted = tally(data, store.prospects, lines);
    const saved = store.prospects.length;
    return { bands: counted.bands, flags: counted.flags, saved, undecided: counted.undecided };
  });
}
process.stdout.write(JSON.stringify(out));
"""

"""The browser's pure modules (scoring, drafting, share links, the store's reading rules) under
Node's own test runner, in the fast tier: `node --test tests/js/`. The cases they check against
come from the Python reference, written here for the run: the quiz island of each language, and
for seeded random answer sets, a third of them with own lines, the reference score and drafted
message (with the reader's terms given whole, in part, or not at all)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

from quiz.drafting import compose, plan
from quiz.messages import TIMINGS, TONES
from quiz.scoring import score
from quiz.site.view import QuizView
from tests.support.calibration import prospects
from tests.support.quiz import MESSAGES, QUIZ

ROOT = Path(__file__).resolve().parent.parent
CASES = 300  # answer sets per language; Node checks them all in well under a second
# The reader's terms a row drafts with, by row: none given (the island's defaults), all of them
# with a signature to tidy, a figure of 0 (still the reader's, not a default's), half a percent.
TERMS = [
    None,
    {"deposit": 45, "payment-days": 21, "revisions": 3, "rush": 80, "signature": "  Mina \t Park "},
    {"deposit": 0, "signature": ""},
    {"rush": 12.5, "revisions": 1},
]

UNSURE = {question.id: "unsure" for _, question in QUIZ.questions()}
# Answer sets random ones seldom reach: not enough to go on with some basics known (the others
# asked first), two flags red on three questions each (three lines each, their clauses), one
# flag red on all three (three lines), and mild answers with one concern, on a date within the
# usual timeline (flags' own clauses beside a seen line's, no rush fee).
HAND_MADE = [
    UNSURE | {"profile-criteria": "all", "expectations-scope": "fits", "vision-success": "clear"},
    UNSURE | {"boundaries-timeline": "firm", "micromanager-decider": "one"},
    {
        "boundaries-price": "returning",
        "boundaries-timeline": "firm",
        "boundaries-scope": "extras",
        "expectations-scope": "gap",
        "expectations-outcomes": "numbers",
        "expectations-tradeoff": "pushed",
    },
    {
        "unresponsive-replies": "silent",
        "unresponsive-materials": "nothing",
        "unresponsive-contact": "absent",
        "boundaries-payment": "no-deposit",
    },
    {
        question.id: next((o.id for o in question.options if o.points == 1), question.options[0].id)
        for _, question in QUIZ.questions()
    }
    | {"wrong-fit-workstyle": "daily"},
]


def test_the_pure_browser_modules_pass_their_node_tests(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser modules' tests (make test installs it)"
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(reference_cases()), encoding="utf-8")
    run = subprocess.run(
        [
            node,
            "--test",
            "--test-reporter=spec",
            *sorted(map(str, (ROOT / "tests" / "js").glob("*.test.js"))),
        ],
        env={**os.environ, "CRF_CASES": str(path)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def reference_cases() -> dict:
    """Per language: the island, and answer sets with the Python reference's score and draft."""
    rng = random.Random(20261207)
    questions = [question for _, question in QUIZ.questions()]
    sets = []
    for index in range(CASES):
        # Half the sets avoid dealbreakers: most random sets hit one, and these explore the bands.
        sets.append(
            {
                q.id: rng.choice(
                    [o for o in q.options if index % 2 == 0 or o.dealbreaker is None]
                ).id
                for q in questions
                if rng.random() > 0.05 * (index % 4)  # some left unanswered
            }
        )
    # A third of the sets come with the reader's own lines: answers worth a point or more, some
    # of them chosen and some not.
    lineable = [
        f"{q.id}:{o.id}" for q in questions for o in q.options if not o.unsure and o.points >= 1
    ]
    own = [
        rng.sample(lineable, rng.randint(1, 4)) if index % 3 == 1 else [] for index in range(CASES)
    ]
    for index, lines in enumerate(own):
        if lines and index % 2:  # half of them chosen for sure
            question, option = lines[0].split(":")
            sets[index][question] = option
    # And the calibration prospects, each band and concern drafted with each kind of terms.
    sets += [prospect.answers for prospect in prospects(QUIZ) for _ in TERMS]
    sets += [answers for answers in HAND_MADE for _ in TERMS]
    own += [[]] * (len(sets) - len(own))  # without own lines
    cases = {}
    for language in ("en", "ko"):
        # The island the browser gets, made once: the reference drafts from the same blocks.
        view = QuizView(QUIZ, language, messages=MESSAGES)
        data = view.browser_data(messages=True)
        # The kinds of outcome, which only the other pages' islands carry (events.js).
        data["outcomes"] = view.browser_data()["outcomes"]
        rows = []
        for index, answers in enumerate(sets):
            result = score(QUIZ, answers, own_lines=own[index])
            tone, timing = TONES[index % len(TONES)], TIMINGS[index % len(TIMINGS)]
            name = ["", "Lumen Studio", "  Ada   Lovelace  "][index % 3]
            terms = TERMS[index % len(TERMS)]
            message = compose(
                data["messages"], plan(QUIZ, answers), tone, timing, name or None, terms
            )
            rows.append(
                {
                    "answers": answers,
                    "band": result.band,
                    "score": result.score,
                    "flags": {flag.id: flag.score for flag in result.flags},
                    "raisedBy": sorted(result.raised_by),
                    "ownLines": own[index],
                    "decided": {
                        "dealbreaker": bool(result.dealbreakers),
                        "ownLines": list(result.own_lines),
                    },
                    "choice": {"tone": tone, "timing": timing, "variant": "", "name": name}
                    | ({"terms": terms} if terms is not None else {}),
                    "text": message.text,
                    "terms": list(message.terms),
                }
            )
        cases[language] = {"data": data, "rows": rows}
    return cases

"""The calibration prospects: what a seasoned freelancer would conclude about each one
(tests/fixtures/calibration/: the team's shared set, and our own with the guide line behind each
band). Every answer a prospect does not list is the question's first option, worth 0 points."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from quiz.model import Quiz

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "calibration"


@dataclass(frozen=True)
class Prospect:
    id: str
    story: str
    answers: dict[str, str]  # every question, as the quiz would be answered
    bands: tuple[str, ...]
    top: str | None
    message: tuple[str, ...]
    source: str | None


def prospects(quiz: Quiz) -> list[Prospect]:
    """Every calibration prospect, the shared set first, with complete answers."""
    clean = {question.id: question.options[0].id for _, question in quiz.questions()}
    found = []
    for name in ("prospects.yml", "own.yml"):
        for entry in yaml.safe_load((FOLDER / name).read_text(encoding="utf-8")):
            found.append(
                Prospect(
                    id=entry["id"],
                    story=entry["story"],
                    answers=clean | entry["answers"],
                    bands=tuple(entry["bands"]),
                    top=entry.get("top"),
                    message=tuple(entry.get("message", ())),
                    source=entry.get("source"),
                )
            )
    return found

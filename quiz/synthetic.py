"""Generated quiz files of any size, for the benchmark and the scale tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from quiz.model import BAND_IDS


def synthetic_quiz(questions: int, flag_ids: list[str]) -> dict:
    """A valid quiz with `questions` questions spread evenly over the given flags."""
    flags = []
    for index, flag_id in enumerate(flag_ids):
        count = questions // len(flag_ids) + (1 if index < questions % len(flag_ids) else 0)
        flags.append(
            {
                "id": flag_id,
                "name": _text(f"Flag {flag_id}"),
                "weight": 1 + index % 3 * 0.5,
                "actions": [_text(f"Act on {flag_id}.")],
                "questions": [_question(f"{flag_id}-q{number}", number) for number in range(count)],
            }
        )
    return {
        "thresholds": {"proceed-with-care": 25, "high-risk": 50, "walk-away": 75},
        "min_definite": 0.5,
        "bands": {band: _band_text(band) for band in BAND_IDS},
        "flags": flags,
    }


def write_synthetic_quiz(path: Path, questions: int, flag_ids: list[str]) -> Path:
    path.write_text(yaml.safe_dump(synthetic_quiz(questions, flag_ids), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _question(question_id: str, number: int) -> dict:
    options = [{"id": f"p{points}", "points": points, "text": _text(f"{points} points")} for points in (0, 1, 2, 3)]
    if number % 2:
        del options[2]  # vary the options a little: some questions skip 2 points
    options.append({"id": "unsure", "unsure": True, "text": {"en": "Not sure yet", "ko": "아직 모르겠습니다"}})
    return {"id": question_id, "text": _text(f"Question {question_id}?"), "covers": _text(f"Behaviour {question_id}"), "hint": _text("Why we ask."),
            "ask": _text("What to ask?"), "options": options}


def _band_text(band: str) -> dict:
    texts = {"title": _text(band), "verdict": _text(band), "next": _text(band)}
    if band == "walk-away":
        texts.update(dealbreaker=_text("Decline firmly."), score_only=_text("Decline, door open."))
    return texts


def _text(english: str) -> dict:
    return {"en": english, "ko": f"{english} (한국어)"}

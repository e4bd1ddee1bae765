"""Generated quiz files of any size, for the benchmark and the scale tests, and the message blocks
that fit them."""

from __future__ import annotations

from pathlib import Path

import yaml

from quiz.messages import MESSAGES_FILE
from quiz.model import BAND_IDS


def synthetic_quiz(questions: int, flag_ids: list[str]) -> dict:
    """A valid quiz with `questions` questions spread evenly over the given flags."""
    flags = []
    for index, flag_id in enumerate(flag_ids):
        count = questions // len(flag_ids) + (1 if index < questions % len(flag_ids) else 0)
        flags.append(
            {
                "id": flag_id,
                "name": _text(f"Flag {flag_id}", f"위험 신호 {index + 1}"),
                "weight": 1 + index % 3 * 0.5,
                "actions": [_text(f"Act on {flag_id}.", f"{index + 1}번 신호에 대응하십시오.")],
                "questions": [
                    _question(
                        f"{flag_id}-q{number}", f"{index + 1}번 신호의 {number + 1}번", number
                    )
                    for number in range(count)
                ],
            }
        )
    return {
        "thresholds": {"proceed-with-care": 25, "high-risk": 50, "walk-away": 75},
        "min_definite": 0.5,
        "bands": {band: _band_text(band) for band in BAND_IDS},
        "flags": flags,
    }


def write_synthetic_quiz(path: Path, questions: int, flag_ids: list[str]) -> Path:
    path.write_text(
        yaml.safe_dump(synthetic_quiz(questions, flag_ids), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


def synthetic_messages(quiz: dict, path: Path = MESSAGES_FILE) -> dict:
    """The real message blocks for a generated quiz over the real flags. Its questions are all new,
    so what names the real ones is left out (`asked-by`, `settled-by`, `usual-after`) and every
    answer worth raising (2 points or more) gets the first real `seen` line."""
    messages = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = {question["id"] for flag in quiz["flags"] for question in flag["questions"]}
    answers = {
        f"{question['id']}:{option['id']}"
        for flag in quiz["flags"]
        for question in flag["questions"]
        for option in question["options"]
    }
    for block in [*messages["flags"].values(), *messages["clauses"].values()]:
        block["asked-by"] = [ident for ident in block.get("asked-by", []) if ident in questions]
    for clause in messages["clauses"].values():
        clause["settled-by"] = [key for key in clause.get("settled-by", []) if key in answers]
    fit = messages["good-fit"]
    fit["usual-after"] = {key: line for key, line in fit["usual-after"].items() if key in answers}
    line = next(iter(next(iter(messages["seen"].values())).values()))
    messages["seen"] = {
        question["id"]: {
            option["id"]: line for option in question["options"] if option.get("points", 0) >= 2
        }
        for flag in quiz["flags"]
        for question in flag["questions"]
    }
    return messages


def _question(question_id: str, korean_name: str, number: int) -> dict:
    """A question; its Korean texts name it by numbers, as Latin ids would not read as Korean."""
    options = [
        {"id": f"p{points}", "points": points, "text": _text(f"{points} points", f"{points}점")}
        for points in (0, 1, 2, 3)
    ]
    if number % 2:
        del options[2]  # vary the options a little: some questions skip 2 points
    options.append(
        {"id": "unsure", "unsure": True, "text": {"en": "Not sure yet", "ko": "아직 모르겠습니다"}}
    )
    return {
        "id": question_id,
        "text": _text(f"Question {question_id}?", f"{korean_name} 질문입니까?"),
        "covers": _text(f"Behaviour {question_id}", f"{korean_name} 행동"),
        "hint": _text("Why we ask.", "묻는 이유입니다."),
        "ask": _text("What to ask?", "무엇을 물어볼까요?"),
        "options": options,
    }


def _band_text(band: str) -> dict:
    texts = {
        "title": _text(band, "결과"),
        "verdict": _text(band, "판단입니다."),
        "next": _text(band, "다음 단계입니다."),
    }
    if band == "walk-away":
        texts.update(
            dealbreaker=_text("Decline firmly.", "단호하게 거절하십시오."),
            score_only=_text("Decline, door open.", "정중하게 거절하십시오."),
        )
    return texts


def _text(english: str, korean: str) -> dict:
    return {"en": english, "ko": korean}

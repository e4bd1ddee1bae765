"""The JSON Schema that editors use for quiz/quiz.yml, generated from the typed models."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.model import Quiz

SCHEMA_FILE = Path(__file__).with_name("quiz.schema.json")


def quiz_schema() -> dict:
    schema = Quiz.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Client Red Flags screening quiz"
    return schema


def schema_text() -> str:
    return json.dumps(quiz_schema(), indent=2, ensure_ascii=False) + "\n"

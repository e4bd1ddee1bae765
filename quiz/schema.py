"""The JSON Schemas that editors use for quiz/quiz.yml and quiz/messages.yml, generated from the
typed models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from quiz.messages import Messages
from quiz.model import Quiz

SCHEMA_FILE = Path(__file__).with_name("quiz.schema.json")
MESSAGES_SCHEMA_FILE = Path(__file__).with_name("messages.schema.json")


def quiz_schema() -> dict:
    return _schema(Quiz, "Client Red Flags screening quiz")


def messages_schema() -> dict:
    return _schema(Messages, "Client Red Flags message blocks")


def schema_text() -> str:
    return _text(quiz_schema())


def messages_schema_text() -> str:
    return _text(messages_schema())


def schema_files() -> dict[Path, str]:
    """Every generated schema file and its text."""
    return {SCHEMA_FILE: schema_text(), MESSAGES_SCHEMA_FILE: messages_schema_text()}


def _schema(model: type[BaseModel], title: str) -> dict:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def _text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"

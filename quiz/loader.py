"""Read the quiz YAML file into the typed model, turning every mistake into `file:line: message`.

YAML is composed into nodes first so that each value keeps its line; pydantic's errors are then
mapped back to those lines and to the flag, question or option they concern.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from quiz.model import LANGUAGE_NAMES, Quiz
from quiz.problems import Problem

DataPath = tuple  # a path into the data: ("flags", 0, "questions", 2, "options", 1, "points")
QUIZ_FILE = Path(__file__).with_name("quiz.yml")


@dataclass
class Source:
    """The raw data of a quiz file with the line of every value."""

    shown: str
    data: Any = None
    lines: dict[DataPath, int] = field(default_factory=dict)

    def line(self, path: DataPath) -> int:
        """The line of the value at `path`, or of its nearest parent that exists."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def where(self, path: DataPath) -> str:
        """Names the flag, question and option a path points into, by their ids."""
        names = []
        node = self.data
        for index, step in enumerate(path):
            if isinstance(node, dict):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
                kind = {"flags": "flag", "questions": "question", "options": "option"}.get(path[index - 1])
                if kind:
                    ident = node.get("id") if isinstance(node, dict) else None
                    names.append(f"{kind} '{ident}'" if isinstance(ident, str) else f"{kind} #{step + 1}")
            else:
                break
        return ", ".join(names)


def load_quiz(path: Path, shown: str | None = None) -> tuple[Quiz | None, Source, list[Problem]]:
    """The model (None when the file cannot be read into one), its source and its problems."""
    source = Source(shown or path.as_posix())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, source, [Problem(source.shown, 1, f"cannot read the quiz file: {error}")]
    with _gc_paused():
        problems = _parse(text, source)
        if problems:
            return None, source, problems
        if not isinstance(source.data, dict):
            return None, source, [Problem(source.shown, 1, "the quiz file must be a mapping with thresholds, bands and flags")]
        try:
            quiz = Quiz.model_validate(source.data)
        except ValidationError as error:
            return None, source, sorted({_problem(source, item) for item in error.errors()})
    return quiz, source, []


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while a large file becomes nodes, data and models.

    This allocates objects by the hundred thousand but creates no cycles; without the pause the
    collector rescans them again and again, which makes loading grow faster than the file.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, source: Source) -> list[Problem]:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return [Problem(source.shown, line, f"not valid YAML: {reason}")]
    if node is None:
        return [Problem(source.shown, 1, "the quiz file is empty")]
    problems: list[Problem] = []
    try:
        source.data = _value(node, (), source, problems)
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return [Problem(source.shown, 1, f"not valid YAML: {error}")]
    return problems


def _value(node, path: DataPath, source: Source, problems: list[Problem]):
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) or isinstance(key, bool):
                key = str(key)
            if key in result:
                problems.append(Problem(source.shown, key_node.start_mark.line + 1, f"key '{key}' appears twice in the same mapping"))
                continue
            result[key] = _value(value_node, path + (key,), source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, path + (index,), source, problems) for index, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node):
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError(f"line {node.start_mark.line + 1}: a mapping or list cannot be a key")
    return _CONSTRUCTOR.construct_object(node, deep=True)


def _problem(source: Source, error: dict) -> Problem:
    path = tuple(error["loc"])
    where = source.where(path) or ".".join(str(step) for step in path[:-1] if not isinstance(step, int))
    name = _field_name(path)
    message = _message(error, name)
    line = source.line(path)
    return Problem(source.shown, line, f"{where}: {message}" if where else message)


def _field_name(path: DataPath) -> str:
    names = [str(step) for step in path if not isinstance(step, int)]
    if not names:
        return "value"
    if names[-1] in LANGUAGE_NAMES and len(names) > 1:
        return f"{names[-2]} ({LANGUAGE_NAMES[names[-1]]})"
    return names[-1]


def _message(error: dict, name: str) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "missing":
        return f"{name} is missing"
    if kind == "extra_forbidden":
        return f"unknown key '{error['loc'][-1]}'"
    if kind == "string_too_short":
        return f"{name} is empty"
    if kind == "string_pattern_mismatch":
        return f"{name} '{error.get('input')}' must be lowercase letters, digits and single hyphens"
    if kind == "string_too_long":
        return f"{name} is longer than {context.get('max_length')} characters"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(context.values()), "")
        return f"{name} must be {bound} {limit}, not {error.get('input')!r}"
    if kind in ("too_short", "too_long"):
        return f"{name} needs at least {context.get('min_length')} item{'s' if context.get('min_length') != 1 else ''}" if kind == "too_short" else f"{name} has too many items"
    if kind.startswith(("int_", "float_")):
        return f"{name} must be a number, not {error.get('input')!r}"
    if kind.startswith("bool"):
        return f"{name} must be true or false, not {error.get('input')!r}"
    if kind.startswith("string"):
        return f"{name} must be text, not {error.get('input')!r}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a mapping of keys, not {_kind(error.get('input'))}"
    if kind == "list_type":
        return f"{name} must be a list, not {_kind(error.get('input'))}"
    return f"{name}: {error['msg']}"


def _kind(value) -> str:
    """How a YAML value reads to a person editing the file."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


# libyaml's parser is about ten times faster and keeps the same line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

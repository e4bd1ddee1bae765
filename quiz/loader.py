"""Read a YAML data file (the quiz, the message blocks) into its typed model, turning every mistake
into `file:line:column: message`.

YAML is composed into nodes first so that each value keeps its position; pydantic's errors are then
mapped back to those positions and to the flag, question or option they concern.

The file is plain data, and anything else is refused where it stands: anchors and aliases (an
alias can make a 300-byte file expand to a billion values, so the file is scanned for them before
any node is built), tags other than YAML's own for text, numbers, true/false, dates, lists and
mappings (`!!python/name:…`, `!custom`), merge keys (`<<`), a mapping or a list used as a key,
numbers longer than MAX_NUMBER_CHARS (converting a 5,000-digit integer costs time and fails in
Python 3.11), nesting deeper than MAX_DEPTH, and bytes that are not UTF-8.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from quiz.model import LANGUAGE_NAMES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NUMBER_CHARS, Quiz
from quiz.problems import Problem

DataPath = tuple  # a path into the data: ("flags", 0, "questions", 2, "options", 1, "points")
Mark = tuple[int, int]  # a position in the file: (line, column), both counted from 1
QUIZ_FILE = Path(__file__).with_name("quiz.yml")


@dataclass
class Source:
    """The raw data of a data file with the position of every value and every key."""

    shown: str
    noun: str = "quiz file"  # how messages name the file: "the quiz file", "the messages file"
    data: Any = None
    marks: dict[DataPath, Mark] = field(default_factory=dict)
    key_marks: dict[DataPath, Mark] = field(default_factory=dict)
    lines: Lines | None = None  # the text's lines, to place YAML's marks as an editor counts

    def mark(self, path: DataPath) -> Mark:
        """The position of the value at `path`, or of its nearest parent that exists."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def line(self, path: DataPath) -> int:
        """The line of the value at `path`, or of its nearest parent that exists."""
        return self.mark(path)[0]

    def problem(self, path: DataPath, message: str, *, at_key: bool = False) -> Problem:
        """A problem at the value of `path` (at its key, when `at_key` and the key exists)."""
        mark = self.key_marks.get(path) if at_key else None
        return self.at(mark or self.mark(path), message)

    def problem_in(self, path: DataPath, message: str, *, at_key: bool = False) -> Problem:
        """A problem at the value of `path`, led by the flag, question and option it is in."""
        where = self.where(path) or ".".join(
            str(step) for step in _field(path)[0] if not isinstance(step, int)
        )
        return self.problem(path, f"{where}: {message}" if where else message, at_key=at_key)

    def at(self, mark: Mark, message: str) -> Problem:
        """A problem at a position in this file."""
        return Problem(self.shown, mark[0], message, mark[1])

    def where(self, path: DataPath) -> str:
        """Names the flag, question and option a path points into, by their ids."""
        names = []
        node = self.data
        for index, step in enumerate(path):
            if isinstance(node, dict):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
                kind = {"flags": "flag", "questions": "question", "options": "option"}.get(
                    path[index - 1]
                )
                if kind:
                    ident = node.get("id") if isinstance(node, dict) else None
                    names.append(
                        f"{kind} '{ident}'" if isinstance(ident, str) else f"{kind} #{step + 1}"
                    )
            else:
                break
        return ", ".join(names)


def load_quiz(path: Path, shown: str | None = None) -> tuple[Quiz | None, Source, list[Problem]]:
    """The model (None when the file cannot be read into one), its source and its problems."""
    return load_model(path, Quiz, shown, noun="quiz file", keys="thresholds, bands and flags")


def load_model(
    path: Path, model: type[BaseModel], shown: str | None = None, *, noun: str, keys: str
) -> tuple:
    """Any data file read into `model` by the same rules: (model or None, source, problems).

    `noun` names the file in messages ("quiz file"), `keys` says what its top-level mapping holds.
    """
    source = Source(shown or path.as_posix(), noun)
    problems: list[Problem] = []
    with _gc_paused():
        try:
            text = _decode(_read(path, noun), noun)
            source.lines = Lines(text)
            node = _compose(text, noun, source.lines)
        except _Refused as refused:
            return None, source, [source.at(refused.mark, refused.message)]
        source.data = _value(node, (), 0, source, problems)
        if problems:
            return None, source, sorted(problems)
        if not isinstance(source.data, dict):
            return None, source, [source.problem((), f"the {noun} must be a mapping with {keys}")]
        try:
            value = model.model_validate(source.data)
        except ValidationError as error:
            return None, source, sorted({_problem(source, item) for item in error.errors()})
    return value, source, []


def field_name(path: DataPath) -> str:
    """How messages name the field at `path`: 'points', 'hint (Korean)'."""
    return _field(path)[1]


# ---------------------------------------------------------------------------- helpers


def _field(path: DataPath) -> tuple[DataPath, str]:
    """The path above the field that `path` names, and the field's name (a text's language in
    brackets)."""
    steps = [index for index, step in enumerate(path) if not isinstance(step, int)]
    if not steps:
        return (), "value"
    last = steps[-1]
    if path[last] in LANGUAGE_NAMES and len(steps) > 1:
        above = steps[-2]
        return path[:above], f"{path[above]} ({LANGUAGE_NAMES[path[last]]})"
    return path[:last], str(path[last])


class _Refused(Exception):
    """The file cannot be read into data at all: one problem, at `mark`."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


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


def _read(path: Path, noun: str) -> bytes:
    """The file's bytes, refused unread above MAX_FILE_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Refused(
                (1, 1),
                f"the {noun} is {size / 1024 / 1024:.1f} MB; "
                f"a {noun} has at most {MAX_FILE_BYTES // 1024 // 1024} MB",
            )
        return path.read_bytes()
    except OSError as error:
        raise _Refused((1, 1), f"cannot read the {noun}: {error}") from None


def _decode(raw: bytes, noun: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise _Refused(
            _byte_mark(raw, error.start),
            f"byte 0x{byte:02x} is not UTF-8: save the {noun} as UTF-8",
        ) from None


def _byte_mark(raw: bytes, offset: int) -> Mark:
    """The line and column of a byte offset into UTF-8 text."""
    before = raw[:offset].decode("utf-8", errors="replace")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


class Lines:
    """Where a character of a text is, as an editor counts lines: after a line feed, a carriage
    return, or both. (YAML also breaks lines at U+0085, U+2028 and U+2029, so its own line
    numbers run ahead of the editor's after one; its marks' character index does not.)"""

    BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in self.BREAK.finditer(text)]

    def at(self, mark) -> Mark:
        """The 1-based line and column of a YAML mark."""
        line = bisect_right(self.starts, mark.index) - 1
        return line + 1, mark.index - self.starts[line] + 1


def _compose(text: str, noun: str, lines: Lines) -> yaml.Node:
    """The file's one document as nodes, refused before any is built when it has an anchor or
    alias."""
    try:
        _refuse_anchors(text, noun, lines)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as error:
        raise _Refused(
            _byte_mark(text.encode("utf-8"), error.position),
            f"not valid YAML: {error.reason} (U+{error.character:04X})",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = lines.at(mark) if mark else (1, 1)
        raise _Refused(where, f"not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise _Refused((1, 1), f"not valid YAML: {error}") from None
    if node is None:
        raise _Refused((1, 1), f"the {noun} is empty")
    return node


def _refuse_anchors(text: str, noun: str, lines: Lines) -> None:
    """Refuse the first anchor (&name) or alias (*name), reading YAML events only.

    Events are the parser's output before composition, so an alias bomb is refused at its first
    anchor without a single node of it being built, let alone expanded.
    """
    if "&" not in text and "*" not in text:
        return
    loader = _LOADER(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                kind = "alias" if sign == "*" else "anchor"
                raise _Refused(
                    lines.at(event.start_mark),
                    f"the {kind} '{sign}{anchor}' is not allowed: "
                    f"the {noun} uses no anchors or aliases; write each value out in full",
                )
    finally:
        loader.dispose()


def _value(node: yaml.Node, path: DataPath, depth: int, source: Source, problems: list[Problem]):
    mark = _mark(node, source)
    source.marks[path] = mark
    if depth > MAX_DEPTH:
        problems.append(
            source.at(
                mark,
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep here: "
                f"the {source.noun} needs far fewer",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            return _refuse_tag(node, source, problems)
        result = {}
        for key_node, value_node in node.value:
            key = _key(key_node, source, problems)
            if key is None:
                continue
            if key in result:
                problems.append(
                    source.at(
                        _mark(key_node, source), f"key '{key}' appears twice in the same mapping"
                    )
                )
                continue
            source.key_marks[(*path, key)] = _mark(key_node, source)
            result[key] = _value(value_node, (*path, key), depth + 1, source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            return _refuse_tag(node, source, problems)
        return [
            _value(item, (*path, index), depth + 1, source, problems)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, source, problems)


def _key(node: yaml.Node, source: Source, problems: list[Problem]) -> str | None:
    """A key as it is written (every key in a data file is a name), or None when it is refused."""
    if not isinstance(node, yaml.ScalarNode):
        kind = "mapping" if isinstance(node, yaml.MappingNode) else "list"
        problems.append(
            source.at(
                _mark(node, source),
                f"a {kind} cannot be a key: keys are names such as 'id' or 'text'",
            )
        )
        return None
    if node.tag == _MERGE:
        problems.append(
            source.at(
                _mark(node, source), "merge keys (<<) are not allowed: write the keys out in full"
            )
        )
        return None
    if node.tag not in _SCALAR_TAGS and node.tag not in _TEXT_TAGS:
        return _refuse_tag(node, source, problems)
    return node.value


def _scalar(node: yaml.ScalarNode, source: Source, problems: list[Problem]):
    tag = node.tag
    if tag in _TEXT_TAGS:  # most values; '<<' and '=' are special only as keys
        return node.value
    if tag not in _SCALAR_TAGS:
        return _refuse_tag(node, source, problems)
    if node.style in (
        "'",
        '"',
    ):  # `!!int "1"`: quotes make text; an explicit tag cannot turn it into a number
        problems.append(
            source.at(
                _mark(node, source),
                f"'{_shorten(node.value)}' is quoted, so it is text: "
                "write it without quotes or tag",
            )
        )
        return None
    if tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        problems.append(
            source.at(
                _mark(node, source),
                f"this number is {len(node.value):,} characters long; "
                f"a number in the {source.noun} has at most {MAX_NUMBER_CHARS}",
            )
        )
        return None
    try:
        # Called directly, not through construct_object, which would keep every node it has seen.
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (yaml.YAMLError, ValueError, OverflowError):
        problems.append(
            source.at(
                _mark(node, source), f"'{_shorten(node.value)}' cannot be read as {_READ_AS[tag]}"
            )
        )
        return None


def _refuse_tag(node: yaml.Node, source: Source, problems: list[Problem]) -> None:
    problems.append(
        source.at(
            _mark(node, source),
            f"the tag '{_shown_tag(node.tag)}' is not allowed: "
            f"the {source.noun} holds only text, numbers, true or false, lists and mappings",
        )
    )
    return None


def _mark(node: yaml.Node, source: Source) -> Mark:
    return source.lines.at(node.start_mark)


def _shown_tag(tag: str) -> str:
    """A tag as it is written in YAML: '!!python/name:os.system', '!custom'."""
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _problem(source: Source, error: dict) -> Problem:
    path = tuple(error["loc"])
    return source.problem_in(
        path, _message(error, field_name(path)), at_key=error["type"] == "extra_forbidden"
    )


def _message(error: dict, name: str) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"{name} is missing"
    if kind == "extra_forbidden":
        return f"unknown key '{error['loc'][-1]}'"
    if kind == "string_too_short":
        return f"{name} is empty"
    if kind == "string_pattern_mismatch":
        return f"{name} '{_shorten(value)}' must be lowercase letters, digits and single hyphens"
    if kind == "string_too_long":
        return (
            f"{name} is {len(value):,} characters long; the limit is {context.get('max_length'):,}"
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        limit = next(iter(context.values()), "")
        return f"{name} must be {bound} {limit}, not {value!r}"
    if kind in ("too_short", "too_long"):
        return (
            f"{name} needs at least {context.get('min_length')} "
            f"item{'s' if context.get('min_length') != 1 else ''}"
            if kind == "too_short"
            else f"{name} has too many items"
        )
    family = kind.split("_")[0]
    if family in _WANTED:
        hint = (
            " (write it without quotes)"
            if isinstance(value, str) and _unquoted_would_do(value, family)
            else ""
        )
        return f"{name} must be {_WANTED[family]}, not {_described(value)}{hint}"
    if kind.startswith("string"):
        hint = (
            " (put it in quotes to make it text)" if isinstance(value, (bool, int, float)) else ""
        )
        return f"{name} must be text, not {_described(value)}{hint}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a mapping of keys, not {_described(value)}"
    if kind == "list_type":
        return f"{name} must be a list, not {_described(value)}"
    return f"{name}: {error['msg']}"


def _described(value) -> str:
    """A YAML value as it reads to a person editing the file."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text '{_shorten(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the {type(value).__name__} {value}"


def _unquoted_would_do(text: str, family: str) -> bool:
    """Whether the quoted text would be the wanted kind of value if written without quotes."""
    try:
        value = yaml.safe_load(text) if len(text) <= MAX_NUMBER_CHARS else None
    except yaml.YAMLError:
        return False
    if family == "bool":
        return isinstance(value, bool)
    return not isinstance(value, bool) and isinstance(
        value, int if family == "int" else (int, float)
    )


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# libyaml's parser is about ten times faster and keeps the same positions.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CORE = "tag:yaml.org,2002:"
_MAP, _SEQ, _MERGE = _CORE + "map", _CORE + "seq", _CORE + "merge"
_TEXT_TAGS = frozenset({_CORE + "str", _CORE + "value", _MERGE})
_NUMBER_TAGS = frozenset({_CORE + "int", _CORE + "float"})
_WANTED = {"int": "a whole number", "float": "a number", "bool": "true or false"}
_READ_AS = {
    _CORE + "int": "a whole number",
    _CORE + "float": "a number",
    _CORE + "bool": "true or false",
    _CORE + "null": "an empty value",
    _CORE + "timestamp": "a date",
}
_SCALAR_TAGS = frozenset(_READ_AS) | {_CORE + "str"}

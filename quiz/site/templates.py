"""Compile each template once per build, not once per language.

The i18n plugin builds every language with a Jinja environment of its own, so each would compile
the theme's templates again. One in-memory bytecode cache shared by those environments compiles
each template once. Sharing compiled code across languages is sound only if nothing about a
language is fixed at compile time: Jinja folds a filter applied to constants (`'quiz/' | localized`)
into its result unless the filter takes the render context, so every filter whose result depends
on the language build takes it (`jinja2.pass_context`), and a test builds the site and checks that
each language's pages link to that language.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template file and source checksum."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

"""Short names for a bundle's own identifiers, so that the quiz page's script stays within its
budget (README, "Benchmarks") while the sources in quiz/web/ keep their long, readable names.

Every name the script declares (a function, class, parameter, `const`, `let`, `var` or `catch`
binding) gets a short name of its own, unique in the whole script, so no renamed name can shadow
or capture another. Everything else keeps its name: properties, strings, labels, and every name
the script does not declare (the browser's `window`, `document`, `Map` ...). A shorthand property
(`{ name }`) is written out (`{ name: a }`) so the object keeps its key.

The script is parsed with tree-sitter's JavaScript grammar; a script it cannot parse is refused,
never renamed by guesswork. Names are resolved lexically, innermost scope first, with hoisting
within a scope, as in strict-mode JavaScript; the bundles use no `eval` or `with` (the site's
Content Security Policy refuses eval anyway).
"""

from __future__ import annotations

import itertools
import string
from dataclasses import dataclass, field
from functools import lru_cache

import tree_sitter_javascript
from tree_sitter import Language, Node, Parser

_PARSER = Parser(Language(tree_sitter_javascript.language()))

FUNCTIONS = {
    "function_declaration",
    "generator_function_declaration",
    "function_expression",
    "generator_function",
    "arrow_function",
    "method_definition",
}
BLOCKS = {
    "program",
    "statement_block",
    "for_statement",
    "for_in_statement",
    "catch_clause",
    "switch_body",
    "class_body",
}
RESERVED = set(
    "as async await break case catch class const continue debugger default delete do else enum "
    "export extends false finally for from function get if implements import in instanceof "
    "interface let new null of package private protected public return set static super switch "
    "this throw true try typeof undefined var void while with yield "
    "arguments eval NaN Infinity".split()
)


class MangleError(ValueError):
    """The script could not be parsed, so it is not renamed."""


@dataclass(eq=False)
class _Scope:
    node: Node
    parent: _Scope | None
    depth: int
    names: dict[str, _Binding] = field(default_factory=dict)


@dataclass(eq=False)
class _Binding:
    name: str
    scope: int  # the node id of the scope that declares it
    new: str = ""


@lru_cache(maxsize=8)  # `make serve` rebuilds on every edit; the scripts rarely change
def mangle(script: str) -> str:
    """The script with every name it declares shortened; MangleError if it does not parse, or if
    the renamed script would not refer to the same things (checked, not assumed)."""
    renamed, refers = _rename(script)
    if structure(renamed) != refers:
        raise MangleError("renaming would change what a name refers to")
    return renamed


def structure(script: str) -> list[int | str]:
    """What each name in the script refers to, in order: the number of its binding (counted in
    the order the bindings are first used) or, for a free name, the name itself. Renaming must
    leave this unchanged."""
    return _structure(_analyse(_PARSER.parse(script.encode("utf-8")))[2])


def _structure(uses) -> list[int | str]:
    numbers: dict[int, int] = {}
    return [
        _text(node) if binding is None else numbers.setdefault(id(binding), len(numbers))
        for node, binding in uses
    ]


def _rename(script: str) -> tuple[str, list[int | str]]:
    """The script with its declared names shortened, and the structure of the original."""
    source = script.encode("utf-8")
    scopes, declared, uses = _analyse(_PARSER.parse(source))
    free = {_text(node) for node, binding in uses if binding is None}
    # Which outer bindings each scope must leave visible: those used inside it.
    through: dict[int, set[int]] = {key: set() for key in scopes}
    for node, binding in uses:
        if binding is None or node.id in declared:  # a declaration needs nothing visible
            continue
        scope = _scope_of(node, scopes)
        while scope.node.id != binding.scope:
            through[scope.node.id].add(id(binding))
            scope = scope.parent
    # Outermost scopes first, each binding in the order declared: sibling scopes reuse the same
    # short names, which is what keeps the result small once compressed.
    named: dict[int, str] = {}
    for scope in sorted(scopes.values(), key=lambda scope: scope.depth):
        taken = free | {named[key] for key in through[scope.node.id]}
        candidates = _short_names(taken)
        for binding in scope.names.values():
            binding.new = named[id(binding)] = next(candidates)
    edits = []
    for node, binding in uses:
        if binding is None or binding.new == binding.name:
            continue
        if node.type in ("shorthand_property_identifier", "shorthand_property_identifier_pattern"):
            edits.append((node.start_byte, node.end_byte, f"{binding.name}:{binding.new}"))
        else:
            edits.append((node.start_byte, node.end_byte, binding.new))
    out = bytearray(source)
    for start, end, text in sorted(edits, reverse=True):
        out[start:end] = text.encode("utf-8")
    return out.decode("utf-8"), _structure(uses)


def free_names(script: str) -> set[str]:
    """The names a script uses but does not declare: what it needs from the browser."""
    _, _, uses = _analyse(_PARSER.parse(script.encode("utf-8")))
    return {_text(node) for node, binding in uses if binding is None}


def _analyse(tree):
    """The scopes, the identifiers that declare a name (by node id), and every use of a name
    (declarations included) with the binding it refers to, None for a free name."""
    if tree.root_node.has_error:
        raise MangleError(f"cannot parse the script near byte {_first_error(tree.root_node)}")
    scopes: dict[int, _Scope] = {}
    declared: dict[int, _Binding] = {}  # identifier node id -> the binding it declares
    _declare_all(tree.root_node, scopes, declared)
    uses: list[tuple[Node, _Binding | None]] = []
    _resolve_all(tree.root_node, scopes, declared, uses)
    return scopes, declared, uses


# ---------------------------------------------------------------------------- declarations


def _declare_all(node: Node, scopes: dict[int, _Scope], declared: dict[int, _Binding]) -> None:
    kind = node.type
    if (
        kind in FUNCTIONS
        or kind in BLOCKS
        or (kind in ("function_expression", "generator_function", "class"))
    ):
        parent = _scope_of(node.parent, scopes) if node.parent is not None else None
        scopes[node.id] = _Scope(node, parent, parent.depth + 1 if parent else 0)
    if kind in ("function_declaration", "generator_function_declaration", "class_declaration"):
        name = node.child_by_field_name("name")
        _bind(_enclosing(node.parent, scopes, BLOCKS | FUNCTIONS), name, declared)
    if kind in ("function_expression", "generator_function", "class") and node.child_by_field_name(
        "name"
    ):
        _bind(scopes[node.id], node.child_by_field_name("name"), declared)
    if kind in FUNCTIONS:
        parameters = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
        if parameters is not None:
            for name in _pattern_names(parameters):
                _bind(scopes[node.id], name, declared)
    if kind == "variable_declarator":
        declaration = node.parent
        where = (
            FUNCTIONS | {"program"}
            if declaration.type == "variable_declaration"
            else BLOCKS | FUNCTIONS
        )
        for name in _pattern_names(node.child_by_field_name("name")):
            _bind(_enclosing(declaration.parent, scopes, where), name, declared)
    if kind == "for_in_statement" and node.child_by_field_name("kind") is not None:
        var = _text(node.child_by_field_name("kind")) == "var"
        where = _enclosing(node, scopes, FUNCTIONS | {"program"}) if var else scopes[node.id]
        for name in _pattern_names(node.child_by_field_name("left")):
            _bind(where, name, declared)
    if kind == "catch_clause" and node.child_by_field_name("parameter") is not None:
        for name in _pattern_names(node.child_by_field_name("parameter")):
            _bind(scopes[node.id], name, declared)
    for child in node.children:
        _declare_all(child, scopes, declared)


def _pattern_names(node: Node) -> list[Node]:
    """The identifiers a parameter list or destructuring pattern declares (not its defaults)."""
    if node.type in ("identifier", "shorthand_property_identifier_pattern"):
        return [node]
    if node.type in ("assignment_pattern", "object_assignment_pattern"):
        return _pattern_names(node.child_by_field_name("left"))
    if node.type == "pair_pattern":
        return _pattern_names(node.child_by_field_name("value"))
    if node.type in ("formal_parameters", "object_pattern", "array_pattern", "rest_pattern"):
        return [name for child in node.named_children for name in _pattern_names(child)]
    return []


def _bind(scope: _Scope, name: Node, declared: dict[int, _Binding]) -> None:
    text = _text(name)
    binding = scope.names.setdefault(text, _Binding(text, scope.node.id))
    declared[name.id] = binding


def _enclosing(node: Node, scopes: dict[int, _Scope], kinds: set[str]) -> _Scope:
    """The nearest scope of these kinds around a node, the node itself included."""
    while node.type not in kinds:
        node = node.parent
    return scopes[node.id]


def _scope_of(node: Node, scopes: dict[int, _Scope]) -> _Scope:
    """The innermost scope around a node, the node itself included."""
    while node.id not in scopes:
        node = node.parent
    return scopes[node.id]


# ---------------------------------------------------------------------------- references


def _resolve_all(node: Node, scopes, declared, uses) -> None:
    if node.type in (
        "identifier",
        "shorthand_property_identifier",
        "shorthand_property_identifier_pattern",
    ):
        binding = declared.get(node.id) or _lookup(node, scopes)
        uses.append((node, binding))
    for child in node.children:
        _resolve_all(child, scopes, declared, uses)


def _lookup(node: Node, scopes: dict[int, _Scope]) -> _Binding | None:
    text = _text(node)
    scope: _Scope | None = _scope_of(node, scopes)
    while scope is not None:
        if text in scope.names:
            return scope.names[text]
        scope = scope.parent
    return None


# ---------------------------------------------------------------------------- helpers


def _short_names(taken: set[str]):
    """a, b, ... Z, then aa, ab ...: never a keyword or a name the script needs from outside."""
    first, rest = string.ascii_letters + "_$", string.ascii_letters + string.digits + "_$"
    for length in itertools.count(1):
        for head in first:
            for tail in itertools.product(rest, repeat=length - 1):
                name = head + "".join(tail)
                if name not in taken and name not in RESERVED:
                    yield name


def _text(node: Node) -> str:
    return node.text.decode("utf-8")


def _first_error(node: Node) -> int:
    """Where the first part that does not parse starts."""
    if node.type == "ERROR" or node.is_missing:
        return node.start_byte
    broken = next(child for child in node.children if child.has_error or child.is_missing)
    return _first_error(broken)

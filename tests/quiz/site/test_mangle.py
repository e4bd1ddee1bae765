"""Short names in the browser bundles: what a name refers to never changes, and nothing the
script shares with the page (properties, strings, the browser's globals) is renamed."""

from __future__ import annotations

import re

import pytest

from quiz.site.assets import SCRIPTS, bundles, minified_script
from quiz.site.mangle import MangleError, free_names, mangle, structure

SCRIPT = """(function(){"use strict";
function describeProspect(prospect, options) {
  const { name, score: points = 0 } = prospect;
  const label = options.label || "describeProspect";
  for (const [index, entry] of prospect.history.entries()) window.console.log(index, entry);
  try { JSON.parse(label); } catch (error) { return { name, points, error }; }
  return { name, points, label, href: window.location.href };
}
class ProspectError extends Error {
  constructor(message) { super(message); this.name = "ProspectError"; }
}
describeProspect({ name: "Harbour Bakery", history: [] }, { label: "x" });
throw new ProspectError("done");
})();
"""


def test_declared_names_are_shortened_and_shared_ones_kept():
    out = mangle(SCRIPT)
    for declared in (
        "describeProspect(",
        "prospect",
        "options",
        "index",
        "entry",
        "message",
        "ProspectError extends",
    ):
        assert declared not in out, declared
    # Properties, strings and the browser's globals keep their names.
    for kept in (
        '"describeProspect"',
        '"ProspectError"',
        ".label ||",
        "window.console.log",
        "window.location.href",
        "JSON.parse",
        "extends Error",
        ".history.entries()",
    ):
        assert kept in out, kept
    # An object written with shorthand keeps its keys: `{ name, points }` becomes
    # `{ name: a, points: b }`.
    assert re.search(r"return \{ name:\w+, points:\w+, error:\w+ \}", out)
    assert re.search(r"\{ name:\w+, score: \w+ = 0 \}", out)
    assert free_names(out) == free_names(SCRIPT) == {"window", "JSON", "Error"}
    assert structure(out) == structure(SCRIPT)
    assert len(out) < len(SCRIPT) * 0.85


def test_an_inner_name_never_hides_an_outer_one_that_is_used_inside():
    script = (
        "(function(){const total=1;"
        "function add(first){return function(second){return total+first+second;};}"
        "add(2)(3);})();"
    )
    out = mangle(script)
    assert structure(out) == structure(script)
    inner = re.search(r"return function\((\w+)\)\{return (\w+)\+(\w+)\+(\w+);\}", out)
    assert (
        inner
        and len({inner.group(2), inner.group(3), inner.group(4)}) == 3
        and inner.group(1) == inner.group(4)
    )


def test_sibling_functions_reuse_the_same_short_names():
    script = (
        "(function(){function one(alpha,beta){return alpha+beta;}"
        "function two(gamma,delta){return gamma*delta;}one(1,2);two(3,4);})();"
    )
    out = mangle(script)
    params = re.findall(r"function \w+\((\w+),(\w+)\)", out)
    assert params[0] == params[1]


def test_a_script_that_does_not_parse_is_refused_not_guessed():
    with pytest.raises(MangleError, match="cannot parse the script near byte"):
        mangle("(function(){ const = ; })();")


@pytest.mark.parametrize("path", list(SCRIPTS))
def test_every_bundle_refers_to_the_same_things_as_its_sources(path):
    plain = minified_script(path)
    built = bundles()[path]
    assert structure(built) == structure(plain)
    assert free_names(built) == free_names(plain)
    assert built.startswith('(function(){"use strict";')

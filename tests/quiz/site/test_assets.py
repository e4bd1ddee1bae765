"""The browser bundles: ES modules in quiz/web/, each page's bundled by esbuild into one classic
strict-mode script."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from quiz.site import assets
from quiz.site.assets import ESBUILD, SCRIPTS, WEB, BuildToolMissing, bundles

IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w-]+\.js)";$', re.MULTILINE)


def imports() -> dict[str, set[str]]:
    """Each module of quiz/web/ and the modules it imports."""
    return {
        path.name: set(IMPORT.findall(path.read_text(encoding="utf-8")))
        for path in WEB.glob("*.js")
    }


def bundled(entry: str) -> set[str]:
    """The modules esbuild puts in an entry's bundle (its metafile's inputs)."""
    done = subprocess.run(
        [
            str(ESBUILD),
            str(WEB / entry),
            "--bundle",
            "--metafile=/dev/stdout",
            "--outfile=/dev/null",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return {path.rsplit("/", 1)[-1] for path in json.loads(done.stdout)["inputs"]}


def test_every_module_is_in_a_bundle():
    found = set().union(*(bundled(entry) for entry in SCRIPTS.values()))
    assert found == {path.name for path in WEB.glob("*.js")}


def test_the_modules_import_one_another_without_cycles():
    graph = imports()

    def reach(module: str, path: tuple[str, ...]) -> None:
        for other in graph[module]:
            assert other not in path, " -> ".join((*path, other))
            reach(other, (*path, other))

    for module in graph:
        reach(module, (module,))


def test_a_module_imports_only_what_it_uses():
    """esbuild keeps an unused import's module out of nothing: a name imported and never used
    is a stale line that misleads the reader."""
    for path in WEB.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        body = IMPORT.sub("", text)
        for names in re.findall(r"^import \{([^}]*)\}", text, re.MULTILINE):
            for name in (n.strip() for n in names.split(",")):
                used = rf"(?:^|[^\w$.]|\.\.\.){re.escape(name)}(?![\w$])"  # not a property
                assert re.search(used, body, re.MULTILINE), (path.name, name)


@pytest.mark.parametrize("path", sorted(SCRIPTS))
def test_a_bundle_is_one_strict_function_with_no_globals(path):
    script = bundles()[path]
    assert script.startswith('"use strict";\n(()=>{')
    assert script.rstrip().endswith("})();")
    assert "/*" not in script  # no banner or legal comment


def test_the_name_limit_reaches_the_scripts_only_through_the_island():
    """NAME_MAX lives in quiz/drafting.py; the island carries it (quiz/site/view.py)."""
    for path in WEB.glob("*.js"):
        assert "MAX_NAME" not in path.read_text(encoding="utf-8"), path.name
    assert "nameMax" in (WEB / "store.js").read_text(encoding="utf-8")


def test_a_missing_esbuild_is_named_with_the_command_that_installs_it(monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "ESBUILD", tmp_path / "esbuild")
    with pytest.raises(BuildToolMissing, match=r"npm ci"):
        bundles()

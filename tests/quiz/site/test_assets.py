"""The browser bundles: ES modules in quiz/web/, each page's bundled by esbuild into one classic
strict-mode script."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from quiz.site import assets
from quiz.site.assets import ESBUILD, INTERNAL, SCRIPTS, WEB, BuildToolMissing, bundles
from tests.support.workspace import export_body, prospect

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


def test_the_quiz_page_never_reads_a_prospects_outcomes():
    """Outcomes are read, event by event, by events.js on the pages that show them; the quiz
    page's bundle holds no such module and its island no kinds of outcome (README, "Workspace
    test contract"), so the quiz page's script does not grow with them."""
    from quiz.site.view import QuizView
    from tests.support.quiz import MESSAGES, QUIZ

    assert "events.js" not in bundled("quiz.js")
    assert "events.js" in bundled("prospects.js")
    view = QuizView(QUIZ, "en", messages=MESSAGES)
    assert "outcomes" not in view.browser_data(messages=True)
    assert [o["id"] for o in view.browser_data()["outcomes"]] == [o.id for o in QUIZ.outcomes]


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
    assert script.startswith('"use strict";(()=>{')
    assert script.rstrip().endswith("})();")
    assert "/*" not in script  # no banner or legal comment


ISLAND = re.compile(r"<script[^>]*data-quiz-data[^>]*>(.*?)</script>", re.DOTALL)


def keys_and_placeholders(value) -> set[str]:
    """Every key of a JSON value, and every {placeholder} in its strings."""
    if isinstance(value, dict):
        return set(value).union(*map(keys_and_placeholders, value.values()))
    if isinstance(value, list):
        return set().union(*map(keys_and_placeholders, value))
    return set(re.findall(r"\{(\w+)\}", value)) if isinstance(value, str) else set()


def test_the_renamed_properties_are_shared_with_nothing_outside_the_bundles(built_site):
    """A renamed property must be the scripts' own: renamed in the island, a string's
    placeholder, the store or a quoted key, the bundle would read what is not there."""
    islands = [
        json.loads(island)
        for page in built_site.rglob("*.html")
        for island in ISLAND.findall(page.read_text(encoding="utf-8"))
    ]
    assert len(islands) >= 4  # the quiz, prospects and checklist pages in both languages
    old = {"updated": "", "answers": {}}
    store = export_body([prospect("p-abcdefgh", "A", {"q": "o"}, history=[old])])
    outside = keys_and_placeholders(islands) | keys_and_placeholders(store)
    outside |= {"settings", "terms", "lines", "deleted", "signature"}  # the store's other keys
    assert outside.isdisjoint(INTERNAL), sorted(outside & set(INTERNAL))
    for path in WEB.glob("*.js"):
        quoted = set(re.findall(r"""(["'])(\w+)\1""", path.read_text(encoding="utf-8")))
        quoted = {word for _, word in quoted}
        assert quoted.isdisjoint(INTERNAL), (path.name, sorted(quoted & set(INTERNAL)))


def test_the_renamed_properties_are_renamed():
    script = re.sub(r'"(?:[^"\\]|\\.)*"', '""', bundles()["assets/quiz.js"])  # no strings
    assert not re.search(r"\.(?:" + "|".join(INTERNAL) + r")\b", script)
    assert ".prospects" in script and ".answers" in script  # a stored key is left as it is


def test_the_name_limit_reaches_the_scripts_only_through_the_island():
    """NAME_MAX lives in quiz/drafting.py; the island carries it (quiz/site/view.py)."""
    for path in WEB.glob("*.js"):
        assert "MAX_NAME" not in path.read_text(encoding="utf-8"), path.name
    assert "nameMax" in (WEB / "store.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("tool", ["ESBUILD", "TERSER"])
def test_a_missing_build_tool_is_named_with_the_command_to_install_it(monkeypatch, tmp_path, tool):
    monkeypatch.setattr(assets, tool, tmp_path / tool.lower())
    monkeypatch.setattr(assets, "CACHE", tmp_path / "cache")  # nothing cached: the tools must run
    with pytest.raises(BuildToolMissing, match=rf"{tool.lower()} is not installed .*npm ci"):
        bundles()


# The cache of built bundles (.cache/bundles/): what it holds, and when it is not used.
FAKE = {path: f"/* {path} */" for path in [*assets.SCRIPTS, *assets.STYLES]}


@pytest.fixture
def counted_builds(monkeypatch, tmp_path):
    """An empty cache in a folder of the test's, and a stand-in for the tools that counts how
    often they run."""
    monkeypatch.setattr(assets, "CACHE", tmp_path / "cache")
    runs = []

    def build():
        runs.append(1)
        return dict(FAKE)

    monkeypatch.setattr(assets, "_build", build)
    return runs


def test_the_cache_gives_back_what_the_tools_made_without_running_them_again(monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "CACHE", tmp_path / "cache")
    fresh = bundles()
    assert list((tmp_path / "cache").glob("*.json")) == [
        tmp_path / "cache" / f"{assets.digest()}.json"
    ]

    def no_tool(*args, **kwargs):
        raise AssertionError("a tool ran although nothing changed")

    monkeypatch.setattr(subprocess, "run", no_tool)
    assert bundles() == fresh


def test_a_change_to_any_source_module_or_the_tools_versions_is_built_anew(monkeypatch, tmp_path):
    web = tmp_path / "web"
    web.mkdir()
    for path in WEB.iterdir():
        (web / path.name).write_bytes(path.read_bytes())
    lock = tmp_path / "package-lock.json"
    lock.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(assets, "WEB", web)
    monkeypatch.setattr(assets, "LOCK", lock)
    seen = {assets.digest()}
    (web / "dom.js").write_text(
        (web / "dom.js").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    seen.add(assets.digest())
    (web / "new.js").write_text("export const x = 1;\n", encoding="utf-8")
    seen.add(assets.digest())
    lock.write_text('{"lockfileVersion": 3}', encoding="utf-8")
    seen.add(assets.digest())
    assert len(seen) == 4


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        "[]",
        json.dumps({"assets/quiz.js": "x"}),  # some of them only
        json.dumps({**FAKE, "assets/quiz.js": ""}),
        json.dumps({**FAKE, "assets/quiz.js": 1}),
    ],
)
def test_a_damaged_cache_is_built_anew_and_mended(counted_builds, damage):
    cache = assets.CACHE
    cache.mkdir()
    (cache / f"{assets.digest()}.json").write_text(damage, encoding="utf-8")
    assert bundles() == FAKE and len(counted_builds) == 1
    assert bundles() == FAKE and len(counted_builds) == 1  # mended: read back this time


def test_only_the_latest_bundles_are_kept(counted_builds):
    cache = assets.CACHE
    cache.mkdir()
    (cache / ("0" * 64 + ".json")).write_text(json.dumps(FAKE), encoding="utf-8")
    bundles()
    assert [path.stem for path in cache.iterdir()] == [assets.digest()]


def test_a_cache_that_cannot_be_written_costs_only_time(counted_builds):
    assets.CACHE.parent.mkdir(parents=True, exist_ok=True)
    assets.CACHE.write_text("a file where the folder should be", encoding="utf-8")
    assert bundles() == FAKE and bundles() == FAKE
    assert len(counted_builds) == 2

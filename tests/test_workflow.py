"""The Pages workflow and the Dependabot file are valid against their schemas, and the workflow
tests, builds and publishes the way the README says."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.support.site import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
MAKEFILE = ROOT / "Makefile"

# The official actions the workflow may use; each is pinned to a major version tag, whichever
# Dependabot last moved it to, so a major bump needs no edit here.
ACTIONS = {
    "actions/checkout",
    "actions/cache",
    "actions/setup-python",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}


def _check(schema: str, path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
    )


def _load(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # PyYAML reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True))


def _uses(job: dict) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


def _runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_workflow_matches_the_github_workflow_schema():
    result = _check("vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = _load(WORKFLOW)
    broken["jobs"]["build"]["runs-on"] = {"nonsense": True}
    del broken["jobs"]["deploy"]["steps"]
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert _check("vendor.github-workflows", path).returncode != 0


def test_workflow_runs_on_pull_requests_and_pushes_to_main_and_cancels_superseded_runs_off_main():
    workflow = _load(WORKFLOW)
    triggers = _triggers(workflow)
    assert "pull_request" in triggers and not (triggers["pull_request"] or {}).get("branches")
    assert triggers["push"]["branches"] == ["main"], (
        "a branch is tested through its pull request, once"
    )
    assert workflow["concurrency"]["group"] == "${{ github.workflow }}-${{ github.ref }}"
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"


def test_the_test_job_keeps_pips_downloads_between_runs():
    test = _load(WORKFLOW)["jobs"]["test"]
    cache = next(
        step for step in test["steps"] if step.get("uses", "").startswith("actions/cache@")
    )
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('requirements-test.txt')" in cache["with"]["key"]


def test_the_test_job_runs_the_full_test_command_which_installs_what_it_needs():
    """`make test` installs Chromium, the Korean font and Java (its `system` step), so the job lists
    no packages of its own that could drift from the Makefile's."""
    test = _load(WORKFLOW)["jobs"]["test"]
    runs = _runs(test)
    assert "make test" in [run.strip() for run in runs]
    assert not any("not browser" in run or "pytest" in run for run in runs), (
        "the full suite, no subset"
    )
    assert not any("apt-get" in run for run in runs), runs
    system = MAKEFILE.read_text(encoding="utf-8").split("\nsystem:", 1)[1].split("\n\n", 1)[0]
    for package in ("chromium", "fonts-noto-cjk", "default-jre-headless"):
        assert package in system, package
    assert "test: $(READY) system" in MAKEFILE.read_text(encoding="utf-8")
    assert "if" not in test


def test_the_build_job_builds_strictly_and_uploads_the_pages_artifact():
    build = _load(WORKFLOW)["jobs"]["build"]
    step = next(step for step in build["steps"] if "mkdocs build --strict" in step.get("run", ""))
    assert set(step["env"]) >= {"SITE_URL", "SOURCE_URL"}
    assert "steps.pages.outputs.base_url" in step["env"]["SITE_URL"]
    uses = [use.split("@")[0] for use in _uses(build)]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert "if" not in build
    # The build runs esbuild, installed from the lock file before it.
    runs = [step.get("run", "") for step in build["steps"]]
    installs = next(i for i, run in enumerate(runs) if run.startswith("npm ci"))
    assert installs < runs.index(step["run"])


def test_the_properdocs_job_builds_with_mkdocs_and_properdocs_and_compares_the_two():
    """The tested way off MkDocs: one install of the site's pins plus ProperDocs, esbuild, two
    strict builds with the same settings, then scripts/compare_builds.py on the two folders."""
    job = _load(WORKFLOW)["jobs"]["properdocs"]
    runs = [run.strip() for run in _runs(job)]
    install = runs.index("python -m pip install -r requirements-properdocs.txt")
    npm = next(i for i, run in enumerate(runs) if run.startswith("npm ci"))
    mkdocs = next(i for i, run in enumerate(runs) if "-m mkdocs build --strict" in run)
    properdocs = next(i for i, run in enumerate(runs) if "-m properdocs build --strict" in run)
    compare = next(i for i, run in enumerate(runs) if "scripts/compare_builds.py" in run)
    assert max(install, npm) < min(mkdocs, properdocs) < max(mkdocs, properdocs) < compare
    assert "--config-file mkdocs.yml" in runs[properdocs], "one configuration for both"
    site_dirs = [runs[i].split("--site-dir ")[1].split()[0] for i in (mkdocs, properdocs)]
    assert len(set(site_dirs)) == 2
    assert runs[compare] == f"python scripts/compare_builds.py {' '.join(site_dirs)}"
    # The same settings for both builds: set once for the job, none for a single step.
    assert "SOURCE_DATE_EPOCH" in job["env"]
    assert not any("env" in step for step in job["steps"])
    setup = next(step for step in job["steps"] if "setup-python" in step.get("uses", ""))
    assert setup["with"]["cache-dependency-path"] == "requirements-properdocs.txt"
    assert "if" not in job and "permissions" not in job


def test_only_main_deploys_after_the_tests_and_the_build():
    deploy = _load(WORKFLOW)["jobs"]["deploy"]
    # Not after the ProperDocs comparison: Pages publishes MkDocs's build (see the job's comment).
    assert sorted(deploy["needs"]) == ["build", "test"]
    condition = deploy["if"]
    assert "github.ref == 'refs/heads/main'" in condition
    assert (
        "github.event_name == 'push'" in condition
        and "github.event_name == 'workflow_dispatch'" in condition
    )
    assert "pull_request" not in condition
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert [use.split("@")[0] for use in _uses(deploy)] == ["actions/deploy-pages"]


def test_only_the_deploy_job_may_publish():
    workflow = _load(WORKFLOW)
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in jobs.items():
        if name != "deploy":
            granted = job.get("permissions", {})
            assert "id-token" not in granted and "write" not in granted.values(), name


def test_workflow_uses_only_official_actions_each_pinned_to_a_major_version():
    used = [use for job in _load(WORKFLOW)["jobs"].values() for use in _uses(job)]
    assert used, "the workflow uses actions"
    for use in used:
        name, _, version = use.partition("@")
        assert name in ACTIONS, f"{use} is not one of the official actions"
        assert re.fullmatch(r"v\d+", version), f"{use}: pin a major version tag such as v5"
    assert {use.split("@")[0] for use in used} == ACTIONS


def test_dependabot_groups_each_ecosystem_and_waits_a_week():
    for update in _load(DEPENDABOT)["updates"]:
        assert update["groups"] and all(
            group["patterns"] == ["*"] for group in update["groups"].values()
        )
        assert update["cooldown"]["default-days"] >= 7


def test_dependabot_matches_its_schema():
    result = _check("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _no_directory(config):
    del config["updates"][1]["directory"]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda config: config.update(version=1),
        lambda config: config["updates"][0]["schedule"].update(interval="fortnightly"),
        lambda config: config["updates"][0].update({"package-ecosystem": "pypi"}),
        _no_directory,
    ],
    ids=["version", "interval", "ecosystem", "directory"],
)
def test_the_schema_check_rejects_a_broken_dependabot_file(tmp_path, breakage):
    broken = _load(DEPENDABOT)
    breakage(broken)
    path = tmp_path / "dependabot.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    result = _check("vendor.dependabot", path)
    assert result.returncode != 0 and "Schema validation errors" in result.stdout, (
        result.stdout + result.stderr
    )


def test_dependabot_updates_the_actions_and_the_python_and_npm_packages_weekly():
    updates = {update["package-ecosystem"]: update for update in _load(DEPENDABOT)["updates"]}
    assert set(updates) == {"github-actions", "pip", "npm"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"

"""The CI and pre-commit set-up: the GitHub workflows, Dependabot and the pre-commit hooks.

Nothing here runs on GitHub. The workflows are checked with actionlint (with ShellCheck for the
``run:`` scripts) and against the JSON Schema of GitHub workflows; the pre-commit files with
pre-commit's own validators; and what the workflows must do is read from their YAML.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPOSITORY

WORKFLOW_FOLDER = REPOSITORY / ".github" / "workflows"
PULL_REQUEST = WORKFLOW_FOLDER / "pr.yml"
PAGES = WORKFLOW_FOLDER / "pages.yml"
DEPENDABOT = REPOSITORY / ".github" / "dependabot.yml"
HOOKS = REPOSITORY / ".pre-commit-hooks.yaml"
CONFIG = REPOSITORY / ".pre-commit-config.yaml"

#: The test extras install actionlint, ShellCheck, check-jsonschema and pre-commit next to Python.
BIN = Path(sys.executable).parent

#: An action (``owner/repo`` or ``owner/repo/path``) at a release tag (v4, v4.2 or v4.2.2) or
#: a full commit SHA. Branches such as ``main`` or ``master`` do not match.
PINNED = re.compile(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})")

DATA_FILES = ("measures/x.yml", "domains/signalering.yaml", "stakeholders/ggd.yml")
NOT_DATA_FILES = (
    "docs/x.md",
    "measures/x.md",
    "tests/base/measures/x.yml",
    "mkdocs.yml",
    "speelveld.yml.bak",
    "README.md",
)


def _tool(name: str) -> str:
    path = BIN / name
    assert path.is_file(), f"{name} ontbreekt in {BIN}: installeer de test-extra's (make install)"
    return str(path)


def _run(*command: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _actionlint(*files: Path, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess[str]:
    return _run(
        _tool("actionlint"),
        "-no-color",
        "-oneline",
        f"-shellcheck={_tool('shellcheck')}",
        "-pyflakes=",
        *map(str, files),
        cwd=cwd,
    )


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), path
    # YAML 1.1 reads the key `on` as true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _job_uses(job: dict[str, Any]) -> list[str]:
    """The actions of a job's steps, or the reusable workflow that the job calls."""
    if "uses" in job:
        return [job["uses"]]
    return [step["uses"] for step in job.get("steps", []) if "uses" in step]


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [action for job in workflow["jobs"].values() for action in _job_uses(job)]


def _step_running(job: dict[str, Any], *needles: str) -> dict[str, Any]:
    found = [s for s in job["steps"] if all(n in s.get("run", "") for n in needles)]
    assert len(found) == 1, f"expected one step that runs {needles}, found {len(found)}"
    return found[0]


def _step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    found = [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"expected one step that uses {action}, found {len(found)}"
    return found[0]


def _only_job(workflow: dict[str, Any]) -> dict[str, Any]:
    jobs = list(workflow["jobs"].values())
    assert len(jobs) == 1
    return jobs[0]


# --- The workflows as GitHub reads them ----------------------------------------------------


def test_the_workflows_are_the_expected_files() -> None:
    found = sorted(p.name for p in WORKFLOW_FOLDER.iterdir() if p.suffix in (".yml", ".yaml"))
    assert found == ["pages.yml", "pr.yml"]


def test_actionlint_accepts_every_workflow() -> None:
    result = _actionlint(PULL_REQUEST, PAGES)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_and_shellcheck_do_catch_mistakes(tmp_path: Path) -> None:
    """The linter is really there and really looks: a broken copy of a workflow fails."""
    text = PULL_REQUEST.read_text("utf-8")
    broken = text.replace('>> "$GITHUB_STEP_SUMMARY"', ">> $GITHUB_STEP_SUMMARY")
    broken = broken.replace("cache: pip", "cach: pip")
    assert broken != text
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "pr.yml").write_text(broken, "utf-8")
    result = _actionlint(folder / "pr.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert "SC2086" in result.stdout  # ShellCheck: the unquoted variable
    assert 'input "cach" is not defined in action "actions/setup-python@' in result.stdout


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-workflows", PULL_REQUEST),
        ("vendor.github-workflows", PAGES),
        ("vendor.dependabot", DEPENDABOT),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_the_files_match_their_json_schema(schema: str, path: Path) -> None:
    result = _run(sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_schema_rejects_a_wrong_permission(tmp_path: Path) -> None:
    broken = tmp_path / "pr.yml"
    broken.write_text(
        PULL_REQUEST.read_text("utf-8").replace("contents: read", "contents: raed"), "utf-8"
    )
    schema = "vendor.github-workflows"
    result = _run(sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(broken))
    assert result.returncode == 1
    assert "raed" in result.stdout


@pytest.mark.parametrize("path", [PULL_REQUEST, PAGES], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_tag_or_a_commit(path: Path) -> None:
    uses = _uses(_load(path))
    assert uses
    for action in uses:
        assert PINNED.fullmatch(action), f"{path.name}: {action} is not pinned to a tag or SHA"


@pytest.mark.parametrize(
    "action",
    ["actions/checkout@main", "actions/checkout@master", "actions/checkout", "actions/x@v4-beta"],
)
def test_a_branch_is_not_a_pin(action: str) -> None:
    assert not PINNED.fullmatch(action)


@pytest.mark.parametrize("path", [PULL_REQUEST, PAGES], ids=lambda p: p.name)
def test_every_job_gets_only_the_permissions_it_names(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"{name} has no permissions of its own"
        assert "write-all" not in str(job["permissions"])


# --- The pull request ----------------------------------------------------------------------


def test_the_pull_request_workflow_runs_on_changes_to_the_project() -> None:
    on = _load(PULL_REQUEST)["on"]
    assert "workflow_dispatch" in on
    paths = on["pull_request"]["paths"]
    for path in (
        "domains/**",
        "stakeholders/**",
        "instruments/**",
        "measures/**",
        "speelveld.yml",
        "mkdocs.yml",
        "docs/**",
        "generator/**",
        "pyproject.toml",
    ):
        assert path in paths


def test_the_pull_request_job_installs_python_3_11_with_the_full_history() -> None:
    job = _only_job(_load(PULL_REQUEST))
    checkout = _step_using(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    python = _step_using(job, "actions/setup-python")
    assert python["with"]["python-version"] == "3.11"
    assert python["with"]["cache"] == "pip"
    # Without a requirements file setup-python needs to be told what the cache depends on.
    assert python["with"]["cache-dependency-path"] == "pyproject.toml"
    assert _step_running(job, "pip install -e .")["id"] == "install"


def test_the_findings_go_to_code_scanning_without_hiding_a_crash() -> None:
    job = _only_job(_load(PULL_REQUEST))
    assert job["permissions"] == {"contents": "read", "security-events": "write"}
    sarif = _step_running(job, "speelveld check", "--format sarif")
    command = shlex.split(sarif["run"])
    assert command[command.index("--output") + 1] == "speelveld.sarif"
    assert command[command.index("--fail-on") + 1] == "error"
    upload = _step_using(job, "github/codeql-action/upload-sarif")
    assert upload["with"] == {"sarif_file": "speelveld.sarif", "category": "speelveld"}
    assert "!cancelled()" in upload["if"] or "always()" in upload["if"]
    assert job["steps"].index(upload) > job["steps"].index(sarif)


def test_the_pull_request_gets_annotations_a_summary_and_a_strict_site() -> None:
    job = _only_job(_load(PULL_REQUEST))
    annotations = _step_running(job, "speelveld check", "--format github")
    assert "--output" not in annotations["run"]  # the commands must reach the log
    diff = _step_running(job, "speelveld diff")
    command = shlex.split(diff["run"])
    assert command[command.index("--format") + 1] == "markdown"
    assert command[-2:] == [">>", "$GITHUB_STEP_SUMMARY"]
    assert command[2] == "origin/${BASE_REF}"
    assert "github.base_ref" in diff["env"]["BASE_REF"]
    _step_running(job, "speelveld schema --check")
    _step_running(job, "mkdocs build --strict")


def test_no_check_in_the_pull_request_is_silenced() -> None:
    job = _only_job(_load(PULL_REQUEST))
    for step in job["steps"]:
        assert not step.get("continue-on-error"), step
        run = step.get("run", "")
        assert not re.search(r"\|\|\s*(true|:|exit 0)", run), run


def test_every_check_runs_after_a_failed_check() -> None:
    """A pull request shows all its problems at once, and the job still fails on any of them."""
    job = _only_job(_load(PULL_REQUEST))
    steps = job["steps"]
    first = steps.index(_step_running(job, "--format sarif"))
    for step in steps[first + 1 :]:
        assert "!cancelled()" in step.get("if", ""), step


def test_the_pull_request_workflow_deploys_nothing() -> None:
    uses = _uses(_load(PULL_REQUEST))
    assert not [u for u in uses if "pages" in u]


# --- The site ------------------------------------------------------------------------------


def test_the_site_is_built_on_main_and_by_hand() -> None:
    workflow = _load(PAGES)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert "pull_request" not in workflow["on"]
    assert workflow["concurrency"]["group"] == "pages"


def test_the_build_job_builds_strictly_and_uploads_the_site() -> None:
    build = _load(PAGES)["jobs"]["build"]
    assert build["permissions"]["contents"] == "read"
    assert "write" not in build["permissions"].values()
    _step_running(build, "mkdocs build --strict")
    _step_using(build, "actions/configure-pages")
    upload = _step_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"


def test_only_the_main_branch_deploys() -> None:
    jobs = _load(PAGES)["jobs"]
    deploying = [
        name for name, job in jobs.items() if any("deploy-pages" in u for u in _job_uses(job))
    ]
    assert deploying == ["deploy"]
    deploy = jobs["deploy"]
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert _step_using(deploy, "actions/deploy-pages")["id"] == "deployment"


# --- Dependabot ----------------------------------------------------------------------------


def test_dependabot_updates_the_actions_and_the_python_packages_weekly() -> None:
    updates = yaml.safe_load(DEPENDABOT.read_text("utf-8"))["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "github-actions": "weekly",
        "pip": "weekly",
    }


# --- pre-commit ----------------------------------------------------------------------------


def test_pre_commit_accepts_the_hooks_for_other_repositories() -> None:
    result = _run(sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_pre_commit_accepts_the_configuration_of_this_repository() -> None:
    result = _run(sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_pre_commit_rejects_a_hook_without_an_entry(tmp_path: Path) -> None:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    del hooks[0]["entry"]
    broken = tmp_path / ".pre-commit-hooks.yaml"
    broken.write_text(yaml.safe_dump(hooks), "utf-8")
    result = _run(sys.executable, "-m", "pre_commit", "validate-manifest", str(broken))
    assert result.returncode == 1
    assert "Missing required key: entry" in result.stdout + result.stderr


def _published_hooks() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    return {hook["id"]: hook for hook in hooks}


def test_the_published_hooks_run_speelveld_on_the_whole_project() -> None:
    hooks = _published_hooks()
    assert sorted(hooks) == ["speelveld-check", "speelveld-schema"]
    assert hooks["speelveld-check"]["entry"] == "speelveld check"
    assert hooks["speelveld-schema"]["entry"] == "speelveld schema --check"
    for hook in hooks.values():
        assert hook["name"]
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert hook["always_run"] is False


@pytest.mark.parametrize("hook_id", ["speelveld-check", "speelveld-schema"])
def test_the_published_hooks_run_for_the_data_and_the_configuration(hook_id: str) -> None:
    files = re.compile(_published_hooks()[hook_id]["files"])
    for path in (*DATA_FILES, "speelveld.yml"):
        assert files.search(path), path
    for path in NOT_DATA_FILES:
        assert not files.search(path), path


def _config() -> dict[str, Any]:
    return yaml.safe_load(CONFIG.read_text("utf-8"))


def _repository(url: str) -> dict[str, Any]:
    found = [repo for repo in _config()["repos"] if repo["repo"] == url]
    assert len(found) == 1, url
    return found[0]


def test_the_ruff_hook_is_the_ruff_of_the_virtual_environment() -> None:
    ruff = _repository("https://github.com/astral-sh/ruff-pre-commit")
    version = _run(_tool("ruff"), "--version").stdout.split()[-1]
    assert ruff["rev"] == f"v{version}", "zet rev op de ruff van .venv (of andersom)"
    hooks = {hook["id"]: hook for hook in ruff["hooks"]}
    assert sorted(hooks) == ["ruff-check", "ruff-format"]
    assert hooks["ruff-check"]["args"] == ["--fix"]


def test_the_generic_hooks_leave_the_broken_test_inputs_alone() -> None:
    generic = _repository("https://github.com/pre-commit/pre-commit-hooks")
    assert re.fullmatch(r"v6\.\d+\.\d+", generic["rev"])
    ids = [hook["id"] for hook in generic["hooks"]]
    assert ids == ["check-yaml", "end-of-file-fixer", "trailing-whitespace"]
    exclude = re.compile(_config()["exclude"])
    assert exclude.search("tests/cases/input/yaml-syntax/tab-indentation/measures/extra.yml")
    assert exclude.search("tests/hostile/measures/testservice.yml")
    assert not exclude.search("measures/x.yml")
    assert not exclude.search("tests/base/measures/testservice.yml")


def test_the_local_hooks_run_this_working_copy_like_the_published_ones() -> None:
    local = {hook["id"]: hook for hook in _repository("local")["hooks"]}
    published = _published_hooks()
    assert sorted(local) == sorted(published)
    for hook_id, hook in local.items():
        program, *arguments = shlex.split(hook["entry"])
        assert program == ".venv/bin/speelveld"
        assert arguments == shlex.split(published[hook_id]["entry"])[1:]
        assert hook["language"] == "system"
        assert hook["pass_filenames"] is False
        files = re.compile(hook["files"])
        for path in (*DATA_FILES, "speelveld.yml", "generator/speelveld/rules/no_lead.py"):
            assert files.search(path), (hook_id, path)
        for path in NOT_DATA_FILES:
            assert not files.search(path), (hook_id, path)

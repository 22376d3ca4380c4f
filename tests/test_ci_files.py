"""The CI and pre-commit set-up: the GitHub workflows, Dependabot and the pre-commit hooks.

A project repository holds only YAML, so its workflows (:func:`speelveld.ci.ci_files`, what
``speelveld init --ci github`` writes) install Speelveld from where ``--install`` says, a
released version by default, and never the repository itself. This repository's own workflows
test and publish this checkout: ``make test`` on a pull request, the Amsterdam site from the
package in this folder on main, and a release workflow for the package itself.

Nothing here runs on GitHub. The workflows are checked with actionlint (with ShellCheck for the
``run:`` scripts) and against the JSON Schema of GitHub workflows; the pre-commit files with
pre-commit's own validators; and what the workflows must do is read from their YAML. What the
gate's scripts do with old and new errors is run in tests/test_gate.py.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from speelveld.ci import ci_files, requirement

from .conftest import REPOSITORY

WORKFLOW_FOLDER = REPOSITORY / ".github" / "workflows"
PULL_REQUEST = WORKFLOW_FOLDER / "pr.yml"
PAGES = WORKFLOW_FOLDER / "pages.yml"
RELEASE = WORKFLOW_FOLDER / "release.yml"
OWN_WORKFLOWS = (PULL_REQUEST, PAGES, RELEASE)
DEPENDABOT = REPOSITORY / ".github" / "dependabot.yml"
HOOKS = REPOSITORY / ".pre-commit-hooks.yaml"
CONFIG = REPOSITORY / ".pre-commit-config.yaml"
PYPROJECT = REPOSITORY / "pyproject.toml"

#: A requirement for the generated files; distinct from any real release, to see it come through.
INSTALL = "speelveld==2.3.4rc1"
#: Every form of ``--install``: a release, a range, a wheel by URL, a git URL.
INSTALLS = (
    INSTALL,
    "speelveld>=2.3,<3",
    "https://example.org/wheels/speelveld-2.3.4-py3-none-any.whl",
    "git+https://example.org/gemeente/speelveld.git@v2.3.4",
)
README = REPOSITORY / "README.md"
PROJECT_PR = ".github/workflows/pr.yml"
PROJECT_PAGES = ".github/workflows/pages.yml"
PROJECT_DEPENDABOT = ".github/dependabot.yml"

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


def _schema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return _run(sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path))


def _parse(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    # YAML 1.1 reads the key `on` as true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _load(path: Path) -> dict[str, Any]:
    return _parse(path.read_text("utf-8"))


def _generated(path: str = PROJECT_PR, install: str = INSTALL) -> dict[str, Any]:
    return _parse(ci_files(install)[path])


def _write(folder: Path, install: str) -> Path:
    for relative, text in ci_files(install).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def project_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files of ``ci_files`` written into an otherwise empty repository folder."""
    return _write(tmp_path_factory.mktemp("project"), INSTALL)


def _every_workflow() -> list[tuple[str, dict[str, Any]]]:
    """This repository's workflows and the project repository's, by a readable name."""
    own = [(path.name, _load(path)) for path in OWN_WORKFLOWS]
    project = [
        (f"project:{p}:{install}", _generated(p, install))
        for p in (PROJECT_PR, PROJECT_PAGES)
        for install in INSTALLS
    ]
    return own + project


def _project_workflows() -> list[tuple[str, dict[str, Any]]]:
    return [(name, w) for name, w in _every_workflow() if name.startswith("project:")]


def _job_uses(job: dict[str, Any]) -> list[str]:
    """The actions of a job's steps, or the reusable workflow that the job calls."""
    if "uses" in job:
        return [job["uses"]]
    return [step["uses"] for step in job.get("steps", []) if "uses" in step]


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [action for job in workflow["jobs"].values() for action in _job_uses(job)]


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


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


def _commands(script: str, program: str) -> list[list[str]]:
    """Every command line of ``script`` that runs ``program`` (after ``python -m`` or not)."""
    found = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        if words[:3] == ["python", "-m", program]:
            found.append(words[3:])
        elif words[:1] == [program]:
            found.append(words[1:])
    return found


def _option(words: list[str], name: str) -> str:
    return words[words.index(name) + 1]


# --- What a project repository gets --------------------------------------------------------


def test_ci_files_are_the_two_workflows_and_dependabot() -> None:
    files = ci_files(INSTALL)
    assert sorted(files) == [PROJECT_DEPENDABOT, PROJECT_PAGES, PROJECT_PR]
    for text in files.values():
        assert "@INSTALL@" not in text
        assert text.endswith("\n")


@pytest.mark.parametrize("install", ['1.0" && curl x', "$(curl x)", "a\nb", "", " "])
def test_ci_files_take_no_text_that_could_break_out_of_its_place(install: str) -> None:
    with pytest.raises(ValueError, match="vereiste"):
        ci_files(install)


def test_without_install_the_requirement_is_the_release_that_writes_it() -> None:
    assert requirement(None, "2.3.4rc1") == INSTALL
    assert requirement("2.3.4rc1", "0.1.0") == INSTALL
    with pytest.raises(ValueError, match="versienummer"):
        requirement(None, "latest")


@pytest.mark.parametrize("path", [PROJECT_PR, PROJECT_PAGES])
@pytest.mark.parametrize("install", INSTALLS)
def test_a_project_installs_exactly_the_requirement_with_a_cache_on_a_file_it_has(
    path: str, install: str
) -> None:
    job = _generated(path, install)["jobs"]["check" if path == PROJECT_PR else "build"]
    step = _step_running(job, "pip install")
    # The requirement is a value, never shell code: the script only quotes the variable.
    assert step["env"] == {"SPEELVELD": install}
    assert _commands(step["run"], "pip") == [["install", "$SPEELVELD"]]
    assert step["run"].strip() == 'python -m pip install "$SPEELVELD"'
    python = _step_using(job, "actions/setup-python")
    assert python["with"]["cache"] == "pip"
    # The key is the workflow itself, which names the requirement: it exists in a YAML-only
    # repository, and a new requirement makes a new cache.
    assert python["with"]["cache-dependency-path"] == path
    assert path in ci_files(install)


def _readme_test_command() -> str:
    """The command the README gives for running every test (``make test``)."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text("utf-8"), re.DOTALL)
    commands = [
        line.split("#")[0].strip()
        for block in blocks
        for line in block.splitlines()
        if line.startswith("make ") and "test" in line.split("#")[0]
    ]
    assert commands, "de README noemt geen testcommando (make …)"
    return commands[0]


def test_this_repository_tests_this_checkout_with_the_readme_test_command() -> None:
    job = _load(PULL_REQUEST)["jobs"]["test"]
    command = _readme_test_command()
    assert command == "make test"
    assert [s["run"] for s in job["steps"] if s.get("run") == command] == [command]
    checkout = _step_using(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0  # the tests of speelveld diff read history
    # No released Speelveld: the Makefile installs this folder, as the other platforms do.
    assert not [s["run"] for s in job["steps"] if "pip install" in s.get("run", "")]
    platforms = _load(PULL_REQUEST)["jobs"]["platforms"]
    assert _step_running(platforms, "pip install")["run"] == "python -m pip install -e '.[test]'"
    assert "$(BIN)/python -m pip install --quiet -e '.[test]'" in (
        REPOSITORY / "Makefile"
    ).read_text("utf-8")


def test_this_repository_publishes_the_site_of_this_checkout() -> None:
    build = _load(PAGES)["jobs"]["build"]
    [install] = [w for run in _runs(_load(PAGES)) for w in _commands(run, "pip")]
    assert install == ["install", "."]
    steps = build["steps"]
    built = _step_running(build, "mkdocs build --strict")
    assert steps.index(_step_running(build, "pip install")) < steps.index(built)
    _step_running(build, "speelveld check")
    assert _step_using(build, "actions/upload-pages-artifact")["with"]["path"] == "site"


def test_the_workflows_of_a_project_repository_are_not_those_of_this_repository() -> None:
    """A project repository holds only data: its workflows install Speelveld, not itself."""
    for path, name in ((PULL_REQUEST, PROJECT_PR), (PAGES, PROJECT_PAGES)):
        assert path.read_text("utf-8") != ci_files(INSTALL)[name]
    for name, workflow in _project_workflows():
        runs = "\n".join(_runs(workflow))
        assert "make " not in runs, name
        assert [w for run in _runs(workflow) for w in _commands(run, "pip")] == [
            ["install", "$SPEELVELD"]
        ], name


def test_the_tests_without_a_browser_run_on_macos_and_windows() -> None:
    """The lock, the swap and reading without fork run where they differ from Linux."""
    job = _load(PULL_REQUEST)["jobs"]["platforms"]
    matrix = {entry["os"]: entry["markers"] for entry in job["strategy"]["matrix"]["include"]}
    assert sorted(matrix) == ["macos-latest", "windows-latest"]
    assert all("not browser" in markers for markers in matrix.values())
    assert "posix" not in matrix["macos-latest"]
    assert _step_running(job, "pytest")["run"] == 'python -m pytest -m "$MARKERS"'
    assert _step_using(job, "actions/setup-python")["with"]["python-version"] == "3.11"
    configured = _pytest_markers()
    for markers in matrix.values():
        named = set(re.findall(r"\w+", markers)) - {"not", "and", "or"}
        assert named <= configured, markers


def _pytest_markers() -> set[str]:
    """The markers pyproject.toml declares (``--strict-markers`` refuses any other)."""
    declared = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))
    return {m.split(":")[0] for m in declared["tool"]["pytest"]["ini_options"]["markers"]}


# --- Every workflow as GitHub reads it -----------------------------------------------------


def test_the_workflows_are_the_expected_files() -> None:
    found = sorted(p.name for p in WORKFLOW_FOLDER.iterdir() if p.suffix in (".yml", ".yaml"))
    assert found == ["pages.yml", "pr.yml", "release.yml"]


def test_actionlint_accepts_every_workflow_of_this_repository() -> None:
    result = _actionlint(*OWN_WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("install", INSTALLS)
def test_actionlint_accepts_every_workflow_of_a_project_repository(
    install: str, tmp_path: Path
) -> None:
    repository = _write(tmp_path, install)
    folder = repository / ".github" / "workflows"
    result = _actionlint(folder / "pr.yml", folder / "pages.yml", cwd=repository)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_and_shellcheck_do_catch_mistakes(tmp_path: Path) -> None:
    """The linter is really there and really looks: a broken copy of a workflow fails."""
    text = ci_files(INSTALL)[PROJECT_PR]
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
        *(("vendor.github-workflows", path) for path in OWN_WORKFLOWS),
        ("vendor.dependabot", DEPENDABOT),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_the_files_of_this_repository_match_their_json_schema(schema: str, path: Path) -> None:
    result = _schema(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-workflows", PROJECT_PR),
        ("vendor.github-workflows", PROJECT_PAGES),
        ("vendor.dependabot", PROJECT_DEPENDABOT),
    ],
)
def test_the_files_of_a_project_repository_match_their_json_schema(
    schema: str, path: str, project_repository: Path
) -> None:
    result = _schema(schema, project_repository / path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_schema_rejects_a_wrong_permission(tmp_path: Path) -> None:
    broken = tmp_path / "pr.yml"
    broken.write_text(ci_files(INSTALL)[PROJECT_PR].replace("contents: read", "contents: raed"))
    result = _schema("vendor.github-workflows", broken)
    assert result.returncode == 1
    assert "raed" in result.stdout


@pytest.mark.parametrize(("name", "workflow"), _every_workflow(), ids=lambda v: str(v)[:40])
def test_every_action_is_pinned_to_a_tag_or_a_commit(name: str, workflow: dict[str, Any]) -> None:
    uses = _uses(workflow)
    assert uses
    for action in uses:
        assert PINNED.fullmatch(action), f"{name}: {action} is not pinned to a tag or SHA"


@pytest.mark.parametrize(
    "action",
    [
        "actions/checkout@main",
        "actions/checkout@master",
        "actions/checkout",
        "actions/x@v4-beta",
        "pypa/gh-action-pypi-publish@release/v1",
    ],
)
def test_a_branch_is_not_a_pin(action: str) -> None:
    assert not PINNED.fullmatch(action)


@pytest.mark.parametrize(("name", "workflow"), _every_workflow(), ids=lambda v: str(v)[:40])
def test_every_job_gets_only_the_permissions_it_names(name: str, workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {}
    for job_name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"{name}: {job_name} has no permissions"
        assert "write-all" not in str(job["permissions"])


@pytest.mark.parametrize(("name", "workflow"), _project_workflows(), ids=lambda v: str(v)[:60])
def test_no_project_workflow_installs_code_from_the_repository(
    name: str, workflow: dict[str, Any]
) -> None:
    installs = [words for run in _runs(workflow) for words in _commands(run, "pip")]
    assert installs, name
    for words in installs:
        assert words[0] == "install", (name, words)
        assert not {"-e", "--editable", ".", "-r", "--requirement"} & set(words[1:]), name
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            value = step.get("env", {}).get("SPEELVELD")
            assert value is None or not REQUIREMENT_FROM_REPOSITORY.match(value), (name, value)


#: What would install the repository itself rather than a Speelveld from elsewhere.
REQUIREMENT_FROM_REPOSITORY = re.compile(r"(\.|\./|-e|--editable)(\s|$)")


@pytest.mark.parametrize(("name", "workflow"), _every_workflow(), ids=lambda v: str(v)[:40])
def test_no_expression_is_pasted_into_a_script(name: str, workflow: dict[str, Any]) -> None:
    """A branch name or title in ``${{ }}`` inside ``run:`` would be shell code: use env."""
    for run in _runs(workflow):
        assert "${{" not in run, (name, run)


# --- The pull request ----------------------------------------------------------------------


def test_the_pull_request_workflow_runs_on_every_pull_request() -> None:
    on = _generated()["on"]
    assert on["pull_request"] is None  # no paths filter: a required check always reports
    assert "workflow_dispatch" in on


def test_the_pull_request_job_has_python_3_11_the_full_history_and_its_permissions() -> None:
    job = _only_job(_generated())
    assert job["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "pull-requests": "write",
    }
    checkout = _step_using(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["persist-credentials"] is False
    assert _step_using(job, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert job["steps"][2]["id"] == "install"


def test_the_findings_go_to_code_scanning_without_hiding_a_crash() -> None:
    job = _only_job(_generated())
    sarif = _step_running(job, "speelveld check", "--format sarif")
    [command] = _commands(sarif["run"], "speelveld")
    assert _option(command, "--output") == "speelveld.sarif"
    assert _option(command, "--fail-on") == "error"
    # Exit 1 passes only with a report; 2 and a crash without a report fail the step.
    assert 'if [ "$status" -eq 1 ] && [ -s speelveld.sarif ]; then status=0; fi' in sarif["run"]
    assert sarif["run"].rstrip().endswith('exit "$status"')
    upload = _step_using(job, "github/codeql-action/upload-sarif")
    # A fixed file in the workspace, not a path from the event.
    assert upload["with"] == {"sarif_file": "speelveld.sarif", "category": "speelveld"}
    assert "!cancelled()" in upload["if"] or "always()" in upload["if"]
    assert job["steps"].index(upload) > job["steps"].index(sarif)


def test_every_finding_is_an_annotation_and_only_the_gate_decides() -> None:
    job = _only_job(_generated())
    annotations = _step_running(job, "speelveld check", "--format github")
    assert "--output" not in annotations["run"]  # the commands must reach the log
    assert "printf '%s\\n' \"$annotations\"" in annotations["run"]
    assert '[ "$status" -eq 1 ] && [ -n "$annotations" ]' in annotations["run"]


def test_the_gate_fails_on_new_errors_against_the_base_branch() -> None:
    job = _only_job(_generated())
    gate = _step_running(job, "speelveld diff")
    assert gate["id"] == "gate"
    [command] = _commands(gate["run"], "speelveld")
    assert command[:2] == ["diff", "origin/${BASE_REF}"]
    assert _option(command, "--fail-on") == "error"
    assert _option(command, "--format") == "markdown"
    assert command[-4:] == [">", "diff.md", "||", "status=$?"]
    assert gate["env"]["BASE_REF"].startswith("${{ github.base_ref ")
    assert 'cat diff.md >> "$GITHUB_STEP_SUMMARY"' in gate["run"]
    assert gate["run"].rstrip().endswith('exit "$status"')


def test_the_changes_are_one_comment_updated_on_every_push() -> None:
    job = _only_job(_generated())
    comment = _step_using(job, "marocchino/sticky-pull-request-comment")
    # One header: the action finds its earlier comment by it and edits that one.
    assert comment["with"] == {"header": "speelveld", "path": "diff.md"}
    assert "steps.gate.outputs.markdown == 'diff.md'" in comment["if"]
    assert "!cancelled()" in comment["if"]
    # A fork gets no write token; its changes stay in the job summary.
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]
    steps = job["steps"]
    assert steps.index(comment) > steps.index(_step_running(job, "speelveld diff"))
    assert job["permissions"]["pull-requests"] == "write"


def test_the_pull_request_checks_the_schemas_and_builds_the_site_strictly() -> None:
    job = _only_job(_generated())
    _step_running(job, "speelveld schema --check")
    _step_running(job, "mkdocs build --strict")


def test_no_check_in_the_pull_request_is_silenced() -> None:
    """Only the upload to code scanning may fail: GitHub refuses it where there is none."""
    job = _only_job(_generated())
    upload = _step_using(job, "github/codeql-action/upload-sarif")
    assert upload["continue-on-error"] is True
    for step in job["steps"]:
        if step is not upload:
            assert not step.get("continue-on-error"), step
        run = step.get("run", "")
        assert not re.search(r"\|\|\s*(true|:|exit 0)", run), run


def test_the_annotations_and_the_comment_do_not_wait_for_code_scanning() -> None:
    job = _only_job(_generated())
    for needle in ("--format github", "speelveld diff"):
        step = _step_running(job, needle)
        assert "sarif" not in step.get("if", ""), step
    comment = _step_using(job, "marocchino/sticky-pull-request-comment")
    assert "sarif" not in comment["if"]


def test_every_check_runs_after_a_failed_check() -> None:
    """A pull request shows all its problems at once, and the job still fails on any of them."""
    job = _only_job(_generated())
    steps = job["steps"]
    first = steps.index(_step_running(job, "--format sarif"))
    for step in steps[first + 1 :]:
        assert "!cancelled()" in step.get("if", ""), step


def test_the_pull_request_workflow_deploys_nothing() -> None:
    uses = _uses(_generated())
    assert not [u for u in uses if "pages" in u]


# --- The site ------------------------------------------------------------------------------


def test_the_site_is_built_on_main_and_by_hand() -> None:
    workflow = _generated(PROJECT_PAGES)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert "pull_request" not in workflow["on"]
    assert workflow["concurrency"]["group"] == "pages"


def test_the_build_job_builds_strictly_and_uploads_the_site() -> None:
    build = _generated(PROJECT_PAGES)["jobs"]["build"]
    assert build["permissions"]["contents"] == "read"
    assert "write" not in build["permissions"].values()
    _step_running(build, "mkdocs build --strict")
    _step_using(build, "actions/configure-pages")
    upload = _step_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"


def test_only_the_main_branch_deploys() -> None:
    jobs = _generated(PROJECT_PAGES)["jobs"]
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


# --- The release of the package ------------------------------------------------------------


def test_a_release_runs_on_a_version_tag_and_by_hand() -> None:
    on = _load(RELEASE)["on"]
    assert on["push"] == {"tags": ["v*"]}
    assert "workflow_dispatch" in on
    assert "pull_request" not in on


def test_the_release_builds_and_checks_sdist_and_wheel_without_write_permissions() -> None:
    build = _load(RELEASE)["jobs"]["build"]
    assert build["permissions"] == {"contents": "read"}
    steps = build["steps"]
    built = _step_running(build, "python -m build")
    checked = _step_running(build, "twine check")
    assert _commands(checked["run"], "twine") == [["check", "--strict", "dist/*"]]
    kept = _step_using(build, "actions/upload-artifact")
    assert kept["with"]["path"] == "dist/"
    assert steps.index(built) < steps.index(checked) < steps.index(kept)
    tag = _step_running(build, "pyproject.toml", "TAG")
    assert tag["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert tag["env"] == {"TAG": "${{ github.ref_name }}"}


def test_only_the_publish_job_may_ask_for_an_identity_token() -> None:
    jobs = _load(RELEASE)["jobs"]
    assert [name for name, job in jobs.items() if "id-token" in job["permissions"]] == ["publish"]
    publish = jobs["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["if"] == "startsWith(github.ref, 'refs/tags/v')"  # by hand: no publication
    assert publish["environment"]["name"] == "pypi"
    fetched = _step_using(publish, "actions/download-artifact")
    assert fetched["with"] == {"name": "dist", "path": "dist/"}
    upload = _step_using(publish, "pypa/gh-action-pypi-publish")
    assert "with" not in upload  # trusted publishing: no password, no token
    assert publish["steps"].index(fetched) < publish["steps"].index(upload)


def test_the_release_workflow_is_not_given_to_project_repositories() -> None:
    for text in ci_files(INSTALL).values():
        assert "pypi-publish" not in text
        assert "python -m build" not in text


# --- Dependabot ----------------------------------------------------------------------------


def test_dependabot_updates_the_actions_and_the_python_packages_weekly() -> None:
    updates = yaml.safe_load(DEPENDABOT.read_text("utf-8"))["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "github-actions": "weekly",
        "pip": "weekly",
    }


def test_a_project_repository_gets_weekly_updates_of_its_actions() -> None:
    updates = yaml.safe_load(ci_files(INSTALL)[PROJECT_DEPENDABOT])["updates"]
    assert [
        (u["package-ecosystem"], u["directory"], u["schedule"]["interval"]) for u in updates
    ] == [("github-actions", "/", "weekly")]


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


def test_the_published_hooks_run_speelveld() -> None:
    hooks = _published_hooks()
    assert sorted(hooks) == ["speelveld-check", "speelveld-schema"]
    assert hooks["speelveld-check"]["entry"] == "speelveld check"
    assert hooks["speelveld-schema"]["entry"] == "speelveld schema --check"
    # The check may be given the changed files; the schemas always concern the whole project.
    assert hooks["speelveld-check"]["pass_filenames"] in (True, False)
    assert hooks["speelveld-schema"]["pass_filenames"] is False
    for hook in hooks.values():
        assert hook["name"]
        assert hook["language"] == "python"
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


def _ruff_pin() -> str:
    """The version of ``ruff==X.Y.Z`` in the test extras: the one ruff of this repository."""
    extras = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["optional-dependencies"]
    [pin] = [r for r in extras["test"] if r.startswith("ruff")]
    assert re.fullmatch(r"ruff==\d+\.\d+\.\d+", pin), f"{pin}: pin ruff op één versie"
    return pin.removeprefix("ruff==")


def test_the_ruff_hook_is_the_ruff_of_the_test_extras() -> None:
    ruff = _repository("https://github.com/astral-sh/ruff-pre-commit")
    assert ruff["rev"] == f"v{_ruff_pin()}", "zet rev op de ruff-pin in pyproject.toml"
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
        # Here the hooks also run when the code changes: a .py file is no argument for them.
        assert hook["pass_filenames"] is False
        files = re.compile(hook["files"])
        for path in (*DATA_FILES, "speelveld.yml", "generator/speelveld/rules/no_lead.py"):
            assert files.search(path), (hook_id, path)
        for path in NOT_DATA_FILES:
            assert not files.search(path), (hook_id, path)

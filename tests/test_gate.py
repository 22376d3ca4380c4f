"""The pull-request gate as the workflow runs it: old errors show, only new errors block.

The step scripts are taken from the pull-request workflow of :func:`speelveld.ci.ci_files` and
run with bash the way GitHub runs them (``bash -eo pipefail``), in a clone of a small git
repository whose ``main`` already holds an error, so that ``origin/main`` is the base branch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from speelveld.ci import ci_files

from .conftest import BASE, NEW_MEASURE

#: The console script of this environment: the `speelveld` the steps find on PATH.
SPEELVELD = Path(sys.executable).with_name("speelveld")

#: What GitHub fills in for ``${{ github.base_ref || ... }}`` on a pull request into main.
BASE_REF = "main"

OLD_ERROR_FILE = "measures/cameratoezicht.yml"
OLD_RATIONALE = "    rationale: Snellere inzet bij incidenten.\n"


def _steps() -> dict[str, dict[str, Any]]:
    workflow = yaml.safe_load(ci_files("speelveld==1.0.0")[".github/workflows/pr.yml"])
    [job] = workflow["jobs"].values()
    return {step["id"]: step for step in job["steps"] if "id" in step}


@dataclass(frozen=True)
class Ran:
    status: int
    stdout: str
    summary: str
    outputs: str


def run_step(step_id: str, cwd: Path, tmp_path: Path, path: str | None = None) -> Ran:
    """Run a step's ``run:`` script as GitHub does, with the step's env and GitHub's files."""
    step = _steps()[step_id]
    env = {**os.environ, "PATH": path or f"{SPEELVELD.parent}{os.pathsep}{os.environ['PATH']}"}
    for name, value in step.get("env", {}).items():
        assert value == "${{ github.base_ref || github.event.repository.default_branch }}"
        env[name] = BASE_REF
    summary = tmp_path / f"{step_id}-summary.md"
    outputs = tmp_path / f"{step_id}-outputs.txt"
    summary.write_text("", "utf-8")
    outputs.write_text("", "utf-8")
    env |= {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs)}
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return Ran(result.returncode, result.stdout, summary.read_text("utf-8"), outputs.read_text())


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose main has an old error: a score without a rationale."""
    assert SPEELVELD.is_file(), SPEELVELD
    folder = tmp_path_factory.mktemp("gate") / "upstream"
    shutil.copytree(BASE, folder)
    measure = folder / OLD_ERROR_FILE
    text = measure.read_text("utf-8")
    assert OLD_RATIONALE in text
    measure.write_text(text.replace(OLD_RATIONALE, ""), "utf-8")
    _git("init", "--quiet", "--initial-branch=main", cwd=folder)
    _git("add", ".", cwd=folder)
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    _git(*identity, "commit", "--quiet", "-m", "Speelveld met een oude fout", cwd=folder)
    return folder


def _pull_request(upstream: Path, tmp_path: Path, change: dict[str, str]) -> Path:
    """A clone of upstream (so origin/main exists) with a branch that makes ``change``."""
    clone = tmp_path / "clone"
    _git("clone", "--quiet", str(upstream), str(clone), cwd=tmp_path)
    _git("switch", "--quiet", "-c", "wijziging", cwd=clone)
    for relative, text in change.items():
        (clone / relative).write_text(text, "utf-8")
    _git("add", ".", cwd=clone)
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    _git(*identity, "commit", "--quiet", "-m", "Wijziging", cwd=clone)
    return clone


def _retitled(upstream: Path) -> dict[str, str]:
    path = "measures/keurmerk-clubs.yml"
    text = (upstream / path).read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    return {path: text.replace(title, "title: Keurmerk voor clubs en cafés")}


def test_the_gate_step_runs_speelveld_diff_against_the_base_branch() -> None:
    gate = _steps()["gate"]
    assert 'speelveld diff "origin/${BASE_REF}"' in gate["run"]
    assert "--fail-on error" in gate["run"]


def test_an_old_error_is_annotated_but_does_not_block(upstream: Path, tmp_path: Path) -> None:
    clone = _pull_request(upstream, tmp_path, _retitled(upstream))

    gate = run_step("gate", clone, tmp_path)
    assert gate.status == 0, gate.stdout
    assert "Keurmerk voor clubs en cafés" in gate.stdout
    assert (clone / "diff.md").read_text("utf-8") == gate.summary
    assert gate.summary.startswith("## Speelveld:")
    assert gate.outputs == "markdown=diff.md\n"

    annotations = run_step("annotations", clone, tmp_path)
    assert annotations.status == 0
    assert f"::error file={OLD_ERROR_FILE},line=" in annotations.stdout
    assert "title=missing-rationale::" in annotations.stdout

    sarif = run_step("sarif", clone, tmp_path)
    assert sarif.status == 0
    assert "missing-rationale" in (clone / "speelveld.sarif").read_text("utf-8")


def test_a_new_error_blocks_the_pull_request(upstream: Path, tmp_path: Path) -> None:
    without_rationale = NEW_MEASURE.replace(
        "  veiligheid: {score: 1, rationale: Snel contact bij incidenten.}",
        "  veiligheid: {score: 1}",
    )
    assert without_rationale != NEW_MEASURE
    clone = _pull_request(upstream, tmp_path, {"measures/nachtburgemeester.yml": without_rationale})

    gate = run_step("gate", clone, tmp_path)
    assert gate.status == 1
    assert "nachtburgemeester" in gate.summary
    assert gate.outputs == "markdown=diff.md\n"  # the comment still shows what is wrong

    # The annotations show both errors and leave the verdict to the gate.
    annotations = run_step("annotations", clone, tmp_path)
    assert annotations.status == 0
    assert f"::error file={OLD_ERROR_FILE}," in annotations.stdout
    assert "::error file=measures/nachtburgemeester.yml," in annotations.stdout


def test_a_usage_error_fails_every_step(tmp_path: Path) -> None:
    """Not a project (exit 2): no step may pass it off as findings."""
    empty = tmp_path / "leeg"
    empty.mkdir()
    for step_id in ("sarif", "annotations", "gate"):
        ran = run_step(step_id, empty, tmp_path)
        assert ran.status == 2, step_id
        assert ran.outputs == "", step_id


@pytest.mark.posix
def test_a_crash_fails_every_step(upstream: Path, tmp_path: Path) -> None:
    """Python ends a crash with exit 1 and no report: that is not a finding."""
    clone = _pull_request(upstream, tmp_path, _retitled(upstream))
    fake = tmp_path / "bin"
    fake.mkdir()
    crashing = fake / "speelveld"
    crashing.write_text("#!/bin/sh\necho 'Traceback (most recent call last):' >&2\nexit 1\n")
    crashing.chmod(0o755)
    path = f"{fake}{os.pathsep}{os.environ['PATH']}"
    for step_id in ("sarif", "annotations", "gate"):
        ran = run_step(step_id, clone, tmp_path, path=path)
        assert ran.status == 1, step_id
        assert (ran.summary, ran.outputs) == ("", ""), step_id
    assert not (clone / "speelveld.sarif").exists()

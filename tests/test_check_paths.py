"""`speelveld check PATH ...`: files and folders inside a project, found upwards as git does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld.cli import main

from .conftest import BASE

BROKEN = "measures/testservice.yml"
ALSO_BROKEN = "measures/cameratoezicht.yml"
CLEAN = "measures/keurmerk-clubs.yml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The base project with a syntax error in two measures; the portfolio rules then
    report, about the whole portfolio, that they did not run."""
    folder = tmp_path / "project"
    shutil.copytree(BASE, folder)
    (folder / BROKEN).write_text("title: [kapot\n", "utf-8")
    (folder / ALSO_BROKEN).write_text("title: {kapot\n", "utf-8")
    return folder


def test_a_file_gets_its_own_findings_and_those_about_the_portfolio(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    status, output = run("check", BROKEN)
    assert status == 1
    assert f"{BROKEN}:1:8: fout yaml-syntax" in output
    assert ALSO_BROKEN + ":" not in output
    assert "(portefeuille): melding portfolio-incomplete" in output
    assert "15 bestanden gecontroleerd: 1 fout, 0 waarschuwingen, 1 melding" in output
    assert f"Getoond: de bevindingen in {BROKEN} en over de portefeuille; 1 elders" in output


def test_the_exit_status_follows_only_the_reported_findings(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert run("check")[0] == 1
    status, output = run("check", CLEAN)
    assert status == 0
    assert "yaml-syntax" not in output
    assert "2 elders in het project niet" in output


def test_inside_a_folder_of_the_project_the_project_is_found(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "measures")
    status, output = run("check")
    assert status == 1
    assert f"{BROKEN}:1:8" in output
    assert f"{ALSO_BROKEN}:1:8" in output
    assert "Getoond" not in output


def test_github_paths_stay_relative_to_the_project_inside_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "measures")
    output = run("check", "--format", "github", "testservice.yml")[1]
    assert f"::error file={BROKEN},line=1,col=8" in output
    assert "../" not in output


def test_github_paths_get_the_project_folder_from_the_repository_root(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.parent)
    output = run("check", "--format", "github", f"project/{BROKEN}")[1]
    assert f"::error file=project/{BROKEN},line=1,col=8" in output
    assert f"file=project/{ALSO_BROKEN}" not in output


def test_a_folder_gets_the_findings_under_it(project: Path) -> None:
    (project / "domains/economie.yml").write_text("name: [kapot\n", "utf-8")
    status, output = run("check", str(project / "measures"))
    assert status == 1
    assert f"{BROKEN}:1:8" in output
    assert f"{ALSO_BROKEN}:1:8" in output
    assert "domains/economie.yml:" not in output
    assert run("check", str(project))[1].count("domains/economie.yml:") == 1


def test_the_project_folder_gets_everything(project: Path) -> None:
    output = run("check", str(project), str(project / BROKEN))[1]
    assert f"{ALSO_BROKEN}:1:8" in output
    assert "Getoond" not in output


def test_paths_in_two_projects_are_a_usage_error(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "ander"
    shutil.copytree(BASE, other)
    status, output = run("check", str(project / BROKEN), str(other / CLEAN))
    assert status == 2
    assert "verschillende projecten" in output


def test_a_missing_path_in_a_project_is_a_usage_error(project: Path) -> None:
    status, output = run("check", str(project / "measures/bestaat-niet.yml"))
    assert status == 2
    assert "bestaat niet (in het project" in output
    assert "Traceback" not in output


def test_a_missing_path_outside_any_project_names_speelveld_init(tmp_path: Path) -> None:
    status, output = run("check", str(tmp_path / "nergens/x.yml"))
    assert status == 2
    assert "bestaat niet en ligt in geen Speelveld-project" in output
    assert "speelveld init" in output

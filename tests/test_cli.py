"""Exit statuses, usage errors, and rules that explain themselves; the reference that
documents every command, option, rule and setting is tested in test_reference.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from speelveld.catalogue import CATALOGUE
from speelveld.cli import main

from .conftest import BASE, REPOSITORY


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_clean_project_exits_zero() -> None:
    assert invoke("check", str(BASE)) == (
        0,
        "15 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen, 0 meldingen\n",
    )


def test_fail_on_warning_fails_on_a_warning(project_from) -> None:
    project = project_from("rules/no-lead/fires")
    assert invoke("check", str(project))[0] == 1
    amsterdam = str(REPOSITORY)
    assert invoke("check", amsterdam)[0] == 0
    status, output = invoke("check", amsterdam, "--fail-on", "warning", "--format", "json")
    assert status == (1 if json.loads(output)["counts"]["warning"] else 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/no/such/folder"], "bestaat niet"),
        (["check", str(BASE), "--format", "pdf"], "ongeldige waarde voor '--format'"),
        (["check", str(BASE), "--fail-on", "fatal"], "ongeldige waarde voor '--fail-on'"),
        (["diff", "no-such-revision", "--project", str(BASE)], "geen map en geen git-revisie"),
    ],
)
def test_usage_problems_exit_two_with_one_message(args: list[str], message: str) -> None:
    status, output = invoke(*args)
    assert status == 2
    assert message in output
    assert "Traceback" not in output


def test_a_folder_outside_any_project_is_a_usage_problem(tmp_path: Path) -> None:
    status, output = invoke("check", str(tmp_path))
    assert status == 2
    assert "ligt in geen Speelveld-project" in output
    assert "speelveld init" in output


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [Path(sys.executable).parent / "speelveld", "check", str(BASE), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["counts"] == {
        "error": 0,
        "warning": 0,
        "info": 0,
        "accepted": 0,
    }


def _commands() -> list[click.Command]:
    return list(main.commands.values())  # type: ignore[attr-defined]


def test_every_rule_explains_itself_with_examples() -> None:
    for rule in CATALOGUE.values():
        assert rule.summary
        assert rule.remedy
        assert "Goed" in rule.explanation, rule.id
        assert "Fout" in rule.explanation, rule.id

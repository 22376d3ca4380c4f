"""The command line speaks Dutch: help screens, usage errors, choices and prompts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speelveld import cli_authoring
from speelveld.cli import main

from .conftest import BASE

COMMANDS = ("check", "diff", "init", "new", "schema", "render", "demo-data", "export", "import")
#: What click says in English; none of it may reach the user.
ENGLISH = (
    "Show this message",
    "Show the version",
    "Invalid value",
    "No such command",
    "No such option",
    "is not one of",
    "Missing argument",
    "Usage:",
    "Options:",
    "Commands:",
    "Error:",
    "Try '",
    "default:",
    "required",
)


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input, prog_name="speelveld")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def assert_dutch(output: str) -> None:
    for english in ENGLISH:
        assert english not in output, english


def test_the_group_help_is_dutch_and_lists_every_command() -> None:
    status, output = run("--help")
    assert status == 0
    assert_dutch(output)
    assert output.startswith("Gebruik: speelveld [OPTIES] OPDRACHT")
    assert "Opties:" in output
    assert "Toon deze hulp en stop." in output
    assert "Toon de versie en stop." in output
    commands = output.split("Opdrachten:\n")[1]
    assert [line.split()[0] for line in commands.splitlines()] == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_is_dutch(name: str) -> None:
    status, output = run(name, "--help")
    assert status == 0
    assert_dutch(output)
    assert output.startswith(f"Gebruik: speelveld {name} [OPTIES]")
    assert "Opties:" in output
    assert "-h, --help" in output
    assert "Toon deze hulp en stop." in output
    for english_metavar in ("TEXT", "PATH", "INTEGER", "FILENAME", "DIRECTORY"):
        assert english_metavar not in output, english_metavar


def test_defaults_and_required_options_are_shown_in_dutch() -> None:
    output = run("demo-data", "--help")[1]
    assert "[standaard: 100; x>=0]" in output
    assert "[verplicht]" in output


def test_the_version_is_dutch() -> None:
    status, output = run("--version")
    assert status == 0
    assert output.startswith("speelveld, versie ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--nope"], "Fout: onbekende optie '--nope'."),
        (["check", "--formaat", "json"], "Bedoelt u '--format'?"),
        (
            ["check", str(BASE), "--format", "pdf"],
            "Fout: ongeldige waarde voor '--format': 'pdf' is geen van 'text', 'json',",
        ),
        (["check", str(BASE), "--format", "jsn"], "Bedoelt u 'json'?"),
        (["new"], "Fout: het argument SOORT ontbreekt. Kies uit: domain, stakeholder"),
        (["new", "maatregelen", "x"], "'maatregelen' is geen van 'domain', 'stakeholder'"),
        (
            ["new", "partners", "x"],
            "(of 'domein', 'partner', 'maatregel', 'interacties'). Bedoelt u 'partner'?",
        ),
        (["new", "maatregl", "x"], "Bedoelt u 'maatregel'?"),
        (["new", "stakholder", "x"], "Bedoelt u 'stakeholder'?"),
        (["check", str(BASE), "--portfolio", "plna"], "portefeuille 'plna'. Bedoelt u 'plan'?"),
        (["demo-data"], "Fout: de optie '--out' ontbreekt"),
        (["demo-data", "--measures", "veel", "--out", "x"], "'veel' is geen geheel getal"),
        (
            ["demo-data", "--domains", "99", "--out", "x"],
            "99 ligt niet binnen ten minste 1 en ten hoogste 60",
        ),
        (["diff", "a", "b", "c"], "Fout: onverwacht argument: c"),
        (["check", "--output"], "Fout: de optie '--output' heeft een waarde nodig"),
        (["inti"], "Fout: onbekende opdracht 'inti'. Bedoelt u 'init'?"),
    ],
)
def test_usage_errors_are_dutch_and_exit_two(args: list[str], expected: str) -> None:
    status, output = run(*args)
    assert status == 2
    assert expected in output
    assert_dutch(output)


def test_a_usage_error_shows_the_usage_and_where_to_find_help() -> None:
    output = run("check", "--nope")[1]
    assert output.splitlines()[:2] == [
        "Gebruik: speelveld check [OPTIES] [PAD]...",
        "Zie 'speelveld check --help' voor hulp.",
    ]


def test_an_output_file_that_is_a_folder_is_refused_in_dutch(tmp_path: Path) -> None:
    status, output = run("check", str(BASE), "--output", str(tmp_path))
    assert status == 2
    assert "is een map, geen bestand" in output
    assert_dutch(output)


def test_no_command_shows_the_dutch_help() -> None:
    status, output = run()
    assert status == 2
    assert "Opdrachten:" in output
    assert_dutch(output)


def test_the_exit_status_of_a_command_is_kept(project_from) -> None:
    assert run("check", str(project_from("rules/no-lead/fires")))[0] == 1


def test_a_mistyped_owner_is_asked_again_with_a_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    monkeypatch.setattr(cli_authoring, "_interactive", lambda: True)
    answers = "Nachtloket\nwethouder-zrg\nwethouder-zorg\nggd\n"
    status, output = run("new", "measure", "nachtloket", "--project", str(project), input=answers)
    assert status == 0, output
    assert_dutch(output)
    assert "Fout: 'wethouder-zrg' is geen van" in output
    assert "Bedoelt u 'wethouder-zorg'?" in output
    assert "Bestuurlijk eigenaar (burgemeester, wethouder-economie, wethouder-zorg)" in output
    assert "[standaard: burgemeester]" in output
    data = yaml.safe_load((project / "measures/nachtloket.yml").read_text("utf-8"))
    assert data["owner"] == "wethouder-zorg"


@pytest.mark.parametrize("module", ["speelveld", "speelveld.cli"])
def test_python_dash_m_lists_every_command(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if module == "speelveld":
        assert result.stdout.startswith("Gebruik: speelveld ")
    for name in COMMANDS:
        assert f"\n  {name} " in result.stdout, name

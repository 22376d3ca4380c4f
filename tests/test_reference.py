"""The reference in reference/ and the README: their generated tables are what the code
generates, and every command, option, code, rule and setting is in them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from speelveld import reference
from speelveld.catalogue import CATALOGUE, OPTIONS
from speelveld.cli import main
from speelveld.codes import INPUT_CODES
from speelveld.config import Config

from .conftest import REPOSITORY

REFERENCE = REPOSITORY / reference.FOLDER


def _text(name: str) -> str:
    return (REFERENCE / name).read_text("utf-8")


@pytest.mark.parametrize(
    "page", reference.pages(REPOSITORY), ids=lambda p: p.relative_to(REPOSITORY).as_posix()
)
def test_the_committed_reference_is_what_the_code_generates(page: Path) -> None:
    text = page.read_text("utf-8")
    assert reference.fill(text) == text, (
        f"{page.name} wijkt af van de code: draai .venv/bin/python -m speelveld.reference"
    )


def test_every_part_is_generated_somewhere() -> None:
    text = "".join(page.read_text("utf-8") for page in reference.pages(REPOSITORY))
    for name in reference.PARTS:
        assert f"<!-- gegenereerd: {name} -->" in text, name


def test_the_check_fails_on_a_changed_table_and_the_command_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REFERENCE, tmp_path / reference.FOLDER)
    shutil.copyfile(REPOSITORY / "README.md", tmp_path / "README.md")
    monkeypatch.chdir(tmp_path)
    assert reference.main(["--check"]) == 0
    page = tmp_path / reference.FOLDER / "bevindingen.md"
    original = page.read_text("utf-8")
    page.write_text(original.replace("| `no-lead` | error |", "| `no-lead` | warning |"), "utf-8")
    assert reference.main(["--check"]) == 1
    assert reference.main([]) == 0
    assert page.read_text("utf-8") == original


def test_an_unknown_part_is_an_error() -> None:
    with pytest.raises(KeyError, match="onbekend gegenereerd deel"):
        reference.fill("<!-- gegenereerd: bestaat-niet -->\n<!-- einde: bestaat-niet -->\n")


def test_the_reference_names_every_code_rule_setting_and_command() -> None:
    findings, settings = _text("bevindingen.md"), _text("configuratie.md")
    commands = _text("commandos.md")
    for code, level in [(c.code, c.severity) for c in INPUT_CODES.values()] + [
        (r.id, r.level) for r in CATALOGUE.values()
    ]:
        assert f"| `{code}` | {level.label} |" in findings, code
    for key in Config.model_fields.keys() - OPTIONS.keys():
        assert f"| `{key}` |" in settings, key
    for key, (rule, _) in OPTIONS.items():
        assert f"| `{rule.id}` | `{key}` |" in settings, key
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        assert f"### `speelveld {name}`" in commands
        for param in command.params:
            for flag in getattr(param, "opts", []):
                if flag.startswith("-"):
                    assert flag in commands, f"{name} {flag}"


def test_the_reference_documents_every_plugin_option() -> None:
    from speelveld.plugin import SpeelveldConfig

    site = _text("site.md")
    for name, _ in SpeelveldConfig._schema:
        assert f"| `{name}` |" in site, name

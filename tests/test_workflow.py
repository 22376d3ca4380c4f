"""The advisor's workflow: `speelveld new`, and the editor schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import get_args

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from speelveld import cli, cli_authoring
from speelveld.findings import Finding
from speelveld.model import Sector
from speelveld.pipeline import check
from speelveld.reader import load_project
from speelveld.schema import FILES, SCHEMA_FOLDER, schemas

from .conftest import BASE, CASES, REPOSITORY, Case, case_folders


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(BASE, folder)
    return folder


def unfinished(project: Path) -> list[Finding]:
    """The findings of a project with placeholders, but the note that they hold up the
    portfolio rules, which is there whenever any input error is."""
    findings = check(project).findings
    assert [f.code for f in findings if f.code == "portfolio-incomplete"] == [
        "portfolio-incomplete"
    ]
    return [f for f in findings if f.code != "portfolio-incomplete"]


def test_a_new_measure_gets_only_placeholder_findings(project: Path) -> None:
    status, _ = run("new", "measure", "nachtloket", "--project", str(project), "--no-input")
    assert status == 0
    text = (project / "measures/nachtloket.yml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/measure.schema.json\n")
    for domain in ("veiligheid", "gezondheid", "economie"):
        assert f'  "{domain}":\n    score: "INVULLEN: de score op ' in text
    findings = unfinished(project)
    assert {f.code for f in findings} == {"placeholder"}
    assert {f.pointer for f in findings} == {
        "title",
        "summary",
        "status",
        "owner",
        "governance",
        "stakeholders.0.id",
        "instruments.0",
        "effects.veiligheid.score",
        "effects.gezondheid.score",
        "effects.economie.score",
    }
    status = next(f for f in findings if f.pointer == "status")
    assert status.message.endswith("(proposed, adopted, running, evaluated of stopped)")


def test_filling_in_the_placeholders_makes_the_check_clean(project: Path) -> None:
    run("new", "measure", "nachtloket", "--project", str(project), "--no-input")
    target = project / "measures/nachtloket.yml"
    text = target.read_text("utf-8")
    for placeholder, value in (
        ('"INVULLEN: de titel van de maatregel"', "Nachtloket"),
        ('"INVULLEN: wat de maatregel doet en waarom (Markdown)"', "Een loket in de nacht."),
        ('"INVULLEN: de bestuurlijk eigenaar"', "wethouder-zorg"),
        ('"INVULLEN: de id van de trekker"', "ggd"),
        ('"INVULLEN: de id van een instrument"', "voorlichting"),
        ('"INVULLEN: de stand (proposed, adopted, running, evaluated of stopped)"', "proposed"),
        ('"INVULLEN: de sturing (hierarchical, network of mixed)"', "network"),
        ('"INVULLEN: de score op Veiligheid in het uitgaansgebied, van -3 tot +3"', "0"),
        ('"INVULLEN: de score op Gezondheid van bezoekers, van -3 tot +3"', "0"),
        ('"INVULLEN: de score op Economie van de nacht, van -3 tot +3"', "0"),
    ):
        assert placeholder in text
        text = text.replace(placeholder, value)
    target.write_text(text, "utf-8")
    assert check(project).selected("plan") == []


def test_every_kind_has_a_template_that_checks_but_for_placeholders(project: Path) -> None:
    for kind, folder in (
        ("domain", "domains"),
        ("stakeholder", "stakeholders"),
        ("instrument", "instruments"),
    ):
        assert run("new", kind, f"nieuw-{kind}", "--project", str(project), "--no-input")[0] == 0
        assert (project / folder / f"nieuw-{kind}.yml").is_file()
    findings = unfinished(project)
    assert {f.code for f in findings} == {"placeholder"}
    chosen = {(f.path.split("/")[0], f.pointer) for f in findings}
    assert {("stakeholders", "sector"), ("instruments", "governance")} <= chosen


def test_new_domains_take_the_next_order_while_still_unfinished(project: Path) -> None:
    highest = max(yaml.safe_load(f.read_text("utf-8"))["order"] for f in project.glob("domains/*"))
    for name in ("eerste", "tweede"):
        assert run("new", "domain", name, "--project", str(project), "--no-input")[0] == 0
    orders = {
        name: yaml.safe_load((project / f"domains/{name}.yml").read_text("utf-8"))["order"]
        for name in ("eerste", "tweede")
    }
    assert orders == {"eerste": highest + 1, "tweede": highest + 2}


def test_in_a_terminal_it_asks_for_title_owner_and_lead(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_authoring, "_interactive", lambda: True)
    status, _ = run(
        "new",
        "measure",
        "nachtloket",
        "--project",
        str(project),
        input="Nachtloket\nwethouder-zorg\nggd\n",
    )
    assert status == 0
    findings = unfinished(project)
    assert {f.pointer for f in findings} == {
        "summary",
        "status",
        "governance",
        "instruments.0",
        "effects.veiligheid.score",
        "effects.gezondheid.score",
        "effects.economie.score",
    }
    data = yaml.safe_load((project / "measures/nachtloket.yml").read_text("utf-8"))
    assert (data["title"], data["owner"], data["stakeholders"][0]["id"]) == (
        "Nachtloket",
        "wethouder-zorg",
        "ggd",
    )


@pytest.mark.parametrize(
    ("entity_id", "message"),
    [("Nacht Loket", "geen geldige id"), ("testservice", "bestaat al")],
)
def test_new_refuses_a_bad_id_or_an_existing_file(
    project: Path, entity_id: str, message: str
) -> None:
    before = (project / "measures/testservice.yml").read_text("utf-8")
    status, output = run("new", "measure", entity_id, "--project", str(project), "--no-input")
    assert status == 2
    assert message in output
    assert (project / "measures/testservice.yml").read_text("utf-8") == before


def test_the_committed_schemas_are_up_to_date() -> None:
    for name, content in schemas().items():
        committed = json.loads((REPOSITORY / SCHEMA_FOLDER / name).read_text("utf-8"))
        assert committed == content, f"{name}: draai speelveld schema"
    assert run("schema", str(REPOSITORY), "--check")[0] == 0


def test_the_schemas_name_no_id_of_the_project() -> None:
    """Ids in a schema go stale with every file added by hand; the check names them instead."""
    project, _ = load_project(REPOSITORY)
    text = json.dumps(schemas())
    ids = [*project.domains, *project.stakeholders, *project.instruments, *project.measures]
    fixed = set(get_args(Sector))  # a partner may be called after a sector ("onderwijs")
    assert ids
    assert [i for i in ids if f'"{i}"' in text and i not in fixed] == []


def _edits_by_hand(project: Path) -> None:
    """Add, rename and remove files of every kind, as an advisor does in an editor."""
    measures = project / "measures"
    (measures / "testservice.yml").rename(measures / "test-service.yml")
    shutil.copyfile(measures / "test-service.yml", measures / "tweede-testservice.yml")
    stakeholders = project / "stakeholders"
    shutil.copyfile(stakeholders / "ggd.yml", stakeholders / "ggd-west.yml")
    instruments = project / "instruments"
    shutil.copyfile(instruments / "voorlichting.yml", instruments / "campagne.yml")


def test_files_added_renamed_or_removed_by_hand_never_make_the_schemas_stale(
    project: Path,
) -> None:
    assert run("schema", str(project))[0] == 0
    assert run("schema", str(project), "--check")[0] == 0
    measures_before = sorted(p.name for p in (project / "measures").iterdir())
    _edits_by_hand(project)
    assert sorted(p.name for p in (project / "measures").iterdir()) != measures_before
    (project / "measures" / "tweede-testservice.yml").unlink()
    errors = [f for f in check(project).selected("plan") if f.severity.label == "error"]
    assert errors == []
    assert run("schema", str(project), "--check")[0] == 0


def test_the_check_of_the_schemas_fails_when_one_is_missing_or_differs(project: Path) -> None:
    assert run("schema", str(project))[0] == 0
    (project / SCHEMA_FOLDER / FILES["measures"]).write_text("{}\n", "utf-8")
    (project / SCHEMA_FOLDER / FILES["domains"]).unlink()
    status, output = run("schema", str(project), "--check")
    assert status == 1
    assert FILES["measures"] in output
    assert FILES["domains"] in output
    assert FILES["stakeholders"] not in output


def _validator(folder: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schemas()[FILES[folder]])


def test_the_schemas_accept_the_amsterdam_dataset() -> None:
    for folder in ("domains", "stakeholders", "instruments", "measures", "scenarios"):
        validator = _validator(folder)
        for file in sorted((REPOSITORY / folder).glob("*.yml")):
            errors = list(validator.iter_errors(yaml.safe_load(file.read_text("utf-8"))))
            assert errors == [], f"{file.name}: {errors[0].message if errors else ''}"


#: Corpus cases that a schema of one file cannot see: a problem that spans files, a date of
#: the right form on a day that does not exist, and a score that is not the median of its
#: scorers (a JSON Schema compares no value with a computation over others).
_NOT_FOR_A_SCHEMA = {
    "input/schema/domain-order-duplicate",
    "input/schema/impossible-date",
    "input/schema/score-not-median",
}


def _schema_visible_cases() -> list[Path]:
    chosen = []
    for folder in case_folders():
        name = folder.relative_to(CASES).as_posix()
        if not name.startswith("input/schema/") or name in _NOT_FOR_A_SCHEMA:
            continue
        case = Case.read(folder)
        paths = {f["path"] for f in case.expected if f["code"] == "schema"}
        if paths and all(p.split("/")[0] in FILES and p != "speelveld.yml" for p in paths):
            chosen.append(folder)
    return chosen


@pytest.mark.parametrize("folder", _schema_visible_cases(), ids=lambda p: p.name)
def test_the_schemas_reject_what_the_checker_rejects(folder: Path, tmp_path: Path) -> None:
    case = Case.read(folder)
    project = case.build(tmp_path / "project")
    for path in {f["path"] for f in case.expected if f["code"] == "schema"}:
        data = yaml.safe_load((project / path).read_text("utf-8"))
        errors = list(_validator(path.split("/")[0]).iter_errors(data))
        assert errors, f"the schema accepts {path} of {folder.name}"


@pytest.mark.parametrize(
    ("word", "folder"),
    [("maatregel", "measures"), ("partner", "stakeholders"), ("domein", "domains")],
)
def test_the_dutch_word_for_a_kind_is_that_kind(project: Path, word: str, folder: str) -> None:
    status, output = run("new", word, "nieuw", "--project", str(project), "--no-input")
    assert status == 0, output
    assert (project / folder / "nieuw.yml").is_file()


def test_the_schemas_report_an_input_error_as_one_and_write_nothing(project: Path) -> None:
    """An error in a domain file is the file's: not a stale schema, and no schemas follow."""
    assert run("schema", str(project))[0] == 0
    schemas_before = {p.name: p.read_bytes() for p in (project / SCHEMA_FOLDER).iterdir()}
    (project / "domains" / "economie.yml").write_text(
        "name: Economie\nshort: Economie\norder: 3\ndescription: Nacht.\nwebsite: x\n", "utf-8"
    )
    (project / SCHEMA_FOLDER / FILES["measures"]).unlink()
    for args in (("--check",), ()):
        status, output = run("schema", str(project), *args)
        assert status == 1
        assert "invoerfouten" in output
        assert "domains/economie.yml:5:1: fout schema onbekend veld 'website'" in output
        assert "hoort niet bij deze versie" not in output
        assert FILES["measures"] not in output
    assert {p.name: p.read_bytes() for p in (project / SCHEMA_FOLDER).iterdir()} == {
        name: content for name, content in schemas_before.items() if name != FILES["measures"]
    }

"""The workbook there and back: no edit changes no byte, one edit changes one line, and a
wrong cell is reported at its sheet and cell while nothing is written."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path
from typing import get_args

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from speelveld.cli import main
from speelveld.formats import FORMATS
from speelveld.kinds import KINDS
from speelveld.model import Status, signed

from .conftest import REPOSITORY, TESTS

ROUNDTRIP = TESTS / "roundtrip"
DATA = [kind.folder for kind in KINDS]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.output


def copy_project(source: Path, target: Path) -> Path:
    target.mkdir()
    for name in [*DATA, "speelveld.yml", "mkdocs.yml"]:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).is_file():
            shutil.copyfile(source / name, target / name)
    return target


def snapshot(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(params=["amsterdam", "roundtrip"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of the Amsterdam project, or of the one written by hand in every style."""
    source = REPOSITORY if request.param == "amsterdam" else ROUNDTRIP
    return copy_project(source, tmp_path / "project")


def exported(project: Path) -> Path:
    book = project.parent / "speelveld.xlsx"
    status, _, output = invoke("export", "xlsx", "--project", str(project), "--out", str(book))
    assert status == 0, output
    return book


def edited(book: Path, sheet: str, changes: dict[str, object]) -> Path:
    workbook = openpyxl.load_workbook(book)
    for cell, value in changes.items():
        workbook[sheet][cell] = value
    out = book.with_name("bewerkt.xlsx")
    workbook.save(out)
    return out


def effect_row(book: Path, measure: str, domain: str) -> int:
    rows = openpyxl.load_workbook(book, read_only=True)["Effecten"].iter_rows(values_only=True)
    for number, row in enumerate(rows, start=1):
        if row[:2] == (measure, domain):
            return number
    raise AssertionError(f"no row for {measure} and {domain}")


def first_effect(project: Path) -> tuple[str, str, int]:
    """A measure, a domain it is scored on, and that score, as the files say."""
    measure = sorted((project / "measures").iterdir())[0]
    data = yaml.safe_load(measure.read_text(encoding="utf-8-sig"))
    domain, effect = next(iter(data["effects"].items()))
    return measure.stem, str(domain), effect["score"]


def test_export_then_import_without_edits_changes_no_byte(project: Path) -> None:
    before = snapshot(project)
    book = exported(project)
    status, stdout, output = invoke("import", str(book), "--project", str(project))
    assert status == 0, output
    assert "Geen wijzigingen" in stdout
    assert snapshot(project) == before


def test_one_changed_score_changes_one_line_of_one_file(project: Path) -> None:
    before = snapshot(project)
    measure, domain, score = first_effect(project)
    book = exported(project)
    row = effect_row(book, measure, domain)
    new = 3 if score != 3 else -3
    status, _, output = invoke(
        "import", str(edited(book, "Effecten", {f"C{row}": new})), "--project", str(project)
    )
    assert status == 0, output
    after = snapshot(project)
    changed = [path for path in after if after[path] != before.get(path)]
    assert len(changed) == 1
    assert changed[0].startswith("measures/")
    old_lines = before[changed[0]].decode("utf-8").splitlines()
    new_lines = after[changed[0]].decode("utf-8").splitlines()
    diff = [line for line in difflib.ndiff(old_lines, new_lines) if line[:2] in ("+ ", "- ")]
    assert len(diff) == 2, diff
    assert str(new) in diff[1]
    assert "score" in diff[1]
    assert measure in output
    assert f"{signed(score)} → {signed(new)}" in output


def test_a_removed_row_is_reported_and_deleted_only_when_asked(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    book = exported(project)
    workbook = openpyxl.load_workbook(book)
    workbook["Instrumenten"].delete_rows(3)  # overleg, which one measure uses
    workbook["Inzet"].delete_rows(2)
    workbook["Partners"].delete_rows(2)  # a partner a measure still names
    out = book.with_name("minder.xlsx")
    workbook.save(out)
    status, _, output = invoke("import", str(out), "--project", str(project), "--delete")
    assert status == 1
    assert "Betrokkenen!B" in output
    assert "onbekende partner 'burgemeester'" in output
    assert (project / "instruments/overleg.yml").exists()
    workbook["Betrokkenen"].delete_rows(3)
    workbook["Partners"].append(["burgemeester", "Burgemeester", "bestuur", "no, on", "-", None])
    workbook.save(out)
    status, _, output = invoke("import", str(out), "--project", str(project))
    assert status == 0, output
    assert "niet meer in het werkboek: instruments/overleg.yml" in output
    assert (project / "instruments/overleg.yml").exists()
    status, _, output = invoke("import", str(out), "--project", str(project), "--delete")
    assert status == 0, output
    assert "verwijderd: instruments/overleg.yml" in output
    assert not (project / "instruments/overleg.yml").exists()


def test_a_new_row_is_a_new_file_with_its_ids_quoted(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    book = exported(project)
    workbook = openpyxl.load_workbook(book)
    workbook["Maatregelen"].append(
        ["cameras", "Camera's", "Toezicht.", "proposed", "burgemeester", "hierarchical"]
    )
    for domain, score in (("no", 1), ("on", 0), ("010", -1)):
        rationale = None if score == 0 else "Omdat het zo is."
        mitigation = "Overleg." if score < 0 else None
        workbook["Effecten"].append(["cameras", domain, score, None, rationale, None, mitigation])
    workbook["Betrokkenen"].append(["cameras", "horeca", "lead"])
    out = book.with_name("nieuw.xlsx")
    workbook.save(out)
    status, _, output = invoke("import", str(out), "--project", str(project))
    assert status == 0, output
    text = (project / "measures/cameras.yml").read_text(encoding="utf-8")
    assert 'owner: "burgemeester"' in text
    assert '"no":' in text
    assert '"on":' in text
    assert '"010":' in text
    assert "+ cameras Camera's" in output
    status, _, output = invoke("check", str(project), "--format", "json")
    assert not [f for f in json.loads(output)["findings"] if f["code"] == "schema"], output


def column(book: Path, sheet: str, header: str) -> str:
    headers = [c.value for c in openpyxl.load_workbook(book, read_only=True)[sheet][1]]
    return get_column_letter(headers.index(header) + 1)


def test_when_where_and_groups_go_there_and_back(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    book = exported(project)
    rows = {
        (row[0], row[1]): dict(zip([c.value for c in book_sheet[1]], row, strict=True))
        for book_sheet in [openpyxl.load_workbook(book)["Effecten"]]
        for row in book_sheet.iter_rows(min_row=2, values_only=True)
    }
    # As the files write them: flow and block style, quoted and not.
    assert rows[("nachtburgemeester", "on")]["wanneer"] == "later"
    assert rows[("nachtburgemeester", "on")]["groepen"] == "ondernemers: benefit"
    assert rows[("sluitingstijden", "no")]["waar"] == "both"
    assert rows[("sluitingstijden", "on")]["groepen"] == (
        "clubs: cost\nbewoners van de binnenstad: benefit"
    )
    row = effect_row(book, "sluitingstijden", "010")
    changes = {
        f"{column(book, 'Effecten', 'wanneer')}{row}": "both",
        f"{column(book, 'Effecten', 'waar')}{row}": "elsewhere",
        f"{column(book, 'Effecten', 'groepen')}{row}": "jongeren: benefit\n  ouders:cost ",
    }
    status, _, output = invoke(
        "import", str(edited(book, "Effecten", changes)), "--project", str(project)
    )
    assert status == 0, output
    data = yaml.safe_load((project / "measures/sluitingstijden.yml").read_text("utf-8-sig"))
    assert data["effects"]["010"] == {
        "score": 1,
        "rationale": "Minder alcoholgebruik.",
        "when": "both",
        "where": "elsewhere",
        "groups": [
            {"group": "jongeren", "bears": "benefit"},
            {"group": "ouders", "bears": "cost"},
        ],
    }
    # What the workbook did not touch stays as it was.
    assert data["effects"]["on"]["groups"][0] == {"group": "clubs", "bears": "cost"}
    status, _, output = invoke("import", str(exported(project)), "--project", str(project))
    assert status == 0, output
    assert "Geen wijzigingen" in output


@pytest.mark.parametrize(
    ("header", "value", "message"),
    [
        ("wanneer", "straks", "wanneer 'straks' is geen van: now, later, both"),
        ("groepen", "jongeren", "groepen 'jongeren' noemt niet wat de groep draagt"),
        ("groepen", "jongeren: kosten", "groepen 'kosten' is geen van: cost, benefit"),
    ],
)
def test_a_wrong_when_or_group_is_reported_at_its_cell(
    tmp_path: Path, header: str, value: str, message: str
) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    before = snapshot(project)
    book = exported(project)
    row = effect_row(book, "sluitingstijden", "010")
    cell = f"{column(book, 'Effecten', header)}{row}"
    status, stdout, _ = invoke(
        "import", str(edited(book, "Effecten", {cell: value})), "--project", str(project)
    )
    assert status == 1
    assert f"Effecten!{cell}: {message}" in stdout
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        ("Effecten", "C{row}", 7, "Effecten!C{row}: score 7 ligt niet tussen −3 en +3"),
        ("Effecten", "B{row}", "nergens", "Effecten!B{row}: onbekend domein 'nergens'"),
        ("Maatregelen", "B2", None, "Maatregelen!B2: titel is leeg"),
        ("Maatregelen", "D2", "klaar", "Maatregelen!D2: status 'klaar' is geen van"),
        ("Domeinen", "D2", "een", "Domeinen!D2: volgorde 'een' is geen geheel getal"),
    ],
)
@pytest.mark.parametrize("format_", list(FORMATS))
def test_a_wrong_cell_exits_one_with_its_place_and_writes_nothing(
    tmp_path: Path, sheet: str, cell: str, value: object, message: str, format_: str
) -> None:
    project = copy_project(REPOSITORY, tmp_path / "project")
    before = snapshot(project)
    measure, domain, _ = first_effect(project)
    book = exported(project)
    row = effect_row(book, measure, domain)
    bad = edited(book, sheet, {cell.format(row=row): value})
    status, stdout, _ = invoke("import", str(bad), "--project", str(project), "--format", format_)
    assert status == 1
    expected = message.format(row=row)
    if format_ == "json":
        messages = [f["message"] for f in json.loads(stdout)["findings"]]
        assert any(m.startswith(expected) for m in messages), messages
    else:
        assert expected in stdout
    assert snapshot(project) == before


def test_the_drop_downs_offer_what_the_model_allows(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    book = openpyxl.load_workbook(exported(project))
    measures = book["Maatregelen"]
    headers = [c.value for c in measures[1]]
    status = get_column_letter(headers.index("status") + 1)
    formulas = {
        str(v.sqref).split(":")[0]: v.formula1 for v in measures.data_validations.dataValidation
    }
    assert formulas[f"{status}2"] == '"' + ",".join(get_args(Status)) + '"'
    owner = get_column_letter(headers.index("eigenaar") + 1)
    assert formulas[f"{owner}2"].startswith("'Partners'!$A$2:$A$")
    effects = {
        str(v.sqref).split(":")[0]: v.formula1
        for v in book["Effecten"].data_validations.dataValidation
    }
    assert effects["C2"] == '"-3,-2,-1,0,1,2,3"'
    assert book["Effecten"].freeze_panes == "C2"
    assert "Uitleg" in book.sheetnames


def test_export_refuses_to_overwrite_a_file_of_the_project(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    target = project / "domains" / "no.yml"
    before = target.read_bytes()
    status, _, output = invoke("export", "xlsx", "--project", str(project), "--out", str(target))
    assert status == 2
    assert "een bestand dat het project leest" in output
    assert target.read_bytes() == before


def test_a_file_that_is_no_workbook_is_a_usage_problem(tmp_path: Path) -> None:
    project = copy_project(ROUNDTRIP, tmp_path / "project")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("geen werkboek", encoding="utf-8")
    status, _, output = invoke("import", str(fake), "--project", str(project))
    assert status == 2
    assert "geen Excel-werkboek" in output
    assert "Traceback" not in output

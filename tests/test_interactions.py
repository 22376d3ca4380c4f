"""Interactions between domains: indirect effects computed by hand match the page and the
JSON; `speelveld new interactions`; what an indirect harm rests on; and a project without
interactions.yml shows nothing of them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from speelveld.cli import main
from speelveld.findings import Assumption
from speelveld.interactions import totals
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages
from speelveld.schema import FILES, schemas

from .conftest import BASE, CASES, REPOSITORY

#: Five interactions between the three domains of the base project.
INTERACTIONS = """\
interactions:
  - {from: veiligheid, to: gezondheid, score: -2, rationale: Controles jagen bezoekers weg.}
  - {from: economie, to: gezondheid, score: -2, rationale: Langer open is meer gebruik.}
  - {from: gezondheid, to: economie, score: 1, rationale: Gezonde bezoekers komen terug.}
  - {from: veiligheid, to: economie, score: 3, rationale: Een veilige nacht trekt bezoekers.}
  - {from: gezondheid, to: veiligheid, score: 2, rationale: Minder incidenten.}
"""

#: The indirect effects worked out by hand. The direct scores (veiligheid, gezondheid,
#: economie): cameratoezicht +2, 0, -1; keurmerk-clubs +1, 0, +2; testservice 0, +2, 0.
#:   cameratoezicht on gezondheid: (+2 × -2 + -1 × -2) / 3 = -2/3, toward 0: 0
#:   cameratoezicht on economie:   (+2 × +3 + 0 × +1) / 3 = 2
#:   keurmerk-clubs on gezondheid: (+1 × -2 + +2 × -2) / 3 = -2
#:   keurmerk-clubs on economie:   (+1 × +3) / 3 = 1
#:   testservice on veiligheid:    (+2 × +2) / 3 = 4/3, toward 0: 1
#:   testservice on economie:      (+2 × +1) / 3 = 2/3, toward 0: 0
BY_HAND = {
    "cameratoezicht": {"veiligheid": 0, "gezondheid": 0, "economie": 2},
    "keurmerk-clubs": {"veiligheid": 0, "gezondheid": -2, "economie": 1},
    "testservice": {"veiligheid": 1, "gezondheid": 0, "economie": 0},
}
NAMES = {
    "veiligheid": "Veiligheid in het uitgaansgebied",
    "gezondheid": "Gezondheid van bezoekers",
    "economie": "Economie van de nacht",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(BASE, tmp_path / "project"))
    (folder / "interactions.yml").write_text(INTERACTIONS, "utf-8")
    return folder


def indirect_column(page: str) -> dict[str, int]:
    """Per domain, the number the effects table of a measure page shows as indirect."""
    table = page.split('id="effecten-tabel"')[1].split("</div>")[0]
    header = next(line for line in table.splitlines() if line.startswith("| Domein"))
    column = [cell.strip() for cell in header.split("|")].index("Indirect (indicatief)")
    found = {}
    for line in table.splitlines():
        if line.startswith("| ["):
            cells = [cell.strip() for cell in line.split("|")]
            name = cells[1].split("](")[0].removeprefix("[")
            found[name] = int(cells[column].split()[0].replace("+", ""))
    return found


def test_the_indirect_effects_are_those_worked_out_by_hand(project: Path) -> None:
    report = check(project)
    pages = render_pages(report, SiteOptions())
    for measure, expected in BY_HAND.items():
        shown = indirect_column(pages[f"maatregelen/{measure}.md"])
        assert shown == {NAMES[d]: score for d, score in expected.items()}, measure
    status, output = run("check", str(project), "--format", "json")
    assert status == 0, output
    assert json.loads(output)["indirect_effects"] == {
        "cameratoezicht": {"economie": 2},
        "keurmerk-clubs": {"gezondheid": -2, "economie": 1},
        "testservice": {"veiligheid": 1},
    }
    # The sum over a set of measures, as the what-if page shows it: the policy in force.
    in_force = report.portfolios["in-force"].measures
    assert totals(report.indirect, in_force, report.project.domains) == {
        "veiligheid": 0,
        "gezondheid": -2,
        "economie": 3,
    }


def test_the_finding_and_the_page_name_the_way_an_effect_comes_about(project: Path) -> None:
    status, output = run("check", str(project), "--format", "json")
    assert status == 0, output
    report = json.loads(output)
    [harm] = [f for f in report["findings"] if f["code"] == "indirect-harm"]
    assert (harm["path"], harm["line"], harm["column"]) == ("measures/keurmerk-clubs.yml", 17, 3)
    assert harm["pointer"] == "effects.gezondheid"
    assert "via Economie van de nacht (+2 daar, doorwerking -2) en Veiligheid" in harm["message"]
    assert report["indirect_effects"]["keurmerk-clubs"]["gezondheid"] == -2
    page = render_pages(check(project), SiteOptions())["maatregelen/keurmerk-clubs.md"]
    assert "| -2 via Economie (+2 × -2) en Veiligheid (+1 × -2) |" in page
    sarif = json.loads(run("check", str(project), "--format", "sarif")[1])
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "indirect-harm"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (17, 3)


def test_an_indirect_harm_rests_on_the_assumed_score_that_carries_it(project: Path) -> None:
    measure = project / "measures" / "keurmerk-clubs.yml"
    text = measure.read_text("utf-8")
    assert "    rationale: Het keurmerk trekt bezoekers.\n" in text
    measure.write_text(
        text.replace(
            "    rationale: Het keurmerk trekt bezoekers.\n",
            "    rationale: Het keurmerk trekt bezoekers.\n    confidence: low\n",
        ),
        "utf-8",
    )
    [harm] = [f for f in check(project).findings if f.code == "indirect-harm"]
    # Economie +1 instead of +2: (+1 × -2 + +1 × -2) / 3 = -1, and the warning is gone.
    assert harm.rests_on == (Assumption("keurmerk-clubs", "economie", 2, "low"),)


def test_the_matrix_shows_the_interactions_and_the_plane_with_their_tables(
    project: Path,
) -> None:
    matrix = render_pages(check(project), SiteOptions())["matrix.md"]
    assert '<div class="speelveld-chart" id="interacties"' in matrix
    assert '<div class="speelveld-chart" id="invloed"' in matrix
    table = matrix.split('id="interacties-tabel"')[1].split("</div>")[0]
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    assert [r.split(" | ")[1:] for r in rows] == [
        ["—", "-2", "+3 |"],
        ["+2", "—", "+1 |"],
        ["0", "-2", "— |"],
    ]
    plane = matrix.split('id="invloed-tabel"')[1].split("</div>")[0]
    # Influence is the sum of a row, dependence that of a column; and how many are not 0.
    assert "| [Veiligheid in het uitgaansgebied](domeinen/veiligheid.md) | +1 | +2 | 2 | 1 |" in (
        plane
    )
    assert "| [Gezondheid van bezoekers](domeinen/gezondheid.md) | +3 | -4 | 2 | 2 |" in plane
    assert "| [Economie van de nacht](domeinen/economie.md) | -2 | +4 | 1 | 2 |" in plane
    data = json.loads(
        re.search(r'<script type="application/json" id="invloed-data">(.*?)</script>', matrix)[1]
    )
    assert data["data"][0]["x"] == [2, -4, 4]  # dependence, across
    assert data["data"][0]["y"] == [1, 3, -2]  # influence, up


def test_without_interactions_nothing_changes(tmp_path: Path) -> None:
    project = Path(shutil.copytree(BASE, tmp_path / "project"))
    report = check(project)
    assert report.indirect == {}
    pages = render_pages(report, SiteOptions())
    assert "Indirect" not in pages["maatregelen/keurmerk-clubs.md"]
    assert "Interacties tussen domeinen" not in pages["matrix.md"]
    assert "invloed" not in pages["matrix.md"]
    output = json.loads(run("check", str(project), "--format", "json")[1])
    assert "indirect_effects" not in output
    assert "interactions.yml" not in report.project.files


def test_new_interactions_writes_every_ordered_pair_to_fill_in(tmp_path: Path) -> None:
    project = Path(shutil.copytree(BASE, tmp_path / "project"))
    status, output = run("new", "interactions", "--project", str(project))
    assert status == 0, output
    assert "6 paren" in output
    target = project / "interactions.yml"
    text = target.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/interactions.schema.json\n")
    data = yaml.safe_load(text)
    pairs = [(e["from"], e["to"]) for e in data["interactions"]]
    domains = ["veiligheid", "gezondheid", "economie"]
    assert sorted(pairs) == sorted((a, b) for a in domains for b in domains if a != b)
    findings = check(project).findings
    placeholders = [f for f in findings if f.code == "placeholder"]
    assert len(placeholders) == 12
    assert {f.path for f in placeholders} == {"interactions.yml"}
    assert {f.code for f in findings} == {"placeholder", "portfolio-incomplete"}
    # The Dutch word does too, and a second time is refused, as is an id.
    assert run("new", "interacties", "--project", str(project))[0] == 2
    status, output = run("new", "interactions", "extra", "--project", str(project))
    assert status == 2
    assert "heeft geen ID" in output
    # Filled in, the file is clean and its scores count.
    for index, entry in enumerate(data["interactions"]):
        entry["score"] = -3 if index == 0 else 0
        entry["rationale"] = "Zo werkt het door."
    target.write_text(yaml.safe_dump(data), "utf-8")
    report = check(project)
    assert [f.code for f in report.selected("plan")] == ["indirect-harm"]
    assert report.project.interactions[("veiligheid", "gezondheid")].score == -3


def test_the_editor_schema_accepts_the_amsterdam_interactions_and_rejects_wrong_ones() -> None:
    validator = jsonschema.Draft202012Validator(schemas()[FILES["interactions"]])
    amsterdam = yaml.safe_load((REPOSITORY / "interactions.yml").read_text("utf-8"))
    assert list(validator.iter_errors(amsterdam)) == []
    for case in ("schema", "not-a-mapping"):
        wrong = CASES / "input" / "interactions" / case / "interactions.yml"
        assert list(validator.iter_errors(yaml.safe_load(wrong.read_text("utf-8")))), case


def test_an_interactions_file_that_cannot_be_read_is_said_so(tmp_path: Path) -> None:
    """A folder in its place is an error that stops the portfolio rules; a link that leaves
    the project is not followed, with a note; neither is read as interactions."""
    project = Path(shutil.copytree(BASE, tmp_path / "project"))
    (project / "interactions.yml").mkdir()
    report = check(project)
    [error] = [f for f in report.findings if f.path == "interactions.yml"]
    assert (error.code, error.severity.label, error.line) == ("yaml-syntax", "error", 1)
    assert "geen gewoon bestand" in error.message
    assert "portfolio-incomplete" in {f.code for f in report.findings}
    (project / "interactions.yml").rmdir()
    (project / "interactions.yml").symlink_to(project / "nergens.yml")
    [error] = [f for f in check(project).findings if f.path == "interactions.yml"]
    assert "symbolische link naar een bestand dat niet bestaat" in error.message
    (project / "interactions.yml").unlink()
    outside = tmp_path / "elders.yml"
    outside.write_text(INTERACTIONS, "utf-8")
    (project / "interactions.yml").symlink_to(outside)
    report = check(project)
    [note] = [f for f in report.findings if f.path == "interactions.yml"]
    assert (note.code, note.severity.label) == ("ignored-file", "info")
    assert report.project.interactions == {}
    assert not [f for f in report.findings if f.code == "indirect-harm"]

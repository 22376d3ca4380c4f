"""``speelveld diff`` between git revisions and between directories."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld.cli import main
from speelveld.compare import compare, field_name
from speelveld.model import Measure
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import BASE, NEW_MEASURE


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose project sits in a subfolder, tagged v1, then changed and committed.

    The change adds a measure and makes cameratoezicht worse: its negative score on
    economie drops to -2 and loses its mitigation, a new error.
    """
    root = tmp_path / "repo"
    project = root / "beleid"
    shutil.copytree(BASE, project)
    git(root.parent, "init", "-q", str(root))
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v1")
    git(root, "tag", "v1")
    camera = project / "measures" / "cameratoezicht.yml"
    text = camera.read_text(encoding="utf-8")
    text = text.replace("score: -1", "score: -2").replace(
        "    mitigation: Overleg met ondernemers over de plaats van camera's.\n", ""
    )
    camera.write_text(text, encoding="utf-8")
    (project / "measures" / "nachtburgemeester.yml").write_text(NEW_MEASURE, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v2")
    return project


def diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_between_revisions_reports_measures_scores_and_findings(repo: Path) -> None:
    status, output = diff("v1", "HEAD", "--project", str(repo), "--format", "markdown")
    assert (
        "- ➕ toegevoegd: `nachtburgemeester` Nachtburgemeester\n"
        "  - Veiligheid in het uitgaansgebied: +1 ondersteunend\n"
        "  - Gezondheid van bezoekers: 0 neutraal\n"
        "  - Economie van de nacht: +1 ondersteunend\n"
        "- ✏️ `cameratoezicht` Cameratoezicht op pleinen: gewijzigd: effecten\n"
        "  - Economie van de nacht: -1 → -2\n"
    ) in output
    assert "fout `unmitigated-side-effect` measures/cameratoezicht.yml:19:3" in output
    assert "| Economie van de nacht | 1 → **2** | +1 | 29% → **33%** |" in output
    assert "### Opgeloste bevindingen (0)" in output
    assert status == 1  # the new finding is an error


def test_fail_level_above_the_new_findings_passes(repo: Path) -> None:
    camera = repo / "measures" / "cameratoezicht.yml"
    camera.write_text(
        camera.read_text(encoding="utf-8").replace("score: -2", "score: -1"), encoding="utf-8"
    )
    status, output = diff("v1", "--project", str(repo))
    assert "waarschuwing unmitigated-side-effect measures/cameratoezicht.yml:19:3" in output
    assert status == 0
    assert diff("v1", "--project", str(repo), "--fail-on", "warning")[0] == 1


def test_resolved_findings_are_listed_and_do_not_fail(repo: Path) -> None:
    status, output = diff("HEAD", "v1", "--project", str(repo))
    assert "- nachtburgemeester Nachtburgemeester" in output
    assert "Nieuwe bevindingen (0):" in output
    assert "Opgeloste bevindingen (1):\n  fout unmitigated-side-effect" in output
    assert status == 0


def test_revisions_are_read_without_touching_the_working_tree(repo: Path) -> None:
    marker = repo / "measures" / "testservice.yml"
    marker.write_text(marker.read_text(encoding="utf-8") + "# lokaal\n", encoding="utf-8")
    before = git(repo, "status", "--porcelain")
    diff("v1", "HEAD", "--project", str(repo))
    assert git(repo, "status", "--porcelain") == before
    assert marker.read_text(encoding="utf-8").endswith("# lokaal\n")


def test_between_directories(tmp_path: Path) -> None:
    head = tmp_path / "head"
    shutil.copytree(BASE, head)
    (head / "measures" / "nachtburgemeester.yml").write_text(NEW_MEASURE, encoding="utf-8")
    status, output = diff(str(BASE), str(head))
    assert "+ nachtburgemeester Nachtburgemeester" in output
    assert "1 toegevoegd, 0 verwijderd, 0 gewijzigd; 0 nieuwe en 0 opgeloste" in output
    assert status == 0


def test_text_shows_scores_per_domain_by_name(repo: Path) -> None:
    _, output = diff("v1", "HEAD", "--project", str(repo))
    assert (
        "+ nachtburgemeester Nachtburgemeester\n"
        "    Veiligheid in het uitgaansgebied: +1 ondersteunend\n"
        "    Gezondheid van bezoekers: 0 neutraal\n"
        "    Economie van de nacht: +1 ondersteunend\n"
        "~ cameratoezicht Cameratoezicht op pleinen: gewijzigd: effecten\n"
        "    Economie van de nacht: -1 → -2\n"
    ) in output


def test_only_changed_scores_are_listed_with_the_new_name(tmp_path: Path) -> None:
    """Names come from the head version; a score from 0 is written as 0, not +0."""
    head = tmp_path / "head"
    shutil.copytree(BASE, head)
    camera = head / "measures" / "cameratoezicht.yml"
    camera.write_text(
        camera.read_text(encoding="utf-8")
        .replace("    score: 0\n", "    score: -2\n    rationale: Minder bezoekers.\n")
        .replace("Snellere inzet bij incidenten.", "Sneller ter plaatse."),
        encoding="utf-8",
    )
    domain = head / "domains" / "gezondheid.yml"
    domain.write_text(
        domain.read_text(encoding="utf-8").replace("Gezondheid van bezoekers", "Gezondheid"),
        encoding="utf-8",
    )
    _, output = diff(str(BASE), str(head))
    lines = output.splitlines()
    changed = lines.index("~ cameratoezicht Cameratoezicht op pleinen: gewijzigd: effecten")
    assert lines[changed + 1 : changed + 3] == ["    Gezondheid: 0 → -2", ""]
    _, markdown = diff(str(BASE), str(head), "--format", "markdown")
    assert "- ✏️ `cameratoezicht` Cameratoezicht op pleinen: gewijzigd: effecten\n" in markdown
    assert "  - Gezondheid: 0 → -2\n\n### Dekking" in markdown


def test_a_domain_only_the_base_knows_is_named_from_the_base(tmp_path: Path) -> None:
    """Head drops economie and the measure's score on it: the name comes from the base.

    A domain neither version has (a typo in a new measure) is shown by its id.
    """
    head = tmp_path / "head"
    shutil.copytree(BASE, head)
    (head / "domains" / "economie.yml").unlink()
    camera = head / "measures" / "cameratoezicht.yml"
    text = camera.read_text(encoding="utf-8")
    camera.write_text(text[: text.index("  economie:")], encoding="utf-8")
    new = NEW_MEASURE.replace("  economie: {", "  economy: {")
    (head / "measures" / "nachtburgemeester.yml").write_text(new, encoding="utf-8")
    _, output = diff(str(BASE), str(head))
    assert "    Economie van de nacht: -1 → —\n" in output
    assert "    economy: +1 ondersteunend\n" in output


def test_new_findings_are_listed_errors_first(tmp_path: Path) -> None:
    """An error in a later file comes before a warning and a note in an earlier one."""
    head = tmp_path / "head"
    shutil.copytree(BASE, head)
    leads = NEW_MEASURE.replace(
        "  - {id: horeca, role: lead}", "  - {id: horeca, role: lead}\n  - {id: ggd, role: lead}"
    )
    (head / "measures" / "aaa.yml").write_text(leads, encoding="utf-8")  # many-leads: warning
    typo = NEW_MEASURE.replace("{id: horeca", "{id: horica")
    (head / "measures" / "zzz.yml").write_text(typo, encoding="utf-8")  # unknown-reference
    status, output = diff(str(BASE), str(head))
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Nieuwe bevindingen"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Opgeloste bevindingen"))
    listed = [line.split()[:3] for line in lines[start + 1 : end]]
    assert listed == [
        ["fout", "unknown-reference", "measures/zzz.yml:7:10:"],
        ["waarschuwing", "many-leads", "measures/aaa.yml:8:21:"],
        ["waarschuwing", "unsupported-domain", "measures/zzz.yml:10:15:"],
        ["waarschuwing", "unsupported-domain", "measures/zzz.yml:12:13:"],
        ["melding", "portfolio-incomplete", "(portefeuille):"],
    ]
    assert status == 1


def _paused_repository(tmp_path: Path) -> Path:
    """Base: a measure without a lead (no-lead) and a domain uncovered in the plan. Head:
    the same, plus a partner file with one unknown key, which the measure names."""
    base = tmp_path / "base"
    shutil.copytree(BASE, base)
    camera = base / "measures" / "cameratoezicht.yml"
    camera.write_text(camera.read_text("utf-8").replace("role: lead", "role: partner"), "utf-8")
    (base / "speelveld.yml").write_text(
        "rules: {domain-uncovered: {min_measures_per_domain: 5}}\n", "utf-8"
    )
    head = tmp_path / "head"
    shutil.copytree(base, head)
    partner = head / "stakeholders" / "politie.yml"
    partner.write_text(partner.read_text("utf-8") + "website: https://example.org\n", "utf-8")
    return head


@pytest.mark.parametrize("format_", ["text", "markdown"])
def test_findings_held_up_by_an_input_error_wait_and_are_not_solved(
    tmp_path: Path, format_: str
) -> None:
    head = _paused_repository(tmp_path)
    assert "id: politie" in (head / "measures" / "cameratoezicht.yml").read_text("utf-8")
    status, output = diff(str(tmp_path / "base"), str(head), "--format", format_)
    assert "Opgeloste bevindingen (0)" in output
    assert "Wachtend op invoerfouten (" in output
    waiting = output[output.index("Wachtend op invoerfouten") :]
    assert "no-lead" in waiting  # the measure names the partner with the error
    assert "domain-uncovered" in waiting  # the portfolio rules did not run
    assert "wachten op invoerfouten" in output.splitlines()[1 if format_ == "text" else 2]
    new = output[output.index("Nieuwe bevindingen") : output.index("Opgeloste bevindingen")]
    assert "schema" in new
    assert "depends-on-error" in new
    assert status == 1  # the unknown key is a new error


#: The keys of a measure file: none may stand in what a reviewer or alderman reads.
MEASURE_KEYS = [key for key in Measure.model_fields if key != "id"]


def _keys_in(text: str) -> list[str]:
    """The keys of a measure file in ``text``, not counting file paths."""
    plain = re.sub(r"\S+\.yml\b", "", text)
    return [key for key in MEASURE_KEYS if re.search(rf"\b{key}\b", plain)]


@pytest.mark.parametrize("format_", ["text", "markdown"])
def test_changed_fields_are_named_as_readers_know_them(repo: Path, format_: str) -> None:
    camera = repo / "measures" / "cameratoezicht.yml"
    text = camera.read_text("utf-8").replace("status: running", "status: evaluated")
    camera.write_text(text.replace("governance: hierarchical", "governance: mixed"), "utf-8")
    _, output = diff("v1", "--project", str(repo), "--format", format_)
    assert "status: running" in (BASE / "measures" / "cameratoezicht.yml").read_text("utf-8")
    changed = next(line for line in output.splitlines() if "cameratoezicht" in line)
    assert changed.endswith("gewijzigd: stand, sturing, effecten"), changed
    assert _keys_in(output[: output.index("Nieuwe bevindingen")]) == []


def test_every_field_a_change_can_name_has_a_dutch_name() -> None:
    """A field added to measures without a title would be named by its key in a diff."""
    names = {key: field_name(key) for key in MEASURE_KEYS}
    assert [key for key, name in names.items() if name == key or not name] == []
    assert names["effects"] == "effecten"


def test_the_changes_page_lists_waiting_findings_apart_and_names_fields_in_dutch(
    tmp_path: Path,
) -> None:
    """The page renders a comparison whose newer version waits on an input error; the site
    itself is never built from such a version, but the page must not call them solved."""
    head = _paused_repository(tmp_path)
    camera = head / "measures" / "cameratoezicht.yml"
    camera.write_text(camera.read_text("utf-8").replace("status: running", "status: evaluated"))
    base_report, head_report = check(tmp_path / "base"), check(head)
    comparison = compare(base_report, head_report, "raadsbesluit-2025", "deze versie")
    page = render_pages(replace(base_report, comparison=comparison), SiteOptions())[
        "wijzigingen.md"
    ]
    solved = page[page.index("## Opgeloste bevindingen") : page.index("## Nog niet opnieuw")]
    assert "Geen." in solved
    waiting = page[page.index("## Nog niet opnieuw getoetst") :]
    assert "geen enkele partner is trekker" in waiting
    assert "domain-uncovered" in waiting
    assert re.search(r"Cameratoezicht op pleinen\]\([^)]*\): stand\n", page), page
    body = page.split("---\n", 2)[2]  # after the front matter, which is YAML of the page
    assert _keys_in(body) == []


#: A scenario that adopts nothing: the policy in force alone, with its findings.
SCENARIO = "title: Niets nieuws\ndescription: Alleen het geldende beleid.\n"


@pytest.fixture
def one_sided(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions as folders; only the second has the scenario ``niets-nieuws``."""
    before, after = tmp_path / "voor", tmp_path / "na"
    shutil.copytree(BASE, before)
    shutil.copytree(BASE, after)
    (after / "scenarios").mkdir()
    (after / "scenarios" / "niets-nieuws.yml").write_text(SCENARIO, encoding="utf-8")
    findings = check(after).portfolios["niets-nieuws"].findings
    assert [f for f in findings if f.counts], "the scenario must have findings to leave out"
    return before, after


@pytest.mark.parametrize("portfolio", ["niets-nieuws", "all"])
@pytest.mark.parametrize("order", ["added", "removed"])
def test_a_scenario_on_one_side_only_is_named_and_compared_with_nothing(
    one_sided: tuple[Path, Path], portfolio: str, order: str
) -> None:
    before, after = one_sided if order == "added" else reversed(one_sided)
    for format_ in ("text", "markdown"):
        status, output = diff(
            str(before), str(after), "--portfolio", portfolio, "--format", format_
        )
        assert status == 0, output
        absent, only = one_sided
        assert (
            f"Let op: het scenario 'niets-nieuws' bestaat alleen in {only}, niet in {absent}; "
            "voor dit scenario is niets vergeleken."
        ) in output
        assert "[niets-nieuws]" not in output
        assert "0 nieuwe en 0 opgeloste bevindingen" in output


def test_a_scenario_on_both_sides_is_compared_without_a_note(
    one_sided: tuple[Path, Path],
) -> None:
    _, after = one_sided
    status, output = diff(str(after), str(after), "--portfolio", "niets-nieuws")
    assert status == 0
    assert "Let op" not in output

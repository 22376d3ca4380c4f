"""``speelveld diff`` between git revisions and between directories."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld.cli import main

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
        "- ✏️ `cameratoezicht` Cameratoezicht op pleinen: gewijzigd effects\n"
        "  - Economie van de nacht: -1 → -2\n"
    ) in output
    assert "error `unmitigated-side-effect` measures/cameratoezicht.yml:19:3" in output
    assert "| `economie` | 1 → **2** | +1 | 29% → **33%** |" in output
    assert "### Opgeloste bevindingen (0)" in output
    assert status == 1  # the new finding is an error


def test_fail_level_above_the_new_findings_passes(repo: Path) -> None:
    camera = repo / "measures" / "cameratoezicht.yml"
    camera.write_text(
        camera.read_text(encoding="utf-8").replace("score: -2", "score: -1"), encoding="utf-8"
    )
    status, output = diff("v1", "--project", str(repo))
    assert "warning unmitigated-side-effect measures/cameratoezicht.yml:19:3" in output
    assert status == 0
    assert diff("v1", "--project", str(repo), "--fail-on", "warning")[0] == 1


def test_resolved_findings_are_listed_and_do_not_fail(repo: Path) -> None:
    status, output = diff("HEAD", "v1", "--project", str(repo))
    assert "- nachtburgemeester Nachtburgemeester" in output
    assert "Nieuwe bevindingen (0):" in output
    assert "Opgeloste bevindingen (1):\n  error unmitigated-side-effect" in output
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
        "~ cameratoezicht Cameratoezicht op pleinen: gewijzigd effects\n"
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
    changed = lines.index("~ cameratoezicht Cameratoezicht op pleinen: gewijzigd effects")
    assert lines[changed + 1 : changed + 3] == ["    Gezondheid: 0 → -2", ""]
    _, markdown = diff(str(BASE), str(head), "--format", "markdown")
    assert "- ✏️ `cameratoezicht` Cameratoezicht op pleinen: gewijzigd effects\n" in markdown
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
        ["error", "unknown-reference", "measures/zzz.yml:7:10:"],
        ["warning", "many-leads", "measures/aaa.yml:8:21:"],
        ["warning", "unsupported-domain", "measures/zzz.yml:10:15:"],
        ["warning", "unsupported-domain", "measures/zzz.yml:12:13:"],
        ["info", "portfolio-incomplete", "(portefeuille):"],
    ]
    assert status == 1

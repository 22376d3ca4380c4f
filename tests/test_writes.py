"""Nothing a command writes lands on what the project reads, and no file is written by half.

MkDocs empties ``site_dir`` before it builds and ``speelveld render`` replaces ``--out``
whole; ``--output`` and ``--out`` replace a file. Each is pointed here at every kind of
input (a data folder, ``docs/``, the project root, a folder above it, ``speelveld.yml``, a
data file, ``mkdocs.yml``): each must refuse in Dutch with a non-zero exit, and every file
of the project must be as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from speelveld import inputs
from speelveld.cli import main
from speelveld.kinds import KINDS

from .conftest import BASE, MKDOCS_YML
from .test_faults import ENVIRONMENT, fingerprint, no_traceback

SCENARIO = "title: Alles\ndescription: Elk voorstel.\nadopt: [testservice]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The base project with every data folder, a page in docs/ and a speelveld.yml."""
    folder = tmp_path / "project"
    shutil.copytree(BASE, folder)
    (folder / "scenarios").mkdir()
    (folder / "scenarios" / "alles.yml").write_text(SCENARIO, "utf-8")
    (folder / "docs").mkdir()
    (folder / "docs" / "over.md").write_text("# Over\n\nTekst.\n", "utf-8")
    (folder / "speelveld.yml").write_text(
        "rules: {owner-concentration: {min_owner_count: 1}}\n", "utf-8"
    )
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    return folder


def everything(folder: Path) -> dict[str, str]:
    """Every file under the folder above the project, so that a write anywhere shows."""
    return fingerprint(folder.parent)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def mkdocs_build(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), *args],
        capture_output=True,
        text=True,
        check=False,
        env=ENVIRONMENT,
    )


@pytest.mark.parametrize(
    "site_dir",
    [*(kind.folder for kind in KINDS), "measures/site", "docs", "docs/site", ".", ".."],
)
def test_a_site_dir_on_what_the_project_reads_is_refused(project: Path, site_dir: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(MKDOCS_YML + f"site_dir: {site_dir}\n", "utf-8")
    before = everything(project)
    result = mkdocs_build(config)
    assert result.returncode != 0, result.stderr
    no_traceback(result.stderr)
    assert everything(project) == before
    if not site_dir.startswith(("docs", ".")):  # MkDocs refuses these itself, in English
        assert f"site_dir '{project / site_dir}' " in result.stderr, result.stderr
        assert "er is niets geschreven of verwijderd" in result.stderr


@pytest.fixture
def apart(project: Path) -> Path:
    """A site configured in a folder of its own, whose plugin reads a project elsewhere:
    ``website/mkdocs.yml`` beside ``gegevens/project``."""
    shutil.move(project, project.parent / "gegevens" / "project")
    site_config = project.parent / "website"
    site_config.mkdir()
    (site_config / "docs").mkdir()
    option = "  - speelveld:\n      project_dir: ../gegevens/project\n"
    (site_config / "mkdocs.yml").write_text(MKDOCS_YML.replace("  - speelveld\n", option), "utf-8")
    return site_config / "mkdocs.yml"


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        ("../gegevens/project", "is de projectmap"),
        ("../gegevens", "bevat de projectmap"),
        ("../gegevens/project/measures", "is de datamap measures/"),
        ("../gegevens/project/domains/site", "ligt in de datamap domains/"),
    ],
)
def test_the_plugin_refuses_a_project_it_reads_from_elsewhere(
    apart: Path, site_dir: str, says: str
) -> None:
    """MkDocs only guards its own docs_dir; the project the plugin reads is guarded too."""
    apart.write_text(apart.read_text("utf-8") + f"site_dir: {site_dir}\n", "utf-8")
    before = everything(apart.parent)
    result = mkdocs_build(apart)
    assert result.returncode == 1
    no_traceback(result.stderr)
    assert says in result.stderr, result.stderr
    assert everything(apart.parent) == before


def test_a_site_dir_apart_from_the_project_builds(apart: Path) -> None:
    apart.write_text(apart.read_text("utf-8") + "site_dir: ../site\n", "utf-8")
    result = mkdocs_build(apart)
    assert result.returncode == 0, result.stderr
    assert (apart.parent.parent / "site" / "maatregelen" / "testservice" / "index.html").is_file()


@pytest.mark.parametrize(
    ("out", "says"),
    [
        ("measures", "is de datamap measures/"),
        ("stakeholders/site", "ligt in de datamap stakeholders/"),
        ("docs", "is de map docs/"),
        (".", "is de projectmap"),
        ("..", "bevat de projectmap"),
    ],
)
def test_render_refuses_an_out_on_what_the_project_reads(
    project: Path, out: str, says: str
) -> None:
    before = everything(project)
    status, output = run("render", str(project), "--out", str(project / out))
    assert status == 2
    assert says in output, output
    assert everything(project) == before


#: Every command that writes one file, with the option that names it.
WRITERS = {
    "check": ("check", "{project}", "--output"),
    "export xlsx": ("export", "xlsx", "--project", "{project}", "--out"),
    "export pdf": ("export", "pdf", "--project", "{project}", "--out"),
}
#: Every kind of file a run reads.
READ = ("speelveld.yml", "measures/testservice.yml", "mkdocs.yml", "scenarios/alles.yml")


@pytest.mark.parametrize("target", READ)
@pytest.mark.parametrize("writer", WRITERS)
def test_no_command_writes_over_a_file_the_project_reads(
    project: Path, writer: str, target: str
) -> None:
    before = everything(project)
    args = [a.format(project=project) for a in WRITERS[writer]]
    status, output = run(*args, str(project / target))
    assert status == 2, output
    assert "kies een ander bestand" in output, output
    assert everything(project) == before


@pytest.mark.posix
def test_no_command_writes_over_a_link_to_a_file_the_project_reads(project: Path) -> None:
    link = project.parent / "rapport.txt"
    link.symlink_to(project / "speelveld.yml")
    before = everything(project)
    status, output = run("check", str(project), "--output", str(link))
    assert status == 2
    assert "speelveld.yml" in output
    assert everything(project) == before


@pytest.mark.parametrize("writer", WRITERS)
def test_no_file_is_written_into_a_data_folder(project: Path, writer: str) -> None:
    before = everything(project)
    args = [a.format(project=project) for a in WRITERS[writer]]
    status, output = run(*args, str(project / "measures" / "uitvoer.txt"))
    assert status == 2
    assert "ligt in de datamap measures/" in output, output
    assert everything(project) == before


def test_schemas_are_not_written_into_a_data_folder(project: Path) -> None:
    before = everything(project)
    status, output = run("schema", str(project), "--output", str(project / "domains"))
    assert status == 2
    assert "ligt in de datamap domains/" in output, output
    assert everything(project) == before


@pytest.mark.posix
def test_a_report_replaces_its_file_whole_and_keeps_its_mode(project: Path) -> None:
    report = project.parent / "rapport.json"
    report.write_text("oud", "utf-8")
    report.chmod(0o640)
    status, _ = run("check", str(project), "--format", "json", "--output", str(report))
    assert status == 0
    assert report.read_text("utf-8").startswith("{")
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in project.parent.iterdir()) == ["project", "rapport.json"]


def test_a_failed_write_leaves_the_old_file_and_nothing_beside_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = project.parent / "rapport.txt"
    report.write_text("oud", "utf-8")

    def full(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(inputs.os, "replace", full)
    status, output = run("check", str(project), "--output", str(report))
    assert status == 2
    assert "kan" in output
    assert "de schijf is vol" in output
    assert report.read_text("utf-8") == "oud"
    assert sorted(p.name for p in project.parent.iterdir()) == ["project", "rapport.txt"]


@pytest.mark.posix
def test_a_report_through_a_link_replaces_the_file_it_leads_to(project: Path) -> None:
    real = project.parent / "uit" / "rapport.txt"
    real.parent.mkdir()
    real.write_text("oud", "utf-8")
    link = project.parent / "rapport.txt"
    link.symlink_to(real)
    assert run("check", str(project), "--output", str(link))[0] == 0
    assert link.is_symlink()
    assert "bestanden gecontroleerd" in real.read_text("utf-8")
    assert os.listdir(real.parent) == ["rapport.txt"]


@pytest.mark.posix
def test_the_inputs_are_where_links_lead_whether_the_folder_or_the_file_is_the_link(
    tmp_path: Path,
) -> None:
    """A data file that is a link, and a data folder that is one, are compared where they
    lead, as ``realpath`` of each whole path would give."""
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    elsewhere = tmp_path / "elders"
    shutil.move(root / "instruments", elsewhere)
    os.symlink(elsewhere, root / "instruments")
    kept = root / "kept.yml"
    shutil.move(root / "measures" / "testservice.yml", kept)
    os.symlink(kept, root / "measures" / "testservice.yml")
    names = [
        str(path.relative_to(root))
        for kind in KINDS
        for path in sorted((root / kind.folder).glob("*.yml"))
    ]
    found = inputs.Inputs.of(root, data_files=names).files
    assert {inputs.real(root / name) for name in names} <= found
    assert kept in found
    assert elsewhere / "apv.yml" in found
    refusal = inputs.output_refusal(kept, inputs.Inputs.of(root, data_files=names))
    assert "kept.yml" in refusal

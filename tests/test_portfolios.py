"""The policy in force, the plan and the scenarios: on the Rapport, and through one way.

``tests/scenarios/`` lays two scenarios, an internal proposal and a site over the base
project. The base's policy in force (cameratoezicht, keurmerk) leaves gezondheid uncovered;
the plan and both scenarios add the testservice, which serves it.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

import speelveld
from speelveld import analysis, pipeline
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import BASE, REPOSITORY

SCENARIOS = REPOSITORY / "tests" / "scenarios"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = shutil.copytree(BASE, tmp_path / "project")
    shutil.copytree(SCENARIOS, folder, dirs_exist_ok=True)
    return folder


def test_each_portfolio_is_judged_on_its_own_measures(project: Path) -> None:
    report = check(project, internal=False)
    assert list(report.portfolios) == ["in-force", "plan", "met-testservice", "zonder-camera"]
    measures = {p.id: set(p.measures) for p in report.portfolios.values()}
    assert measures == {
        "in-force": {"cameratoezicht", "keurmerk-clubs"},
        "plan": {"cameratoezicht", "keurmerk-clubs", "testservice"},
        "met-testservice": {"cameratoezicht", "keurmerk-clubs", "testservice"},
        "zonder-camera": {"keurmerk-clubs", "testservice"},
    }
    uncovered = {
        p.id for p in report.portfolios.values() for f in p.findings if f.code == "domain-uncovered"
    }
    assert uncovered == {"in-force"}
    assert all(f.portfolio == p.id for p in report.portfolios.values() for f in p.findings)


def test_the_rapport_shows_diagnosis_plan_and_the_options_side_by_side(project: Path) -> None:
    rapport = render_pages(check(project, internal=False), SiteOptions())["rapport.md"]
    # A heading's own text, without the attribute list that keeps a section out of the search.
    headings = re.findall(r"^## (.+?)(?: \{[^}]*\})?$", rapport, re.M)
    assert headings[:4] == [
        "In het kort",
        "Het geldende beleid",
        "Wat het plan verandert",
        "De opties naast elkaar",
    ]
    diagnosis = rapport.split("## Het geldende beleid")[1].split("## Wat het plan verandert")[0]
    assert "(domeinen/gezondheid.md): Gezondheid van bezoekers heeft 0" in diagnosis
    solved = rapport.split("### Opgelost door het plan")[1].split("###")[0]
    assert "gezondheid" in solved
    options = rapport.split("## De opties naast elkaar")[1].split("\n## ")[0]
    rows = [line for line in options.splitlines() if line.startswith("| [")]
    # Options as rows: the first table has one row per option, policy in force first.
    assert [row.split("](")[0] for row in rows[:4]] == [
        "| [Nuloptie \\(geldend beleid\\)",
        "| [Plan",
        "| [Met de testservice",
        "| [Testservice in plaats van camera's",
    ]
    assert rows[0].split(" | ")[1:3] == ["2", "1 knelpunt, 1 zorgpunt"]
    health = next(line for line in options.splitlines() if line.startswith("| [Gezondheid"))
    # In force: nothing; plan and both scenarios: the testservice.
    assert health.split(" | ")[1:] == ["0", "1", "1", "1", ""]


def test_a_scenario_has_a_page_with_what_it_adopts_and_stops(project: Path) -> None:
    pages = render_pages(check(project, internal=False), SiteOptions())
    page = pages["scenarios/zonder-camera.md"]
    assert page.startswith('---\ntitle: "Testservice in plaats van camera&#x27;s"')
    adopts = page.split("## Voert in")[1].split("##")[0]
    stops = page.split("## Stopt")[1].split("##")[0]
    assert "[Testservice voor drugs](../maatregelen/testservice.md)" in adopts
    assert "[Cameratoezicht op pleinen](../maatregelen/cameratoezicht.md)" in stops
    assert "Bron: Voorbeeldnota" in pages["scenarios/met-testservice.md"]


def test_the_home_page_says_per_option_what_it_changes(project: Path) -> None:
    home = render_pages(check(project, internal=False), SiteOptions())["index.md"]
    options = home.split("### De opties")[1].split("###")[0]
    lines = [line for line in options.splitlines() if line.startswith("- **[")]
    assert [line.split("]")[0] for line in lines] == [
        "- **[Plan",
        "- **[Met de testservice",
        "- **[Testservice in plaats van camera's",
    ]
    solved = [line.split("Lost op: ")[1].split(".")[0].split("; ") for line in lines]
    assert all("Domein niet gedekt (Gezondheid)" in problems for problems in solved)
    assert "Blijft open: Eigenaarschap te geconcentreerd." in lines[2]
    decide = home.split("### Te besluiten")[1]
    assert "**Domein niet gedekt (Gezondheid)**: elke optie lost dit op." in decide


def test_the_public_report_never_analyses_the_internal_measure(project: Path) -> None:
    public, internal = check(project, internal=False), check(project)
    assert "nachtloket" not in public.project.measures
    assert all("nachtloket" not in p.measures for p in public.portfolios.values())
    assert "nachtloket" in internal.plan.measures
    assert not any("nachtloket" in f.path for f in public.findings)


class _Counter:
    def __init__(self, function: Any) -> None:
        self.function = function
        self.calls: list[Any] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(args)
        return self.function(*args, **kwargs)


def test_one_build_loads_each_version_once_and_analyses_each_portfolio_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with an internal measure, two scenarios and ``compare_with``."""
    earlier = shutil.copytree(project, tmp_path / "earlier")
    (project / "speelveld.yml").write_text(f"compare_with: {earlier}\n", "utf-8")
    loads = _Counter(pipeline.load_project)
    analyses = _Counter(pipeline.analyse)
    summaries = _Counter(analysis.summarise)
    monkeypatch.setattr(pipeline, "load_project", loads)
    monkeypatch.setattr(pipeline, "analyse", analyses)
    monkeypatch.setattr(analysis, "summarise", summaries)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    assert (tmp_path / "site" / "scenarios" / "zonder-camera" / "index.html").is_file()
    changes = (tmp_path / "site" / "wijzigingen" / "index.html").read_text("utf-8")
    assert "Geen maatregelen toegevoegd, verwijderd of gewijzigd." in changes
    assert sorted(Path(call[0]).name for call in loads.calls) == ["earlier", "project"]
    assert len(analyses.calls) == 2  # this version and the earlier one
    assert len(summaries.calls) == 2 * 4  # per version: in force, plan, two scenarios


def test_nothing_under_render_loads_analyses_or_compares() -> None:
    forbidden = {"loader", "project", "analysis", "compare", "pipeline", "audience"}
    render = Path(speelveld.__file__).parent / "render"
    for module in render.glob("*.py"):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported = node.module.split(".")
                assert not forbidden & set(imported), f"{module.name} imports {node.module}"


def test_a_synthetic_project_has_three_valid_scenarios(tmp_path: Path) -> None:
    from speelveld.demo import generate, write

    files = generate(60, 4, seed=7, errors=False)
    write(files, tmp_path / "demo")
    report = check(tmp_path / "demo")
    assert [f for f in report.findings if f.severity.label == "error" and not f.portfolio] == []
    in_force = set(report.portfolios["in-force"].measures)
    proposed = set(report.plan.measures) - in_force
    everything = report.portfolios["alle-voorstellen"]
    assert set(everything.measures) == in_force | proposed
    half = set(report.portfolios["de-helft"].measures)
    assert in_force < half < in_force | proposed
    assert len(half - in_force) == round(len(proposed) / 2)
    reshaped = set(report.portfolios["omvormen"].measures)
    assert len(in_force - reshaped) == round(len(in_force) / 10)

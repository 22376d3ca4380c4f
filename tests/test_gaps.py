"""The site publishes the gaps it exists to show; only input errors stop a build."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from speelveld.catalogue import CATALOGUE

from .conftest import BASE, build
from .test_site import MKDOCS_YML, fingerprint


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def gaps(site_project: Path) -> Path:
    """The base project with an uncovered domain and a measure without a lead."""
    folder = site_project
    # The test service is the only measure serving health: stopped, health is uncovered.
    edit(folder / "measures/testservice.yml", "status: proposed", "status: stopped")
    edit(folder / "measures/keurmerk-clubs.yml", "role: lead", "role: partner")
    return folder


def main_text(page: Path) -> str:
    """The article of a built page, without the theme's navigation."""
    html = page.read_text("utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def section(html: str, heading: str) -> str:
    """The part of ``html`` from the ``<h2>`` whose text starts with ``heading`` to the next."""
    parts = re.split(r"<h2[^>]*>", html)
    matches = [p for p in parts if re.sub(r"<[^>]+>", "", p).startswith(heading)]
    assert matches, f"no section {heading!r}"
    return matches[0]


def test_a_portfolio_with_policy_errors_is_published_with_them(gaps: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(gaps, site)
    assert result.returncode == 0, result.stderr
    assert "bevindingen over het beleid: 2 fouten" in result.stderr

    home = main_text(site / "index.html")
    rapport = main_text(site / "rapport/index.html")
    for page in (home, rapport):
        assert 'href="domeinen/gezondheid/"' in page or 'href="../domeinen/gezondheid/"' in page
        assert "Keurmerk voor clubs" in page
    errors_first = section(rapport, "Alle bevindingen over het plan")
    assert errors_first.index("Knelpunten") < errors_first.index("Zorgpunten")
    for code in ("domain-uncovered", "no-lead"):
        assert CATALOGUE[code].summary in rapport

    domain = main_text(site / "domeinen/gezondheid/index.html")
    assert "Knelpunt" in section(domain, "Bevindingen")
    measure = main_text(site / "maatregelen/keurmerk-clubs/index.html")
    assert "Knelpunt" in section(measure, "Bevindingen")


def test_the_infographic_marks_the_uncovered_domain(gaps: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(gaps, site).returncode == 0
    html = (site / "speelveld/index.html").read_text("utf-8")
    data = re.search(r'<script type="application/json" id="speelveld-data">(.*?)</script>', html)
    assert data is not None
    figure = json.loads(data.group(1))
    views = figure["rings"]["views"]
    # The gap is in every view here; the infographic opens on the policy in force.
    assert figure["rings"]["view"] == "in-force"
    for view in ("in-force", "plan"):
        assert "gezondheid" in views[view]["uncovered"], view
        assert "veiligheid" not in views[view]["uncovered"], view
    domains = figure["rings"]["segments"][-1]
    assert ["domain", "gezondheid"] in domains


def with_fail_on(project: Path, level: str) -> None:
    edit(project / "mkdocs.yml", "  - speelveld\n", f"  - speelveld:\n      fail_on: {level}\n")


def test_fail_on_error_stops_the_build_and_keeps_the_old_site(gaps: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(gaps, site).returncode == 0
    before = fingerprint(site)
    with_fail_on(gaps, "error")
    result = build(gaps, site)
    assert result.returncode != 0
    assert "fail_on is 'error'" in result.stderr
    assert "domain-uncovered" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_fail_on_lets_a_build_below_the_level_pass(tmp_path: Path) -> None:
    """The base project has warnings and no errors: fail_on error builds, warning does not."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (project / "speelveld.yml").write_text(
        "rules: {owner-concentration: {min_owner_count: 5}}\n", "utf-8"
    )
    with_fail_on(project, "error")
    assert build(project, tmp_path / "a").returncode == 0
    with_fail_on_level = (project / "mkdocs.yml").read_text("utf-8").replace("error", "warning")
    (project / "mkdocs.yml").write_text(with_fail_on_level, "utf-8")
    result = build(project, tmp_path / "b")
    assert result.returncode != 0
    assert "owner-concentration" in result.stderr
    assert not (tmp_path / "b").exists()


def test_an_unknown_fail_on_is_a_configuration_error(gaps: Path, tmp_path: Path) -> None:
    with_fail_on(gaps, "sometimes")
    result = build(gaps, tmp_path / "site")
    assert result.returncode != 0
    assert "fail_on" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_schema_error_still_stops_the_build(gaps: Path, tmp_path: Path) -> None:
    edit(gaps / "measures/cameratoezicht.yml", "governance:", "sturing:")
    result = build(gaps, tmp_path / "site")
    assert result.returncode != 0
    assert "invoerfouten" in result.stderr
    assert "measures/cameratoezicht.yml:" in result.stderr
    assert " schema " in result.stderr
    assert not (tmp_path / "site").exists()


def test_another_theme_gets_a_dutch_warning(gaps: Path, tmp_path: Path) -> None:
    edit(gaps / "mkdocs.yml", "  name: material\n", "  name: mkdocs\n")
    result = build(gaps, tmp_path / "site")
    assert "ontworpen voor het thema material" in result.stderr

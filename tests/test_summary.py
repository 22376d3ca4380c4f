""" "In het kort": the first section of Home and of the Rapport, for the executive.

On the Amsterdam site and on projects of three and six domains on another theme, each with
a scenario, the first section of both pages is "In het kort", and it names every domain the
policy in force leaves uncovered and every scenario, as ``speelveld check --portfolio all
--format json`` reports them. Nothing there ranks a finding as the most serious.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from speelveld.cli import main

from .conftest import REPOSITORY, build
from .test_neutral import copy, six_domains

#: A scenario for the projects on another theme: the policy in force and one proposal.
SCENARIO = {
    "title": "Alleen de budgetcursus erbij",
    "description": "Het geldende beleid met de budgetcursus op scholen.",
    "adopt": ["budgetcursus-scholen"],
}


def with_scenario(project: Path) -> Path:
    (project / "scenarios").mkdir(exist_ok=True)
    (project / "scenarios" / "budgetcursus.yml").write_text(
        yaml.safe_dump(SCENARIO, allow_unicode=True), "utf-8"
    )
    return project


def with_a_gap(project: Path) -> Path:
    """Six domains, one of them served only by a proposal: a gap in the policy in force."""
    six_domains(project)
    for name, score in (("signalen-betalingsachterstand", 0), ("budgetcursus-scholen", 1)):
        file = project / "measures" / f"{name}.yml"
        data = yaml.safe_load(file.read_text("utf-8"))
        data["effects"]["kinderen"] = (
            {"score": score, "rationale": "Kinderen leren het vroeg."} if score else {"score": 0}
        )
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return project


#: The projects, with how many domains their policy in force leaves uncovered.
GAPS = {"amsterdam": 1, "three": 0, "six": 1}


@pytest.fixture(scope="module", params=list(GAPS))
def project_and_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Path]:
    if request.param == "amsterdam":
        return request.param, REPOSITORY, request.getfixturevalue("amsterdam")
    folder = tmp_path_factory.mktemp(request.param)
    project = with_scenario(copy(folder / "project"))
    if request.param == "six":
        with_a_gap(project)
    result = build(project, folder / "site")
    assert result.returncode == 0, result.stderr
    return request.param, project, folder / "site"


def main_sections(page: Path) -> list[tuple[str, str]]:
    """The h2 sections of a page's content: heading and text, tags stripped."""
    content = page.read_text("utf-8").split('<article class="md-content__inner')[1]
    content = content.split("</article>")[0]
    parts = re.split(r"<h2[^>]*>", content)[1:]
    sections = []
    for part in parts:
        heading, _, body = part.partition("</h2>")
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        name = html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("¶", "").strip()
        sections.append((name.rstrip("#").strip(), " ".join(text.split())))
    return sections


def reported(project: Path) -> dict[str, object]:
    result = CliRunner().invoke(
        main, ["check", str(project), "--portfolio", "all", "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def names(project: Path, folder: str, key: str) -> dict[str, str]:
    return {
        p.stem: " ".join(str(yaml.safe_load(p.read_text("utf-8"))[key]).split())
        for p in (project / folder).glob("*.yml")
    }


@pytest.mark.parametrize("page", ["index.html", "rapport/index.html"])
def test_the_page_opens_with_in_het_kort_naming_every_gap_and_every_scenario(
    project_and_site: tuple[str, Path, Path], page: str
) -> None:
    _, project, site = project_and_site
    sections = main_sections(site / page)
    assert sections[0][0] == "In het kort", [s[0] for s in sections]
    summary = sections[0][1]
    output = reported(project)
    findings = output["findings"]
    assert isinstance(findings, list)
    domains = names(project, "domains", "name")
    uncovered = {
        f["subject"].removeprefix("domain:")
        for f in findings
        if f["portfolio"] == "in-force" and f["code"] == "domain-uncovered"
    }
    for domain in uncovered:
        assert domains[domain] in summary, (domain, summary)
    portfolios = output["portfolios"]
    assert isinstance(portfolios, list)
    scenarios = [p for p in portfolios if p not in ("in-force", "plan")]
    titles = names(project, "scenarios", "title")
    assert sorted(scenarios) == sorted(titles)
    for scenario in scenarios:
        assert titles[scenario] in summary, (scenario, summary)
    assert "zwaarste" not in summary
    assert "ernstigste" not in summary


def test_the_projects_have_the_gaps_they_should(
    project_and_site: tuple[str, Path, Path],
) -> None:
    """So that the test above names a gap where there is one."""
    name, project, _ = project_and_site
    findings = reported(project)["findings"]
    assert isinstance(findings, list)
    gaps = [f for f in findings if f["portfolio"] == "in-force" and f["code"] == "domain-uncovered"]
    assert len(gaps) == GAPS[name]

"""Several scorers per effect: the median as the score, their spread on the measure page, and
their agreement on the Methode page once enough effects have several."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from speelveld.model import consensus
from speelveld.pipeline import check
from speelveld.render.pages import SiteOptions, render_pages

from .conftest import BASE, CASES, Case

HOSTILE = "<script>window.__pwned=1</script> & [link](javascript:alert(1))"


def test_the_measure_page_and_the_matrix_show_the_spread_of_the_scorers(tmp_path: Path) -> None:
    project = Case.read(CASES / "rules" / "scorers-disagree" / "fires").build(tmp_path / "p")
    report = check(project)
    effect = report.project.measures["testservice"].effects["economie"]
    assert effect.score == 0
    pages = render_pages(report, SiteOptions())
    row = next(
        line
        for line in pages["maatregelen/testservice.md"].splitlines()
        if line.startswith("| [Economie")
    )
    assert "0 neutraal (van -1 tot +2, 3 scorers)" in row
    assert "Scorers: Horecaondernemers -1 (Bezoekers blijven weg" in row
    assert "is); Wethouder Economie 0; Annet de Vries, GGD +2 (Een veilige nacht" in row
    matrix = next(
        line for line in pages["matrix.md"].splitlines() if line.startswith("| [Testservice")
    )
    # Veiligheid, gezondheid, economie: only economie has scorers, and they differ.
    assert matrix.split(" | ")[1:4] == ["0", "+2", "0 (-1 tot +2)"]


@pytest.mark.parametrize(
    ("scores", "median"),
    [
        ([-1, 0, 2], 0),
        ([2, -1, 0], 0),  # in any order
        ([1, 2], 1),  # +1.5 toward 0
        ([-2, -1], -1),  # -1.5 toward 0
        ([-3, 2], 0),  # -0.5 toward 0
        ([3, 3, -3, 1], 2),
    ],
)
def test_the_score_of_several_scorers_is_their_median_rounded_toward_zero(
    scores: list[int], median: int
) -> None:
    assert consensus(scores) == median


def test_hostile_text_of_a_scorer_stays_text(tmp_path: Path) -> None:
    project = Case.read(CASES / "rules" / "scorers-disagree" / "fires").build(tmp_path / "p")
    file = project / "measures" / "testservice.yml"
    data = yaml.safe_load(file.read_text("utf-8"))
    data["effects"]["economie"]["scores"][2] |= {"by": HOSTILE, "rationale": HOSTILE}
    file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    page = render_pages(check(project), SiteOptions())["maatregelen/testservice.md"]
    row = next(line for line in page.splitlines() if line.startswith("| [Economie"))
    assert "<script>" not in page
    assert "](javascript:" not in page
    assert row.count("&lt;script&gt;") == 2  # the name and the rationale, as typed


def scored(tmp_path: Path, effects: int, spread: int) -> Path:
    """The base project with ``effects`` effects scored by two scorers, ``spread`` apart."""
    folder = shutil.copytree(BASE, tmp_path / "project")
    done = 0
    for file in sorted((folder / "measures").glob("*.yml")):
        data = yaml.safe_load(file.read_text("utf-8"))
        for effect in data["effects"].values():
            if done == effects:
                break
            low = effect.pop("score")
            effect["scores"] = [
                {"by": "ggd", "score": low, "rationale": "Eerste oordeel."},
                {"by": "politie", "score": low, "rationale": "Tweede oordeel."},
            ]
            if spread:
                effect["scores"].append(
                    {"by": "horeca", "score": max(-3, low - spread), "rationale": "Anders."}
                )
            done += 1
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


def test_the_methode_reports_agreement_once_ten_effects_have_several_scorers(
    tmp_path: Path,
) -> None:
    """The nine effects of the base project: too few. With a measure more, twelve: enough."""
    nine = scored(tmp_path / "nine", 9, 0)
    assert check(nine).agreement is None
    assert "Krippendorff" not in render_pages(check(nine), SiteOptions())["methode.md"]
    ten = scored(tmp_path / "ten", 9, 0)
    extra = yaml.safe_load((ten / "measures" / "testservice.yml").read_text("utf-8"))
    extra["status"] = "running"
    extra["effects"]["gezondheid"] = {
        "scores": [{"by": "ggd", "score": 2}, {"by": "politie", "score": 2}],
        "rationale": "Minder incidenten.",
    }
    (ten / "measures" / "nachtloket.yml").write_text(yaml.safe_dump(extra), "utf-8")
    report = check(ten)
    assert report.agreement is not None
    assert report.agreement.effects == 12
    assert report.agreement.alpha == 1.0  # every pair agrees
    methode = render_pages(report, SiteOptions())["methode.md"]
    assert "**1,00**: goed" in methode


def test_scorers_far_apart_agree_weakly(tmp_path: Path) -> None:
    project = scored(tmp_path, 9, 3)
    extra = yaml.safe_load((project / "measures" / "testservice.yml").read_text("utf-8"))
    extra["effects"]["veiligheid"] = {
        "scores": [{"by": "ggd", "score": 2}, {"by": "horeca", "score": -1}],
        "rationale": "Oneens.",
    }
    (project / "measures" / "nachtloket.yml").write_text(yaml.safe_dump(extra), "utf-8")
    report = check(project)
    assert report.agreement is not None
    assert report.agreement.alpha < 0.667
    assert "zwak (onder 0,667)" in render_pages(report, SiteOptions())["methode.md"]

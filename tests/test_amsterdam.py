"""The embedded Amsterdam dataset: complete, sourced, and free of errors."""

from __future__ import annotations

import pytest

from speelveld.findings import Severity
from speelveld.pipeline import check

from .conftest import REPOSITORY


@pytest.fixture(scope="module")
def report():
    return check(REPOSITORY)


def test_no_errors_in_the_plan(report) -> None:
    assert [f for f in report.selected("plan") if f.severity is Severity.ERROR] == []


def test_the_four_domains_in_the_report_order(report) -> None:
    assert list(report.project.domains) == [
        "signalering",
        "seksuele-gezondheid",
        "normalisering",
        "handhaving",
    ]


def test_sizes_and_portfolio_holders(report) -> None:
    project = report.project
    assert len(project.stakeholders) >= 18
    assert len(project.instruments) >= 12
    assert len(project.measures) >= 12
    bestuur = {s for s, v in project.stakeholders.items() if v.sector == "bestuur"}
    assert {"burgemeester", "wethouder-zorg", "economische-zaken", "wonen", "werk"} <= bestuur


def test_every_entity_cites_the_report(report) -> None:
    project = report.project
    for kind in ("domains", "stakeholders", "instruments"):
        for entity in getattr(project, kind).values():
            assert (entity.source or "").startswith("Regioplan (2019)"), entity.id
    for measure in project.measures.values():
        assert any(s.startswith("Regioplan (2019)") for s in measure.sources), measure.id


def test_every_measure_assesses_every_domain_with_reasons(report) -> None:
    for measure in report.project.measures.values():
        assert set(measure.effects) == set(report.project.domains)
        for effect in measure.effects.values():
            assert effect.score == 0 or effect.rationale


def test_licensing_carries_its_known_side_effects(report) -> None:
    side = report.project.instruments["vergunningen"].side_effects
    assert side["normalisering"].score < 0
    assert side["signalering"].score < 0


def test_current_policy_carries_the_reports_diagnosis(report) -> None:
    """Regioplan (2019), aandachtspunt 2: normalisering gets relatively little attention.

    The policy in force today (adopted, running, evaluated) shows it; the report's
    recommendations, as proposals, are what lift it.
    """
    project = report.project
    today = report.portfolios["in-force"].coverage.domains
    threshold = project.config.min_domain_share
    assert today["normalisering"].share < threshold
    assert today["normalisering"].share < today["handhaving"].share
    assert report.coverage.domains["normalisering"].share > today["normalisering"].share


def test_the_rapport_shows_current_policy_beside_the_proposals(report) -> None:
    from speelveld.render.pages import SiteOptions, render_pages

    rapport = render_pages(report, SiteOptions())["rapport.md"]
    assert "## Het geldende beleid" in rapport
    assert rapport.count("](domeinen/normalisering.md)") >= 2

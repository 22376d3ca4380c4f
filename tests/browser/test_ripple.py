"""A six-domain project with a full matrix of interactions and effects that say when and
where they land, in a real browser: the Matrix draws the interactions and the plane of
influence and dependence, the Rapport its table of here and now, later and elsewhere, the
what-if page the indirect effects of a choice; and axe-core finds nothing serious.

The harness's ``site_page`` opens this project's site because this module overrides ``site``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from speelveld.interactions import totals
from speelveld.pipeline import check

from ..test_neutral import copy, ripple, six_domains
from .conftest import Site, SitePage, build_site, serve
from .test_site import CHARTS_DRAWN, assert_axe_clean

PAGES = ("/matrix/", "/rapport/", "/maatregelen/signalen-betalingsachterstand/", "/wat-als/")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ripple(six_domains(copy(tmp_path_factory.mktemp("ripple") / "project")))


@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with serve(build_site(project, tmp_path_factory.mktemp("ripple-site"))) as served:
        yield served


def open_drawn(site_page: SitePage, path: str) -> None:
    site_page.goto(path)
    site_page.page.wait_for_function(CHARTS_DRAWN)


@pytest.mark.parametrize("path", PAGES)
def test_the_pages_have_no_serious_accessibility_violation(
    site_page: SitePage, axe_source: Path, path: str
) -> None:
    open_drawn(site_page, path)
    assert_axe_clean(site_page, axe_source, f"six domains {path}")
    site_page.assert_clean()


def test_the_matrix_draws_the_interactions_and_the_plane(site_page: SitePage) -> None:
    open_drawn(site_page, "/matrix/")
    page = site_page.page
    heatmap = page.locator("#interacties .js-plotly-plot")
    assert heatmap.locator("g.hm").count() == 1
    # A dot and a name for every domain in the plane of influence and dependence.
    plane = page.locator("#invloed .js-plotly-plot")
    assert plane.locator("g.scatterlayer path.point").count() == 6
    names = plane.locator("g.scatterlayer g.textpoint text").all_inner_texts()
    assert len(names) == 6
    table = page.locator("#invloed-tabel table tbody tr")
    assert table.count() == 6
    box = plane.bounding_box()
    assert box is not None
    assert min(box["width"], box["height"]) > 200, box
    site_page.assert_clean()


def test_the_what_if_page_adds_the_indirect_effects_of_the_choice(
    site_page: SitePage, project: Path
) -> None:
    site_page.goto("/wat-als/")
    page = site_page.page
    headers = page.locator("#speelveld-wat-als-dekking thead th").all_inner_texts()
    assert headers[-1] == "Indirect (indicatief)"
    report = check(project)
    plan = report.portfolios["plan"]
    page.locator("input[name=speelveld-begin][value=plan]").check()
    expected = totals(report.indirect, plan.measures, report.project.domains)
    shown = {}
    for row in page.locator("#speelveld-wat-als-dekking tbody tr").all():
        cells = row.locator("th, td").all_inner_texts()
        shown[cells[0].strip()] = cells[-1].strip().replace("\u2212", "-").replace("+", "")
    names = {d.id: d.name for d in report.project.domains.values()}
    assert shown == {names[d]: str(score) for d, score in expected.items()}
    assert any(score for score in expected.values())
    site_page.assert_clean()

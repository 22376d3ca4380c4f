"""The Zensical route in a real browser (headless Chromium).

The site is made as reference/site-bouwers.md says: ``speelveld render --out build/zensical
--zensical`` and ``zensical build --strict -f build/zensical/mkdocs.yml``
in a copy of the Amsterdam project.
This module's ``site`` replaces the MkDocs site of ``conftest.py``, so that ``site_page``
opens the Zensical site. What a page must show is read from the YAML files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from speelveld.site import SECTIONS as SECTIONS_OF_THE_SITE
from speelveld.site import hand_written

from ..engines import copy_project, zensical_route
from .conftest import REPO, Site, SitePage, serve
from .test_site import (
    INFOGRAPHIC_PAGES,
    PAGES,
    _entities,
    assert_axe_clean,
    assert_effect_bars,
    click_and_follow,
    domains,
    expected_slices,
    heading,
    infographic,
    normalise,
    open_page,
    pie_traces,
    slice_points,
)
from .test_site import (
    test_site_loads_nothing_from_the_internet as assert_loads_nothing_from_the_internet,
)

#: The main sections, in the sidebar of every page.
SECTIONS = tuple(
    "/" + path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
    if path != "index.md"
    else "/"
    for _, path in SECTIONS_OF_THE_SITE
)


@pytest.fixture(scope="session")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Amsterdam site as the Zensical route builds it."""
    return zensical_route(copy_project(tmp_path_factory.mktemp("zensical") / "project"))


@pytest.fixture(scope="session")
def site(site_folder: Path) -> Iterator[Site]:
    """The Zensical site, served; replaces the MkDocs site for this module's tests."""
    with serve(site_folder) as served:
        yield served


def expected_pages() -> dict[str, str | None]:
    """Every page by its address, with the h1 the YAML gives it (None: not from the YAML)."""
    expected: dict[str, str | None] = dict.fromkeys(SECTIONS)
    for folder, page_folder, key in (
        ("measures", "maatregelen", "title"),
        ("domains", "domeinen", "name"),
        ("stakeholders", "partners", "name"),
        ("instruments", "instrumenten", "name"),
        ("scenarios", "scenarios", "title"),
    ):
        for entity, data in _entities(folder).items():
            expected[f"/{page_folder}/{entity}/"] = normalise(data[key])
    for page in hand_written(REPO / "docs"):
        if not page.internal:  # an internal page is not in a public build
            expected[f"/{page.path.removesuffix('.md')}/"] = None
    return expected


def test_zensical_site_is_the_zensical_build(site_page: SitePage) -> None:
    site_page.goto("/")
    generator = site_page.page.locator('meta[name="generator"]').get_attribute("content")
    assert generator is not None
    assert generator.startswith("zensical-")


def test_every_page_is_there_and_loads_cleanly(site_page: SitePage) -> None:
    expected = expected_pages()
    assert len(expected) > 60
    for path, title in expected.items():
        open_page(site_page, path)
        shown = heading(site_page)
        assert shown, f"{path}: the h1 is empty"
        if title is not None:
            assert shown == title, f"{path}: the h1 should be {title!r}"
        site_page.assert_clean()
    links = site_page.page.locator("nav.md-nav--primary a.md-nav__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    # Without compare_with (as in Amsterdam) Wijzigingen exists but is not in the sidebar.
    in_sidebar = [section for section in SECTIONS if section != "/wijzigingen/"]
    assert [link for link in links if link in SECTIONS] == in_sidebar


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_infographic_is_drawn_and_each_domain_opens_its_page(
    site_page: SitePage, path: str
) -> None:
    open_page(site_page, path)
    chart = infographic(site_page)
    assert chart.locator("g.slice").count() == expected_slices()
    site_page.screenshot(f"zensical-infographic-{path.strip('/') or 'home'}")
    expected = {f"/domeinen/{domain_id}/": domain_id for domain_id in domains()}
    reached: list[str] = []
    for index in range(len(domains())):
        if site_page.path != path:
            open_page(site_page, path)
        points = slice_points(site_page, pie_traces(infographic(site_page)).last)
        point = points[index]
        assert point["hits"], f"{path}: domain slice {index} is covered by another element"
        target = click_and_follow(site_page, point["x"], point["y"], f"domain slice {index}")
        assert target in expected, f"{path}: domain slice {index} opened {target}"
        assert heading(site_page) == normalise(domains()[expected[target]]["name"])
        reached.append(expected[target])
        site_page.assert_clean()
    assert sorted(reached) == sorted(domains())


def test_measure_page_draws_its_effects(site_page: SitePage) -> None:
    measure = next(iter(_entities("measures")))
    open_page(site_page, f"/maatregelen/{measure}/")
    assert_effect_bars(site_page, _entities("measures")[measure])
    site_page.assert_clean()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(
    site_page: SitePage, axe_source: Path, path: str
) -> None:
    open_page(site_page, path)
    assert_axe_clean(site_page, axe_source, path)
    site_page.assert_clean()


def test_zensical_site_loads_nothing_from_the_internet(site_folder: Path) -> None:
    assert_loads_nothing_from_the_internet(site_folder)

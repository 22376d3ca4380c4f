"""From the Rapport to a scenario, in the Amsterdam site, as an alderman clicks through."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .conftest import REPO, SitePage
from .test_site import assert_axe_clean

SCENARIOS = {
    path.stem: yaml.safe_load(path.read_text("utf-8"))
    for path in sorted((REPO / "scenarios").glob("*.yml"))
}


def test_the_rapport_links_every_scenario_and_a_click_opens_it(
    site_page: SitePage, axe_source: Path
) -> None:
    site_page.goto("/rapport/")
    # The theme wraps tables for scrolling: the table follows the heading, not as a sibling.
    table = site_page.page.locator("#de-opties-naast-elkaar").locator("xpath=following::table[1]")
    options = table.locator("tbody tr th a, tbody tr td:first-child a")
    titles = [" ".join(text.split()) for text in options.all_inner_texts()]
    expected = [scenario["title"] for scenario in SCENARIOS.values()]
    assert titles == ["Nuloptie (geldend beleid)", "Plan", *expected]

    name, scenario = next(iter(SCENARIOS.items()))
    table.get_by_role("link", name=scenario["title"], exact=True).click()
    site_page.page.wait_for_url(f"**/scenarios/{name}/")
    site_page.settle()
    heading = site_page.page.locator("h1").evaluate("h => h.firstChild.textContent")
    assert heading.strip() == scenario["title"]
    adopted = site_page.page.locator("h2:has-text('Voert in') + ul a")
    assert adopted.count() == len(scenario["adopt"])
    assert all(href.startswith("../../maatregelen/") for href in _hrefs(adopted))

    assert_axe_clean(site_page, axe_source, site_page.path)
    site_page.assert_clean()


def _hrefs(links: Any) -> list[str]:
    return [str(h) for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]

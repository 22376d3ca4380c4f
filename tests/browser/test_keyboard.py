"""The charts without a mouse: figures with a name and a caption, and the infographic as a
list of links that the Tab key walks in order, read from the keyboard in a real browser.

The links the list must hold are worked out here from the YAML files: every domain, and per
domain the partners and instruments with the most measures (a ring shows at most twelve
segments; beyond that the rest are one link to the overview page).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import SitePage
from .test_site import (
    RING_LIMIT,
    _entities,
    assert_axe_clean,
    domains,
    heading,
    instruments,
    normalise,
    open_page,
    stakeholders,
)

INFOGRAPHIC_PAGES = {"home": "/", "speelveld": "/speelveld/"}
CHART_PAGES = ["/", "/speelveld/", "/matrix/", "/rapport/", "/wat-als/"]
OUTLINE = "Het speelveld als lijst"
#: More than the page has links: the walk stops once it has left the list behind.
MAX_TABS = 400

#: What has the focus: its link target (as a path and hash) and where it is on the page.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const url = el.href ? new URL(el.href) : null;
  return {
    href: url ? url.pathname + url.hash : null,
    outline: !!el.closest('nav[aria-label="Het speelveld als lijst"]'),
    caption: !!el.closest('figcaption'),
    text: el.textContent.replace(/\\s+/g, ' ').trim(),
  };
}
"""

#: Every chart with its figure, caption and the target of each caption link.
FIGURES = """
() => [...document.querySelectorAll('.speelveld-chart')].map(chart => {
  const figure = chart.closest('figure');
  const caption = figure && figure.querySelector(':scope > figcaption');
  const links = caption ? [...caption.querySelectorAll('a[href]')].map(a => {
    const url = new URL(a.href);
    const here = url.pathname === location.pathname;
    const target = here && url.hash ? document.getElementById(url.hash.slice(1)) : null;
    return {
      href: a.getAttribute('href'), here,
      target: target ? {tag: target.localName, tables: target.querySelectorAll('table').length,
                        links: target.querySelectorAll('a[href]').length} : null,
    };
  }) : [];
  return {id: chart.id, figure: !!figure, caption: caption ? caption.textContent.trim() : '',
          role: chart.getAttribute('role'), label: chart.getAttribute('aria-label'), links};
})
"""


def measure_counts() -> tuple[Counter[str], Counter[str]]:
    """How many public measures that are not stopped name each partner and instrument."""
    partners: Counter[str] = Counter()
    tools: Counter[str] = Counter()
    for measure in _entities("measures").values():
        if measure.get("status") == "stopped" or measure.get("visibility") == "internal":
            continue
        partners.update({measure["owner"], *(s["id"] for s in measure.get("stakeholders") or [])})
        tools.update(set(measure.get("instruments") or []))
    return partners, tools


def expected_links() -> list[str]:
    """The list's links in reading order, from the YAML files."""
    partners, tools = measure_counts()
    ordered = sorted(domains().items(), key=lambda item: (item[1]["order"], item[0]))
    links = []
    for domain, _ in ordered:
        links.append(f"/domeinen/{domain}/")
        for folder, members, counts in (
            ("partners", stakeholders(), partners),
            ("instrumenten", instruments(), tools),
        ):
            in_domain = [m for m, data in members.items() if domain in data["domains"]]
            ranked = sorted(in_domain, key=lambda m: (-counts[m], m))
            if len(ranked) <= RING_LIMIT:
                links += [f"/{folder}/{m}/" for m in ranked]
            else:
                links += [f"/{folder}/{m}/" for m in ranked[: RING_LIMIT - 1]]
                links.append(f"/{folder}/")
    return links


def tab_through(site_page: SitePage) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until the focus has left the list behind."""
    page = site_page.page
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.evaluate("() => window.scrollTo(0, 0)")
    walked: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        walked.append(focused)
        if not focused["outline"] and any(step["outline"] for step in walked):
            break
    return walked


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_tab_reaches_every_link_of_the_infographic_list_in_order(
    site_page: SitePage, path: str
) -> None:
    open_page(site_page, path)
    walked = tab_through(site_page)
    in_list = [step["href"] for step in walked if step["outline"]]
    assert in_list, f"{path}: Tab never reached the list ({len(walked)} stops)"
    assert in_list == expected_links()
    # The caption's link to the list comes before the list itself.
    caption = [i for i, step in enumerate(walked) if step["caption"]]
    first = next(i for i, step in enumerate(walked) if step["outline"])
    assert caption, f"{path}: Tab reached no link in the figure's caption"
    assert caption[0] < first
    assert f"{path}#speelveld-lijst" in [walked[i]["href"] for i in caption]
    site_page.assert_clean()


def test_enter_on_a_link_of_the_list_opens_its_page(site_page: SitePage) -> None:
    open_page(site_page, "/")
    walked = tab_through(site_page)
    partner = next(step for step in walked if step["outline"] and "/partners/" in step["href"])
    match = re.fullmatch(r"/partners/([a-z0-9-]+)/", partner["href"])
    assert match, partner
    open_page(site_page, "/")
    site_page.page.get_by_role("navigation", name=OUTLINE).get_by_role(
        "link", name=partner["text"], exact=True
    ).first.focus()
    site_page.page.keyboard.press("Enter")
    site_page.page.wait_for_url(re.compile(re.escape(partner["href"]) + "$"))
    site_page.settle()
    assert heading(site_page) == normalise(stakeholders()[match.group(1)]["name"])
    site_page.assert_clean()


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_the_list_is_a_named_navigation_of_nested_lists(site_page: SitePage, path: str) -> None:
    open_page(site_page, path)
    outline = site_page.page.get_by_role("navigation", name=OUTLINE)
    assert outline.count() == 1
    top = outline.locator(":scope > ul > li")
    assert top.count() == len(domains())
    for index in range(top.count()):
        rings = top.nth(index).locator(":scope > ul > li")
        assert [
            normalise(r)
            for r in rings.evaluate_all("items => items.map(li => li.firstChild.textContent)")
        ] == ["Partners", "Instrumenten"]
    site_page.assert_clean()


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_is_a_named_figure_whose_caption_links_to_its_data(
    site_page: SitePage, path: str
) -> None:
    open_page(site_page, path)
    charts = site_page.page.evaluate(FIGURES)
    assert charts, f"{path} has no chart"
    figures = site_page.page.get_by_role("figure", name=re.compile(r"\w"))
    assert figures.count() == len(charts), "every figure is named by its caption"
    for chart in charts:
        assert chart["figure"], f"{path}: chart #{chart['id']} is not in a <figure>"
        assert chart["caption"], f"{path}: chart #{chart['id']} has no caption"
        assert chart["role"] == "img", chart
        assert chart["label"], chart
        same_page = [link for link in chart["links"] if link["here"]]
        assert same_page, f"{path}: the caption of #{chart['id']} links to no data on the page"
        for link in same_page:
            target = link["target"]
            assert target, f"{path}: {link['href']} points at nothing"
            assert target["tables"] or target["links"], f"{path}: {link['href']} holds no data"
    site_page.assert_clean()


def test_a_measures_effects_are_a_named_figure_whose_caption_links_to_the_table(
    site_page: SitePage,
) -> None:
    """The bars are HTML: their text is the scores, and the caption leads to the table."""
    open_page(site_page, "/maatregelen/meldpilot-ondernemers/")
    figure = site_page.page.get_by_role("figure", name=re.compile("effect van de maatregel"))
    assert figure.count() == 1
    link = figure.locator("figcaption a[href='#effecten-tabel']")
    assert link.count() == 1
    table = site_page.page.locator("#effecten-tabel table")
    assert table.locator("tbody tr").count() == figure.locator("li").count() > 0
    site_page.assert_clean()


@pytest.mark.parametrize("path", [*CHART_PAGES, "/maatregelen/meldpilot-ondernemers/"])
def test_a_phone_page_has_no_serious_accessibility_violation(
    site_page: SitePage, axe_source: Path, path: str
) -> None:
    site_page.page.set_viewport_size({"width": 390, "height": 844})
    open_page(site_page, path)
    assert_axe_clean(site_page, axe_source, f"{path} at 390 px")
    site_page.assert_clean()

"""The charts read on a desktop and on a phone: measured in the browser, not by eye.

At 1280 and 390 CSS pixels wide: the seven scores of the scale all show, none on top of
another; the matrix labels every row with the measure's whole title; no text in a chart is
smaller than 12 px or cut off at its edge; the infographic names every domain; no page of
the site scrolls sideways (a wide table scrolls inside its own frame); and the table of
the options on the Rapport is readable whole on a phone.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from .conftest import SitePage
from .test_site import _entities, domains, normalise, open_page

WIDTHS = {"desktop": 1280, "phone": 390}
#: The scale, as the legend beside the matrix must print it.
SCALE_LABELS = [
    "-3 opheffend",
    "-2 tegenwerkend",
    "-1 beperkend",
    "0 neutraal",
    "+1 ondersteunend",
    "+2 versterkend",
    "+3 onlosmakelijk",
]
MIN_TEXT_PX = 12
#: Pages with charts or wide tables, checked for sideways scrolling.
PAGES = [
    "/",
    "/speelveld/",
    "/wat-als/",
    "/matrix/",
    "/rapport/",
    "/maatregelen/",
    "/partners/",
    "/domeinen/signalering/",
    "/maatregelen/meldpilot-ondernemers/",
]

#: Every text plotly drew in the charts, with the size it is drawn at on screen.
CHART_TEXTS = """
() => [...document.querySelectorAll('.speelveld-chart svg text')].map(text => {
  const style = getComputedStyle(text);
  const matrix = text.getScreenCTM();
  const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
  const box = text.getBoundingClientRect();
  const chart = text.closest('.speelveld-chart').getBoundingClientRect();
  return {
    text: text.textContent,
    px: parseFloat(style.fontSize) * scale,
    inside: box.left >= chart.left - 1 && box.right <= chart.right + 1 &&
            box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1,
    shown: style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 &&
           text.closest('[style*="display: none"]') === null,
    chart: text.closest('.speelveld-chart').id,
    slice: !!text.closest('g.slice'),
    inner: !!text.closest('g.trace:last-of-type'),
  };
})
"""

#: The legend's entries with their boxes.
LEGEND = """
() => [...document.querySelectorAll('ul.speelveld-legend')].map(list =>
  [...list.querySelectorAll('li')].map(item => {
    const box = item.getBoundingClientRect();
    return {text: item.textContent.replace(/\\s+/g, ' ').trim(),
            left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  }))
"""

#: The matrix's row and column labels, each as its lines joined, with its box.
AXIS_LABELS = """
(axis) => [...document.querySelectorAll(`#matrix g.${axis}tick text`)].map(text => {
  const lines = text.querySelectorAll('tspan.line');
  const words = lines.length ? [...lines].map(line => line.textContent) : [text.textContent];
  const box = text.getBoundingClientRect();
  return {text: words.join(' '), left: box.left, right: box.right, top: box.top,
          bottom: box.bottom};
})
"""

#: How far the page scrolls sideways, and each table wider than the content column with
#: whether an element between them scrolls it.
SIDEWAYS = """
() => {
  const page = document.scrollingElement;
  const column = document.querySelector('.md-content').getBoundingClientRect();
  const tables = [...document.querySelectorAll('.md-content table')].map(table => {
    let frame = null;
    let el = table.parentElement;
    for (; el && !el.classList.contains('md-content'); el = el.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) { frame = el; break; }
    }
    const box = frame ? frame.getBoundingClientRect() : null;
    return {
      wide: table.scrollWidth > column.width + 1,
      framed: !!frame && box.right <= column.right + 1 && box.left >= column.left - 1,
      head: table.tHead ? table.tHead.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60) : '',
    };
  });
  return {overflow: page.scrollWidth - page.clientWidth, tables};
}
"""


def at_width(site_page: SitePage, width: int, path: str) -> None:
    site_page.page.set_viewport_size({"width": width, "height": 900})
    open_page(site_page, path)


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether two boxes share more than a hair of area."""
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
    )


def counted_titles() -> list[str]:
    """The titles of the measures in the matrix: every measure that is not stopped."""
    measures = _entities("measures")
    return [normalise(m["title"]) for m in measures.values() if m.get("status") != "stopped"]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_scale_shows_all_seven_scores_and_none_overlaps(
    site_page: SitePage, width: int
) -> None:
    at_width(site_page, width, "/matrix/")
    # The scale of the measures' matrix, and that of the interactions between domains.
    legends = site_page.page.evaluate(LEGEND)
    assert len(legends) == 2
    for items in legends:
        assert [item["text"] for item in items] == SCALE_LABELS
        for index, item in enumerate(items):
            assert item["right"] <= width, f"{item['text']} runs off the screen: {item}"
            assert item["left"] >= 0, item
            for other in items[index + 1 :]:
                assert not overlaps(item, other), f"{item['text']} overlaps {other['text']}"
    site_page.assert_clean()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_matrix_labels_every_row_with_the_whole_title(site_page: SitePage, width: int) -> None:
    at_width(site_page, width, "/matrix/")
    chart = site_page.page.locator("#matrix").bounding_box()
    rows = site_page.page.evaluate(AXIS_LABELS, "y")
    assert sorted(normalise(row["text"]) for row in rows) == sorted(counted_titles())
    for row in rows:
        assert row["left"] >= chart["x"] - 1, f"row label cut off on the left: {row}"
    columns = site_page.page.evaluate(AXIS_LABELS, "x")
    shorts = [normalise(d["short"]) for d in domains().values()]
    assert sorted(normalise(c["text"]) for c in columns) == sorted(shorts)
    for index, column in enumerate(columns):
        assert column["top"] >= chart["y"] - 1, f"column label cut off at the top: {column}"
        for other in columns[index + 1 :]:
            assert not overlaps(column, other), f"{column['text']} overlaps {other['text']}"
    for row, other in itertools.pairwise(rows):
        assert not overlaps(row, other), f"{row['text']} overlaps {other['text']}"
    site_page.assert_clean()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", ["/", "/speelveld/", "/matrix/", "/rapport/", "/wat-als/"])
def test_no_text_in_a_chart_is_smaller_than_12_px_or_cut_off(
    site_page: SitePage, width: int, path: str
) -> None:
    at_width(site_page, width, path)
    texts = [t for t in site_page.page.evaluate(CHART_TEXTS) if t["shown"] and t["text"].strip()]
    assert texts, f"{path}: the charts show no text at all"
    small = [t for t in texts if t["px"] < MIN_TEXT_PX - 0.05]
    assert not small, f"{path} at {width} px: text below {MIN_TEXT_PX} px: " + ", ".join(
        f"{t['text']!r} {t['px']:.1f} px" for t in small[:10]
    )
    cut = [t["text"] for t in texts if not t["inside"]]
    assert not cut, f"{path} at {width} px: text cut off at the edge of its chart: {cut[:10]}"
    site_page.assert_clean()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_infographic_names_every_domain(site_page: SitePage, width: int) -> None:
    at_width(site_page, width, "/")
    texts: list[dict[str, Any]] = site_page.page.evaluate(CHART_TEXTS)
    inner = [normalise(t["text"]) for t in texts if t["slice"] and t["inner"] and t["shown"]]
    for domain in domains().values():
        assert any(
            normalise(domain["short"]).replace(" ", "") in t.replace(" ", "") for t in inner
        ), f"the domain {domain['short']!r} has no legible label at {width} px: {inner}"
    site_page.assert_clean()


def test_no_page_of_the_site_scrolls_sideways_on_a_phone(
    site_page: SitePage, site_folder: Path
) -> None:
    pages = sorted(
        "/" + page.parent.relative_to(site_folder).as_posix().strip(".") + "/"
        for page in site_folder.rglob("index.html")
    )
    pages = [page.replace("//", "/") for page in pages]
    assert len(pages) > 60
    site_page.page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    problems = []
    for path in pages:
        open_page(site_page, path)
        result = site_page.page.evaluate(SIDEWAYS)
        if result["overflow"] > 0:
            problems.append(f"{path} scrolls sideways by {result['overflow']} px")
        problems += [
            f"{path}: a wide table ({table['head']}) has no frame"
            for table in result["tables"]
            if table["wide"] and not table["framed"]
        ]
    assert not problems, "\n".join(problems)
    site_page.assert_clean()


def test_the_table_of_the_options_is_readable_whole_on_a_phone(site_page: SitePage) -> None:
    at_width(site_page, WIDTHS["phone"], "/rapport/")
    table = site_page.page.locator("#de-opties-naast-elkaar").locator("xpath=following::table[1]")
    sizes = table.evaluate(
        "t => ({table: t.scrollWidth, frame: t.parentElement.clientWidth, "
        "column: document.querySelector('.md-content').clientWidth})"
    )
    assert sizes["table"] <= min(sizes["frame"], sizes["column"]) + 1, sizes
    options = table.locator("tbody tr").count()
    assert options == 2 + len(_entities("scenarios"))
    site_page.assert_clean()

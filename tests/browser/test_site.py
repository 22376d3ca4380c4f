"""The published Amsterdam site, opened in a real browser (headless Chromium).

What is expected is worked out here from the YAML files in the repository, independently
of the generator: the number of slices in the infographic, the domain and partner names
on the pages a slice links to, one bar per domain in a measure's effects, as long as its score.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from speelveld import plotlyjs

from .conftest import REPO, SitePage

#: The pages every browser-wide check runs on, by the name of their screenshot.
PAGES = {
    "home": "/",
    "speelveld": "/speelveld/",
    "domeinen-normalisering": "/domeinen/normalisering/",
    "maatregelen-meldpilot-ondernemers": "/maatregelen/meldpilot-ondernemers/",
    "matrix": "/matrix/",
    "rapport": "/rapport/",
    "wat-als": "/wat-als/",
    "begrippen": "/begrippen/",
}
INFOGRAPHIC_PAGES = {"home": "/", "speelveld": "/speelveld/"}
INFOGRAPHIC = ".speelveld-chart .js-plotly-plot:has(g.pielayer)"
MEASURE = "meldpilot-ondernemers"
#: How long a click on a chart may take to start loading the page it links to.
NAVIGATION_MS = 10_000
#: How long a chart may take to appear once every chart container holds a figure.
CHART_MS = 5_000
SERIOUS = ("serious", "critical")


# --- the data, read straight from the YAML files -------------------------------------------


@cache
def _entities(folder: str) -> dict[str, dict[str, Any]]:
    """Every ``<id>.yml`` in ``folder``, by id (the file name without extension)."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((REPO / folder).iterdir()):
        if path.suffix in (".yml", ".yaml") and path.is_file():
            found[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert found, f"no YAML files in {REPO / folder}"
    return found


def domains() -> dict[str, dict[str, Any]]:
    return _entities("domains")


def stakeholders() -> dict[str, dict[str, Any]]:
    return _entities("stakeholders")


def instruments() -> dict[str, dict[str, Any]]:
    return _entities("instruments")


def members_per_domain(entities: dict[str, dict[str, Any]]) -> dict[str, int]:
    return {
        domain: sum(1 for e in entities.values() if domain in (e.get("domains") or []))
        for domain in domains()
    }


#: The most segments a ring has per domain: beyond it, one segment stands for the rest.
RING_LIMIT = 12


def ring_slices(members: int) -> int:
    """A domain's slices in one ring: one per member up to the limit, a blank one if none."""
    return max(1, min(members, RING_LIMIT))


def expected_slices() -> int:
    """The domains, plus per ring one slice per member per domain (a blank one if none),
    with the members beyond the limit in one slice."""
    partners = members_per_domain(stakeholders())
    tools = members_per_domain(instruments())
    return (
        len(domains())
        + sum(ring_slices(n) for n in partners.values())
        + sum(ring_slices(n) for n in tools.values())
    )


def normalise(text: str) -> str:
    return " ".join(text.split())


# --- helpers on an open page ------------------------------------------------------------------

#: Resolves once every chart container holds a drawn plotly figure.
CHARTS_DRAWN = """
() => [...document.querySelectorAll('.speelveld-chart')]
        .every(chart => chart.querySelector('svg.main-svg'))
"""

#: The page's first h1 as a reader reads it, without Material's permalink anchor.
HEADING = """
() => {
  const h1 = document.querySelector('article h1, main h1, h1');
  if (!h1) return null;
  const copy = h1.cloneNode(true);
  copy.querySelectorAll('.headerlink').forEach(a => a.remove());
  return copy.textContent.trim();
}
"""

#: For each slice of a pie trace: the centre of its surface's bounding box, whether that
#: point hits the slice itself (and not some other element on top), and its fill.
SLICE_POINTS = """
(trace) => [...trace.querySelectorAll('g.slice')].map((slice, index) => {
  const surface = slice.querySelector('path.surface');
  const box = surface.getBoundingClientRect();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {
    index, x, y,
    hits: !!hit && hit.closest('g.slice') === slice,
    fill: getComputedStyle(surface).fill,
  };
})
"""


def open_page(site_page: SitePage, path: str) -> None:
    site_page.goto(path)
    site_page.page.wait_for_function(CHARTS_DRAWN)


#: Where plotly drew its figures: each .js-plotly-plot with its id, classes and parent.
PLOTS_ON_PAGE = """
() => [...document.querySelectorAll('.js-plotly-plot')].map(plot =>
  `<${plot.tagName.toLowerCase()} id="${plot.id}" class="${plot.className}"> in ` +
  `<${plot.parentElement.tagName.toLowerCase()} id="${plot.parentElement.id}" ` +
  `class="${plot.parentElement.className}">`)
"""


def plot(site_page: SitePage, selector: str) -> Any:
    """The drawn plotly figure at ``selector``; fails saying where the page drew its plots."""
    chart = site_page.page.locator(selector).first
    try:
        chart.wait_for(state="visible", timeout=CHART_MS)
    except Exception as error:  # playwright's TimeoutError
        drawn = site_page.page.evaluate(PLOTS_ON_PAGE)
        raise AssertionError(
            f"{site_page.path}: no visible `{selector}` after the charts were drawn "
            f"({type(error).__name__}); the page's plotly figures are:\n  "
            + ("\n  ".join(drawn) if drawn else "(none)")
        ) from None
    return chart


def heading(site_page: SitePage) -> str:
    text = site_page.page.evaluate(HEADING)
    assert text is not None, f"{site_page.page.url} has no h1"
    return normalise(text)


def infographic(site_page: SitePage) -> Any:
    chart = plot(site_page, INFOGRAPHIC)
    chart.locator("g.slice").first.wait_for(state="attached")
    return chart


def pie_traces(chart: Any) -> Any:
    traces = chart.locator("g.pielayer > g.trace")
    assert traces.count() == 3, (
        f"the infographic should draw three pie traces (instruments, partners, domains), "
        f"found {traces.count()}"
    )
    return traces


def slice_points(site_page: SitePage, trace: Any) -> list[dict[str, Any]]:
    trace.scroll_into_view_if_needed()
    return trace.evaluate(SLICE_POINTS)


def click_and_follow(site_page: SitePage, x: float, y: float, what: str) -> str:
    """Click at (x, y) and wait for the page it opens; the new path."""
    page = site_page.page
    before = page.url
    page.mouse.click(x, y)
    try:
        page.wait_for_url(lambda url: url != before, timeout=NAVIGATION_MS)
    except Exception as error:  # playwright's TimeoutError
        raise AssertionError(
            f"clicking {what} at ({x:.0f}, {y:.0f}) on {before} opened no other page "
            f"within {NAVIGATION_MS} ms ({type(error).__name__})"
        ) from None
    page.wait_for_load_state("load")
    site_page.settle()
    return site_page.path


# --- the infographic --------------------------------------------------------------------------


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_infographic_has_a_slice_per_domain_member_and_empty_sector(
    site_page: SitePage, path: str
) -> None:
    open_page(site_page, path)
    chart = infographic(site_page)
    slices = chart.locator("g.slice").count()
    expected = expected_slices()
    assert slices == expected, (
        f"{path}: the infographic draws {slices} slices; the YAML data gives {expected} "
        f"({len(domains())} domains, partners per domain {members_per_domain(stakeholders())}, "
        f"instruments per domain {members_per_domain(instruments())}, one blank slice "
        f"for a sector without members, at most {RING_LIMIT} per domain and ring)"
    )
    traces = pie_traces(chart)
    assert traces.last.locator("g.slice").count() == len(domains()), (
        "the innermost pie (the last trace) should have one slice per domain"
    )
    site_page.assert_clean()


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_clicking_a_domain_segment_opens_that_domains_page(site_page: SitePage, path: str) -> None:
    expected = {f"/domeinen/{domain_id}/": domain_id for domain_id in domains()}
    reached: list[str] = []
    for index in range(len(domains())):
        open_page(site_page, path)
        chart = infographic(site_page)
        points = slice_points(site_page, pie_traces(chart).last)
        assert len(points) == len(domains())
        point = points[index]
        assert point["hits"], (
            f"{path}: the centre of domain slice {index} is covered by another element"
        )
        target = click_and_follow(site_page, point["x"], point["y"], f"domain slice {index}")
        assert target in expected, (
            f"{path}: domain slice {index} opened {target}, not a domain page "
            f"(one of {sorted(expected)})"
        )
        name = normalise(domains()[expected[target]]["name"])
        assert heading(site_page) == name, f"{target}: the h1 should be the domain's name"
        reached.append(expected[target])
        site_page.assert_clean()
    assert sorted(reached) == sorted(domains()), (
        f"{path}: the domain slices should open every domain page once; opened {reached}"
    )


@pytest.mark.parametrize("path", INFOGRAPHIC_PAGES.values(), ids=INFOGRAPHIC_PAGES.keys())
def test_clicking_a_partner_segment_opens_that_partners_page(
    site_page: SitePage, path: str
) -> None:
    open_page(site_page, path)
    chart = infographic(site_page)
    points = slice_points(site_page, pie_traces(chart).nth(1))
    # A blank placeholder (a sector without partners) links nowhere; skip those.
    candidates = [p for p in points if p["hits"] and p["fill"] not in ("rgb(255, 255, 255)",)]
    assert candidates, f"{path}: no partner slice can be clicked at its centre"
    # The first and the last clickable partner slice: two different sectors of the ring.
    chosen = [candidates[0], candidates[-1]] if len(candidates) > 1 else candidates
    for point in chosen:
        if site_page.path != path:
            open_page(site_page, path)
            points = slice_points(site_page, pie_traces(infographic(site_page)).nth(1))
            point = points[point["index"]]
        target = click_and_follow(
            site_page, point["x"], point["y"], f"partner slice {point['index']}"
        )
        match = re.fullmatch(r"/partners/([a-z0-9-]+)/", target)
        assert match, f"{path}: partner slice {point['index']} opened {target}"
        assert match.group(1) in stakeholders(), (
            f"{path}: partner slice {point['index']} opened {target}, not a partner page "
            f"/partners/<id>/ of one of the {len(stakeholders())} partners"
        )
        name = normalise(stakeholders()[match.group(1)]["name"])
        assert heading(site_page) == name, f"{target}: the h1 should be the partner's name"
        site_page.assert_clean()


# --- every tested page --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_loads_cleanly_and_is_photographed(site_page: SitePage, path: str) -> None:
    name = next(key for key, value in PAGES.items() if value == path)
    open_page(site_page, path)
    shot = site_page.screenshot(name)
    assert shot.stat().st_size > 0
    assert heading(site_page), f"{path}: the h1 is empty"
    site_page.assert_clean()


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(
            f"- {v['id']} ({v['impact']}): {v['help']} "
            f"[{len(v['nodes'])} element(s)] {v['helpUrl']}"
        )
        for node in v["nodes"][:4]:
            target = node["target"]
            lines.append(
                f"    {' '.join(map(str, target)) if isinstance(target, list) else target}"
            )
            lines.append(f"      {normalise(node['html'])[:200]}")
            summary = normalise(node.get("failureSummary") or "")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 4:
            lines.append(f"    ... and {len(v['nodes']) - 4} more")
    return "\n".join(lines)


AXE_RUN = """
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target, html: n.html, impact: n.impact, failureSummary: n.failureSummary,
    })),
  }));
}
"""


def assert_axe_clean(site_page: SitePage, axe_source: Path, where: str) -> None:
    """No serious or critical axe-core violation on the open page; minor ones are printed."""
    site_page.page.add_script_tag(path=str(axe_source))
    violations = site_page.page.evaluate(AXE_RUN)
    serious = [v for v in violations if v["impact"] in SERIOUS]
    minor = [v for v in violations if v["impact"] not in SERIOUS]
    if minor:
        print(f"\n{where}: axe-core, minor or moderate (not failing):\n{_describe(minor)}")
    assert not serious, (
        f"{where}: axe-core finds serious or critical violations:\n{_describe(serious)}"
    )


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(
    site_page: SitePage, axe_source: Path, path: str
) -> None:
    open_page(site_page, path)
    assert_axe_clean(site_page, axe_source, path)
    site_page.assert_clean()


# --- particular pages ------------------------------------------------------------------------


#: Per row of a measure's effects: the domain, the score as written, and the bar's extent.
EFFECT_BARS = """
() => [...document.querySelectorAll('#effecten li.speelveld-bars__row')].map(row => {
  const halves = [...row.querySelectorAll('.speelveld-bars__half')];
  const bar = row.querySelector('.speelveld-bars__bar');
  const box = bar ? bar.getBoundingClientRect() : null;
  return {
    name: row.querySelector('.speelveld-bars__name').textContent,
    score: row.querySelector('.speelveld-bars__score').textContent,
    half: halves[0].getBoundingClientRect().width,
    middle: halves[1].getBoundingClientRect().left,
    left: box ? box.left : null, right: box ? box.right : null,
  };
})
"""


def assert_effect_bars(site_page: SitePage, measure: dict[str, Any]) -> None:
    """One row per domain, its score as text, and a bar from the middle a third of the half
    long per step: to the right for a positive score, to the left for a negative one."""
    rows = site_page.page.evaluate(EFFECT_BARS)
    ordered = sorted(domains(), key=lambda d: (domains()[d]["order"], d))
    assert [normalise(r["name"]) for r in rows] == [
        normalise(domains()[d]["short"]) for d in ordered
    ]
    for row, domain in zip(rows, ordered, strict=True):
        score = measure["effects"][domain]["score"]
        assert row["score"].startswith(f"{score:+d} " if score else "0 "), row
        if not score:
            assert row["left"] is None, row
            continue
        length = row["right"] - row["left"]
        assert abs(length - row["half"] * abs(score) / 3) <= 2, row
        edge = row["left"] if score > 0 else row["right"]
        assert abs(edge - row["middle"]) <= 2, row


def test_measure_page_shows_effect_chart_and_table(site_page: SitePage) -> None:
    measures = _entities("measures")
    assert MEASURE in measures, f"measures/{MEASURE}.yml is gone: pick another measure"
    open_page(site_page, f"/maatregelen/{MEASURE}/")
    assert_effect_bars(site_page, measures[MEASURE])
    tables = [normalise(t) for t in site_page.page.locator("table").all_text_contents()]
    names = [normalise(d["name"]) for d in domains().values()]
    assert any(all(name in table for name in names) for table in tables), (
        f"no table on the measure page names every domain; domains: {names}; "
        f"tables found: {len(tables)}"
    )
    assert heading(site_page) == normalise(measures[MEASURE]["title"])
    site_page.assert_clean()


def test_matrix_page_renders_the_heatmap(site_page: SitePage) -> None:
    open_page(site_page, "/matrix/")
    chart = plot(site_page, "#matrix .js-plotly-plot")
    assert chart.locator("svg.main-svg").count() > 0, "the matrix chart drew no SVG"
    assert chart.locator("g.hm").count() > 0, "the matrix chart drew no heatmap"
    box = chart.bounding_box()
    assert box, "the heatmap has no size"
    assert min(box["width"], box["height"]) > 100, f"the heatmap is tiny: {box}"
    site_page.assert_clean()


#: Where plotly.js draws the marks of each trace type the site uses; a trace type plotly.js
#: does not know becomes a scatter trace and draws none of the others.
MARKS_OF = {
    "pie": "g.pielayer g.slice",
    "bar": "g.barlayer g.point",
    "heatmap": "g.hm",
    "scatter": "g.scatterlayer path.point",
}
#: Per drawn plot: the trace types asked for, those plotly.js drew, and the marks it drew.
DRAWN_TYPES = """
(marks) => [...document.querySelectorAll('.speelveld-chart .js-plotly-plot')].map(plot => ({
  chart: plot.closest('.speelveld-chart').id,
  asked: plot.data.map(trace => trace.type),
  drawn: plot._fullData.map(trace => trace.type),
  marks: Object.fromEntries(Object.entries(marks).map(
    ([type, selector]) => [type, plot.querySelectorAll(selector).length])),
}))
"""


def test_every_figure_type_draws_with_the_sites_plotly(
    site_page: SitePage, site_folder: Path
) -> None:
    """Every chart of every page with one, drawn by the site's own bundle: each trace as the
    type it asks for, with its marks, and no console error; together they use every trace
    type of the bundle."""
    pages = sorted(
        "/" + page.parent.relative_to(site_folder).as_posix().strip(".") + "/"
        for page in site_folder.rglob("index.html")
        if 'class="speelveld-chart"' in page.read_text("utf-8")
    )
    used: set[str] = set()
    for path in (page.replace("//", "/") for page in pages):
        open_page(site_page, path)
        for plot in site_page.page.evaluate(DRAWN_TYPES, MARKS_OF):
            assert plot["drawn"] == plot["asked"], (path, plot)
            for kind in plot["asked"]:
                assert kind in MARKS_OF, f"{path}: no test knows the marks of a {kind} trace"
                assert plot["marks"][kind] > 0, f"{path}: the {kind} of {plot['chart']} drew none"
            used |= set(plot["asked"])
    bundle = plotlyjs.bundle_file().read_text("utf-8")
    bundled = set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle))
    assert used == bundled, (sorted(used), sorted(bundled))
    site_page.assert_clean()


def test_plotly_is_loaded_once_and_only_by_pages_with_a_chart(site_page: SitePage) -> None:
    """One script named after its content on a page with a chart (the same file on every
    such page, so a browser fetches it once); none on a page without."""
    loaded: list[str] = []
    for path, has_chart in (
        ("/matrix/", True),
        ("/rapport/", True),
        (f"/maatregelen/{MEASURE}/", False),
        ("/partners/politie/", False),
    ):
        site_page.requests.clear()
        open_page(site_page, path)
        scripts = [url for url in site_page.requests if "plotly" in urlsplit(url).path]
        assert len(scripts) == has_chart, f"{path} requested plotly.js as {scripts}"
        assert (site_page.page.locator(".speelveld-chart").count() > 0) == has_chart, path
        loaded += scripts
    assert len(set(loaded)) == 1, loaded
    assert re.search(r"/assets/speelveld/plotly-[0-9a-f]{12}\.min\.js$", loaded[0]), loaded
    site_page.assert_clean()


# --- the built files ----------------------------------------------------------------------------

#: <link rel=...> values that make a browser fetch (or connect for) the href.
# fmt: off
LOADING_RELS = {
    "stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
    "dns-prefetch", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
    "mask-icon", "manifest",
}
# fmt: on
#: Elements and the attributes through which a browser loads something.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
#: An HTML tag written inside a script or a data file, with an attribute that loads.
TAG_IN_TEXT = re.compile(
    r"""<(script|link|img|iframe|source)\b[^<>]*?\b(?:src|href)\s*=\s*\\?["']?((?:https?:)?//[^"'\\\s>]+)""",
    re.IGNORECASE,
)


def _absolute(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))


def _css_references(css: str) -> Iterator[str]:
    for match in CSS_URL.finditer(css):
        yield next(g for g in match.groups() if g is not None)
    for match in CSS_IMPORT.finditer(css):
        yield match.group(1)


class _LoadFinder(HTMLParser):
    """The absolute http(s) URLs an HTML document makes a browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def _check(self, where: str, url: str) -> None:
        if _absolute(url):
            self.found.append(f"{where}: {url}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        self._in = tag if tag in ("style", "script") else None
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                self._check(f"<link rel={values.get('rel')}>", values.get("href", ""))
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            refresh = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content", ""), re.I)
            if refresh:
                self._check("<meta http-equiv=refresh>", refresh.group(1))
        for attribute in LOADING_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if not value:
                continue
            urls = (
                [part.split()[0] for part in value.split(",") if part.split()]
                if attribute.endswith("srcset")
                else [value]
            )
            for url in urls:
                self._check(f"<{tag} {attribute}>", url)
        if "style" in values:
            for url in _css_references(values["style"]):
                self._check(f"<{tag} style>", url)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in = None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            for url in _css_references(data):
                self._check("<style>", url)
        elif self._in == "script":
            for match in TAG_IN_TEXT.finditer(data):
                self.found.append(
                    f"<{match.group(1)}> written by an inline script: {match.group(2)}"
                )


def _skipped(path: Path, site_folder: Path) -> bool:
    """plotly's own code and the search index: text, not tags a browser loads."""
    relative = path.relative_to(site_folder).as_posix()
    return (
        path.name.startswith("plotly")
        or "search_index" in path.name
        or (relative.startswith("search/") and path.suffix == ".json")
    )


def test_site_loads_nothing_from_the_internet(site_folder: Path) -> None:
    offenders: list[str] = []
    checked = 0
    for path in sorted(site_folder.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".js", ".css", ".json"):
            continue
        if _skipped(path, site_folder):
            continue
        checked += 1
        relative = path.relative_to(site_folder).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            finder = _LoadFinder()
            finder.feed(text)
            finder.close()
            offenders += [f"{relative}: {item}" for item in finder.found]
        elif path.suffix == ".css":
            offenders += [
                f"{relative}: CSS url()/@import {url}"
                for url in _css_references(text)
                if _absolute(url)
            ]
        else:
            if path.suffix == ".json":
                # JSON escapes '/' and '<' at will; read it back to plain text.
                with contextlib.suppress(ValueError):
                    text = json.dumps(json.loads(text), ensure_ascii=False)
            offenders += [
                f"{relative}: <{m.group(1)}> in the file's text: {m.group(2)}"
                for m in TAG_IN_TEXT.finditer(text)
            ]
    assert checked > 0, f"no HTML, JS, CSS or JSON files in {site_folder}"
    assert not offenders, "the site makes a browser load from the internet:\n  " + "\n  ".join(
        sorted(set(offenders))
    )

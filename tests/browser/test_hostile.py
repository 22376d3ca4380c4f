"""Hostile text in every free-text field, on every page of the site, in a real browser.

``tests/hostile/`` is the base project with payloads in every name, short label,
description, rationale, mitigation, evidence, note and source: HTML and script tags,
``javascript:`` and ``data:`` links, attribute lists, entities, Jinja, table breakers,
``</script>`` aimed at the charts' JSON, right-to-left overrides and a 300-character word.
It is built with ``mkdocs build --strict`` and served like the Amsterdam site; the harness's
``site_page`` opens it because this module overrides ``site``.

Before any script of a page runs, traps record every write to ``window.__pwned`` (which
every payload that runs makes) and every ``alert``/``confirm``/``prompt``. Every page is
opened, every chart hovered point by point so that its hover labels render, and then the
page must show the payloads as text: no trap, no dialog, no console error, no request
elsewhere, no ``on*`` attribute, no ``javascript:``/``data:`` URL, no frame or image from the
data, JSON that parses, tables with every row intact, names shown exactly as typed (in the h1,
in links and in hover labels), Jinja left as typed, and no right-to-left override that
reverses the page's own text after it. The theme's search results and the page a result
opens (with the query highlighted) get the same checks.

Pages are checked in groups that share a browser context, so that plotly.js is parsed once
per group; every problem names its page.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO, Site, SitePage, _is_local, build_site, serve
from .test_site import CHARTS_DRAWN, HEADING, normalise

HOSTILE = REPO / "tests" / "hostile"
BASE = REPO / "tests" / "base"
#: Entity kind (its folder in tests/hostile): (the folder of its pages, the field its h1 shows).
KINDS = {
    "domains": ("domeinen", "name"),
    "stakeholders": ("partners", "name"),
    "instruments": ("instrumenten", "name"),
    "measures": ("maatregelen", "title"),
}
#: Tables that list entities, one row each with a link to the entity's page in the first
#: cell: page -> (position of the table on the page, kind of entity).
ENTITY_TABLES = {
    "/": [(1, "domains")],
    "/speelveld/": [(0, "domains"), (1, "stakeholders"), (2, "instruments")],
    "/matrix/": [(0, "measures")],
    "/rapport/": [(0, "domains")],
    "/maatregelen/": [(0, "measures")],
    "/domeinen/": [(0, "domains")],
    "/partners/": [(0, "stakeholders")],
    "/instrumenten/": [(0, "instruments")],
}
SCREENSHOTS = {
    "/speelveld/": "hostile-speelveld",
    "/maatregelen/cameratoezicht/": "hostile-maatregelen-cameratoezicht",
}
INFOGRAPHIC = "/speelveld/"
JINJA = "{{ 7*7 }}"
#: What the measure and instrument titles say around JINJA, and what Jinja would make of it.
JINJA_EVALUATED = "rekensom 49 klaar"
PIPES = "a | b | c"
#: How long a hover label may take to appear once the mouse is over a point.
HOVER_MS = 1_500
#: Searches whose results show payloads from names, descriptions and tables.
SEARCHES = ("rekensom", "Gezondheid", "Keurmerk", "Uitgaansgebied")


# --- the data, read straight from tests/hostile ------------------------------------------------


@cache
def entities(kind: str) -> dict[str, dict[str, Any]]:
    folder = HOSTILE / kind
    found = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.yml"))
    }
    assert found, f"no YAML files in {folder}"
    return found


#: Embeddings, overrides and isolates: the site drops them, so that a right-to-left
#: name cannot reverse the text around it; every other character shows as typed.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def heading_of(kind: str, entity_id: str) -> str:
    return normalise(entities(kind)[entity_id][KINDS[kind][1]].translate(BIDI_CONTROLS))


def entity_pages() -> dict[str, tuple[str, str]]:
    """Every entity page by its path: (kind, id)."""
    return {
        f"/{folder}/{entity_id}/": (kind, entity_id)
        for kind, (folder, _) in KINDS.items()
        for entity_id in entities(kind)
    }


def strings(value: Any) -> Iterator[str]:
    """Every text in a parsed YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def table_texts(kind: str, entity_id: str) -> list[str]:
    """The one-line fields an entity's own page shows in a table cell."""
    data = entities(kind)[entity_id]
    if kind == "measures":
        texts = [
            effect.get(key) or ""
            for effect in data["effects"].values()
            for key in ("rationale", "mitigation", "evidence")
        ]
        return [*texts, (data.get("risks") or {}).get("note") or ""]
    if kind == "instruments":
        return [side["rationale"] for side in (data.get("side_effects") or {}).values()]
    return []


#: The pages, in groups that share a browser context (and so plotly.js in its cache); every
#: page is a fresh navigation with fresh traps, and every problem names its page.
GROUPS: dict[str, list[str]] = {
    "overviews": [
        "/",
        "/speelveld/",
        "/wat-als/",
        "/matrix/",
        "/rapport/",
        "/methode/",
        "/begrippen/",
        "/wijzigingen/",
    ],
    "indexes": ["/maatregelen/", "/domeinen/", "/partners/", "/instrumenten/"],
    **{
        f"{folder}-pages": [f"/{folder}/{entity_id}/" for entity_id in entities(kind)]
        for kind, (folder, _) in KINDS.items()
    },
}


# --- the hostile site, built and served like the Amsterdam site -------------------------------


@pytest.fixture(scope="module")
def hostile_site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/hostile built with ``mkdocs build --strict``, from a copy with an empty docs/."""
    work = tmp_path_factory.mktemp("hostile")
    project = work / "project"
    shutil.copytree(HOSTILE, project)
    shutil.copytree(BASE, work / "base")  # compare_with: ../base (the page Wijzigingen)
    (project / "docs").mkdir(exist_ok=True)
    return build_site(project, work / "site")


@pytest.fixture(scope="module")
def site(hostile_site_folder: Path) -> Iterator[Site]:
    """Overrides the harness's ``site``: its ``site_page`` opens the hostile site instead."""
    with serve(hostile_site_folder) as served:
        yield served


# --- traps, installed before any script of the page runs ---------------------------------------

#: Records every write to window.__pwned and every alert/confirm/prompt, with the script or
#: element that did it, through the binding __hostileTrap (available in every frame).
TRAPS = """
(() => {
  const fired = [];
  Object.defineProperty(window, '__hostileFired', {value: fired});
  const culprit = () => {
    const script = document.currentScript;
    if (script) return 'script in ' + (script.parentElement || script).outerHTML.slice(0, 300);
    const event = window.event;
    if (event && event.target && event.target.outerHTML) {
      return event.type + ' on ' + event.target.outerHTML.slice(0, 300);
    }
    return 'called from ' + String(new Error().stack).split('\\n').slice(2, 4).join(' / ');
  };
  const trap = (what) => {
    const record = what + ' at ' + location.href + ': ' + culprit();
    fired.push(record);
    try { window.__hostileTrap(record); } catch (error) { /* read from __hostileFired */ }
  };
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get() { return undefined; },
    set(value) { trap('window.__pwned = ' + JSON.stringify(String(value))); },
  });
  for (const name of ['alert', 'confirm', 'prompt']) {
    const replacement = function (...args) {
      trap(name + '(' + args.map(String).join(', ') + ')');
      return name === 'confirm' ? false : null;
    };
    Object.defineProperty(window, name, {value: replacement, configurable: false});
  }
})();
"""


@pytest.fixture
def hostile_page(site_page: SitePage) -> tuple[SitePage, list[str]]:
    """The harness's page with the traps installed; the list collects traps and dialogs."""
    fired: list[str] = []

    def on_dialog(dialog: Any) -> None:
        fired.append(f"dialog {dialog.type}: {dialog.message!r} on {site_page.page.url}")
        dialog.dismiss()

    site_page.page.expose_binding("__hostileTrap", lambda _source, record: fired.append(record))
    site_page.page.add_init_script(TRAPS)
    site_page.page.on("dialog", on_dialog)
    return site_page, fired


# --- what is checked on an open page -----------------------------------------------------------

#: Event-handler attributes, unsafe URLs, frames, images and scripts that came from the data.
DOM_PROBLEMS = """
() => {
  const problems = [];
  const snippet = (el) => (el.closest('td, th, li, p, h1, h2, h3, h4') || el).outerHTML
    .replace(/\\s+/g, ' ').slice(0, 400);
  const URLS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster',
                        'background', 'cite', 'ping']);
  const SAFE = new Set(['http:', 'https:', 'mailto:']);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        problems.push(`<${el.localName}> has the event-handler attribute ${attr.name}=` +
                      `${JSON.stringify(attr.value)}: ${snippet(el)}`);
      } else if (name === 'srcdoc') {
        problems.push(`<${el.localName}> has srcdoc: ${snippet(el)}`);
      } else if (URLS.has(name)) {
        let protocol;
        try { protocol = new URL(attr.value, document.baseURI).protocol; }
        catch (error) { protocol = '(no URL)'; }
        // plotly draws a heatmap as an <image> with a PNG data URL.
        const heatmap = el.localName === 'image' && el.closest('.speelveld-chart') &&
                        attr.value.startsWith('data:image/png;base64,');
        if (!SAFE.has(protocol) && protocol !== '(no URL)' && !heatmap) {
          problems.push(`<${el.localName}> has ${attr.name} with scheme ${protocol} ` +
                        `(${JSON.stringify(attr.value)}): ${snippet(el)}`);
        }
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet')) {
    problems.push(`a <${el.localName}> element: ${snippet(el)}`);
  }
  const content = document.querySelector('.md-content');
  if (!content) { problems.push('the page has no .md-content'); return problems; }
  const FROM_DATA = 'img, video, audio, source, picture, form, input, textarea, select, base, ' +
                    'meta, link, style, math, template, marquee, ' +
                    'details:not(.speelveld-detail)';  // the site's own details for reviewers
  // The site's own controls: the choice of view above the rings, the what-if page.
  const OWN = '.speelveld-views, #speelveld-wat-als';
  for (const el of content.querySelectorAll(FROM_DATA)) {
    if (el.localName === 'input' && el.closest(OWN)) { continue; }
    problems.push(`a <${el.localName}> element in .md-content: ${snippet(el)}`);
  }
  for (const el of content.querySelectorAll('svg')) {
    if (!el.closest('.speelveld-chart')) {
      problems.push(`an <svg> outside the charts in .md-content: ${snippet(el)}`);
    }
  }
  for (const el of document.querySelectorAll('script')) {
    const json = el.type === 'application/json';
    if (content.contains(el) && !json) {
      problems.push(`a <script> in .md-content: ${snippet(el)}`);
    } else if (!json && /__pwned|alert\\(/.test(el.textContent)) {
      problems.push(`a <script> with a payload: ${snippet(el)}`);
    }
  }
  return problems;
}
"""

#: Text from the data with an unterminated right-to-left override (U+202E and its kin)
#: reverses whatever the page writes after it in the same block, such as a score "0 → -1",
#: unless the text is isolated (<bdi>, unicode-bidi: isolate, or a block of its own).
BIDI_PROBLEMS = """
() => {
  const problems = [];
  const content = document.querySelector('.md-content');
  const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);
  const count = (text, pattern) => (text.match(pattern) || []).length;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    const open = count(text, /[\\u202A\\u202B\\u202D\\u202E]/g) > count(text, /\\u202C/g) ||
                 count(text, /[\\u2066-\\u2068]/g) > count(text, /\\u2069/g);
    if (!open) continue;
    if (node.parentElement.closest('svg')) continue;  // plotly: a chunk per line, no leak
    let block = null;
    for (let el = node.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (!style.display.startsWith('inline')) { block = el; break; }
      if (ISOLATING.has(style.unicodeBidi)) break;
    }
    if (!block) continue;
    const range = document.createRange();
    range.setStart(node, node.length);
    range.setEnd(block, block.childNodes.length);
    const rest = range.cloneContents();  // what the page writes after it, without the "#"
    rest.querySelectorAll('.headerlink').forEach((link) => link.remove());
    const after = rest.textContent.trim();
    if (after) {
      problems.push(`an unterminated right-to-left override in ` +
                    `${JSON.stringify(text.trim().slice(-60))} reverses the text after it, ` +
                    `${JSON.stringify(after.slice(0, 80))}: ` +
                    block.outerHTML.replace(/\\s+/g, ' ').slice(0, 400));
    }
  }
  return problems;
}
"""

#: Every JSON script: its id and, if it does not parse, why and what it holds.
JSON_PROBLEMS = """
() => {
  const problems = [];
  for (const el of document.querySelectorAll('script[type="application/json"]')) {
    try { JSON.parse(el.textContent); }
    catch (error) {
      problems.push(`<script type="application/json" id="${el.id}"> does not parse ` +
                    `(${error.message}); it holds ${JSON.stringify(el.textContent.slice(-200))}` +
                    ` and is followed by ${(el.nextSibling && (el.nextSibling.outerHTML ||
                    el.nextSibling.textContent) || '').slice(0, 200)}`);
    }
  }
  for (const chart of document.querySelectorAll('.speelveld-chart')) {
    const data = document.getElementById(chart.getAttribute('data-figure'));
    if (!data || data.type !== 'application/json') {
      problems.push(`chart #${chart.id} has no JSON script #${chart.getAttribute('data-figure')}`);
    }
  }
  return problems;
}
"""

#: Every table in the content: header width, and per body row its width, cells and links.
TABLES = """
() => [...document.querySelectorAll('.md-content table')].map((table) => {
  const width = (row) => [...row.cells].reduce((n, cell) => n + (cell.colSpan || 1), 0);
  const head = table.tHead && table.tHead.rows[0];
  return {
    header: head ? width(head) : null,
    headerText: head ? head.textContent.replace(/\\s+/g, ' ').trim() : '',
    rows: [...table.tBodies].flatMap((body) => [...body.rows]).map((row) => ({
      width: width(row),
      cells: [...row.cells].map((cell) => cell.textContent),
      firstLink: (() => {
        const link = row.cells[0] && row.cells[0].querySelector('a[href]');
        return link ? new URL(link.href).pathname : null;
      })(),
      html: row.outerHTML.replace(/\\s+/g, ' ').slice(0, 400),
    })),
  };
})
"""

#: Every link in the content, resolved, with its text.
LINKS = """
() => [...document.querySelectorAll('.md-content a[href]:not([href^="#"])')].map((a) => ({
  path: new URL(a.href, document.baseURI).pathname, text: a.textContent,
  html: a.outerHTML.slice(0, 300),
}))
"""

#: Markup in the search results that can only have come from the data.
SEARCH_PROBLEMS = """
() => [...document.querySelectorAll('.md-search-result')].flatMap((results) =>
  [...results.querySelectorAll('script, img, svg, iframe, object, embed, style')].map((el) =>
    `a <${el.localName}> in the search results: ` +
    el.parentElement.outerHTML.replace(/\\s+/g, ' ').slice(0, 400)))
"""

#: Resolves once the search results highlight the query (the results of this search).
SEARCH_FOUND = """
(query) => [...document.querySelectorAll('.md-search-result__item mark')]
  .some((mark) => mark.textContent.toLowerCase().startsWith(query.toLowerCase()))
"""

CONTENT_TEXT = "() => document.querySelector('.md-content').textContent"


def dom_problems(site_page: SitePage) -> list[str]:
    page = site_page.page
    problems: list[str] = (
        page.evaluate(DOM_PROBLEMS) + page.evaluate(JSON_PROBLEMS) + page.evaluate(BIDI_PROBLEMS)
    )
    markup = page.content()
    if JINJA_EVALUATED in markup:
        index = markup.index(JINJA_EVALUATED)
        problems.append(
            f"Jinja was evaluated: {JINJA_EVALUATED!r} in {markup[index - 200 : index + 50]!r}"
        )
    return problems


def table_problems(site_page: SitePage, path: str) -> list[str]:
    tables = site_page.page.evaluate(TABLES)
    problems = []
    for number, table in enumerate(tables):
        for row in table["rows"]:
            if table["header"] is not None and row["width"] != table["header"]:
                problems.append(
                    f"table {number} ({table['headerText']!r}) has {table['header']} columns, "
                    f"a row has {row['width']}: {row['html']}"
                )
    for number, kind in ENTITY_TABLES.get(path, []):
        folder = KINDS[kind][0]
        expected = {f"/{folder}/{entity_id}/" for entity_id in entities(kind)}
        if number >= len(tables):
            problems.append(f"table {number} (of {kind}) is missing: {len(tables)} tables")
            continue
        rows = tables[number]["rows"]
        linked = [row["firstLink"] for row in rows]
        if len(rows) != len(expected) or set(linked) != expected:
            problems.append(
                f"table {number} should have one row per {kind} ({len(expected)}) with a link "
                f"to its page; it has {len(rows)} rows linking to {linked}:\n    "
                + "\n    ".join(row["html"] for row in rows if row["firstLink"] not in expected)
            )
    cells = " ".join(" ".join(row["cells"]) for table in tables for row in table["rows"])
    page_entity = entity_pages().get(path)
    if page_entity:
        for value in table_texts(*page_entity):
            if PIPES in value and PIPES not in normalise(cells):
                problems.append(f"{value!r} is not intact in any table cell: {PIPES!r} is broken")
    return problems


def link_problems(site_page: SitePage) -> list[str]:
    """A link to an entity's page reads as the entity's name, exactly as typed."""
    pages = entity_pages()
    problems = []
    for link in site_page.page.evaluate(LINKS):
        if link["path"] in pages:
            kind, entity_id = pages[link["path"]]
            expected = heading_of(kind, entity_id)
            if normalise(link["text"]) != expected:
                problems.append(
                    f"the link to {link['path']} reads {normalise(link['text'])!r}, "
                    f"not {expected!r}: {link['html']}"
                )
    return problems


def text_problems(site_page: SitePage, path: str) -> list[str]:
    problems = []
    heading = site_page.page.evaluate(HEADING)
    if not heading:
        problems.append("the page has no h1")
    page_entity = entity_pages().get(path)
    if page_entity:
        expected = heading_of(*page_entity)
        if normalise(heading or "") != expected:
            problems.append(f"the h1 reads {normalise(heading or '')!r}, not {expected!r}")
        typed = list(strings(entities(page_entity[0])[page_entity[1]]))
        if any(JINJA in value for value in typed):
            text = site_page.page.evaluate(CONTENT_TEXT)
            if JINJA not in text:
                problems.append(f"{JINJA!r} from the data does not appear as typed on the page")
    return problems


# --- hovering over every point of every chart --------------------------------------------------

#: For every point of a drawn plot (pie slice, bar, dot, heatmap cell): a viewport position
#: over it, found by scanning the point's box for a spot that hits the point itself.
HOVER_POINTS = """
(plot) => {
  const points = [];
  const hitting = (element, group) => {
    const box = element.getBoundingClientRect();
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const x = box.x + box.width * i / 12, y = box.y + box.height * j / 12;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.closest(group) === element.closest(group)) return {x, y};
      }
    }
    return {x: box.x + box.width / 2, y: box.y + box.height / 2};
  };
  plot.querySelectorAll('g.slice path.surface').forEach((surface, index) =>
    points.push({what: `slice ${index}`, ...hitting(surface, 'g.slice')}));
  plot.querySelectorAll('g.point path').forEach((bar, index) => {
    const box = bar.getBoundingClientRect();  // a bar of score 0 has no width to hover
    if (box.width >= 1 && box.height >= 1) {
      points.push({what: `bar ${index}`, ...hitting(bar, 'g.point')});
    }
  });
  plot.querySelectorAll('g.scatterlayer path.point').forEach((dot, index) => {
    const box = dot.getBoundingClientRect();  // the drag layer lies over it: its middle
    points.push({what: `dot ${index}`, x: box.x + box.width / 2, y: box.y + box.height / 2});
  });
  const heatmap = (plot.data || []).find((trace) => trace.type === 'heatmap');
  const drag = plot.querySelector('.nsewdrag');
  if (heatmap && drag) {
    const box = drag.getBoundingClientRect();
    const rows = heatmap.z.length, columns = heatmap.z[0].length;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        points.push({what: `cell ${r},${c}`, x: box.x + box.width * (c + 0.5) / columns,
                     y: box.y + box.height * (r + 0.5) / rows});
      }
    }
  }
  return points;
}
"""

HOVER_LABEL = "() => document.querySelectorAll('.hoverlayer .hovertext').length > 0"
HOVER_TEXTS = """
() => [...document.querySelectorAll('.hoverlayer .hovertext')].map((label) => label.textContent)
"""


def hover_every_point(site_page: SitePage) -> tuple[list[str], list[str]]:
    """Hover every point of every chart; the hover labels read, and points that showed none."""
    page = site_page.page
    page.wait_for_function(CHARTS_DRAWN)
    labels: list[str] = []
    silent: list[str] = []
    for number, plot in enumerate(page.locator(".speelveld-chart .js-plotly-plot").all()):
        plot.scroll_into_view_if_needed()
        points = plot.evaluate(HOVER_POINTS)
        assert points, f"chart {number} on {site_page.path} has no point to hover"
        for point in points:
            page.mouse.move(1, 1)
            page.mouse.move(point["x"], point["y"], steps=2)
            try:
                page.wait_for_function(HOVER_LABEL, timeout=HOVER_MS)
            except Exception:  # playwright's TimeoutError: no label for this point
                silent.append(f"chart {number} {point['what']}")
                continue
            labels.extend(page.evaluate(HOVER_TEXTS))
    page.mouse.move(1, 1)
    return labels, silent


# --- the tests ----------------------------------------------------------------------------------


def hover_problems(path: str, labels: list[str]) -> list[str]:
    """On the infographic, every name shows in its hover label exactly as typed."""
    if path != INFOGRAPHIC:
        return []
    shown = " ".join(normalise(label) for label in labels)
    return [
        f"no hover label shows the name {heading_of(kind, entity_id)!r} as typed; "
        f"the labels read: {labels}"
        for kind in ("domains", "stakeholders", "instruments")
        for entity_id in entities(kind)
        if heading_of(kind, entity_id) not in shown
    ]


def check_page(site_page: SitePage, fired: list[str], path: str) -> list[str]:
    """Open ``path``, hover every chart point, and list every way hostile text got through."""
    before = (
        len(fired),
        len(site_page.console_errors),
        len(site_page.page_errors),
        len(site_page.requests),
    )
    site_page.goto(path)
    labels: list[str] = []
    problems: list[str] = []
    if site_page.page.locator(".speelveld-chart").count():
        labels, silent = hover_every_point(site_page)
        if not labels:
            problems.append("hovering the charts showed no hover label at all")
        problems += [f"{point} showed no hover label" for point in silent]
    if path in SCREENSHOTS:
        site_page.page.evaluate("window.scrollTo(0, 0)")
        assert site_page.screenshot(SCREENSHOTS[path]).stat().st_size > 0
    requests = site_page.requests[before[3] :]
    # The binding reports from every frame; the page's own list covers a record in flight.
    in_page = site_page.page.evaluate("() => window.__hostileFired || []")
    traps = fired[before[0] :] + [record for record in in_page if record not in fired]
    problems += (
        [f"trap fired: {record}" for record in traps]
        + dom_problems(site_page)
        + table_problems(site_page, path)
        + link_problems(site_page)
        + text_problems(site_page, path)
        + hover_problems(path, labels)
        + [f"console error: {error}" for error in site_page.console_errors[before[1] :]]
        + [f"page error: {error}" for error in site_page.page_errors[before[2] :]]
        + [f"request elsewhere: {url}" for url in sorted(set(requests)) if not _is_local(url)]
    )
    return [f"{path}: {problem}" for problem in problems]


@pytest.mark.parametrize("paths", GROUPS.values(), ids=GROUPS.keys())
def test_hostile_text_stays_text(
    hostile_page: tuple[SitePage, list[str]], paths: list[str]
) -> None:
    site_page, fired = hostile_page
    problems = [problem for path in paths for problem in check_page(site_page, fired, path)]
    assert not problems, "hostile text got through:\n  " + "\n  ".join(problems)
    site_page.assert_clean()


def test_every_built_page_is_checked(hostile_site_folder: Path) -> None:
    """A page type added to the site is a page these tests must open too."""
    folders = {
        p.parent.relative_to(hostile_site_folder) for p in hostile_site_folder.rglob("index.html")
    }
    built = {"/" if f == Path() else f"/{f.as_posix()}/" for f in folders}
    checked = {path for paths in GROUPS.values() for path in paths}
    assert built == checked, (
        f"pages built but not checked: {sorted(built - checked)}; "
        f"checked but not built: {sorted(checked - built)}"
    )


def test_search_results_show_hostile_text_as_text(
    hostile_page: tuple[SitePage, list[str]],
) -> None:
    """The theme's search shows titles and text from its index, and highlights the query on
    the page a result opens: no payload may run or turn into markup there either."""
    site_page, fired = hostile_page
    site_page.goto("/methode/")  # a page without charts: no plotly.js to wait for
    page = site_page.page
    search = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item")
    for query in SEARCHES:
        search.click()
        search.fill("")
        page.keyboard.type(query)
        page.wait_for_function(SEARCH_FOUND, arg=query)
        problems = dom_problems(site_page) + page.evaluate(SEARCH_PROBLEMS)
        assert not problems, f"search for {query!r}:\n  " + "\n  ".join(problems)
    results.first.locator("a.md-search-result__link").first.click()
    page.wait_for_url("**/?h=*")
    site_page.settle()
    page.locator(".md-content mark").first.wait_for(state="attached")
    problems = [f"trap fired: {record}" for record in fired] + dom_problems(site_page)
    assert not problems, f"{page.url}:\n  " + "\n  ".join(problems)
    site_page.assert_clean()

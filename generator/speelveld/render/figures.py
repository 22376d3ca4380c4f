"""Plotly figures as plain dictionaries, drawn by plotly.js in the browser.

Building figures through ``plotly.graph_objects`` costs milliseconds each;
plain dictionaries cost microseconds and serialise to the same JSON.
"""

from __future__ import annotations

from typing import Any

from .. import interactions
from ..coverage import Coverage
from ..kinds import BY_NAME, RINGS, Kind
from ..model import IN_FORCE_PORTFOLIO, SCALE, Measure
from ..report import Report
from . import text
from .paths import index_page, target
from .vocabulary import signed

#: Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
#: Diverging purple-orange (ColorBrewer PuOr), colour-blind safe; -3 .. +3.
DIVERGING = ("#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788")
UNUSED = "#d9d9d9"
#: The rule whose findings mark a domain as not covered in the infographic.
UNCOVERED_CODE = "domain-uncovered"
#: Below this width (in CSS pixels) speelveld.js draws a figure's ``narrow`` version.
NARROW_PX = 600
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def domain_colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` 0 keeps it, 1 makes it white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _layout(**extra: Any) -> dict[str, Any]:
    return {
        "font": FONT,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        **extra,
    }


def _placed(inner: float, outer: float) -> dict[str, Any]:
    """A ring from radius ``inner`` to ``outer`` (fractions of the whole), as plotly places it."""
    low, high = 0.5 - outer / 2, 0.5 + outer / 2
    return {"hole": inner / outer, "domain": {"x": [low, high], "y": [low, high]}}


#: Where the rings lie (from, to; fractions of the radius): on a narrow screen the domains
#: get more room, so that their names stay legible where the outer labels cannot.
RADII = {
    "wide": ((0.66, 1.0), (0.33, 0.66), (0.0, 0.33)),
    "narrow": ((0.79, 1.0), (0.48, 0.79), (0.0, 0.48)),
}


def _ring(
    name: str,
    segments: list[dict[str, Any]],
    radii: tuple[float, float],
    font_size: int,
    orientation: str = "radial",
) -> dict[str, Any]:
    return _placed(*radii) | {
        "type": "pie",
        "name": name,
        "labels": [s["key"] for s in segments],
        "text": [s["label"] for s in segments],
        "values": [s["value"] for s in segments],
        "customdata": [s["link"] for s in segments],
        "hovertext": [s["hover"] for s in segments],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "textinfo": "text",
        "textposition": "inside",
        "insidetextorientation": orientation,
        "textfont": {"size": font_size, "color": "#1a1a1a"},
        "marker": {
            "colors": [s["colour"] for s in segments],
            "line": {"color": "#ffffff", "width": 1.5},
            "pattern": {"shape": ["" for _ in segments], "fgcolor": "#555555", "size": 6},
        },
        "sort": False,
        "direction": "clockwise",
        "rotation": 0,
        "showlegend": False,
    }


def _segment(
    kind: Kind, entity_id: str, name: str, short: str, description: str, colour: str
) -> dict[str, Any]:
    """A segment as every view draws it; :data:`VIEW_STATES` says what a view adds."""
    return {
        "key": f"{kind.pages}/{entity_id}/{colour}",
        "label": _wrap(short),
        "value": 1.0,
        "link": target(kind.pages, entity_id),
        "hover": f"<b>{text.label(name)}</b><br>{text.label(_first_line(description))}",
        "colour": colour,
    }


#: A word longer than this is cut over lines in a chart label.
LONGEST_WORD = 24


def _wrap(value: str, width: int = 16) -> str:
    """Advisor text as a chart label broken over lines of about ``width`` characters.

    A very long word is cut, so that no label can push the chart off the screen;
    the lines are escaped one by one, after the breaking.
    """
    lines: list[str] = []
    longest = max(width, LONGEST_WORD)
    for whole in " ".join(value.split()).split(" "):
        pieces = [whole[i : i + longest] for i in range(0, len(whole), longest)] or [""]
        for word in pieces:
            if lines and len(lines[-1]) + len(word) < width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
    return "<br>".join(text.label(line) for line in lines)


def _shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _first_line(description: str, limit: int = 90) -> str:
    return _shorten(description.split(". ")[0], limit)


#: The most partners or instruments a ring shows per domain; beyond it, the ones with the
#: most measures are shown and the rest are one segment "en N andere" (reachable through
#: the index pages), so that the page stays small and every label legible at any size.
RING_LIMIT = 12
#: Where the rings around the domains lie in the figure (see :data:`speelveld.kinds.RINGS`),
#: and how much lighter than its domain's colour each draws a segment.
PLACES = (("middle", 0.45), ("outer", 0.7))


def _ranked(members: list[Any], uses: dict[str, list[str]]) -> list[Any]:
    """The members with the most measures first; ties keep the order of the files."""
    return sorted(members, key=lambda member: -len(uses.get(member.id, [])))


def outline(report: Report) -> list[dict[str, Any]]:
    """What the rings show, per domain: the text equivalent of the infographic.

    Per domain and ring at most :data:`RING_LIMIT` segments: the members with the most
    measures in the plan, and ``others`` for how many more there are. Counts are given for
    the plan and for the policy in force, the two views every project has. A ring's
    ``kind`` is the folder of its members' pages.
    """
    project = report.project
    plan, in_force = report.plan, report.portfolios[IN_FORCE_PORTFOLIO]
    uses = {kind.name: ring_uses(plan.coverage, kind) for kind in RINGS}
    used_in_force = {kind.name: ring_uses(in_force.coverage, kind) for kind in RINGS}
    uncovered = {
        portfolio.id: {f.subject.id for f in portfolio.findings if f.code == UNCOVERED_CODE}
        for portfolio in (plan, in_force)
    }
    sectors = []
    for domain in project.domains.values():
        rings = []
        for kind in RINGS:
            entities = project.entities(kind.name).values()
            members = [e for e in entities if domain.id in e.domains]
            ranked = _ranked(members, uses[kind.name])
            shown = ranked if len(ranked) <= RING_LIMIT else ranked[: RING_LIMIT - 1]
            rings.append(
                {
                    "kind": kind.pages,
                    "title": kind.title,
                    "noun": kind.word,
                    "members": [
                        {
                            "id": member.id,
                            "name": member.name,
                            "description": member.description,
                            "measures": len(uses[kind.name].get(member.id, [])),
                            "in_force": len(used_in_force[kind.name].get(member.id, [])),
                        }
                        for member in shown
                    ],
                    "others": len(ranked) - len(shown),
                }
            )
        sectors.append(
            {
                "domain": {
                    "id": domain.id,
                    "name": domain.name,
                    "short": domain.short,
                    "description": domain.description,
                },
                "measures": plan.coverage.domains[domain.id].positive,
                "in_force": in_force.coverage.domains[domain.id].positive,
                "uncovered": domain.id in uncovered[plan.id],
                "uncovered_in_force": domain.id in uncovered[in_force.id],
                "rings": rings,
            }
        )
    return sectors


def ring_uses(coverage: Coverage, kind: Kind) -> dict[str, list[str]]:
    """Per member of a ring of the speelveld, the measures that use it."""
    assert kind.ring is not None
    use: dict[str, list[str]] = getattr(coverage, kind.ring.use)
    return use


def _others(kind: Kind, count: int, domain: str, colour: str) -> dict[str, Any]:
    """The segment that stands for the members a ring leaves out of one domain."""
    assert kind.ring is not None
    plural = kind.ring.plural
    return {
        "key": f"{kind.pages}/+/{domain}",
        "label": f"en {count} andere",
        "value": 1.0,
        "link": index_page(kind.name).removesuffix(".md"),
        "hover": (
            f"<b>En {count} andere {plural}</b> in dit domein, met minder maatregelen;"
            f"<br>alle {plural} staan op de pagina {kind.title}"
        ),
        "colour": colour,
    }


#: What a segment stands for in a view: no measure of the view uses it, only proposals
#: do, or a measure in force does. speelveld.js draws them grey and hatched, dotted, solid.
NONE, PROPOSED, IN_FORCE = 0, 1, 2
#: The rings' legend: what each way of drawing a segment means.
RING_LEGEND = (
    {"label": "Met een geldende maatregel", "pattern": "", "colour": "#a6a6a6"},
    {"label": "Alleen met voorstellen", "pattern": "dots", "colour": "#a6a6a6"},
    {"label": "Zonder maatregel (∅)", "pattern": "hatch", "colour": UNUSED},
    {"label": "Domein met te weinig maatregelen (⚠)", "pattern": "hatch", "colour": "#a6a6a6"},
)

#: Per ring, the entity each segment stands for (``["domain", id]``), or ``None``.
Refs = list[list[list[str] | None]]


def _state(measure_ids: list[str], measures: dict[str, Measure]) -> int:
    if not measure_ids:
        return NONE
    return IN_FORCE if any(measures[m].in_force for m in measure_ids) else PROPOSED


def views(report: Report, refs: Refs) -> dict[str, dict[str, Any]]:
    """Per portfolio, what each segment of the rings stands for: its measures and state."""
    measures = report.project.measures
    result = {}
    for portfolio in report.portfolios.values():
        coverage = portfolio.coverage
        serving = {
            domain: [m for m in portfolio.measures if (coverage.matrix[m][domain] or 0) > 0]
            for domain in coverage.domains
        }
        used = {kind.name: ring_uses(coverage, kind) for kind in RINGS} | {"domain": serving}
        counts, states = [], []
        for ring in refs:
            named = [used[ref[0]].get(ref[1], []) if ref else [] for ref in ring]
            counts.append([len(ids) for ids in named])
            states.append(
                [
                    _state(ids, measures) if ref else IN_FORCE
                    for ids, ref in zip(named, ring, strict=True)
                ]
            )
        result[portfolio.id] = {
            "title": portfolio.title,
            "counts": counts,
            "states": states,
            "uncovered": sorted(
                {f.subject.id for f in portfolio.findings if f.code == UNCOVERED_CODE}
            ),
        }
    return result


def speelveld(report: Report, view: str = IN_FORCE_PORTFOLIO) -> dict[str, Any]:
    """Three concentric rings: domains, the partners per domain, the instruments per domain.

    A partner or instrument that serves several domains stands in each of their sectors;
    every sector has the same angle, so the rings line up with the domains inside. The
    figure carries its text equivalent as ``outline`` (see :func:`outline`) and, as
    ``rings``, what each segment stands for in every portfolio: speelveld.js paints the
    ``view`` it starts with, and any other the reader chooses.
    """
    sectors = outline(report)
    shown = {
        kind.pages: sorted({m["id"] for s in sectors for m in s["rings"][n]["members"]})
        for n, kind in enumerate(RINGS)
    }
    project = report.project
    totals = {kind.pages: len(project.entities(kind.name)) for kind in RINGS}
    domains = BY_NAME["domain"]
    rings: dict[str, list[dict[str, Any]]] = {"inner": [], "middle": [], "outer": []}
    refs: dict[str, list[list[str] | None]] = {"inner": [], "middle": [], "outer": []}
    for index, sector in enumerate(sectors):
        domain = sector["domain"]
        colour = domain_colour(index)
        rings["inner"].append(
            _segment(
                domains,
                domain["id"],
                domain["name"],
                domain["short"],
                domain["description"],
                colour,
            )
        )
        refs["inner"].append([domains.name, domain["id"]])
        for (place, amount), kind, part in zip(PLACES, RINGS, sector["rings"], strict=True):
            members = part["members"]
            assert kind.ring is not None
            segments = [
                _segment(
                    kind, m["id"], m["name"], m["name"], m["description"], tint(colour, amount)
                )
                for m in members
            ]
            references: list[list[str] | None] = [[kind.name, m["id"]] for m in members]
            if part["others"]:
                segments.append(_others(kind, part["others"], domain["id"], tint(colour, 0.85)))
                references.append(None)
            if not segments:
                segments.append(
                    {
                        "key": f"{kind.pages}/-/{domain['id']}",
                        "label": "",
                        "value": 1.0,
                        "link": "",
                        "hover": f"Geen {kind.ring.plural} in {text.label(domain['name'])}",
                        "colour": "#ffffff",
                    }
                )
                references.append(None)
            for segment in segments:
                segment["value"] = 1.0 / len(segments)
            rings[place].extend(segments)
            refs[place].extend(references)
    order = [refs["outer"], refs["middle"], refs["inner"]]
    middle, outer = RINGS
    return {
        "data": [
            _ring(outer.title, rings["outer"], RADII["wide"][0], 12, "auto"),
            _ring(middle.title, rings["middle"], RADII["wide"][1], 12, "auto"),
            _ring(domains.title, rings["inner"], RADII["wide"][2], 15, "auto"),
        ],
        "layout": _layout(height=680, hoverlabel={"align": "left"}),
        # Never taller than wide; speelveld.js hides labels below MIN_LABEL_PX.
        "aspect": 1.0,
        "narrow": {"below": NARROW_PX, "data": [_placed(*r) for r in RADII["narrow"]]},
        "outline": sectors,
        "ring_limit": RING_LIMIT,
        # Per ring: the members it shows in some domain, and how many it shows in none.
        "shown": shown,
        "grouped": {kind: totals[kind] - len(shown[kind]) for kind in shown},
        "rings": {"segments": order, "views": views(report, order), "view": view},
        "legend": [dict(step) for step in RING_LEGEND],
    }


def effect_profile(report: Report, measure_id: str) -> list[dict[str, Any]]:
    """The measure's score on every domain as bars from the middle: HTML, no script.

    Per domain its name, the score as the scale writes it, the side and length of its bar
    (a third of the half per step) and its colour. Drawn with CSS, the figure needs no
    chart library, prints as it shows, and its text is the scores themselves.
    """
    measure = report.project.measures[measure_id]
    bars = []
    for domain in report.project.domains.values():
        effect = measure.effects.get(domain.id)
        score = effect.score if effect else None
        bars.append(
            {
                "domain": domain,
                "score": score,
                "label": f"{signed(score)} {SCALE[score]}"
                if score is not None
                else "niet beoordeeld",
                "side": "positive" if (score or 0) > 0 else "negative",
                "width": round(abs(score or 0) / 3 * 100, 1),
                "colour": DIVERGING[(score or 0) + 3],
            }
        )
    return bars


#: Row labels of the matrix: characters per line on a wide and on a narrow screen.
ROW_LABEL_WIDTH = {"wide": 40, "narrow": 22}
LINE_PX = 15


def legend() -> list[dict[str, str]]:
    """Every score of the scale with its Dutch name and colour, from -3 to +3."""
    return [
        {
            "score": signed(v),
            "name": SCALE[v],
            "label": f"{signed(v)} {SCALE[v]}",
            "colour": DIVERGING[v + 3],
            "pattern": "",
        }
        for v in range(-3, 4)
    ]


def _score_heatmap(
    z: list[list[int | None]], hovertext: list[list[str]], **extra: Any
) -> dict[str, Any]:
    """A grid of scores on the scale of the effects (-3..+3), each cell with its number."""
    return {
        "type": "heatmap",
        "z": z,
        "x": list(range(len(z[0]) if z else 0)),
        "y": list(range(len(z))),
        "text": [["—" if v is None else signed(v) for v in row] for row in z],
        "hovertext": hovertext,
        **extra,
        "zmin": -3,
        "zmax": 3,
        "colorscale": [[i / 6, colour] for i, colour in enumerate(DIVERGING)],
        "showscale": False,
        "texttemplate": "%{text}",
        "hovertemplate": "%{hovertext}: %{text}<extra></extra>",
        "xgap": 2,
        "ygap": 2,
    }


def _grid_axes(
    columns: list[str], rows: list[str], *, across: str = "", down: str = ""
) -> dict[str, dict[str, Any]]:
    """The axes of a grid of scores: column labels on top, the first row at the top, no
    ticks or grid lines; ``across`` and ``down`` title them."""
    plain = {"fixedrange": True, "showgrid": False, "zeroline": False, "ticks": ""}
    xaxis = {
        "side": "top",
        **plain,
        "tickangle": 0,
        "automargin": True,
        "tickvals": list(range(len(columns))),
        "ticktext": columns,
    }
    yaxis = {
        "autorange": "reversed",
        "automargin": True,
        **plain,
        "tickvals": list(range(len(rows))),
        "ticktext": rows,
    }
    if across:
        xaxis["title"] = {"text": across}
    if down:
        yaxis["title"] = {"text": down}
    return {"xaxis": xaxis, "yaxis": yaxis}


def _rows(titles: list[str], width: int) -> tuple[list[str], int]:
    """The row labels wrapped at ``width`` characters, and the height of a row in pixels."""
    wrapped = [_wrap(title, width) for title in titles]
    lines = max((label.count("<br>") + 1 for label in wrapped), default=1)
    return wrapped, max(28, 10 + LINE_PX * lines)


def matrix(report: Report, measure_ids: list[str]) -> dict[str, Any]:
    """Measures by domains, with the score written in every cell.

    Rows are numbered rather than named, so two measures with the same title keep a row
    each; every row is labelled with the full title, wrapped. The scale is an HTML legend
    (``legend``) beside the figure: seven labels that a colour bar cannot fit on a phone.
    """
    project = report.project
    domains = list(project.domains.values())
    measures = BY_NAME["measure"].pages
    z = [[report.coverage.matrix[m][d.id] for d in domains] for m in measure_ids]
    titles = [project.measures[m].title for m in measure_ids]
    wide, wide_row = _rows(titles, ROW_LABEL_WIDTH["wide"])
    narrow, narrow_row = _rows(titles, ROW_LABEL_WIDTH["narrow"])
    columns = [_wrap(d.short, 10) for d in domains]
    upright = [_wrap(d.short, 12) for d in domains]
    longest = max((len(line) for label in upright for line in label.split("<br>")), default=0)
    return {
        "data": [
            _score_heatmap(
                z,
                [
                    [f"{text.label(title)}<br>{text.label(d.short)}" for d in domains]
                    for title in titles
                ],
                customdata=[[target(measures, m)] * len(domains) for m in measure_ids],
            )
        ],
        "layout": _layout(
            height=90 + wide_row * len(measure_ids),
            margin={"l": 10, "r": 10, "t": 10, "b": 10},
            **_grid_axes(columns, wide),
        ),
        "narrow": {
            "below": NARROW_PX,
            "layout": {
                "height": 130 + narrow_row * len(measure_ids),
                "font": {"size": 12},
                # Upright column labels; their room is set, plotly's automargin misjudges it.
                "margin": {"t": 16 + 7 * longest},
                "xaxis": {"tickangle": -90, "ticktext": upright, "automargin": False},
                "yaxis": {"ticktext": narrow},
            },
        },
        "legend": legend(),
    }


#: The colours of the options in a comparison: the policy in force grey, the others the
#: palette in the order of the options; every bar also has a dark outline.
OPTION_COLOURS = ("#767676", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")


def options(report: Report) -> dict[str, Any]:
    """Per domain, how many measures serve it in each option: a bar per option.

    The policy in force first, then the plan and the scenarios; its text equivalent is
    the table of the same numbers beside it on the Rapport.
    """
    domains = list(report.project.domains.values())
    portfolios = list(report.portfolios.values())
    names = [_wrap(d.short, 20) for d in domains]
    traces = []
    most = 0
    for index, portfolio in enumerate(portfolios):
        counts = [portfolio.coverage.domains[d.id].positive for d in domains]
        most = max([most, *counts])
        title = text.label(portfolio.option_title)
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": _wrap(portfolio.option_title, 32),
                "x": counts,
                "y": names,
                "text": [str(c) for c in counts],
                "textposition": "outside",
                "textfont": {"size": 12},
                "cliponaxis": False,
                "marker": {
                    "color": OPTION_COLOURS[index % len(OPTION_COLOURS)],
                    "line": {"color": "#1a1a1a", "width": 1},
                },
                "hovertext": [
                    f"{title}<br>{text.label(d.name)}: {c} "
                    f"{'maatregel' if c == 1 else 'maatregelen'}"
                    for d, c in zip(domains, counts, strict=True)
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    return {
        "data": traces,
        "layout": _layout(
            height=120 + len(domains) * (18 * len(portfolios) + 28),
            barmode="group",
            # A count beside its bar never shrinks below what a reader can read.
            uniformtext={"minsize": 12, "mode": "show"},
            margin={"l": 10, "r": 30, "t": 10, "b": 50},
            legend={
                "orientation": "h",
                "x": 0,
                "y": 1.0,
                "yanchor": "bottom",
                "traceorder": "normal",
            },
            xaxis={
                "title": {"text": "Maatregelen met een positief effect op het domein"},
                "range": [0, most + 1],
                "fixedrange": True,
                "gridcolor": "#e0e0e0",
            }
            | ({"dtick": 1} if most <= 12 else {}),
            yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        ),
        "narrow": {
            "below": NARROW_PX,
            "data": [
                {"y": [_wrap(d.short, 12) for d in domains], "name": _wrap(p.option_title, 20)}
                for p in portfolios
            ],
            "layout": {"xaxis": {"title": {"text": "Maatregelen met positief effect"}}},
        },
    }


def interaction_matrix(report: Report) -> dict[str, Any]:
    """The interactions between domains: a row per domain that works through (from), a
    column per domain it works through in (to), the score written in every cell.

    A pair that is not listed counts as 0; a domain with itself has no cell (a dash). Its
    text equivalent is the table of the same scores, with their rationale, on the Matrix.
    """
    project = report.project
    domains = list(project.domains.values())
    scores = project.interaction_scores
    z: list[list[int | None]] = [
        [None if a.id == b.id else scores.get((a.id, b.id), 0) for b in domains] for a in domains
    ]
    rows = [_wrap(d.short, 20) for d in domains]
    columns = [_wrap(d.short, 10) for d in domains]
    return {
        "data": [
            _score_heatmap(
                z,
                [
                    [f"Van {text.label(a.short)} naar {text.label(b.short)}" for b in domains]
                    for a in domains
                ],
            )
        ],
        "layout": _layout(
            height=110 + 48 * len(domains),
            **_grid_axes(columns, rows, across="naar (to)", down="van (from)"),
        ),
        "narrow": {
            "below": NARROW_PX,
            "layout": {
                "font": {"size": 12},
                "xaxis": {"tickangle": -90, "ticktext": [_wrap(d.short, 12) for d in domains]},
                "yaxis": {"ticktext": [_wrap(d.short, 12) for d in domains]},
            },
        },
        "legend": legend(),
    }


def influence(report: Report) -> dict[str, Any]:
    """Every domain in MICMAC's direct plane: across, the sum of the interactions that come
    in (dependence); up, the sum of those that go out (influence).

    A dot per domain, named, in the domain's colour; its text equivalent is the table of the
    same sums on the Matrix.
    """
    project = report.project
    domains = list(project.domains.values())
    placed = interactions.positions(project.interaction_scores, project.domains)
    reach = max([3, *(abs(p.influence) for p in placed), *(abs(p.dependence) for p in placed)])
    span = [-reach - 1, reach + 1]
    axis = {
        "range": span,
        "fixedrange": True,
        "zeroline": True,
        "zerolinecolor": "#767676",
        "zerolinewidth": 2,
        "gridcolor": "#e0e0e0",
    } | ({"dtick": 1} if reach <= 6 else {})
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [p.dependence for p in placed],
                "y": [p.influence for p in placed],
                "text": [_wrap(d.short, 14) for d in domains],
                "textposition": "top center",
                "cliponaxis": False,
                "marker": {
                    "size": 14,
                    "color": [domain_colour(i) for i in range(len(domains))],
                    "line": {"color": "#1a1a1a", "width": 1},
                },
                "hovertext": [
                    f"{text.label(d.name)}<br>invloed {signed(p.influence)}, "
                    f"afhankelijkheid {signed(p.dependence)}"
                    for d, p in zip(domains, placed, strict=True)
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "showlegend": False,
            }
        ],
        "layout": _layout(
            height=460,
            margin={"l": 10, "r": 20, "t": 20, "b": 10},
            xaxis=axis
            | {
                "title": {"text": "Afhankelijkheid: som van de inkomende interacties"},
                "automargin": True,
            },
            yaxis=axis
            | {"title": {"text": "Invloed: som van de uitgaande interacties"}, "automargin": True},
        ),
        "narrow": {
            "below": NARROW_PX,
            "layout": {
                "height": 380,
                "font": {"size": 12},
                "xaxis": {"title": {"text": "Afhankelijkheid (inkomend)"}},
                "yaxis": {"title": {"text": "Invloed (uitgaand)"}},
            },
        },
    }

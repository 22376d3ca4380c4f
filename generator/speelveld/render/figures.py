"""Plotly figures as plain dictionaries, drawn by plotly.js in the browser.

Building figures through ``plotly.graph_objects`` costs milliseconds each;
plain dictionaries cost microseconds and serialise to the same JSON.
"""

from __future__ import annotations

from typing import Any

from ..model import SCALE
from ..report import Report
from . import text
from .paths import target
from .vocabulary import signed

#: Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
#: Diverging purple-orange (ColorBrewer PuOr), colour-blind safe; -3 .. +3.
DIVERGING = ("#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788")
UNUSED = "#d9d9d9"
#: The rule whose findings mark a domain as not covered in the infographic.
UNCOVERED_CODE = "domain-uncovered"
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


def _ring(
    name: str,
    segments: list[dict[str, Any]],
    size: float,
    hole: float,
    font_size: int,
    orientation: str = "radial",
) -> dict[str, Any]:
    low, high = 0.5 - size / 2, 0.5 + size / 2
    used = [s["used"] for s in segments]
    return {
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
            "pattern": {
                "shape": ["" if u else "/" for u in used],
                "fgcolor": "#555555",
                "size": 6,
            },
        },
        "hole": hole,
        "sort": False,
        "direction": "clockwise",
        "rotation": 0,
        "domain": {"x": [low, high], "y": [low, high]},
        "showlegend": False,
    }


def _segment(
    kind: str,
    entity_id: str,
    name: str,
    short: str,
    description: str,
    measures: int,
    colour: str,
    value: float,
) -> dict[str, Any]:
    count = (
        f"{measures} maatregel{'' if measures == 1 else 'en'}" if measures else ("geen maatregel")
    )
    return {
        "key": f"{kind}/{entity_id}/{colour}",
        "label": _wrap(text.label(short)) + ("" if measures else " ∅"),
        "value": value,
        "link": target(kind, entity_id),
        "hover": f"<b>{text.label(name)}</b><br>{text.label(_first_line(description))}<br>{count}",
        "colour": colour if measures else UNUSED,
        "used": bool(measures),
    }


def _mark_uncovered(segment: dict[str, Any]) -> None:
    """A domain with too few measures serving it: hatched, and said in words."""
    segment["label"] += " ⚠"
    segment["hover"] += "<br><b>Fout: te weinig maatregelen dienen dit domein</b>"
    segment["used"] = False  # the hatching of the ring


def _wrap(label: str, width: int = 16) -> str:
    """Break a long label over lines so that it fits a ring segment."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def _shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _first_line(description: str, limit: int = 90) -> str:
    return _shorten(description.split(". ")[0], limit)


def speelveld(report: Report) -> dict[str, Any]:
    """Three concentric rings: domains, the partners per domain, the instruments per domain.

    A partner or instrument that serves several domains stands in each of their sectors;
    every sector has the same angle, so the rings line up with the domains inside.
    """
    project, coverage = report.project, report.coverage
    uncovered = {f.subject.id for f in report.plan.findings if f.code == UNCOVERED_CODE}
    inner: list[dict[str, Any]] = []
    middle: list[dict[str, Any]] = []
    outer: list[dict[str, Any]] = []
    for index, domain in enumerate(project.domains.values()):
        colour = domain_colour(index)
        served = coverage.domains[domain.id].positive
        inner.append(
            _segment(
                "domeinen",
                domain.id,
                domain.name,
                domain.short,
                domain.description,
                served,
                colour,
                1.0,
            )
            | {"colour": colour, "used": True}
        )
        if domain.id in uncovered:
            _mark_uncovered(inner[-1])
        for ring, kind, entities, uses, amount in (
            (middle, "partners", project.stakeholders, coverage.stakeholder_use, 0.45),
            (outer, "instrumenten", project.instruments, coverage.instrument_use, 0.7),
        ):
            members = [e for e in entities.values() if domain.id in e.domains]
            for member in members:
                ring.append(
                    _segment(
                        kind,
                        member.id,
                        member.name,
                        member.name,
                        member.description,
                        len(uses.get(member.id, [])),
                        tint(colour, amount),
                        1.0 / len(members),
                    )
                )
            if not members:
                ring.append(
                    {
                        "key": f"{kind}/-/{domain.id}",
                        "label": "",
                        "value": 1.0,
                        "link": "",
                        "hover": f"Geen {kind} in {text.label(domain.name)}",
                        "colour": "#ffffff",
                        "used": True,
                    }
                )
    return {
        "data": [
            _ring("Instrumenten", outer, 1.0, 0.66, 10, "auto"),
            _ring("Partners", middle, 0.66, 0.5, 10),
            _ring("Domeinen", inner, 0.33, 0.0, 14, "auto"),
        ],
        "layout": _layout(height=680, hoverlabel={"align": "left"}),
    }


def effect_profile(report: Report, measure_id: str) -> dict[str, Any]:
    """The measure's scores on every domain, on the -3..+3 scale with the Dutch labels."""
    measure = report.project.measures[measure_id]
    names, scores, colours, hovers = [], [], [], []
    for domain in report.project.domains.values():
        effect = measure.effects.get(domain.id)
        score = effect.score if effect else 0
        names.append(text.label(domain.short))
        scores.append(score)
        colours.append(DIVERGING[score + 3])
        hovers.append(
            f"{text.label(domain.name)}: {score:+d} ({SCALE[score]})"
            if effect
            else f"{text.label(domain.name)}: niet beoordeeld"
        )
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "x": scores,
                "y": names,
                "text": [f"{signed(s)} {SCALE[s]}" for s in scores],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertext": hovers,
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {"color": colours, "line": {"color": "#333333", "width": 1}},
            }
        ],
        "layout": _layout(
            height=100 + 45 * len(names),
            margin={"l": 10, "r": 30, "t": 10, "b": 60},
            xaxis={
                "range": [-3.6, 3.6],
                "tickvals": list(range(-3, 4)),
                "ticktext": [signed(v) for v in range(-3, 4)],
                "tickangle": 0,
                "title": {"text": "Score: -3 opheffend … 0 neutraal … +3 onlosmakelijk"},
                "zeroline": True,
                "zerolinecolor": "#333333",
                "gridcolor": "#e0e0e0",
                "fixedrange": True,
            },
            yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        ),
    }


def matrix(report: Report, measure_ids: list[str]) -> dict[str, Any]:
    """Measures by domains, with the score written in every cell.

    Rows are numbered rather than named, so two measures with the same title
    (or the same shortened title) keep a row each.
    """
    project = report.project
    domains = list(project.domains.values())
    z = [[report.coverage.matrix[m][d.id] for d in domains] for m in measure_ids]
    titles = [text.label(_shorten(project.measures[m].title, 36)) for m in measure_ids]
    scale = [[i / 6, colour] for i, colour in enumerate(DIVERGING)]
    return {
        "data": [
            {
                "type": "heatmap",
                "z": z,
                "x": [_wrap(text.label(d.short), 10) for d in domains],
                "y": list(range(len(measure_ids))),
                "text": [["—" if v is None else signed(v) for v in row] for row in z],
                "hovertext": [[title] * len(domains) for title in titles],
                "customdata": [[target("maatregelen", m)] * len(domains) for m in measure_ids],
                "zmin": -3,
                "zmax": 3,
                "colorscale": scale,
                "texttemplate": "%{text}",
                "hovertemplate": "%{hovertext}<br>%{x}: %{text}<extra></extra>",
                "xgap": 2,
                "ygap": 2,
                "colorbar": {
                    "title": {"text": "Score", "side": "top"},
                    "orientation": "h",
                    "y": -0.02,
                    "yanchor": "top",
                    "len": 1,
                    "thickness": 12,
                    "tickangle": 0,
                    "tickvals": list(range(-3, 4)),
                    "ticktext": [f"{signed(v)}<br>{SCALE[v]}" for v in range(-3, 4)],
                },
            }
        ],
        "layout": _layout(
            height=210 + 28 * len(measure_ids),
            margin={"l": 10, "r": 10, "t": 60, "b": 100},
            xaxis={"side": "top", "fixedrange": True, "tickangle": 0},
            yaxis={
                "autorange": "reversed",
                "automargin": True,
                "fixedrange": True,
                "tickvals": list(range(len(measure_ids))),
                "ticktext": titles,
            },
        ),
    }

"""The site's figures as static SVG, for print: matplotlib draws the plotly dictionaries.

The pages hold each figure as the plotly dictionary that :mod:`speelveld.render.figures`
builds and ``speelveld.js`` draws in the browser. A printed report has no browser, so the
three trace types the site uses (a horizontal bar, a heatmap, pie rings) are drawn here
with matplotlib, from the same dictionary: the same scores, labels, colours and hatching.
Text is drawn as outlines, so the drawing needs no font of its own; its meaning is in the
alternative text and the caption beside it.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Callable
from typing import Any

#: CSS pixels per inch: plotly sizes a figure in pixels, matplotlib in inches.
PIXELS_PER_INCH = 96
#: The width a figure is drawn at, in inches: the text width of an A4 page.
WIDTH = 6.7
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_RC: Any = {
    "svg.fonttype": "path",
    "svg.hashsalt": "speelveld",
    "font.family": "DejaVu Sans",
    "text.parse_math": False,
    "hatch.linewidth": 0.6,
}


class UnknownTrace(ValueError):
    """A figure with a trace type that no drawing here knows."""


def plain(label: Any) -> str:
    """A plotly label as text: line breaks kept, tags dropped, entities read."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", str(label))))


def svg(figure: dict[str, Any], title: str) -> str:
    """The figure as an SVG document whose ``<title>`` is ``title`` (its alternative text)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    traces = figure.get("data") or []
    kinds = {trace.get("type") for trace in traces}
    draw = _DRAWINGS.get(frozenset(kinds))
    if draw is None:
        raise UnknownTrace(f"no drawing for traces of type {sorted(map(str, kinds))}")
    layout = figure.get("layout") or {}
    with matplotlib.rc_context(_RC):
        canvas = FigureCanvasSVG(Figure(figsize=(WIDTH, _height(figure, layout))))
        draw(canvas.figure, traces, layout)
        out = io.StringIO()
        canvas.figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return _titled(out.getvalue(), title)


def _height(figure: dict[str, Any], layout: dict[str, Any]) -> float:
    aspect = figure.get("aspect")
    if aspect:
        return WIDTH * float(aspect)
    return max(2.0, float(layout.get("height", 450)) / PIXELS_PER_INCH)


def _titled(document: str, title: str) -> str:
    """The SVG with its title first inside the root, as assistive technology reads it."""
    start = document.index("<svg")
    end = document.index(">", start) + 1
    return f"{document[start:end]}<title>{html.escape(title)}</title>{document[end:]}"


def _bar(figure: Any, traces: list[dict[str, Any]], layout: dict[str, Any]) -> None:
    """Horizontal bars with their text inside or beside them (the effect profile)."""
    axes = figure.add_subplot()
    for trace in traces:
        values = [float(v) for v in trace.get("x", [])]
        names = [plain(y) for y in trace.get("y", [])]
        colours = (trace.get("marker") or {}).get("color")
        rows = list(range(len(values)))
        axes.barh(rows, values, color=colours, edgecolor="#333333", linewidth=0.8)
        axes.set_yticks(rows, names)
        for row, value, text in zip(rows, values, trace.get("text", []), strict=False):
            inside = abs(value) >= 1.5
            place = value / 2 if inside else value + (0.08 if value >= 0 else -0.08)
            anchor = "center" if inside else ("left" if value >= 0 else "right")
            colour = "#ffffff" if inside and abs(value) == 3 else "#1a1a1a"
            axes.text(place, row, plain(text), va="center", ha=anchor, color=colour, fontsize=8)
    xaxis = layout.get("xaxis") or {}
    if "range" in xaxis:
        axes.set_xlim(*xaxis["range"])
    if "tickvals" in xaxis:
        axes.set_xticks(xaxis["tickvals"], [plain(t) for t in xaxis.get("ticktext", [])])
    axes.set_xlabel(plain((xaxis.get("title") or {}).get("text", "")))
    axes.axvline(0, color="#333333", linewidth=1)
    axes.grid(axis="x", color="#e0e0e0")
    axes.set_axisbelow(True)
    if (layout.get("yaxis") or {}).get("autorange") == "reversed":
        axes.invert_yaxis()
    figure.tight_layout()


def _heatmap(figure: Any, traces: list[dict[str, Any]], layout: dict[str, Any]) -> None:
    """Coloured cells with their text (the matrix), columns labelled on top."""
    from matplotlib.colors import LinearSegmentedColormap

    axes = figure.add_subplot()
    for trace in traces:
        z = trace.get("z") or []
        low, high = float(trace.get("zmin", 0)), float(trace.get("zmax", 1))
        scale = trace.get("colorscale") or [[0, "#ffffff"], [1, "#000000"]]
        colours = LinearSegmentedColormap.from_list("scale", [(s, c) for s, c in scale])
        texts = trace.get("text") or []
        for row, values in enumerate(z):
            for column, value in enumerate(values):
                if value is None:
                    continue
                share = (float(value) - low) / (high - low) if high > low else 0.0
                axes.add_patch(_cell(column, row, colours(share)))
                text = texts[row][column] if row < len(texts) else ""
                dark = abs(share - 0.5) > 0.4
                axes.text(
                    column,
                    row,
                    plain(text),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="#ffffff" if dark else "#1a1a1a",
                )
        axes.set_xlim(-0.5, max((len(r) for r in z), default=1) - 0.5)
        axes.set_ylim(len(z) - 0.5, -0.5)
    xaxis, yaxis = layout.get("xaxis") or {}, layout.get("yaxis") or {}
    axes.set_xticks(xaxis.get("tickvals", []), [plain(t) for t in xaxis.get("ticktext", [])])
    axes.set_yticks(yaxis.get("tickvals", []), [plain(t) for t in yaxis.get("ticktext", [])])
    axes.xaxis.tick_top()
    axes.tick_params(length=0, labelsize=7)
    for side in axes.spines.values():
        side.set_visible(False)
    figure.tight_layout()


def _cell(column: int, row: int, colour: Any) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((column - 0.47, row - 0.47), 0.94, 0.94, facecolor=colour, linewidth=0)


def _rings(figure: Any, traces: list[dict[str, Any]], layout: dict[str, Any]) -> None:
    """Concentric rings of wedges, clockwise from twelve o'clock (the speelveld)."""
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_aspect("equal")
    axes.axis("off")
    for trace in traces:
        domain = (trace.get("domain") or {}).get("x", [0, 1])
        outer = (float(domain[1]) - float(domain[0])) / 2  # a radius, the figure's width 1
        inner = outer * float(trace.get("hole", 0))
        values = [float(v) for v in trace.get("values", [])]
        marker = trace.get("marker") or {}
        colours = marker.get("colors") or ["#dddddd"] * len(values)
        hatches = (marker.get("pattern") or {}).get("shape") or [""] * len(values)
        edge = marker.get("line") or {}
        size = float((trace.get("textfont") or {}).get("size", 11))
        wedges, _ = axes.pie(
            values,
            radius=outer,
            colors=colours,
            startangle=90,
            counterclock=False,
            wedgeprops={
                "width": outer - inner,
                "edgecolor": edge.get("color", "#ffffff"),
                "linewidth": float(edge.get("width", 1)),
            },
        )
        for wedge, hatch in zip(wedges, hatches, strict=False):
            if hatch:
                wedge.set_hatch(hatch * 3)
        for wedge, text in zip(wedges, trace.get("text", []), strict=False):
            _wedge_label(axes, wedge, plain(text), (inner + outer) / 2, outer - inner, size)
    axes.set_xlim(-0.5, 0.5)
    axes.set_ylim(-0.5, 0.5)


def _wedge_label(
    axes: Any, wedge: Any, text: str, radius: float, depth: float, size: float
) -> None:
    """The label along the middle of its wedge, turned so that it reads upright."""
    if not text.strip():
        return
    middle = math.radians((wedge.theta1 + wedge.theta2) / 2)
    sweep = math.radians(wedge.theta2 - wedge.theta1)
    across = sweep * radius  # the room across the ring, in the axes' units
    radial = across < depth * 1.2
    angle = math.degrees(middle) if radial else math.degrees(middle) - 90
    angle = (angle + 90) % 180 - 90
    points = size * 0.55 if radial else size * 0.6
    axes.text(
        radius * math.cos(middle),
        radius * math.sin(middle),
        text,
        ha="center",
        va="center",
        rotation=angle,
        rotation_mode="anchor",
        fontsize=points,
        color="#1a1a1a",
        linespacing=1.0,
    )


_Drawing = Callable[[Any, list[dict[str, Any]], dict[str, Any]], None]
#: The drawing of each combination of trace types the site's figures use.
_DRAWINGS: dict[frozenset[str], _Drawing] = {
    frozenset({"bar"}): _bar,
    frozenset({"heatmap"}): _heatmap,
    frozenset({"pie"}): _rings,
}

"""The figures as data: rings that scale, matrix rows with their whole titles, the scale.

What is expected is counted here from the YAML files that ``speelveld demo-data`` writes,
independently of the analysis.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from speelveld.demo import generate, write
from speelveld.model import SCALE
from speelveld.pipeline import check
from speelveld.render import figures

from .conftest import BASE, build

MKDOCS_YML = "site_name: Groot\ntheme:\n  name: material\nplugins:\n  - search\n  - speelveld\n"
#: Per domain a ring shows at most this many segments (see RING_LIMIT in figures).
LIMIT = 12


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project with far more partners and instruments per domain than fit."""
    folder = tmp_path_factory.mktemp("large") / "project"
    write(generate(120, 3, seed=7, errors=False), folder)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


def read(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yml"))}


def measure_counts(project: Path) -> tuple[Counter[str], Counter[str]]:
    """How many measures (not stopped) name each partner and each instrument."""
    partners: Counter[str] = Counter()
    instruments: Counter[str] = Counter()
    for measure in read(project / "measures").values():
        if measure["status"] == "stopped":
            continue
        named = {measure["owner"], *(s["id"] for s in measure.get("stakeholders") or [])}
        partners.update(named)
        instruments.update(set(measure.get("instruments") or []))
    return partners, instruments


def ring(figure: dict[str, Any], name: str) -> dict[str, Any]:
    return next(trace for trace in figure["data"] if trace["name"] == name)


def per_domain(trace: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """A ring's (label, link) segments split per domain: every domain fills an equal sector."""
    sectors: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    total = 0.0
    for label, link, value in zip(trace["text"], trace["customdata"], trace["values"], strict=True):
        current.append((label, link))
        total += value
        if total > 0.999:
            sectors.append(current)
            current, total = [], 0.0
    assert not current, "a ring's segments should fill whole sectors"
    return sectors


@pytest.mark.parametrize(
    ("name", "folder", "kind"),
    [("Partners", "stakeholders", "partners"), ("Instrumenten", "instruments", "instrumenten")],
)
def test_a_ring_shows_the_members_with_the_most_measures_and_groups_the_rest(
    large: Path, name: str, folder: str, kind: str
) -> None:
    partners, instruments = measure_counts(large)
    counts = partners if kind == "partners" else instruments
    members = read(large / folder)
    domains = read(large / "domains")
    order = sorted(domains, key=lambda d: (domains[d]["order"], d))
    sectors = per_domain(ring(figures.speelveld(check(large)), name))
    assert len(sectors) == len(order)
    grouped = 0
    for domain, segments in zip(order, sectors, strict=True):
        in_domain = [m for m, data in members.items() if domain in data["domains"]]
        ranked = sorted(in_domain, key=lambda m: (-counts[m], m))
        links = [link for _, link in segments]
        if len(ranked) <= LIMIT:
            assert links == [f"{kind}/{m}" for m in ranked]
            continue
        grouped += 1
        assert links == [*(f"{kind}/{m}" for m in ranked[: LIMIT - 1]), f"{kind}/index"]
        assert segments[-1][0] == f"en {len(ranked) - LIMIT + 1} andere"
    assert grouped, "the generated project should have a domain with too many members"


def test_the_speelveld_page_lists_what_the_rings_show(large: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(large, site)
    assert result.returncode == 0, result.stderr
    page = (site / "speelveld/index.html").read_text("utf-8")
    outline = page.split('aria-label="Het speelveld als lijst"')[1].split("</nav>")[0]
    tables = page.split('id="speelveld-tabellen"')[1]
    partners, _ = measure_counts(large)
    stakeholders = read(large / "stakeholders")
    domains = read(large / "domains")
    shown: set[str] = set()
    for domain in domains:
        in_domain = [m for m, data in stakeholders.items() if domain in data["domains"]]
        ranked = sorted(in_domain, key=lambda m: (-partners[m], m))
        shown |= set(ranked if len(ranked) <= LIMIT else ranked[: LIMIT - 1])
    in_outline = set(re.findall(r'href="\.\./partners/([^/"]+)/"', outline))
    assert in_outline == shown
    partner_table = tables.split("Partners (middelste ring)")[1].split("<table>")[1]
    partner_table = partner_table.split("</table>")[0]
    assert set(re.findall(r'href="\.\./partners/([^/"]+)/"', partner_table)) == shown
    assert len(shown) < len(stakeholders)
    assert f"{len(stakeholders) - len(shown)} andere staan op de pagina" in tables
    assert re.search(r'<a href="\.\./partners/">en \d+ andere partners</a>', outline)


def test_every_row_of_the_matrix_is_labelled_with_the_whole_title() -> None:
    report = check(BASE)
    ids = list(report.project.measures)
    figure = figures.matrix(report, ids)
    titles = {m: read(BASE / "measures")[m]["title"] for m in ids}
    for labels in (
        figure["layout"]["yaxis"]["ticktext"],
        figure["narrow"]["layout"]["yaxis"]["ticktext"],
    ):
        assert [label.replace("<br>", " ") for label in labels] == [titles[m] for m in ids]
    narrow = figure["narrow"]["layout"]["yaxis"]["ticktext"]
    assert all(len(line) <= 24 for label in narrow for line in label.split("<br>"))


def test_a_word_too_long_for_a_label_is_cut_and_stays_text() -> None:
    label = figures._wrap("<b>" + "x" * 60 + "</b> kort", 16)
    lines = label.split("<br>")
    assert all(len(line.replace("&lt;", "<").replace("&gt;", ">")) <= 24 for line in lines)
    assert "<b>" not in label
    assert "".join(lines).replace("&lt;", "<").replace("&gt;", ">").replace(" ", "") == (
        "<b>" + "x" * 60 + "</b>kort"
    )


def test_the_legend_names_every_score_of_the_scale_in_order() -> None:
    legend = figures.legend()
    assert [(step["score"], step["name"]) for step in legend] == [
        ("-3", "opheffend"),
        ("-2", "tegenwerkend"),
        ("-1", "beperkend"),
        ("0", "neutraal"),
        ("+1", "ondersteunend"),
        ("+2", "versterkend"),
        ("+3", "onlosmakelijk"),
    ]
    assert [step["name"] for step in legend] == [SCALE[v] for v in range(-3, 4)]
    assert len({step["colour"] for step in legend}) == 7

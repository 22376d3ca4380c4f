"""The data of the what-if page: what the browser needs to judge any set of measures.

``assets/wat-als.js`` reads it and computes, for the measures the reader switches on, the
coverage and the findings of the portfolio rules, as :mod:`speelveld.analysis` does for a
scenario with that set, and the sum of their indirect effects per domain, as
:func:`speelveld.interactions.totals` does. The rules are defined twice, here in Python and there in
JavaScript; tests run both on every portfolio case and on random sets of a large project.
The measure rules are not: their findings are the report's, carried per measure.

Compact on purpose (lists, and partners, instruments and owners by their position), so
that the page stays small at a thousand measures. Only what the report holds goes in: a
public report has no internal measure, so neither has the page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..catalogue import CATALOGUE, OPTIONS
from ..codes import title
from ..kinds import KINDS
from ..model import Measure
from ..report import Report
from .text import display
from .vocabulary import LEVEL, LEVEL_PLURAL


class _Index:
    """Positions of partners or instruments; an id the project lacks gets one too."""

    def __init__(self, entities: dict[str, Any]) -> None:
        self.rows: list[list[Any]] = [[key, display(e.name), 1] for key, e in entities.items()]
        self.position = {key: n for n, key in enumerate(entities)}

    def __call__(self, key: str) -> int:
        if key not in self.position:
            self.position[key] = len(self.rows)
            self.rows.append([key, key, 0])
        return self.position[key]


def data(report: Report) -> dict[str, Any]:
    """Everything ``wat-als.js`` reads, for every measure that is not stopped."""
    project = report.project
    config = project.config
    domains = list(project.domains)
    partners = _Index(project.stakeholders)
    instruments = _Index(project.instruments)
    of_measure: dict[str, list[list[Any]]] = defaultdict(list)
    for finding in report.findings:
        if not finding.portfolio and finding.subject.kind == "measure":
            of_measure[finding.subject.id].append(
                [finding.code, finding.severity.label, int(finding.accepted is not None)]
            )
    measures = [m for m in project.measures.values() if m.counted]
    position = {m.id: n for n, m in enumerate(measures)}
    # The thresholds the portfolio rules read, by their name in ``speelveld.yml``.
    settings = {name: config.threshold(name) for name in OPTIONS}
    rules = {
        rule.id: config.reported_level(rule).label
        for rule in CATALOGUE.values()
        if rule.scope == "portfolio" and config.judges(rule)
    }
    found = {row[0] for rows in of_measure.values() for row in rows}
    index = {d: n for n, d in enumerate(domains)}
    return {
        "domains": [[d.id, display(d.name), display(d.short)] for d in project.domains.values()],
        "measures": [
            _measure(m, domains, partners, instruments, of_measure[m.id]) for m in measures
        ],
        "partners": partners.rows,
        "instruments": instruments.rows,
        "portfolios": [
            [p.id, display(p.option_title), [position[m] for m in p.measures if m in position]]
            for p in report.portfolios.values()
        ],
        # How a change in one domain works through in another, as [from, to, score] by the
        # position of the domains: the page adds the measures' indirect effects (indicatief).
        "interactions": [
            [index[source], index[target], score]
            for (source, target), score in project.interaction_scores.items()
            if score and source in index and target in index
        ],
        "rules": rules,
        "settings": settings,
        "accepted": [
            [a.rule, str(a.subject), a.domain, a.portfolio, int(a.in_effect)]
            for a in report.acceptances
        ],
        "listed": [rule.id for rule in CATALOGUE.values() if rule.listed],
        "titles": {code: title(code) for code in sorted(rules.keys() | found)},
        "levels": {level: [LEVEL[level], LEVEL_PLURAL[level]] for level in LEVEL},
        "pages": {kind.name: kind.pages for kind in KINDS},
    }


def _measure(
    measure: Measure,
    domains: list[str],
    partners: _Index,
    instruments: _Index,
    findings: list[list[Any]],
) -> list[Any]:
    """One measure: id, title, in force, owner, governance, the partners it involves (its
    owner first, each once), its instruments (each once), its score per domain (``None``
    where it has none), its police hours and its findings as ``[code, level, accepted]``."""
    involved = dict.fromkeys([measure.owner, *(s.id for s in measure.stakeholders)])
    return [
        measure.id,
        display(measure.title),
        int(measure.in_force),
        partners(measure.owner),
        measure.governance,
        [partners(p) for p in involved],
        [instruments(i) for i in dict.fromkeys(measure.instruments)],
        [measure.effects[d].score if d in measure.effects else None for d in domains],
        measure.capacity.police_hours_per_year if measure.capacity else 0,
        findings,
    ]

"""The coverage summary of one portfolio: the numbers behind its rules and the site.

Linear in measures times domains.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .model import Measure
from .project import Project


@dataclass(frozen=True, slots=True)
class DomainCoverage:
    domain: str
    positive: int = 0  # measures scoring the domain +1 or higher
    negative: int = 0  # measures scoring it below 0
    total: int = 0  # the sum of all scores
    positive_sum: int = 0  # the sum of the positive scores
    share: float = 0.0  # positive_sum against all positive effect in the portfolio


@dataclass(frozen=True, slots=True)
class Coverage:
    domains: dict[str, DomainCoverage]
    #: partner id -> the measures it owns or takes part in
    stakeholder_use: dict[str, list[str]]
    instrument_use: dict[str, list[str]]
    governance: Counter[str]
    owners: Counter[str]
    #: measure id -> domain id -> score (``None`` where not assessed)
    matrix: dict[str, dict[str, int | None]]
    police_hours: int
    counted: list[str] = field(default_factory=list)


def summarise(project: Project, counted: list[Measure]) -> Coverage:
    """The coverage of the project's domains, partners and instruments by ``counted``."""
    sums = {d: [0, 0, 0, 0] for d in project.domains}  # positive, negative, total, positive_sum
    # Dicts as ordered sets: a measure names a partner once however often it appears.
    stakeholder_use: dict[str, dict[str, None]] = {s: {} for s in project.stakeholders}
    instrument_use: dict[str, dict[str, None]] = {i: {} for i in project.instruments}
    matrix: dict[str, dict[str, int | None]] = {}
    for measure in counted:
        row: dict[str, int | None] = {}
        for domain, cell in sums.items():
            effect = measure.effects.get(domain)
            score = effect.score if effect else None
            row[domain] = score
            if score is None:
                continue
            cell[0] += score > 0
            cell[1] += score < 0
            cell[2] += score
            cell[3] += max(score, 0)
        matrix[measure.id] = row
        for partner in (measure.owner, *(s.id for s in measure.stakeholders)):
            stakeholder_use.setdefault(partner, {})[measure.id] = None
        for instrument in measure.instruments:
            instrument_use.setdefault(instrument, {})[measure.id] = None
    all_positive = sum(cell[3] for cell in sums.values())
    domains = {
        d: DomainCoverage(
            d, cell[0], cell[1], cell[2], cell[3], cell[3] / all_positive if all_positive else 0.0
        )
        for d, cell in sums.items()
    }
    return Coverage(
        domains=domains,
        stakeholder_use={s: list(used) for s, used in stakeholder_use.items()},
        instrument_use={i: list(used) for i, used in instrument_use.items()},
        governance=Counter(m.governance for m in counted),
        owners=Counter(m.owner for m in counted),
        matrix=matrix,
        police_hours=sum(m.capacity.police_hours_per_year for m in counted if m.capacity),
        counted=[m.id for m in counted],
    )

"""The coverage summary of one portfolio: the numbers behind its rules and the site.

Linear in measures times domains.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

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
    domains = _shared({d: DomainCoverage(d, *cell) for d, cell in sums.items()})
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


def _shared(domains: dict[str, DomainCoverage]) -> dict[str, DomainCoverage]:
    """The domains with their share of all positive effect filled in."""
    all_positive = sum(cover.positive_sum for cover in domains.values())
    return {
        d: replace(cover, share=cover.positive_sum / all_positive if all_positive else 0.0)
        for d, cover in domains.items()
    }


def with_score(coverage: Coverage, domain: str, old: int, new: int) -> Coverage:
    """``coverage`` as it would be if one measure scored ``domain`` ``new`` instead of ``old``.

    In time linear in the domains, not the measures: what a finding rests on is found by
    moving one score at a time. Only the numbers of the domains change; the matrix, the
    use of partners and instruments and the rest stay those of ``coverage``.
    """
    cover = coverage.domains[domain]
    moved = DomainCoverage(
        domain,
        cover.positive + (new > 0) - (old > 0),
        cover.negative + (new < 0) - (old < 0),
        cover.total + new - old,
        cover.positive_sum + max(new, 0) - max(old, 0),
    )
    return replace(coverage, domains=_shared({**coverage.domains, domain: moved}))

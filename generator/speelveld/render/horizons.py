"""Here and now, later, elsewhere: where the effects of an option land, and who bears them.

The Beleidskompas asks of every option not only what it does but when and where (the "hier
en nu, later, elders" of the Monitor Brede Welvaart) and who bears the cost. Per option this
totals the positive and the negative scores of its measures by now or later and here or
elsewhere; an effect that lands both now and later counts in both. An effect that says
neither when nor where is counted here and now, as every score is read without them, and
counted apart so that readers see how much is assumed. Linear in measures times domains.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Effect, Measure
from ..report import Portfolio, Report

#: The four places an effect can land, as the table shows them, here and now first.
QUADRANTS: tuple[tuple[str, str], ...] = (
    ("now", "here"),
    ("later", "here"),
    ("now", "elsewhere"),
    ("later", "elsewhere"),
)
#: The quadrants as readers name them, in the same order.
QUADRANT_NAMES = ("Hier en nu", "Hier, later", "Elders, nu", "Elders, later")
#: What a field names, as the quadrants count it; without a value, now and here.
_WHEN = {"now": ("now",), "later": ("later",), "both": ("now", "later"), None: ("now",)}
_WHERE = {
    "here": ("here",),
    "elsewhere": ("elsewhere",),
    "both": ("here", "elsewhere"),
    None: ("here",),
}


@dataclass(slots=True)
class Tally:
    """The sum of the positive and of the negative scores that land in one place."""

    positive: int = 0
    negative: int = 0


@dataclass(frozen=True, slots=True)
class Bearer:
    """A group that bears the cost of an effect of a measure."""

    group: str
    measure: Measure
    domain: str


@dataclass(slots=True)
class Option:
    """One option's effects by where and when they land, and who bears their cost."""

    portfolio: Portfolio
    cells: dict[tuple[str, str], Tally] = field(default_factory=dict)
    #: Effects other than 0 that say neither when nor where, or only one of the two.
    unassessed: int = 0
    effects: int = 0
    #: The groups that bear a cost, by name, each with the effects they bear it for.
    bearers: dict[str, list[Bearer]] = field(default_factory=dict)


def _known(report: Report, measure: Measure) -> list[tuple[str, Effect]]:
    return [(d, measure.effects[d]) for d in report.project.domains if d in measure.effects]


def option(report: Report, portfolio: Portfolio) -> Option:
    """Where the effects of ``portfolio``'s measures land, and who bears their cost."""
    cells = {quadrant: Tally() for quadrant in QUADRANTS}
    bearers: dict[str, list[Bearer]] = defaultdict(list)
    unassessed = effects = 0
    for measure in report.measures_of(portfolio):
        for domain, effect in _known(report, measure):
            for group in effect.groups:
                if group.bears == "cost":
                    bearers[" ".join(group.group.split())].append(
                        Bearer(group.group, measure, domain)
                    )
            if not effect.score:
                continue
            effects += 1
            unassessed += effect.when is None or effect.where is None
            for when in _WHEN[effect.when]:
                for where in _WHERE[effect.where]:
                    tally = cells[(when, where)]
                    if effect.score > 0:
                        tally.positive += effect.score
                    else:
                        tally.negative += effect.score
    return Option(portfolio, cells, unassessed, effects, dict(sorted(bearers.items())))


def options(report: Report) -> list[Option]:
    """Every option: the policy in force (the nuloptie), the plan and every scenario."""
    return [option(report, portfolio) for portfolio in report.portfolios.values()]


def assessed(report: Report) -> bool:
    """Whether any counted effect says when or where it lands, or who bears it."""
    return any(
        effect.when or effect.where or effect.groups
        for measure in report.project.measures.values()
        if measure.counted
        for effect in measure.effects.values()
    )

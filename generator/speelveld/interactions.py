"""How a change in one domain works through in another, and what that makes of a measure.

``interactions.yml`` beside the data folders scores, per ordered pair of domains, how a
change in the first works through in the second, on the scale of the effects (-3..+3), as
SDG Synergies scores the interactions between targets. A pair that is not listed counts
as 0; the file is optional, and without it nothing changes.

The indirect effect of a measure on domain B is one step of that: the sum over the other
domains A of its direct score on A times the interaction A→B, divided by 3 and rounded
toward 0. What B does in turn is not followed (no loops), so the number is an indication
of where to look, not a forecast. Linear in measures times interactions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import INTERACTIONS
from .ids import INTERACTIONS_FILE

if TYPE_CHECKING:
    from .model import Effect, Interaction, Measure

__all__ = ["INTERACTIONS", "INTERACTIONS_FILE", "Indirect", "Step", "indirect_effects"]

#: The divisor that brings a product of two scores back to the scale: 3 × 3 / 3 = 3.
SCALE_STEP = 3
#: From this indirect effect down, a measure harms a domain through another.
HARMFUL = -2

#: The interactions by ordered pair (from, to): their score.
Matrix = Mapping[tuple[str, str], int]


def matrix(interactions: Iterable[Interaction]) -> dict[tuple[str, str], int]:
    """The scores by ordered pair; the first entry of a pair counts (a second is an error)."""
    found: dict[tuple[str, str], int] = {}
    for interaction in interactions:
        found.setdefault((interaction.source, interaction.target), interaction.score)
    return found


@dataclass(frozen=True, slots=True)
class Step:
    """One way an indirect effect comes about: the direct score on ``via`` and how a change
    there works through."""

    via: str
    direct: int
    interaction: int

    @property
    def product(self) -> int:
        return self.direct * self.interaction


@dataclass(frozen=True, slots=True)
class Indirect:
    """A measure's indirect effect on one domain, with the steps it is made of (the largest
    first, only those that are not 0)."""

    domain: str
    score: int
    steps: tuple[Step, ...] = ()

    def harming(self) -> tuple[Step, ...]:
        """The steps that pull the effect down, the strongest first."""
        return tuple(step for step in self.steps if step.product < 0)


def toward_zero(total: int) -> int:
    """``total`` divided by 3, rounded toward 0: -4 gives -1, 5 gives 1."""
    quotient = abs(total) // SCALE_STEP
    return quotient if total >= 0 else -quotient


def incoming(scores: Matrix) -> dict[str, list[tuple[str, int]]]:
    """Per domain, the domains that work through in it and how; zeros left out."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (source, target), score in scores.items():
        if score:
            found[target].append((source, score))
    return found


def indirect_effects(
    into: Mapping[str, list[tuple[str, int]]],
    effects: Mapping[str, Effect],
    domains: Iterable[str],
) -> dict[str, Indirect]:
    """The indirect effect on each of ``domains`` of a measure with ``effects``.

    ``into`` is :func:`incoming` of the project's interactions, made once for all measures.
    A domain the measure does not assess contributes nothing.
    """
    result = {}
    for domain in domains:
        steps = []
        for source, interaction in into.get(domain, ()):
            effect = effects.get(source)
            if effect is not None and effect.score:
                steps.append(Step(source, effect.score, interaction))
        steps.sort(key=lambda step: (-abs(step.product), step.via))
        total = sum(step.product for step in steps)
        result[domain] = Indirect(domain, toward_zero(total), tuple(steps))
    return result


def indirect_scores(
    into: Mapping[str, list[tuple[str, int]]],
    effects: Mapping[str, Effect],
    domains: Iterable[str],
) -> dict[str, int]:
    """Only the numbers of :func:`indirect_effects`, for every measure of a large project."""
    direct = {domain: effect.score for domain, effect in effects.items() if effect.score}
    result = {}
    for domain in domains:
        total = 0
        for source, interaction in into.get(domain, ()):
            score = direct.get(source)
            if score:
                total += score * interaction
        result[domain] = total // SCALE_STEP if total >= 0 else -(-total // SCALE_STEP)
    return result


def of_measures(
    scores: Matrix, domains: Iterable[str], measures: Iterable[Measure]
) -> dict[str, dict[str, int]]:
    """Per measure, its indirect effect on every domain; empty without interactions."""
    if not scores:
        return {}
    into = incoming(scores)
    order = list(domains)
    return {m.id: indirect_scores(into, m.effects, order) for m in measures}


def totals(
    indirect: Mapping[str, Mapping[str, int]], measures: Iterable[str], domains: Iterable[str]
) -> dict[str, int]:
    """Per domain, the sum of the indirect effects of ``measures``: what a set of measures
    does to each domain through the others, as the what-if page shows it."""
    order = list(domains)
    sums = dict.fromkeys(order, 0)
    for measure in measures:
        found = indirect.get(measure, {})
        for domain in order:
            sums[domain] += found.get(domain, 0)
    return sums


@dataclass(frozen=True, slots=True)
class Position:
    """A domain in MICMAC's direct plane: the sum of its outgoing interactions (influence)
    and of its incoming ones (dependence), and how many of each are not 0."""

    domain: str
    influence: int
    dependence: int
    outgoing: int
    incoming: int


def positions(scores: Matrix, domains: Iterable[str]) -> list[Position]:
    """Every domain's influence and dependence, in the order of ``domains``."""
    influence: dict[str, list[int]] = defaultdict(list)
    dependence: dict[str, list[int]] = defaultdict(list)
    for (source, target), score in scores.items():
        if score:
            influence[source].append(score)
            dependence[target].append(score)
    return [
        Position(
            domain,
            sum(influence[domain]),
            sum(dependence[domain]),
            len(influence[domain]),
            len(dependence[domain]),
        )
        for domain in domains
    ]

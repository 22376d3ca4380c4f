"""How much the scorers of a project agree: Krippendorff's alpha over every effect that two
or more of them scored, ordinal on the scale -3..+3.

Computed only when enough effects have several scorers to say something (``MINIMUM``); the
``krippendorff`` package (and numpy with it) is imported only then, so that a check of a
project without scorers pays nothing for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Measure

#: The fewest effects with two or more scorers for an agreement worth reporting.
MINIMUM = 10


@dataclass(frozen=True, slots=True)
class Agreement:
    """Krippendorff's alpha (ordinal) of the scorers, over ``effects`` effects."""

    alpha: float
    effects: int
    scorers: int


def agreement(measures: list[Measure]) -> Agreement | None:
    """The agreement of the scorers of ``measures``, or ``None`` with too few scored twice."""
    units = [
        {scorer.by: scorer.score for scorer in effect.scores}
        for measure in measures
        for effect in measure.effects.values()
        if len(effect.scores) >= 2
    ]
    if len(units) < MINIMUM:
        return None
    import krippendorff  # numpy comes with it: only for projects that have scorers
    import numpy

    scorers = sorted({name for unit in units for name in unit})
    data = numpy.array(
        [[unit.get(name, numpy.nan) for unit in units] for name in scorers], dtype=float
    )
    alpha = krippendorff.alpha(
        reliability_data=data, level_of_measurement="ordinal", value_domain=list(range(-3, 4))
    )
    return Agreement(float(alpha), len(units), len(scorers))

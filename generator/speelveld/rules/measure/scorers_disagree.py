"""Waar scorers het sterk oneens zijn, hoort het gesprek bij het bestuur.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "scorers-disagree"
#: From this distance between the highest and the lowest score, scorers disagree.
SPREAD = 3


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            scores = [s.score for s in effect.scores]
            if len(scores) < 2:
                continue
            low, high = min(scores), max(scores)
            if high - low >= SPREAD or (low < 0 < high):
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"de {len(scores)} scorers van {ctx.name('domain', domain)} lopen uiteen "
                    f"van {signed(low)} tot {signed(high)}; de score is hun mediaan "
                    f"{signed(effect.score)}",
                )

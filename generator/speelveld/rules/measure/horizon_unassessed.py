"""Een sterk effect zegt wanneer en waar het valt.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "horizon-unassessed"
#: From this strength on, an effect says when or where it lands.
STRONG = 2


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.horizons:
        return
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if abs(effect.score) >= STRONG and effect.when is None and effect.where is None:
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"het effect {signed(effect.score)} op {ctx.name('domain', domain)} zegt niet "
                    "wanneer (nu of later) en niet waar (hier of elders) het valt",
                )

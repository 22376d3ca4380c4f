"""Een score die niet 0 is, heeft een onderbouwing nodig.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem, known_effects

ID = "missing-rationale"


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if effect.score != 0 and not effect.rationale.strip():
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"score {effect.score:+d} op {ctx.name('domain', domain)} heeft geen "
                    "onderbouwing; leg uit waarom de maatregel dit domein zo raakt",
                )

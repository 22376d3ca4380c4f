"""Een maatregel heeft een trekker nodig.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "no-lead"


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        if not any(s.role == "lead" for s in measure.stakeholders):
            yield Problem(
                Subject("measure", measure.id),
                ("stakeholders",),
                "geen enkele partner is trekker; wijs een trekker aan",
            )

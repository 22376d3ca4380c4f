"""Een maatregel heeft één trekker, niet meer.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "many-leads"


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        leads = [i for i, s in enumerate(measure.stakeholders) if s.role == "lead"]
        if len(leads) > 1:
            names = ", ".join(ctx.name("stakeholder", measure.stakeholders[i].id) for i in leads)
            yield Problem(
                Subject("measure", measure.id),
                ("stakeholders", leads[1], "role"),
                f"{len(leads)} partners zijn trekker ({names}); kies er één",
            )

"""Elke partner van het speelveld is bij ten minste één maatregel betrokken.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "stakeholder-unengaged"


def check(ctx: Context) -> Iterator[Problem]:
    for stakeholder, measures in ctx.coverage.stakeholder_use.items():
        if not measures and stakeholder in ctx.project.stakeholders:
            yield Problem(
                Subject("stakeholder", stakeholder),
                (),
                f"de partner {ctx.name('stakeholder', stakeholder)} is bij geen enkele "
                "maatregel van dit pakket betrokken",
            )

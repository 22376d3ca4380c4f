"""Een maatregel moet op elk domein van het speelveld beoordeeld zijn.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...words import plural
from ..base import Context, Problem

ID = "missing-assessment"


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        missing = [d for d in ctx.project.domains if d not in measure.effects]
        if missing:
            names = ", ".join(ctx.name("domain", d) for d in missing)
            yield Problem(
                Subject("measure", measure.id),
                ("effects",),
                f"de maatregel beoordeelt {plural(len(missing), 'domein', 'domeinen')} niet: "
                f"{names}. Beoordeel elk domein, met score 0 als er geen effect is",
            )

"""Elke partner van het speelveld is bij ten minste één maatregel betrokken.

De middelste ring van het speelveld noemt de partners die betrokken moeten
zijn en blijven. Een partner zonder maatregel is mogelijk een gemiste kans.

Goed: ``woningcorporatie`` staat bij de maatregel tegen huisuitzettingen.

Fout: ``woningcorporatie`` staat bij geen enkele maatregel.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "stakeholder-unengaged"
LEVEL = Severity.INFO
TITLE = "Partner niet betrokken"
SUMMARY = "Een partner is bij geen enkele maatregel betrokken."
LISTED = True
REMEDY = "Betrek de partner bij een maatregel, of ga na of hij nog bij het speelveld hoort."


def check(ctx: Context) -> Iterator[Problem]:
    for stakeholder, measures in ctx.coverage.stakeholder_use.items():
        if not measures and stakeholder in ctx.project.stakeholders:
            yield Problem(
                Subject("stakeholder", stakeholder),
                (),
                f"de partner {ctx.name('stakeholder', stakeholder)} is bij geen enkele "
                "maatregel van dit pakket betrokken",
            )

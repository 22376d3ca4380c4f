"""Een maatregel heeft een trekker nodig.

Zonder partner met de rol ``lead`` is niemand verantwoordelijk voor de
uitvoering.

Goed::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: woningcorporatie, role: partner}

Fout::

    stakeholders:
      - {id: woningcorporatie, role: partner}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "no-lead"
LEVEL = Severity.ERROR
TITLE = "Geen trekker"
SUMMARY = "De maatregel heeft geen trekker (role: lead)."
REMEDY = "Geef precies één betrokken partner de rol lead."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        if not any(s.role == "lead" for s in measure.stakeholders):
            yield Problem(
                Subject("measure", measure.id),
                ("stakeholders",),
                "geen enkele partner is trekker; wijs een trekker aan",
            )

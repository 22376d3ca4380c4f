"""Een maatregel heeft één trekker, niet meer.

Met meer trekkers is onduidelijk wie aanspreekbaar is; de anderen zijn
partners.

Goed::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: schuldhulpverlening, role: partner}

Fout::

    stakeholders:
      - {id: wijkteam, role: lead}
      - {id: schuldhulpverlening, role: lead}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "many-leads"
LEVEL = Severity.WARNING
TITLE = "Meer dan één trekker"
SUMMARY = "De maatregel heeft meer dan één trekker."
REMEDY = "Houd één partner als lead en maak de andere partner."


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

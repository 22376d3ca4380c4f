"""Een maatregel met verplaatsingsrisico beschrijft hoe hij dat beperkt.

Een maatregel kan een probleem verplaatsen in plaats van oplossen: naar een
andere plek, zoals een buurgemeente, of buiten het zicht van de gemeente en
haar partners. Bij een middelgroot of groot risico hoort ten minste één
effect met een mitigatie.

Goed::

    risks: {displacement: medium, note: Kan naar buurgemeenten verschuiven.}
    effects:
      hulpverlening:
        score: -1
        rationale: Minder inloopspreekuren in de wijk.
        mitigation: Afspraken met buurgemeenten over dezelfde spreekuren.

Fout::

    risks: {displacement: high}
    effects:
      hulpverlening: {score: -1, rationale: Minder inloopspreekuren in de wijk.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "displacement-unmitigated"
LEVEL = Severity.WARNING
TITLE = "Verplaatsing niet beperkt"
SUMMARY = "Middelgroot of groot verplaatsingsrisico zonder enige mitigatie."
REMEDY = "Beschrijf bij het geraakte domein een mitigation, bijvoorbeeld regionale afstemming."


_SIZE = {"medium": "middelgroot", "high": "groot"}


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        risks = measure.risks
        if risks is None or risks.displacement not in ("medium", "high"):
            continue
        if not any(effect.mitigation for effect in measure.effects.values()):
            yield Problem(
                Subject("measure", measure.id),
                ("risks", "displacement"),
                f"het risico op verplaatsing is {_SIZE[risks.displacement]}, maar geen enkel "
                "effect beschrijft een mitigatie; beschrijf hoe verplaatsing wordt beperkt",
            )

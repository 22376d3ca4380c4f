"""Een maatregel met verplaatsingsrisico beschrijft hoe hij dat beperkt.

Maatregelen kunnen sekswerk verplaatsen van de vergunde branche naar het
illegale circuit, of naar omliggende gemeenten (Regioplan 2019,
aandachtspunt 3). Bij een middelgroot of groot risico hoort ten minste één
effect met een mitigatie.

Goed::

    risks: {displacement: medium, note: Kan naar buurgemeenten verschuiven.}
    effects:
      normalisering:
        score: -1
        rationale: Minder vergunde werkplekken.
        mitigation: Afspraken met buurgemeenten over gelijke regels.

Fout::

    risks: {displacement: high}
    effects:
      normalisering: {score: -1, rationale: Minder vergunde werkplekken.}
"""

from collections.abc import Iterator

from ...findings import Severity
from ..base import Context, Problem

ID = "displacement-unmitigated"
LEVEL = Severity.WARNING
SUMMARY = "Middelgroot of groot verplaatsingsrisico zonder enige mitigatie."
REMEDY = "Beschrijf bij het geraakte domein een mitigation, bijvoorbeeld regionale afstemming."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        risks = measure.risks
        if risks is None or risks.displacement not in ("medium", "high"):
            continue
        if not any(effect.mitigation for effect in measure.effects.values()):
            yield Problem(
                f"measure:{measure.id}",
                ("risks", "displacement"),
                f"verplaatsingsrisico '{risks.displacement}', maar geen enkel effect heeft een "
                "mitigation; beschrijf hoe verplaatsing wordt beperkt",
            )

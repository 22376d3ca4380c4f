"""Een maatregel die een probleem naar elders verplaatst, beschrijft hoe hij dat beperkt.

Een maatregel kan een probleem verplaatsen in plaats van oplossen: naar een
andere plek, zoals een buurgemeente, of buiten het zicht van de gemeente en
haar partners. Dat zegt een middelgroot of groot risico (``risks.displacement``), of een
negatief effect dat elders valt (``where: elsewhere`` of ``both``). Dan hoort erbij ten
minste één effect met een mitigatie.

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

Fout (de schade valt in de buurgemeenten)::

    effects:
      handhaving: {score: -1, rationale: Overlast verschuift naar buiten., where: elsewhere}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "displacement-unmitigated"
LEVEL = Severity.WARNING
TITLE = "Verplaatsing niet beperkt"
SUMMARY = "Middelgroot of groot verplaatsingsrisico, of schade elders, zonder enige mitigatie."
READS_SCORES = True
REMEDY = "Beschrijf bij het geraakte domein een mitigation, bijvoorbeeld regionale afstemming."


_SIZE = {"medium": "middelgroot", "high": "groot"}
#: Where an effect lands outside the municipality.
ELSEWHERE = ("elsewhere", "both")


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        if any(effect.mitigation for effect in measure.effects.values()):
            continue
        subject = Subject("measure", measure.id)
        risks = measure.risks
        if risks is not None and risks.displacement in ("medium", "high"):
            yield Problem(
                subject,
                ("risks", "displacement"),
                f"het risico op verplaatsing is {_SIZE[risks.displacement]}, maar geen enkel "
                "effect beschrijft een mitigatie; beschrijf hoe verplaatsing wordt beperkt",
            )
        for domain, effect in known_effects(ctx, measure):
            if effect.score < 0 and effect.where in ELSEWHERE:
                yield Problem(
                    subject,
                    ("effects", domain, "where"),
                    f"het negatieve effect {signed(effect.score)} op "
                    f"{ctx.name('domain', domain)} valt {_PLACE[effect.where]}, maar geen enkel "
                    "effect beschrijft een mitigatie; beschrijf hoe verplaatsing wordt beperkt",
                )


_PLACE = {"elsewhere": "elders, buiten de gemeente", "both": "ook elders, buiten de gemeente"}

"""Een maatregel die een probleem naar elders verplaatst, beschrijft hoe hij dat beperkt.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "displacement-unmitigated"


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

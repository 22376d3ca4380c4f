"""Een negatief effect op een domein vraagt om een mitigatie.

Een maatregel mag een domein raken, maar dan hoort erbij hoe de schade wordt
beperkt. Vanaf -2 (tegenwerkend) is het een fout, daarboven een waarschuwing.

Goed::

    normalisering:
      score: -1
      rationale: Strengere eisen kunnen sekswerk naar het illegale circuit duwen.
      mitigation: Vooraf overleg met sekswerkers en een evaluatie na een jaar.

Fout::

    normalisering:
      score: -2
      rationale: Strengere eisen kunnen sekswerk naar het illegale circuit duwen.
"""

from collections.abc import Iterator

from ...findings import Severity
from ...model import SCALE
from ..base import Context, Problem, known_effects

ID = "unmitigated-side-effect"
LEVEL = Severity.WARNING
SUMMARY = "Een negatief effect op een domein heeft geen mitigatie."
REMEDY = "Beschrijf bij mitigation hoe het negatieve effect wordt beperkt."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if effect.score < 0 and not effect.mitigation:
                yield Problem(
                    f"measure:{measure.id}",
                    ("effects", domain),
                    f"negatief effect {effect.score:+d} ({SCALE[effect.score]}) op '{domain}' "
                    "zonder mitigation; beschrijf hoe de schade wordt beperkt",
                    level=Severity.ERROR if effect.score <= -2 else None,
                )

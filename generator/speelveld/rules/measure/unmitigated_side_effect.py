"""Een negatief effect op een domein vraagt om een mitigatie.

Een maatregel mag een domein raken, maar dan hoort erbij hoe de schade wordt
beperkt. Vanaf -2 (tegenwerkend) is het een fout, daarboven een waarschuwing.

Goed::

    hulpverlening:
      score: -1
      rationale: Strengere controles kunnen mensen bij de hulpverlening wegjagen.
      mitigation: Vooraf overleg met de cliëntenraad en een evaluatie na een jaar.

Fout::

    hulpverlening:
      score: -2
      rationale: Strengere controles kunnen mensen bij de hulpverlening wegjagen.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import SCALE
from ..base import Context, Problem, known_effects

ID = "unmitigated-side-effect"
LEVEL = Severity.WARNING
TITLE = "Negatief effect zonder mitigatie"
SUMMARY = "Een negatief effect op een domein heeft geen mitigatie."
READS_SCORES = True
REMEDY = "Beschrijf bij mitigation hoe het negatieve effect wordt beperkt."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if effect.score < 0 and not effect.mitigation:
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"negatief effect {effect.score:+d} ({SCALE[effect.score]}) op "
                    f"{ctx.name('domain', domain)} zonder mitigatie; beschrijf hoe de schade "
                    "wordt beperkt",
                    level=Severity.ERROR if effect.score <= -2 else None,
                )

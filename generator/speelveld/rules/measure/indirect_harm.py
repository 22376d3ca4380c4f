"""Een maatregel schaadt een domein niet via een ander domein.

Domeinen werken op elkaar door: ``interactions.yml`` zegt per paar domeinen hoe een
verandering in het ene doorwerkt in het andere, van -3 tot +3. Het indirecte effect van
een maatregel op een domein is de som, over de andere domeinen, van zijn directe score
daar maal de interactie naar dit domein, gedeeld door 3 en afgerond naar 0: één stap, geen
kringloop. Is het indirecte effect -2 of lager terwijl de maatregel het domein direct niet
schaadt (0 of hoger), dan ziet de directe beoordeling een schade over het hoofd. De
melding noemt het domein waarlangs de schade loopt. Het getal is indicatief.

Goed (strenger terugvorderen werkt -1 door op hulp; +3 op terugvordering geeft indirect
-1)::

    # interactions.yml
    interactions:
      - {from: terugvordering, to: hulp, score: -1, rationale: Minder vertrouwen.}

Fout (het werkt -2 door; +3 op terugvordering geeft indirect -2, terwijl de maatregel
hulp direct 0 scoort)::

    # interactions.yml
    interactions:
      - {from: terugvordering, to: hulp, score: -2, rationale: Mensen mijden de hulp.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...interactions import HARMFUL, toward_zero
from ...model import signed
from ...words import and_list
from ..base import Context, Problem, known_effects

ID = "indirect-harm"
LEVEL = Severity.WARNING
TITLE = "Indirecte schade"
SUMMARY = (
    "Een maatregel schaadt een domein via een ander domein (indirect -2 of lager), terwijl "
    "hij het direct niet schaadt."
)
READS_SCORES = True
REMEDY = (
    "Beoordeel het effect op dit domein opnieuw met de doorwerking in gedachten, of beschrijf "
    "bij het domein waarlangs de schade loopt hoe die wordt beperkt."
)


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.into:
        return
    domains = ctx.project.domains
    for measure in ctx.measures:
        direct = {d: e.score for d, e in measure.effects.items() if e.score}
        for domain, effect in known_effects(ctx, measure):
            if effect.score < 0:
                continue
            steps = [
                (direct.get(source, 0) * w, source, w) for source, w in ctx.into.get(domain, ())
            ]
            indirect = toward_zero(sum(product for product, _, _ in steps))
            if indirect > HARMFUL:
                continue
            # The ways that pull it down, the strongest first, as interactions.Indirect has them.
            paths = [
                f"{domains[source].name} ({signed(direct[source])} daar, doorwerking {signed(w)})"
                for product, source, w in sorted(steps)
                if product < 0
            ]
            yield Problem(
                Subject("measure", measure.id),
                ("effects", domain),
                f"indirect effect {signed(indirect)} op {domains[domain].name} via "
                f"{and_list(paths)}, terwijl het directe effect {signed(effect.score)} is "
                "(indicatief)",
            )

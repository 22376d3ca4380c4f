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
from functools import partial

from ...findings import Severity, Subject
from ...interactions import HARMFUL, toward_zero
from ...model import signed
from ...words import and_list
from ..base import Context, Problem

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
    into = ctx.into
    if not into:
        return
    for measure in ctx.measures:
        known = ctx.indirect.get(measure.id)
        if ctx.project.measures.get(measure.id) is not measure:
            known = None  # a trial: one of its scores has moved
        elif known is not None and min(known.values(), default=0) > HARMFUL:
            continue
        effects = measure.effects
        direct = {d: e.score for d, e in effects.items() if e.score}
        for domain in ctx.project.domains:
            effect = effects.get(domain)
            if effect is None or effect.score < 0:
                continue
            if known is not None:
                indirect = known.get(domain, 0)
            else:
                total = 0
                for source, interaction in into.get(domain, ()):
                    score = direct.get(source)
                    if score:
                        total += score * interaction
                indirect = toward_zero(total)
            if indirect <= HARMFUL:
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    partial(_message, ctx, domain, direct, indirect, effect.score),
                )


def _message(ctx: Context, domain: str, direct: dict[str, int], indirect: int, own: int) -> str:
    """What the finding says: the indirect effect, the ways that pull it down (the strongest
    first, as :class:`interactions.Indirect` has them) and the direct score."""
    domains = ctx.project.domains
    steps = sorted(
        (direct.get(source, 0) * interaction, source, interaction)
        for source, interaction in ctx.into.get(domain, ())
    )
    paths = [
        f"{domains[source].name} ({signed(direct[source])} daar, doorwerking {signed(w)})"
        for product, source, w in steps
        if product < 0
    ]
    return (
        f"indirect effect {signed(indirect)} op {domains[domain].name} via {and_list(paths)}, "
        f"terwijl het directe effect {signed(own)} is (indicatief)"
    )

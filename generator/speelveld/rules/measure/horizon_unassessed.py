"""Een sterk effect zegt wanneer en waar het valt.

Het Beleidskompas vraagt in de Gevolgenscan niet alleen wat een maatregel doet, maar ook
wanneer en waar: hier en nu, later (bijvoorbeeld voor toekomstige generaties) of
elders (buiten de gemeente, zoals in buurgemeenten). Een effect van +2 of
sterker, of -2 of sterker, zegt daarom ``when`` (``now``, ``later``, ``both``) of ``where``
(``here``, ``elsewhere``, ``both``). Zolang geen enkel effect van het project wanneer of waar
noemt, meldt de regel niets: het Rapport toont dan elk effect als hier en nu.

Goed::

    preventie:
      score: 2
      rationale: Voorlichting op school.
      when: later
      where: here

Fout (in een project dat bij andere effecten wel wanneer of waar noemt)::

    preventie:
      score: 2
      rationale: Voorlichting op school.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import signed
from ..base import Context, Problem, known_effects

ID = "horizon-unassessed"
LEVEL = Severity.INFO
TITLE = "Wanneer en waar niet beoordeeld"
SUMMARY = "Een sterk effect (±2 of meer) zegt niet wanneer en niet waar het valt."
READS_SCORES = True
REMEDY = (
    "Vul bij het effect when (now, later of both) en where (here, elsewhere of both) in, en "
    "zo nodig groups: wie de kosten draagt en wie de baat heeft."
)
#: From this strength on, an effect says when or where it lands.
STRONG = 2


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.horizons:
        return
    for measure in ctx.measures:
        for domain, effect in known_effects(ctx, measure):
            if abs(effect.score) >= STRONG and effect.when is None and effect.where is None:
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"het effect {signed(effect.score)} op {ctx.name('domain', domain)} zegt niet "
                    "wanneer (nu of later) en niet waar (hier of elders) het valt",
                )

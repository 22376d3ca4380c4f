"""Een positief effect op een domein heeft een partner in dat domein nodig.

Als geen van de betrokken partners een rol speelt in een domein dat de
maatregel positief scoort, is niet duidelijk wie dat effect waarmaakt.

Goed (het wijkteam werkt in het domein preventie)::

    stakeholders: [{id: wijkteam, role: lead}]
    effects:
      preventie: {score: 2, rationale: Vroeg signaleren.}

Fout (alleen de deurwaarders, die geen rol hebben in preventie)::

    stakeholders: [{id: deurwaarders, role: lead}]
    effects:
      preventie: {score: 2, rationale: Voorlichting.}
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem, known_effects

ID = "unsupported-domain"
LEVEL = Severity.WARNING
TITLE = "Geen partner in een gediend domein"
SUMMARY = "Geen betrokken partner speelt een rol in een domein dat de maatregel positief scoort."
READS_SCORES = True
REMEDY = "Betrek een partner die in dit domein werkt, of stel de score bij."


def check(ctx: Context) -> Iterator[Problem]:
    stakeholders = ctx.project.stakeholders
    for measure in ctx.measures:
        served: set[str] = set()
        for involvement in measure.stakeholders:
            partner = stakeholders.get(involvement.id)
            if partner is not None:
                served.update(partner.domains)
        for domain, effect in known_effects(ctx, measure):
            if effect.score >= 1 and domain not in served:
                yield Problem(
                    Subject("measure", measure.id),
                    ("effects", domain),
                    f"de maatregel scoort {ctx.name('domain', domain)} {effect.score:+d}, maar "
                    "geen betrokken partner speelt een rol in dat domein; wie draagt dit?",
                )

"""Een positief effect op een domein heeft een partner in dat domein nodig.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem, known_effects

ID = "unsupported-domain"


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

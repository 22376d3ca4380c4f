"""Een maatregel schaadt een domein niet via een ander domein.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator
from functools import partial

from ...findings import Subject
from ...interactions import HARMFUL, toward_zero
from ...model import signed
from ...words import and_list
from ..base import Context, Problem

ID = "indirect-harm"


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

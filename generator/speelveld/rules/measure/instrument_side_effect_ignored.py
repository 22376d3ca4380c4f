"""Een maatregel mag een bekend neveneffect van zijn instrument niet wegredeneren.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...model import signed
from ..base import Context, Problem

ID = "instrument-side-effect-ignored"


def check(ctx: Context) -> Iterator[Problem]:
    instruments = ctx.project.instruments
    for measure in ctx.measures:
        for index, ref in enumerate(measure.instruments):
            instrument = instruments.get(ref)
            if instrument is None:
                continue
            for domain, side in instrument.side_effects.items():
                effect = measure.effects.get(domain)
                if side.score >= 0 or effect is None or effect.mitigation:
                    continue
                if effect.score > side.score:
                    yield Problem(
                        Subject("measure", measure.id),
                        ("instruments", index),
                        f"het instrument {instrument.name} heeft een bekend neveneffect "
                        f"{side.score:+d} op {ctx.name('domain', domain)}, maar de maatregel "
                        f"scoort dat domein {signed(effect.score)} zonder mitigatie",
                        domain=domain,
                    )

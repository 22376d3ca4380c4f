"""Een negatief effect op een domein vraagt om een mitigatie.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...model import SCALE
from ..base import Context, Problem, known_effects

ID = "unmitigated-side-effect"


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

"""Een maatregel zet ten minste één instrument in.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "no-instrument"


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        if not measure.instruments:
            yield Problem(
                Subject("measure", measure.id),
                ("instruments",),
                "de maatregel noemt geen instrument; hoe wordt hij uitgevoerd?",
            )

"""Elk instrument van het speelveld wordt door ten minste één maatregel ingezet.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "instrument-unused"


def check(ctx: Context) -> Iterator[Problem]:
    for instrument, measures in ctx.coverage.instrument_use.items():
        if not measures and instrument in ctx.project.instruments:
            yield Problem(
                Subject("instrument", instrument),
                (),
                f"het instrument {ctx.name('instrument', instrument)} wordt door geen enkele "
                "maatregel van dit pakket ingezet",
            )

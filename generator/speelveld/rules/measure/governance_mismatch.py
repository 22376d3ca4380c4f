"""De sturing van een maatregel past bij zijn instrumenten.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ..base import Context, Problem

ID = "governance-mismatch"

_DUTCH = {"hierarchical": "hiërarchisch", "network": "netwerkgericht"}


def check(ctx: Context) -> Iterator[Problem]:
    instruments = ctx.project.instruments
    for measure in ctx.measures:
        if measure.governance == "mixed" or not measure.instruments:
            continue
        kinds = {instruments[i].governance for i in measure.instruments if i in instruments}
        if len(kinds) == 1 and measure.governance not in kinds:
            (kind,) = kinds
            yield Problem(
                Subject("measure", measure.id),
                ("governance",),
                f"de maatregel is {_DUTCH[measure.governance]}, maar al zijn instrumenten zijn "
                f"{_DUTCH[kind]}",
            )

"""De sturing van een maatregel past bij zijn instrumenten.

Een hiërarchische maatregel die alleen netwerkinstrumenten inzet, of
andersom, is vaak verkeerd getypeerd. Een bewuste combinatie van
hiërarchische en netwerkgerichte sturing begint bij een juiste typering.

Goed::

    governance: mixed
    instruments: [verordening, wijkoverleg]

Fout (alle instrumenten zijn netwerkinstrumenten)::

    governance: hierarchical
    instruments: [wijkoverleg, voorlichting]
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "governance-mismatch"
LEVEL = Severity.INFO
TITLE = "Sturing past niet bij de instrumenten"
SUMMARY = "De sturing van de maatregel past niet bij zijn instrumenten."
REMEDY = "Controleer governance: kies mixed als hiërarchische en netwerkinstrumenten samengaan."

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

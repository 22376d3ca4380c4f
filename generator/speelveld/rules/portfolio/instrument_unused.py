"""Elk instrument van het speelveld wordt door ten minste één maatregel ingezet.

Een instrument in de buitenste ring dat nergens wordt gebruikt, is een
mogelijkheid die blijft liggen.

Goed: ``budgetcursus`` wordt ingezet door een maatregel.

Fout: geen enkele maatregel noemt ``budgetcursus``.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "instrument-unused"
LEVEL = Severity.INFO
TITLE = "Instrument niet ingezet"
SUMMARY = "Een instrument wordt door geen enkele maatregel ingezet."
LISTED = True
REMEDY = "Zet het instrument in bij een maatregel, of ga na of het nog bij het speelveld hoort."


def check(ctx: Context) -> Iterator[Problem]:
    for instrument, measures in ctx.coverage.instrument_use.items():
        if not measures and instrument in ctx.project.instruments:
            yield Problem(
                Subject("instrument", instrument),
                (),
                f"het instrument {ctx.name('instrument', instrument)} wordt door geen enkele "
                "maatregel van dit pakket ingezet",
            )

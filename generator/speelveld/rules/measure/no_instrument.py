"""Een maatregel zet ten minste één instrument in.

Zonder instrument is niet te zien hoe de maatregel wordt uitgevoerd, en
ontbreken de bekende neveneffecten van dat instrument in de toets.

Goed::

    instruments: [training-signalering]

Fout::

    instruments: []
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ..base import Context, Problem

ID = "no-instrument"
LEVEL = Severity.WARNING
TITLE = "Geen instrument"
SUMMARY = "De maatregel zet geen instrument in."
REMEDY = "Noem bij instruments de instrumenten waarmee de maatregel wordt uitgevoerd."


def check(ctx: Context) -> Iterator[Problem]:
    for measure in ctx.measures:
        if not measure.instruments:
            yield Problem(
                Subject("measure", measure.id),
                ("instruments",),
                "de maatregel noemt geen instrument; hoe wordt hij uitgevoerd?",
            )

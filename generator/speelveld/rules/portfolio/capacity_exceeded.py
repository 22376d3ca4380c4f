"""De maatregelen vragen niet meer politiecapaciteit dan er is.

Maatregelen die samen meer politie-uren vragen dan er zijn, worden niet
uitgevoerd zoals bedoeld. Als ``police_hours_available`` is ingesteld, telt
deze regel de ``capacity.police_hours_per_year`` van alle maatregelen op.

Goed: 8.000 uur gevraagd, 10.000 beschikbaar.

Fout: 12.000 uur gevraagd, 10.000 beschikbaar.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO, Severity
from ...words import number
from ..base import Context, Problem

ID = "capacity-exceeded"
SETTINGS = ("police_hours_available",)
LEVEL = Severity.ERROR
TITLE = "Te weinig politiecapaciteit"
SUMMARY = "De maatregelen vragen meer politie-uren dan beschikbaar."
REMEDY = "Prioriteer maatregelen of maak afspraken over extra capaciteit."


def check(ctx: Context) -> Iterator[Problem]:
    available = ctx.config.police_hours_available
    needed = ctx.coverage.police_hours
    if available is not None and needed > available:
        yield Problem(
            PORTFOLIO,
            ("police_hours_available",),
            f"de maatregelen vragen {number(needed)} politie-uren per jaar; er zijn er "
            f"{number(available)}",
        )

"""De maatregelen vragen niet meer politiecapaciteit dan er is.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO
from ...words import number
from ..base import Context, Problem

ID = "capacity-exceeded"


def check(ctx: Context) -> Iterator[Problem]:
    available = int(ctx.threshold("police_hours_available"))
    needed = ctx.coverage.police_hours
    if needed > available:
        yield Problem(
            PORTFOLIO,
            ctx.config.threshold_pointer("police_hours_available"),
            f"de maatregelen vragen {number(needed)} politie-uren per jaar; er zijn er "
            f"{number(available)}",
        )

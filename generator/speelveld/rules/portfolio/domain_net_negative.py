"""Het portfolio als geheel schaadt geen domein.

Als de som van alle scores op een domein onder 0 ligt, doen de maatregelen
samen dat domein meer kwaad dan goed.

Goed: scores +2, -1 en 0 op ``hulpverlening`` (som +1).

Fout: scores +1, -1 en -1 op ``hulpverlening`` (som -1).
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...words import plural
from ..base import Context, Problem

ID = "domain-net-negative"
LEVEL = Severity.WARNING
TITLE = "Domein per saldo geschaad"
SUMMARY = "De maatregelen samen schaden een domein meer dan ze het dienen."
READS_SCORES = True
REMEDY = "Mitigeer of heroverweeg de maatregelen met negatieve scores op dit domein."


def check(ctx: Context) -> Iterator[Problem]:
    for domain, cover in ctx.coverage.domains.items():
        if cover.total < 0:
            yield Problem(
                Subject("domain", domain),
                (),
                f"de som van alle scores op {ctx.name('domain', domain)} is {cover.total:+d}; "
                f"{plural(cover.negative, 'maatregel schaadt', 'maatregelen schaden')} het",
            )

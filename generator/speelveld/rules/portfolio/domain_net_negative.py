"""Het portfolio als geheel schaadt geen domein.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...words import plural
from ..base import Context, Problem

ID = "domain-net-negative"


def check(ctx: Context) -> Iterator[Problem]:
    for domain, cover in ctx.coverage.domains.items():
        if cover.total < 0:
            yield Problem(
                Subject("domain", domain),
                (),
                f"de som van alle scores op {ctx.name('domain', domain)} is {cover.total:+d}; "
                f"{plural(cover.negative, 'maatregel schaadt', 'maatregelen schaden')} het",
            )

"""Elk domein wordt door ten minste één maatregel positief gediend.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...words import plural
from ..base import Context, Problem

ID = "domain-uncovered"


def check(ctx: Context) -> Iterator[Problem]:
    minimum = ctx.threshold("min_measures_per_domain")
    for domain, cover in ctx.coverage.domains.items():
        if cover.positive < minimum:
            yield Problem(
                Subject("domain", domain),
                (),
                f"{ctx.name('domain', domain)} heeft "
                f"{plural(cover.positive, 'maatregel', 'maatregelen')} met een positief effect; "
                f"minimaal {minimum}",
            )

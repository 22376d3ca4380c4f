"""Geen domein blijft ver achter in het totale positieve effect.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import Subject
from ...words import percent
from ..base import Context, Problem

ID = "domain-underserved"


def check(ctx: Context) -> Iterator[Problem]:
    minimum = ctx.threshold("min_domain_share")
    uncovered = ctx.threshold("min_measures_per_domain")
    domains = ctx.coverage.domains
    if not any(cover.positive_sum for cover in domains.values()):
        return
    for domain, cover in domains.items():
        if cover.positive >= uncovered and cover.share < minimum:
            yield Problem(
                Subject("domain", domain),
                (),
                f"{ctx.name('domain', domain)} krijgt {percent(cover.share, minimum)} van het "
                f"positieve effect; minder dan {percent(minimum)}",
            )

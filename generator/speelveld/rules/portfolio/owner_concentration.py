"""Besluitvorming over meerdere portefeuilles.

What the rule means, its level and its options are in :mod:`speelveld.catalogue`.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO, Subject
from ...words import percent, plural
from ..base import Context, Problem

ID = "owner-concentration"


def check(ctx: Context) -> Iterator[Problem]:
    owners = ctx.coverage.owners
    count = sum(owners.values())
    limit = ctx.threshold("max_owner_share")
    for owner, most in owners.most_common(1):
        if most / count > limit:
            yield Problem(
                Subject("stakeholder", owner),
                (),
                f"{ctx.name('stakeholder', owner)} is eigenaar van {most} van de {count} "
                f"maatregelen ({percent(most / count, limit)}); meer dan {percent(limit)}",
            )
    minimum = ctx.threshold("min_owner_count")
    if len(owners) < minimum:
        yield Problem(
            PORTFOLIO,
            ctx.config.threshold_pointer("min_owner_count"),
            f"{plural(len(owners), 'bestuurlijke eigenaar heeft', 'bestuurlijke eigenaren hebben')}"
            f" maatregelen; minimaal {minimum}. Betrek meer portefeuilles bij de besluitvorming",
        )

"""Besluitvorming over meerdere portefeuilles.

Integrale besluitvorming betrekt meer dan één portefeuille: een domein
waarvoor geen bestuurder verantwoordelijk is, krijgt weinig aandacht. Deze
regel waarschuwt als één eigenaar meer dan ``max_owner_share`` van de
maatregelen heeft, of als minder dan ``min_owner_count`` eigenaren
maatregelen hebben. De portefeuilles die een project wil betrekken, staan in
``framework.portfolios``.

Goed: vier eigenaren, de grootste met 40 procent van de maatregelen.

Fout: één wethouder is eigenaar van 9 van de 10 maatregelen.
"""

from collections.abc import Iterator

from ...findings import PORTFOLIO, Severity, Subject
from ...words import percent, plural
from ..base import Context, Problem

ID = "owner-concentration"
SETTINGS = ("max_owner_share", "min_owner_count")
LEVEL = Severity.WARNING
TITLE = "Eigenaarschap te geconcentreerd"
SUMMARY = "De maatregelen liggen bij te weinig bestuurlijke eigenaren."
REMEDY = "Beleg maatregelen ook bij andere portefeuilles."


def check(ctx: Context) -> Iterator[Problem]:
    owners = ctx.coverage.owners
    count = sum(owners.values())
    limit = ctx.config.max_owner_share
    for owner, most in owners.most_common(1):
        if most / count > limit:
            yield Problem(
                Subject("stakeholder", owner),
                (),
                f"{ctx.name('stakeholder', owner)} is eigenaar van {most} van de {count} "
                f"maatregelen ({percent(most / count, limit)}); meer dan {percent(limit)}",
            )
    minimum = ctx.config.min_owner_count
    if len(owners) < minimum:
        yield Problem(
            PORTFOLIO,
            ("min_owner_count",),
            f"{plural(len(owners), 'bestuurlijke eigenaar heeft', 'bestuurlijke eigenaren hebben')}"
            f" maatregelen; minimaal {minimum}. Betrek meer portefeuilles bij de besluitvorming",
        )

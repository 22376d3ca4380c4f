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
from ..base import Context, Problem

ID = "owner-concentration"
LEVEL = Severity.WARNING
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
                f"'{owner}' is eigenaar van {most} van de {count} maatregelen "
                f"({most / count:.0%}); meer dan {limit:.0%} (max_owner_share)",
            )
    minimum = ctx.config.min_owner_count
    if len(owners) < minimum:
        yield Problem(
            PORTFOLIO,
            ("min_owner_count",),
            f"{len(owners)} bestuurlijke eigenaar(s) hebben maatregelen; minimaal {minimum} "
            "(min_owner_count). Betrek meer portefeuilles bij de besluitvorming",
        )

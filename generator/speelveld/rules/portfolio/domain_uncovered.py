"""Elk domein wordt door ten minste één maatregel positief gediend.

Elk domein van het speelveld is van belang voor effectief beleid. Een domein
dat geen enkele maatregel met +1 of hoger heeft, is een gat in het speelveld.
De drempel is ``min_measures_per_domain``.

Goed: elk domein heeft een maatregel met score +1 of hoger.

Fout: geen enkele maatregel scoort ``preventie`` positief.
"""

from collections.abc import Iterator

from ...findings import Severity, Subject
from ...words import plural
from ..base import Context, Problem

ID = "domain-uncovered"
SETTINGS = ("min_measures_per_domain",)
LEVEL = Severity.ERROR
TITLE = "Domein niet gedekt"
SUMMARY = "Een domein heeft te weinig maatregelen die het positief dienen."
READS_SCORES = True
REMEDY = "Voeg een maatregel toe die dit domein dient, of versterk een bestaande."


def check(ctx: Context) -> Iterator[Problem]:
    minimum = ctx.config.min_measures_per_domain
    for domain, cover in ctx.coverage.domains.items():
        if cover.positive < minimum:
            yield Problem(
                Subject("domain", domain),
                (),
                f"{ctx.name('domain', domain)} heeft "
                f"{plural(cover.positive, 'maatregel', 'maatregelen')} met een positief effect; "
                f"minimaal {minimum}",
            )
